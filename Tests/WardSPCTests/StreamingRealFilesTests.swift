import Testing
import WardSPC

/// Files as Excel writes them (issue 15) are read by the whole-file reader, which decodes,
/// re-separates and reports what it did: the streaming path must decline every one, so
/// that analyze and evaluate read them exactly as validate does.
@Suite struct StreamingRealFilesTests {
    static let header = "trust,ward,measure,week_start,count,bed_days"
    static let rows = "RX1,A,restraint,2024-01-01,1,100\nRX1,A,restraint,2024-01-08,2,100\n"

    static func outcome(_ bytes: [UInt8], options: ReadOptions = ReadOptions()) throws -> Bool {
        let file = InputFile(name: "excel.csv", bytes: bytes)
        let settings = StreamingTests.settings(.u, .anhoej)
        let outcome = try StreamingAnalysis.analyse(file, options: options, settings: settings, product: .summaries,
                                                    threads: 2, minimumPieceBytes: 1)
        if case .fallback = outcome { return false }
        return true
    }

    @Test func theCanonicalFile_stillStreams() throws {
        #expect(try Self.outcome(Array((Self.header + "\n" + Self.rows).utf8)))
    }

    @Test(arguments: [
        ("semicolons", "trust;ward;measure;week_start;count;bed_days\nRX1;A;restraint;2024-01-01;1;100\n"),
        ("tabs", "trust\tward\tmeasure\tweek_start\tcount\tbed_days\nRX1\tA\trestraint\t2024-01-01\t1\t100\n"),
        ("trailing empty columns", "trust,ward,measure,week_start,count,bed_days,,\nRX1,A,restraint,2024-01-01,1,100,,\n"),
        ("a row of only commas", header + "\n" + rows + ",,,,,\n"),
        ("a totals row by its label", header + "\n" + rows + "Total,Total,restraint,2024-01-15,3,200\n"),
        ("a grand-total ward", header + "\n" + rows + "RX1,Grand total,restraint,2024-01-01,3,200\n"),
        ("a totals row with empty names", header + "\n" + rows + "RX1,,,,3,200\n"),
        ("an Excel short date", header + "\nRX1,A,restraint,8-Jan-24,1,100\n"),
        ("a month name", "trust,ward,measure,month,count\nRX1,A,restraint,Jan 2024,1\n"),
    ])
    func excelShapes_fallBack(reason: String, text: String) throws {
        #expect(try !Self.outcome(Array(text.utf8)), "\(reason) streamed")
    }

    @Test func windows1252AndUTF16_fallBack() throws {
        // St Mary’s in Windows-1252: the apostrophe is byte 0x92.
        let windows = Array((Self.header + "\nRX1,St Mary").utf8) + [0x92] + Array("s,restraint,2024-01-01,1,100\n".utf8)
        #expect(try !Self.outcome(windows), "Windows-1252 streamed")
        let text = Self.header + "\n" + Self.rows
        let little: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(try !Self.outcome(little), "UTF-16 streamed")
    }

    @Test func optionsOfTheWholeFileReader_fallBack() throws {
        let bytes = Array((Self.header + "\n" + Self.rows).utf8)
        var options = ReadOptions()
        options.encoding = .windows1252
        #expect(try !Self.outcome(bytes, options: options))
        options = ReadOptions()
        options.separator = .semicolon
        #expect(try !Self.outcome(bytes, options: options))
        options = ReadOptions()
        options.sheet = "Data"
        #expect(try !Self.outcome(bytes, options: options))
    }

    /// After falling back, the whole-file reader reads them as the canonical file.
    @Test func aSemicolonWindowsFile_readsAsTheCanonicalOne() throws {
        let canonical = try WardDataReader.read(InputFile(name: "a.csv", bytes: Array((Self.header + "\n" + Self.rows).utf8)))
        let excel = "trust;ward;measure;week_start;count;bed_days;\r\nRX1;A;restraint;1-Jan-24;1;100;\r\n;;;;;;\r\nRX1;A;restraint;2024-01-08;2;100;\r\n"
        let dataset = try WardDataReader.read(InputFile(name: "b.csv", bytes: Array(excel.utf8)))
        #expect(dataset.records.value == canonical.records.value)
        #expect(dataset.records.period == canonical.records.period)
        #expect(dataset.readerNotes.contains { $0.contains("semicolons") })
        #expect(dataset.readerNotes.contains { $0.contains("column G") })
        #expect(dataset.readerNotes.contains { $0.contains("1 empty row of only separators ignored, line 3") })
    }
}
