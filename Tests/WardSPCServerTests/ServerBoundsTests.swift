import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import WardSPCServer

/// The server's bounds as a client meets them: a full queue answered at once, the page and
/// /health never behind an upload.
@Suite(.serialized) struct ServerBoundsTests {
    /// Opens an upload whose body is still arriving: it holds a place in the queue.
    static func holdPlace(port: Int, endpoint: String = "/analyze") throws -> RawConnection {
        let connection = try RawConnection(port: port)
        try connection.send("POST \(endpoint) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=held\r\nContent-Length: 100000\r\n\r\n--held\r\n")
        return connection
    }

    @Test func queueFull_503WithRetryAfterAtOnce_pageAndHealthStillAnswer_thenUploadsRunAgain() async throws {
        try await ServerHarness.with(configure: { $0.workers = 1; $0.queueLength = 1 }) { server in
            // One worker and one waiting place, both held by uploads still being sent.
            var holders: [RawConnection]? = try (0..<2).map { _ in try Self.holdPlace(port: server.port) }
            try await Task.sleep(for: .milliseconds(300))
            let clock = ContinuousClock()
            var started = clock.now
            let busy = try await server.post("/analyze", files: [("file", "small.csv", Fixtures.smallWards)])
            #expect(clock.now - started < .seconds(2), "a full queue answers at once, without reading the upload")
            #expect(busy.status == 503)
            #expect(busy.contentType.hasPrefix("application/json"))
            #expect(busy.text.contains("busy with other uploads"))
            let retryAfter = try #require(busy.headers["retry-after"].flatMap(Int.init), "\(busy.headers)")
            #expect((1...300).contains(retryAfter))
            #expect(busy.headers["connection"]?.lowercased() == "close", "the unread upload is not kept")

            let page = try await server.post("/report", files: [("file", "small.csv", Fixtures.smallWards)])
            #expect(page.status == 503)
            #expect(page.text.contains("<form"), "the page's own 503 is the form again")

            started = clock.now
            #expect(try await server.get("/health").status == 200)
            #expect(try await server.get("/").status == 200)
            #expect(clock.now - started < .seconds(1), "the page and /health never wait behind uploads")

            holders = nil  // the held uploads are abandoned: their places come back
            _ = holders
            try await Task.sleep(for: .milliseconds(300))
            let good = try await server.post("/analyze", files: [("file", "small.csv", Fixtures.smallWards)])
            #expect(good.status == 200)
        }
    }
}
