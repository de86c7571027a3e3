import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `wardspc serve` as a person starts it: the real executable, on a free loopback port.
@Suite struct ServeCommandTests {
    @Test func help_saysUnitsDefaultsAndThatThereIsNoLogin() throws {
        let result = try CLIRunner.run(["serve", "--help"])
        #expect(result.status == 0)
        for text in ["--host", "127.0.0.1", "--port", "8080", "--max-upload-mb", "megabytes", "Default: 50",
                     "--timeout", "Seconds", "Default: 120", "no login"] {
            #expect(result.stdout.contains(text), "\(text)")
        }
        #expect(try CLIRunner.run(["serve", "--port", "70000"]).status == 2)
        #expect(try CLIRunner.run(["serve", "--max-upload-mb", "0"]).status == 2)
    }

    @Test func help_statesTheWorkBoundsWithTheirDefaults() throws {
        let help = try CLIRunner.run(["serve", "--help"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for text in ["--workers", "number of cores", "--queue", "Retry-After", "Default: 8",
                     "--max-series", "Default: 2500", "--max-rows", "Default: 400000", "--max-columns", "Default: 200",
                     "--max-reply-mb", "megabytes", "Default: 100", "408"] {
            #expect(help.contains(text), "\(text)")
        }
        for bad in [["--workers", "0"], ["--queue", "-1"], ["--max-series", "0"], ["--max-columns", "2"], ["--max-reply-mb", "0"]] {
            #expect(try CLIRunner.run(["serve"] + bad).status == 2, "\(bad)")
        }
    }

    @Test func offLoopback_warnsThatThereIsNoLogin() throws {
        // 192.0.2.1 is a documentation address no machine has: the bind fails after the warning.
        let result = try CLIRunner.run(["serve", "--host", "192.0.2.1", "--port", "0"])
        #expect(result.stderr.contains("There is no login"))
        #expect(result.stderr.contains("could not serve"))
        #expect(result.status == 1)
    }

    /// The page's fields and the command line's flags that ask for the same report: the
    /// baseline (which freezes every chart's limits and is the headline's baseline window),
    /// the headline's comparison start, the benchmark and the title (issue 18).
    static let sameOptions: [(field: String, flag: String, value: String)] = [
        ("baseline_until", "--baseline-until", "2023-12-25"), ("from", "--from", "2024-07-01"),
        ("benchmark", "--benchmark", "20"), ("title", "--title", "Same report, two doors"),
    ]

    @Test func serves_theReportWardspcReportWrites_sameOptionsSameBytes_andStopsOnCtrlC() async throws {
        let server = try ServeProcess()
        let base = server.base

        let (health, healthResponse) = try await URLSession.shared.data(from: base.appendingPathComponent("health"))
        #expect((healthResponse as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: health, as: UTF8.self).contains("ok"))

        let sample = CLIRunner.repositoryRoot.appendingPathComponent("SampleData")
        let boundary = "wardspc-cli-test"
        var body = Data()
        for (field, name) in [("file", "wards.csv"), ("events", "events.csv")] {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(name)\"\r\n\r\n".utf8))
            body.append(try Data(contentsOf: sample.appendingPathComponent(name)))
            body.append(Data("\r\n".utf8))
        }
        for option in Self.sameOptions {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(option.field)\"\r\n\r\n\(option.value)\r\n".utf8))
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        var request = URLRequest(url: base.appendingPathComponent("report"))
        request.httpMethod = "POST"
        request.timeoutInterval = 300
        request.setValue("multipart/form-data; boundary=\(boundary)", forHTTPHeaderField: "Content-Type")
        request.setValue("", forHTTPHeaderField: "Expect")
        request.httpBody = body
        let (served, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)

        // The same files through `wardspc report`, named alike (run beside them).
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("wardspc-serve-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let report = Process()
        report.executableURL = CLIRunner.executable
        // --formats html: the page alone, as serve returns it (with chart files the page links them).
        report.arguments = ["report", "wards.csv", "--events", "events.csv", "--formats", "html", "--out", out.path]
            + Self.sameOptions.flatMap { [$0.flag, $0.value] }
        report.currentDirectoryURL = sample
        report.standardOutput = FileHandle.nullDevice
        report.standardError = FileHandle.nullDevice
        try report.run()
        report.waitUntilExit()
        #expect(report.terminationStatus == 0)
        let written = try Data(contentsOf: out.appendingPathComponent("index.html"))
        // Identical but for the day each was made (a run across midnight).
        func undated(_ data: Data) -> String {
            String(decoding: data, as: UTF8.self).replacing(/enerated \d{1,2} [A-Z][a-z]{2} \d{4}/, with: "enerated DAY")
        }
        #expect(undated(served) == undated(written))
        // And the options took effect in both: the headline compares the windows asked for.
        let page = undated(written)
        #expect(page.contains("Same report, two doors"))
        #expect(page.contains("starting up to 25 Dec 2023") && page.contains("from 1 Jul 2024"))
        #expect(page.contains("against the 20% benchmark"))

        #expect(server.interrupt() == 0)  // Ctrl+C
        #expect(server.said.contains("wardspc: stopped"))
    }
}
