import Foundation
import Testing

/// Issue 17, "nothing dropped silently, nothing echoed" and "outputs", as a user meets them.
@Suite struct NothingDroppedTests {
    /// 30 weeks of one ward, grouped and ISO-dated (the fast path reads it).
    static func weeks(ward: String = "Alder", extraHeader: String = "", extra: (Int) -> String = { _ in "" }) -> String {
        var text = "trust,ward,measure,week_start,count,bed_days\(extraHeader)\n"
        var day = DateComponents(calendar: Calendar(identifier: .gregorian), year: 2024, month: 1, day: 1).date!
        for week in 0..<30 {
            let iso = ISO8601DateFormatter.string(from: day, timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
            text += "RX1,\(ward),restraint,\(iso),\(week % 4 + 1),140\(extra(week))\n"
            day = day.addingTimeInterval(7 * 86_400)
        }
        return text
    }

    // MARK: identifiers

    @Test func aColumnOfNHSNumbers_isRefused_andNoValueIsPrintedByAnyCommand() throws {
        let scratch = try Scratch()
        let numbers = ["9434765919", "4010232137", "9990000018"]
        let data = try scratch.file("wards.csv", Self.weeks(extraHeader: ",ref") { ",\(numbers[$0 % 3])" })
        for arguments in [["analyze", data], ["analyze", data, "--format", "json"], ["evaluate", data],
                          ["validate", data], ["validate", data, "--format", "json"], ["report", data, "--out", scratch.path("r")]] {
            let result = try CLIRunner.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            let shown = result.stdout + result.stderr
            #expect(shown.contains("ref") && shown.contains("NHS numbers"), "\(arguments): \(shown.prefix(400))")
            for value in numbers + ["943476", "5919"] {
                #expect(!(result.stdout + result.stderr).contains(value), "\(arguments) showed an NHS number")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: scratch.path("r")))
    }

    // MARK: denominators

    @Test(arguments: ["1e-320", "1e308"])
    func anImpossibleDenominator_isRefusedAtItsLineAndColumn_onEitherPath(_ value: String) throws {
        let scratch = try Scratch()
        let text = Self.weeks().replacingOccurrences(of: "2024-01-08,2,140", with: "2024-01-08,2,\(value)")
        let data = try scratch.file("wards.csv", text)
        for extra in [[], ["--lenient"]] {
            let result = try CLIRunner.run(["evaluate", data] + extra)
            if extra.isEmpty {
                #expect(result.status == 2)
                #expect(result.stderr.contains("wards.csv:3:bed_days:"), "\(result.stderr)")
            } else {
                #expect(result.status == 0)
                #expect(result.stderr.contains("wards.csv:3:bed_days: warning:"), "\(result.stderr)")
            }
            #expect(!result.stdout.contains("inf") && !result.stdout.contains("nan"))
        }
    }

    // MARK: events for wards not in the data

    @Test func anEventsRowForAWardNotInTheData_isWarnedWithItsLine_onEitherPath() throws {
        let scratch = try Scratch()
        let data = try scratch.file("wards.csv", Self.weeks())
        let events = try scratch.file("events.csv", "trust,ward,date,label\nRX1,Alder,2024-03-04,Joined\nRX1,alder,2024-04-01,Safewards\n")
        let expected = "warning: \(events):3:ward: no ward \"alder\" of trust \"RX1\" in \(data), so this phase row applies to no chart; did you mean \"Alder\"?"
        for command in [["analyze", "--summary"], ["analyze", "--lenient"], ["evaluate"], ["evaluate", "--lenient"],
                        ["chart", "--out", scratch.path("c")]] {
            let result = try CLIRunner.run([command[0], data, "--events", events] + command.dropFirst())
            #expect(result.status == 0, "\(command): \(result.stderr)")
            #expect(result.stderr.components(separatedBy: expected).count == 2, "\(command): \(result.stderr)")
        }
        // breakdown needs a context column: the same weeks, split by restraint's context.
        let withContext = try scratch.file("contexts.csv", Self.weeks(extraHeader: ",context", extra: { $0 % 2 == 0 ? ",prone" : ",supine" }))
        let breakdown = try CLIRunner.run(["breakdown", withContext, "--by", "context", "--events", events])
        #expect(breakdown.status == 0, "\(breakdown.stderr)")
        #expect(breakdown.stderr.contains("warning: \(events):3:ward: no ward \"alder\" of trust \"RX1\" in \(withContext), so this phase row applies to no chart; did you mean \"Alder\"?"),
                "\(breakdown.stderr)")
    }

    // MARK: warning counts

    @Test func warningsBeyondTheListingLimit_areCountedRight_byEveryCommand() throws {
        let scratch = try Scratch()
        let text = Self.weeks()
        let duplicate = String(text.split(separator: "\n")[1])
        let data = try scratch.file("wards.csv", text + String(repeating: duplicate + "\n", count: 1_500))
        // 1,500 warnings: the reader keeps 1,000 (ten times --max-errors) and counts the rest.
        for command in [["analyze"], ["evaluate"]] {
            let result = try CLIRunner.run(command + [data])
            #expect(result.status == 0)
            #expect(result.stderr.contains("… and 500 more warnings"), "\(command)")
        }
        let report = try CLIRunner.run(["report", data, "--out", scratch.path("report")])
        #expect(report.status == 0, "\(report.stderr)")
        let page = try String(contentsOfFile: scratch.path("report/index.html"), encoding: .utf8)
        // The data-quality section lists 30: 1,470 more, not the 970 of the kept ones.
        #expect(page.contains("… and 1470 more"), "\(page.components(separatedBy: "more:").first?.suffix(80) ?? "")")
    }

    // MARK: outputs

    @Test func outputOntoAFIFO_isWrittenThrough() throws {
        let scratch = try Scratch()
        let data = try scratch.file("wards.csv", Self.weeks())
        let fifo = scratch.path("out.fifo")
        #expect(mkfifo(fifo, 0o600) == 0)
        let cat = Process()
        cat.executableURL = URL(fileURLWithPath: "/bin/cat")
        cat.arguments = [fifo]
        let pipe = Pipe()
        cat.standardOutput = pipe
        try cat.run()
        let result = try CLIRunner.run(["analyze", data, "--summary", "--format", "csv", "--output", fifo])
        // Had the command never opened the FIFO, `cat` would wait for a writer for ever:
        // open and close one here, so it ends either way (after a real writer, a no-op).
        let release = open(fifo, O_WRONLY | O_NONBLOCK)
        if release >= 0 { close(release) }
        let received = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        cat.waitUntilExit()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(received.hasPrefix("trust,ward,measure,"))
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO, "the FIFO was replaced")
    }

    @Test func outputOntoADirectory_exits2_andAMissingFolderFailsBeforeTheAnalysis() throws {
        let scratch = try Scratch()
        let data = try scratch.file("wards.csv", Self.weeks())
        let folder = scratch.path("folder")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        let directory = try CLIRunner.run(["analyze", data, "--output", folder])
        #expect(directory.status == 2)
        #expect(directory.stderr.contains("is a directory"))
        // A file that would be refused (exit 2) shows the output is checked first.
        let bad = try scratch.file("bad.csv", "trust,ward,measure,week_start,count\nRX1,Alder,restraint,2024-01-01,-1\n")
        for command in ["analyze", "evaluate", "funnel"] {
            let extra = command == "funnel" ? ["--measure", "restraint"] : []
            let missing = try CLIRunner.run([command, bad, "--output", scratch.path("missing/out.txt")] + extra)
            #expect(missing.status == 1, "\(command): \(missing.stderr)")
            #expect(missing.stderr.contains("cannot write"))
            #expect(!missing.stderr.contains("negative"), "\(command) read the file before checking its output")
        }
    }
}
