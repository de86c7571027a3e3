import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// The load test's smaller version (the whole one, 200 uploads of the sample programme, is
/// scripts/serve_load_test.py): 30 uploads at once to `wardspc serve` running in its own
/// process on loopback, with two workers and a line of four. Every upload is answered, 200
/// or 503 with Retry-After, none dropped; /health answers within a few seconds throughout
/// (inside the whole parallel suite both cores are busy and one probe has taken 1.65 s; a
/// probe stuck behind the jobs would wait for the line of uploads, many seconds, and the
/// standalone release figure, under 50 ms, is scripts/serve_load_test.py's); the
/// server is idle again afterwards and its memory stayed bounded. Clients run on threads of
/// their own, so the figures are the server's, not this test process's.
@Suite(.serialized) struct ServeLoadTests {
    struct Answer: Sendable {
        var status: Int
        var retryAfter: String?
        var body: Data
        var seconds: Double
        var failure: String?
    }

    /// A request sent and answered on a thread of its own.
    static func fetch(_ request: URLRequest, session: URLSession) async -> Answer {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                let started = Date()
                let done = DispatchSemaphore(value: 0)
                nonisolated(unsafe) var answer = Answer(status: 0, body: Data(), seconds: 0)
                session.dataTask(with: request) { data, response, error in
                    let http = response as? HTTPURLResponse
                    answer = Answer(status: http?.statusCode ?? 0, retryAfter: http?.value(forHTTPHeaderField: "Retry-After"),
                                    body: data ?? Data(), seconds: Date().timeIntervalSince(started),
                                    failure: error.map { "\($0)" })
                    done.signal()
                }.resume()
                done.wait()
                continuation.resume(returning: answer)
            }
        }
    }

    static func memory(_ pid: Int32, _ field: String) -> Double {
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix(field + ":") } ?? ""
        return (Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) / 1024
    }

    @Test func thirtyUploadsAtOnce_everyOneAnswered_healthWithinSeconds_memoryBounded() async throws {
        let server = try ServeProcess(["--workers", "2", "--queue", "4"])
        let base = server.base
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = 64
        configuration.timeoutIntervalForRequest = 120
        let session = URLSession(configuration: configuration)

        // One trust of the sample programme (12 wards, 84 series): a debug build's report
        // takes a few seconds, so the line fills and empties within the test.
        let programme = try String(contentsOf: CLIRunner.repositoryRoot.appendingPathComponent("SampleData/wards.csv"), encoding: .utf8)
        let sample = Data(programme.split(separator: "\n").enumerated()
            .filter { $0.offset == 0 || $0.element.hasPrefix("RX1,") }.map { $0.element + "\n" }.joined().utf8)
        let boundary = "wardspc-load"
        var body = Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"wards.csv\"\r\n\r\n".utf8)
        body.append(sample)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        let endpoints = ["report", "analyze", "evaluate"]

        let idleMemory = Self.memory(server.process.processIdentifier, "VmRSS")
        // The probes have a session of their own: one session sends its requests through
        // one transfer loop, where a probe would wait behind the uploads' bodies.
        let probeSession = URLSession(configuration: .ephemeral)
        let probing = Task {
            var probes: [Answer] = []
            while !Task.isCancelled {
                probes.append(await Self.fetch(URLRequest(url: base.appendingPathComponent("health")), session: probeSession))
                try? await Task.sleep(for: .milliseconds(200))
            }
            return probes
        }
        let answers = await withTaskGroup(of: Answer.self) { group in
            for index in 0..<30 {
                var request = URLRequest(url: base.appendingPathComponent(endpoints[index % 3]))
                request.httpMethod = "POST"
                request.setValue("multipart/form-data; boundary=\(boundary)", forHTTPHeaderField: "Content-Type")
                request.setValue("", forHTTPHeaderField: "Expect")
                request.httpBody = body
                group.addTask { await Self.fetch(request, session: session) }
            }
            var all: [Answer] = []
            for await answer in group { all.append(answer) }
            return all
        }
        var idle = false
        for _ in 0..<100 where !idle {
            let health = String(decoding: await Self.fetch(URLRequest(url: base.appendingPathComponent("health")), session: session).body, as: UTF8.self)
            idle = health.contains("\"running\": 0") && health.contains("\"waiting\": 0")
            if !idle { try await Task.sleep(for: .milliseconds(100)) }
        }
        probing.cancel()
        let probes = await probing.value
        let peakMemory = Self.memory(server.process.processIdentifier, "VmHWM")

        let ok = answers.filter { $0.status == 200 }
        let busy = answers.filter { $0.status == 503 }
        #expect(ok.count + busy.count == 30, "every upload answered 200 or 503: \(answers.map { $0.failure ?? String($0.status) })")
        #expect(ok.count >= 6, "the uploads the workers and the line hold are answered (\(ok.count))")
        #expect(busy.allSatisfy { $0.retryAfter.flatMap(Int.init) != nil }, "every 503 says when to retry")
        #expect(!probes.isEmpty && probes.allSatisfy { $0.status == 200 && $0.seconds < 5 },
                "every /health probe within a few seconds: \(probes.map { ($0.status, $0.seconds) })")
        #expect(idle, "no job left running")
        // Two workers and four waiting uploads of the sample: far under a gigabyte.
        #expect(peakMemory > 0 && peakMemory < 1_024, "peak \(peakMemory) MB, idle \(idleMemory) MB")
        print("serve load (30 uploads, 2 workers, queue 4): \(ok.count) answered 200, \(busy.count) 503; slowest /health \(probes.map(\.seconds).max() ?? 0) s over \(probes.count) probes; memory idle \(Int(idleMemory)) MB, peak \(Int(peakMemory)) MB")
    }
}
