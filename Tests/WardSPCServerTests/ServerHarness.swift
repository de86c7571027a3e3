import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import WardSPCServer

/// An `UploadServer` running in this process on a free loopback port, spoken to over real
/// HTTP (URLSession), as a browser or script would.
final class ServerHarness: Sendable {
    let port: Int
    private let task: Task<Void, Error>

    private init(port: Int, task: Task<Void, Error>) {
        self.port = port
        self.task = task
    }

    /// Starts a server (port 0: the system picks a free one) and waits until it listens;
    /// `configure` changes any other setting.
    static func start(maxUploadBytes: Int = 50 * 1_048_576, timeLimitSeconds: Double = 300,
                      configure: (inout ServerSettings) -> Void = { _ in }) async throws -> ServerHarness {
        var settings = ServerSettings(host: "127.0.0.1", port: 0, maxUploadBytes: maxUploadBytes, timeLimitSeconds: timeLimitSeconds)
        configure(&settings)
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let task = Task {
            defer { continuation.finish() }
            try await UploadServer(settings: settings).run { continuation.yield($0) }
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            _ = try await task.value
            throw HarnessError("the server stopped before listening")
        }
        return ServerHarness(port: port, task: task)
    }

    func stop() async {
        task.cancel()
        _ = try? await task.value
    }

    /// Runs `body` against a fresh server, stopping it afterwards whatever happens.
    static func with<T>(maxUploadBytes: Int = 50 * 1_048_576, timeLimitSeconds: Double = 300,
                        configure: (inout ServerSettings) -> Void = { _ in },
                        _ body: (ServerHarness) async throws -> T) async throws -> T {
        let server = try await start(maxUploadBytes: maxUploadBytes, timeLimitSeconds: timeLimitSeconds, configure: configure)
        do {
            let result = try await body(server)
            await server.stop()
            return result
        } catch {
            await server.stop()
            throw error
        }
    }

    var base: URL { URL(string: "http://127.0.0.1:\(port)")! }

    struct Answer: Sendable {
        var status: Int
        var contentType: String
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    func get(_ path: String) async throws -> Answer {
        try await send(URLRequest(url: base.appendingPathComponent(path)))
    }

    /// POSTs a multipart form: `files` as (field, file name, bytes), `fields` as text.
    func post(_ path: String, files: [(field: String, name: String, bytes: [UInt8])] = [],
              fields: [(String, String)] = []) async throws -> Answer {
        let boundary = "----wardspc-test-\(UUID().uuidString)"
        return try await post(path, contentType: "multipart/form-data; boundary=\(boundary)",
                              body: Self.multipart(boundary: boundary, files: files, fields: fields))
    }

    /// POSTs `body` as it is, with this content type.
    func post(_ path: String, contentType: String, body: Data) async throws -> Answer {
        var request = URLRequest(url: base.appendingPathComponent(path))
        request.httpMethod = "POST"
        request.setValue(contentType, forHTTPHeaderField: "Content-Type")
        request.httpBody = body
        return try await send(request)
    }

    static func multipart(boundary: String, files: [(field: String, name: String, bytes: [UInt8])],
                          fields: [(String, String)]) -> Data {
        var body = Data()
        for (name, value) in fields {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        for file in files {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\nContent-Type: text/csv\r\n\r\n".utf8))
            body.append(contentsOf: file.bytes)
            body.append(Data("\r\n".utf8))
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        return body
    }

    func send(_ request: URLRequest) async throws -> Answer {
        var request = request
        request.timeoutInterval = 600
        // No `Expect: 100-continue` round trip: send the body straight away, as browsers do.
        request.setValue("", forHTTPHeaderField: "Expect")
        let (data, response) = try await URLSession.shared.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw HarnessError("not an HTTP response") }
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields {
            if let key = key as? String, let value = value as? String { headers[key.lowercased()] = value }
        }
        return Answer(status: http.statusCode, contentType: headers["content-type"] ?? "", headers: headers, body: data)
    }
}

struct HarnessError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The repository's files and the sample programme, for the tests.
enum Fixtures {
    /// The repository root (this file is Tests/WardSPCServerTests/ServerHarness.swift).
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let sampleWards: [UInt8] = {
        let data = FileManager.default.contents(atPath: repositoryRoot.path + "/SampleData/wards.csv") ?? Data()
        return [UInt8](data)
    }()

    static let sampleEvents: [UInt8] = {
        let data = FileManager.default.contents(atPath: repositoryRoot.path + "/SampleData/events.csv") ?? Data()
        return [UInt8](data)
    }()

    /// The sample's rows of one trust and one measure (a quick upload): 12 wards × 156 weeks.
    static let smallWards: [UInt8] = {
        let lines = String(decoding: sampleWards, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let kept = lines.enumerated().filter { index, line in
            index == 0 || (line.hasPrefix("RX1,") && line.contains(",restraint,"))
        }
        return Array((kept.map { String($0.element) }.joined(separator: "\n") + "\n").utf8)
    }()
}
