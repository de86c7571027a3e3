import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import WardSPCServer

/// Every answer carries the security headers — the page, JSON, CSV, the script, errors and
/// 404s alike — the page runs no inline script, and the report only its own.
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
                // Long enough for a machine busy with the rest of the suite; it returns at the close.
                return connection.receiveUntilClosed(seconds: 30).text
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
        }
    }

    /// The report runs its own hover-figures script and no other: the policy names that
    /// script's SHA-256, the page's one executable script has exactly those bytes (hashed
    /// here by `sha256sum`, not by the server's code), and nothing is loaded.
    @Test func report_runsOnlyItsOwnScript_allowedByItsHash() async throws {
        try await ServerHarness.with { server in
            let report = try await server.post("/report", files: [("file", "small.csv", Fixtures.smallWards)])
            #expect(report.status == 200)
            let policy = try #require(report.headers["content-security-policy"])
            #expect(policy.hasPrefix("default-src 'none'"))
            let directives = policy.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            let scriptSource = try #require(directives.first { $0.hasPrefix("script-src") })
            // The executable scripts: every <script> but the figures' text/plain data block.
            let scripts = report.text.components(separatedBy: "<script").dropFirst()
                .filter { !$0.hasPrefix(" type=\"text/plain\"") }
                .map { element in
                    String(element[element.index(after: element.firstIndex(of: ">")!)...]).components(separatedBy: "</script>")[0]
                }
            try #require(scripts.count == 1, "one executable script")
            #expect(scripts[0].contains("point-figures"))
            #expect(scriptSource == "script-src 'sha256-\(try Self.sha256sum(scripts[0]))'")
        }
    }

    @Test func scriptHash_matchesTheSpecificationsExample() {
        // CSP Level 2, §4.2.4's example, and the empty script.
        #expect(ScriptHash.sha256("alert('Hello, world.');") == "sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng=")
        #expect(ScriptHash.sha256("") == "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")
    }

    /// Base64 of the SHA-256 of `text`'s UTF-8, by coreutils' `sha256sum`.
    static func sha256sum(_ text: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let hex = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).prefix(64)
        process.waitUntilExit()
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            bytes.append(UInt8(hex[index..<next], radix: 16)!)
            index = next
        }
        return Data(bytes).base64EncodedString()
    }
}
