import Foundation
import Testing
@testable import WardSPCServer

/// Clients that ask before sending a body (`Expect: 100-continue`: curl over 1 MB, .NET,
/// PowerShell) are told to go ahead — or, over the limit, refused before they send it.
@Suite struct ExpectContinueTests {
    @Test func expectContinue_answered100_thenTheUpload() async throws {
        try await ServerHarness.with(maxUploadBytes: 1_048_576) { server in
            let body = ServerHarness.multipart(boundary: "ask", files: [("file", "small.csv", Fixtures.smallWards)], fields: [])
            let (interim, answer) = try await RawConnection.offThePool {
                let connection = try RawConnection(port: server.port)
                try connection.send("POST /analyze HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=ask\r\nContent-Length: \(body.count)\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n")
                let interim = try connection.receive(until: "\r\n\r\n", seconds: 5)
                try connection.send(body)
                return (interim, try connection.receive(until: nil, seconds: 120))
            }
            #expect(interim.hasPrefix("HTTP/1.1 100"), "\(interim)")
            #expect(answer.hasPrefix("HTTP/1.1 200"), "\(answer.prefix(200))")
            #expect(answer.contains("wardspc/analysis@1"))
        }
    }

    @Test func expectContinue_overTheLimit_413WithoutTheBody() async throws {
        try await ServerHarness.with(maxUploadBytes: 1_048_576) { server in
            let answer = try await RawConnection.offThePool {
                let connection = try RawConnection(port: server.port)
                try connection.send("POST /report HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=ask\r\nContent-Length: 5000000\r\nExpect: 100-continue\r\n\r\n")
                return try connection.receive(until: "</html>", seconds: 10)
            }
            #expect(answer.hasPrefix("HTTP/1.1 413"), "\(answer.prefix(200))")
            #expect(!answer.contains("100 Continue"))
        }
    }
}
