import Foundation
import Testing
@testable import WardSPCServer

/// How long a connection may take over a request and when it closes, spoken by hand over
/// a socket: slow headers and slow bodies cut off at the limit, HTTP/1.0 and 413s closed.
@Suite(.serialized) struct ConnectionTests {
    static func shortLimits(_ settings: inout ServerSettings) {
        settings.requestTimeLimitSeconds = 1
    }

    @Test func http10_isAnsweredThenClosed_http11_staysOpenForTheNext() async throws {
        try await ServerHarness.with { server in
            let (old, kept) = try await RawConnection.offThePool { () -> ((String, Bool), (String, Bool)) in
                let old = try RawConnection(port: server.port)
                try old.send("GET /health HTTP/1.0\r\n\r\n")
                let oldAnswer = old.receiveUntilClosed(seconds: 5)
                let kept = try RawConnection(port: server.port)
                try kept.send("GET /health HTTP/1.1\r\nHost: a\r\n\r\nGET /health HTTP/1.1\r\nHost: a\r\n\r\n")
                let keptAnswer = kept.receiveUntilClosed(seconds: 1.5)
                return (oldAnswer, keptAnswer)
            }
            #expect(old.0.hasPrefix("HTTP/1.1 200"))
            #expect(old.0.lowercased().contains("connection: close"))
            #expect(old.1, "an HTTP/1.0 request without keep-alive is answered and the connection closed")
            #expect(kept.0.components(separatedBy: "HTTP/1.1 200").count == 3, "both requests answered")
            #expect(!kept.1, "HTTP/1.1 keeps the connection for the next request")
        }
    }

    @Test func connectionClose_and413_closeTheConnectionAfterTheAnswer() async throws {
        try await ServerHarness.with(maxUploadBytes: 1_048_576) { server in
            let (asked, refused) = try await RawConnection.offThePool { () -> ((String, Bool), (String, Bool)) in
                let asking = try RawConnection(port: server.port)
                try asking.send("GET /health HTTP/1.1\r\nHost: a\r\nConnection: Close\r\n\r\n")
                let asked = asking.receiveUntilClosed(seconds: 5)
                let large = try RawConnection(port: server.port)
                try large.send("POST /analyze HTTP/1.1\r\nHost: a\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 5000000\r\n\r\n--b\r\n")
                return (asked, large.receiveUntilClosed(seconds: 10))
            }
            #expect(asked.0.hasPrefix("HTTP/1.1 200"))
            #expect(asked.1, "Connection: close (in any case) is honoured")
            #expect(refused.0.hasPrefix("HTTP/1.1 413"))
            #expect(refused.0.lowercased().contains("connection: close"))
            #expect(refused.1, "after a 413 the unread body is not waited for")
        }
    }

    @Test func slowBody_408AndClosedAtTheLimit_slowHeaders_closed() async throws {
        try await ServerHarness.with(configure: Self.shortLimits) { server in
            let clock = ContinuousClock()
            let started = clock.now
            let (body, headers) = try await RawConnection.offThePool { () -> ((String, Bool), (String, Bool)) in
                let slow = try RawConnection(port: server.port)
                try slow.send("POST /analyze HTTP/1.1\r\nHost: a\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 1000\r\n\r\n")
                // A byte every 0.2 s: under the old idle timeout this was kept open for ever.
                for _ in 0..<10 {
                    Thread.sleep(forTimeInterval: 0.2)
                    if (try? slow.send("-")) == nil { break }
                }
                let bodyAnswer = slow.receiveUntilClosed(seconds: 3)
                let trickle = try RawConnection(port: server.port)
                try trickle.send("GET /health HTTP/1.1\r\nHost: a\r\n")  // the headers never end
                return (bodyAnswer, trickle.receiveUntilClosed(seconds: 4))
            }
            #expect(body.0.hasPrefix("HTTP/1.1 408"), "\(body.0.prefix(80))")
            #expect(body.0.contains("did not arrive within"))
            #expect(body.1, "the slow body's connection is closed")
            #expect(headers.1, "headers that never end are not waited for past the limit")
            #expect(clock.now - started < .seconds(9))
            // Idle connections outlast every request and its answer, so a client waiting for
            // its answer is never cut off.
            let settings = ServerSettings()
            #expect(settings.idleTimeoutSeconds > settings.timeLimitSeconds + settings.requestTimeLimitSeconds)
        }
    }
}
