import Foundation
import Testing

/// Outputs (issue 7): every file written atomically and never over an input; CSV cells
/// that Excel would run as formulas neutralised; patient identifiers never echoed.
@Suite struct OutputSafetyTests {
    static let data = """
        trust,ward,measure,week_start,count,bed_days
        T1,A,restraint,2024-01-01,3,140
        T1,A,restraint,2024-01-08,5,138
        T1,A,restraint,2024-01-15,2,141

        """

    static func inode(_ path: String) throws -> UInt64 {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
    }

    // MARK: never over an input

    @Test func analyzeOutput_isNeverWrittenOverAnInput_byAnySpellingOfItsPath() throws {
        let scratch = try Scratch()
        let input = try scratch.file("wards.csv", Self.data)
        let events = try scratch.file("events.csv", "trust,ward,date,label\nT1,A,2024-01-08,Joined\n")
        try FileManager.default.createSymbolicLink(atPath: scratch.path("link.csv"), withDestinationPath: input)
        try FileManager.default.linkItem(atPath: input, toPath: scratch.path("hard.csv"))
        try FileManager.default.createDirectory(atPath: scratch.path("sub"), withIntermediateDirectories: true)
        for output in [input, scratch.path("link.csv"), scratch.path("hard.csv"), scratch.path("sub/../wards.csv"), events] {
            let result = try CLIRunner.run(["analyze", input, "--events", events, "--output", output])
            #expect(result.status == 2, "\(output) was accepted as the output, or refused as a failure (exit 1)")
            #expect(result.stderr.contains("is an input of this run"), "\(result.stderr)")
            #expect(try String(contentsOfFile: input, encoding: .utf8) == Self.data)
        }
        #expect(scratch.names == ["events.csv", "hard.csv", "link.csv", "sub", "wards.csv"], "a temporary file was left")
    }

    // MARK: atomic writes

    @Test func analyzeOutput_replacesAnExistingFileByRename_leavingNoTemporaryFile() throws {
        let scratch = try Scratch()
        let input = try scratch.file("wards.csv", Self.data)
        let output = try scratch.file("out.csv", "old contents\n")
        let before = try Self.inode(output)
        // A reader holding the old file keeps seeing all of it: the new one is renamed in.
        let reader = try FileHandle(forReadingFrom: URL(fileURLWithPath: output))
        let result = try CLIRunner.run(["analyze", input, "--format", "csv", "--output", output])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(String(decoding: try reader.readToEnd() ?? Data(), as: UTF8.self) == "old contents\n")
        try reader.close()
        #expect(try Self.inode(output) != before, "written in place, not renamed")
        #expect(try String(contentsOfFile: output, encoding: .utf8).hasPrefix("trust,ward,measure,chart,"))
        #expect(scratch.names == ["out.csv", "wards.csv"])
    }

    @Test func analyzeOutput_intoAMissingFolder_failsWithoutLeavingAnything() throws {
        let scratch = try Scratch()
        let input = try scratch.file("wards.csv", Self.data)
        let result = try CLIRunner.run(["analyze", input, "--output", scratch.path("missing/out.txt")])
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot write"))
        #expect(scratch.names == ["wards.csv"])
    }

    @Test func sampleOut_writesItsFilesAtomically_andReplacesThemByRename() throws {
        let scratch = try Scratch()
        let folder = scratch.path("sample")
        #expect(try CLIRunner.run(["sample", "--out", folder, "--seed", "3"]).status == 0)
        let wards = folder + "/wards.csv"
        let before = try Self.inode(wards)
        let first = try String(contentsOfFile: wards, encoding: .utf8)
        #expect(try CLIRunner.run(["sample", "--out", folder, "--seed", "3"]).status == 0)
        #expect(try Self.inode(wards) != before, "written in place, not renamed")
        #expect(try String(contentsOfFile: wards, encoding: .utf8) == first)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["equity.csv", "events.csv", "wards.csv"])
    }

    /// The one place files are written is AtomicFile: no other file-writing call in Sources/.
    @Test func noSourceFileWritesFilesExceptThroughAtomicFile() throws {
        let sources = CLIRunner.repositoryRoot.appendingPathComponent("Sources")
        let forbidden = ["fopen(", "FileHandle(forWriting", "FileHandle(forUpdating", ".write(to:", ".write(toFile:",
                         "createFile(atPath:", "open(", "creat("]
        var offenders: [String] = []
        let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String } ?? []
        for file in files where file.hasSuffix(".swift") && !file.hasSuffix("AtomicFile.swift") {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = line.split(separator: "//", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
                for call in forbidden where Self.calls(String(code), call) {
                    // Reading an input (InputFile maps it read-only) is not writing.
                    if call == "open(" && code.contains("O_RDONLY") { continue }
                    // `value.write(to: &buffer)` streams text into memory (TextOutputStream).
                    if call == ".write(to:" && code.contains(".write(to: &") { continue }
                    offenders.append("\(file):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
        #expect(offenders.isEmpty, "write files through AtomicFile: \(offenders)")
    }

    /// Whether `code` calls `call` itself (`open(` but not `reopen(` or `isOpen(`).
    static func calls(_ code: String, _ call: String) -> Bool {
        var rest = code[...]
        while let range = rest.range(of: call) {
            let before = range.lowerBound == code.startIndex ? nil : code[code.index(before: range.lowerBound)]
            // A free function such as POSIX `open(`: not a method (`html.open(`) nor a declaration (`func open(`).
            let isMember = before == "."
            let isDeclaration = code[..<range.lowerBound].hasSuffix("func ")
            if !call.first!.isLetter
                || (before.map({ !($0.isLetter || $0.isNumber || $0 == "_") }) ?? true) && !isMember && !isDeclaration {
                return true
            }
            rest = rest[range.upperBound...]
        }
        return false
    }

    // MARK: Excel-safe CSV

    static func cells(_ csv: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], cell = ""
        var quoted = false, index = csv.startIndex
        while index < csv.endIndex {
            let character = csv[index]
            if quoted {
                if character == "\"" {
                    let next = csv.index(after: index)
                    if next < csv.endIndex, csv[next] == "\"" { cell.append("\""); index = next } else { quoted = false }
                } else { cell.append(character) }
            } else if character == "\"" { quoted = true }
            else if character == "," { row.append(cell); cell = "" }
            else if character == "\n" { row.append(cell); rows.append(row); row = []; cell = "" }
            else { cell.append(character) }
            index = csv.index(after: index)
        }
        if !cell.isEmpty || !row.isEmpty { row.append(cell); rows.append(row) }
        return rows
    }

    @Test func everyCSVWriter_neutralisesCellsThatExcelWouldRunAsFormulas() throws {
        let scratch = try Scratch()
        let hostile = ["=cmd|' /C calc'!A0", "+SUM(1,2)", "-2+3", "@restraint", "\r=1+1"]
        func quoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        var text = "trust,ward,measure,week_start,count,bed_days\n"
        for (index, name) in hostile.enumerated() {
            for week in 0..<12 {
                let date = ["2024-01-01", "2024-01-08", "2024-01-15", "2024-01-22", "2024-01-29", "2024-02-05",
                            "2024-02-12", "2024-02-19", "2024-02-26", "2024-03-04", "2024-03-11", "2024-03-18"][week]
                let measure = index == 3 ? quoted(name) : "restraint"
                text += "\(index == 0 ? quoted(name) : "T1"),\(index == 0 || index == 3 ? "A" : quoted(name)),\(measure),\(date),\(week == 11 ? 30 : week % 3),100\n"
            }
        }
        let input = try scratch.file("hostile.csv", text)
        for summary in [false, true] {
            let result = try CLIRunner.run(["analyze", input, "--chart", "u", "--rules", "mdc", "--format", "csv"]
                                           + (summary ? ["--summary"] : []))
            #expect(result.status == 0, "\(result.stderr)")
            let rows = Self.cells(result.stdout)
            let header = try #require(rows.first)
            let numeric: Set<String> = ["phase", "count", "denominator", "value", "centre", "lower", "upper", "points",
                                        "sustained_shifts"]
            for row in rows.dropFirst() {
                #expect(row.count == header.count, "\(row)")
                for (name, cell) in zip(header, row) {
                    if numeric.contains(name) {
                        #expect(cell.isEmpty || Double(cell) != nil, "\(name) = \(cell) is not a number")
                    } else if let first = cell.unicodeScalars.first {
                        #expect(!"=+-@\t\r".unicodeScalars.contains(first), "\(name) = \(cell) would run as a formula")
                    }
                }
            }
            let texts = Set(rows.dropFirst().flatMap { Array($0.prefix(3)) })
            for name in hostile {
                #expect(texts.contains("'" + name), "\(name) kept whole behind its apostrophe: \(texts)")
            }
        }
    }

    // MARK: patient identifiers

    static let identifiers = """
        trust,ward,measure,week_start,count,bed_days,NHS Number,Patient Name
        T1,A,restraint,2024-01-01,3,140,9434765919,Jane Smith
        T1,A,restraint,2024-01-08,5,138,9434765919,Jane Smith
        T1,A,restraint,2024-01-15,2,141,9434765919,Jane Smith
        T1,A,restraint,2024-01-15,2,141,9434765919,Jane Smith
        T1,A,restraint,2024-01-22,0,0,9434765919,Jane Smith

        """

    static func expectNoIdentifier(_ result: CLIRunner.Result, _ what: String,
                                   sourceLocation: SourceLocation = #_sourceLocation) {
        for value in ["9434765919", "943 476 5919", "Jane", "Smith"] {
            #expect(!result.stdout.contains(value) && !result.stderr.contains(value), "\(what) shows \(value)",
                    sourceLocation: sourceLocation)
        }
    }

    @Test func identifierColumns_areRefused_withoutTheirValues() throws {
        let scratch = try Scratch()
        let input = try scratch.file("patients.csv", Self.identifiers)
        for arguments in [["validate", input], ["validate", input, "--format", "json"], ["analyze", input]] {
            let result = try CLIRunner.run(arguments)
            #expect(result.status == 2)
            let shown = result.stdout + result.stderr
            let json = arguments.contains("json")
            #expect(shown.contains(json ? "\"column\": \"NHS Number\"" : "patients.csv:1:NHS Number:"), "\(shown)")
            #expect(shown.contains(json ? "\"column\": \"Patient Name\"" : "patients.csv:1:Patient Name:"))
            Self.expectNoIdentifier(result, arguments.joined(separator: " "))
        }
    }

    @Test func withAllowIdentifiers_noOutputOrMessageEverShowsTheirValues() throws {
        let scratch = try Scratch()
        let input = try scratch.file("patients.csv", Self.identifiers)
        let events = try scratch.file("events.csv", "trust,ward,date,label,NHS Number\nT1,A,2024-01-08,Joined,9434765919\n")
        var runs: [[String]] = [["validate", input], ["validate", input, "--format", "json"]]
        for format in ["table", "csv", "json"] {
            runs.append(["analyze", input, "--format", format])
            runs.append(["analyze", input, "--format", format, "--summary", "--chart", "u", "--rules", "mdc"])
            runs.append(["analyze", input, "--format", format, "--events", events])
        }
        for arguments in runs {
            let result = try CLIRunner.run(arguments + ["--allow-identifiers"])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(!result.stdout.isEmpty)
            Self.expectNoIdentifier(result, arguments.joined(separator: " "))
        }
        // Row errors and duplicate warnings in such a file name lines, never values.
        let broken = try scratch.file("broken.csv", Self.identifiers + "T1,A,restraint,2024-01-29,-1,140,9434765919,Jane Smith\nT1,A,restraint,2024-02-05,x,140,9434765919,Jane Smith\n")
        for arguments in [["validate", broken], ["analyze", broken], ["validate", broken, "--lenient", "--format", "json"]] {
            let result = try CLIRunner.run(arguments + ["--allow-identifiers"])
            let shown = result.stdout + result.stderr
            #expect(shown.contains(arguments.contains("json") ? "\"line\": 7" : "broken.csv:7:count"), "\(shown)")
            Self.expectNoIdentifier(result, arguments.joined(separator: " "))
        }
        let output = scratch.path("out.json")
        #expect(try CLIRunner.run(["analyze", input, "--format", "json", "--output", output, "--allow-identifiers"]).status == 0)
        let written = try String(contentsOfFile: output, encoding: .utf8)
        #expect(!written.contains("9434765919") && !written.contains("Smith"))
    }
}
