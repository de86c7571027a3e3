import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import WardSPCServer

/// Every answer carries the security headers — the page, JSON, CSV, the script, errors and
/// 404s alike — and the page runs no inline script.
@Suite(.serialized) struct SecurityHeadersTests {
    static func expectSecurityHeaders(_ headers: [String: String], _ what: String) {
        #expect(headers["cache-control"] == "no-store", "\(what)")
        #expect(headers["x-content-type-options"] == "nosniff", "\(what)")
        #expect(headers["referrer-policy"] == "no-referrer", "\(what)")
        #expect(headers["x-frame-options"] == "DENY", "\(what)")
        #expect(headers["cross-origin-resource-policy"] == "same-origin", "\(what)")
        #expect(headers["content-security-policy"]?.contains("frame-ancestors 'none'") == true, "\(what)")
    }

    @Test func everyAnswer_404sAndErrorsIncluded_carriesTheSecurityHeaders() async throws {
        try await ServerHarness.with { server in
            for path in ["/", "/health", "/sample.csv", "/upload.js", "/no-such-page", "/../etc/passwd"] {
                let answer = try await server.get(path)
                Self.expectSecurityHeaders(answer.headers, path)
            }
            #expect(try await server.get("/no-such-page").status == 404)
            let refused = try await server.post("/evaluate", files: [("file", "notes.csv", Array("hello,world\n".utf8))])
            #expect(refused.status == 422)
            Self.expectSecurityHeaders(refused.headers, "422")
            #expect(refused.headers["content-security-policy"] == SecurityHeaders.defaultPolicy, "JSON: the policy that allows nothing")
            // The parser's own 400 for a request that is not HTTP.
            let garbage = try await RawConnection.offThePool {
                let connection = try RawConnection(port: server.port)
                try connection.send("NOT HTTP AT ALL\r\n\r\n")
                return connection.receiveUntilClosed(seconds: 5).text
            }
            #expect(garbage.hasPrefix("HTTP/1.1 400"))
            #expect(garbage.lowercased().contains("x-content-type-options: nosniff"))
        }
    }

    @Test func page_runsNoInlineScript_itsScriptIsServed() async throws {
        try await ServerHarness.with { server in
            let page = try await server.get("/")
            let policy = try #require(page.headers["content-security-policy"])
            let scriptSource = try #require(policy.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
                .first { $0.hasPrefix("script-src") })
            #expect(scriptSource == "script-src 'self'", "no 'unsafe-inline' (nor any other) script source")
            // Every script element loads the served file; none has a body.
            #expect(page.text.contains("<script src=\"/upload.js\"></script>"))
            #expect(page.text.components(separatedBy: "<script").count == 2)
            let script = try await server.get("/upload.js")
            #expect(script.status == 200)
            #expect(script.contentType.hasPrefix("text/javascript"))
            #expect(script.text.contains("drop-zone"))
            // The report runs nothing at all.
            let report = try await server.post("/report", files: [("file", "small.csv", Fixtures.smallWards)])
            #expect(report.status == 200)
            #expect(report.headers["content-security-policy"]?.contains("script-src") == false)
            #expect(report.headers["content-security-policy"]?.hasPrefix("default-src 'none'") == true)
        }
    }
}
