import Testing
@testable import WardData

@Suite("Bad input — a clear error, nothing lost (DESIGN §3.6)")
struct ValidationRulesTests {
    // MARK: Dates and numbers

    @Test func longFormat_unparseableDate_isRefusedWithLineAndColumn() {
        let rejection = Fixtures.rejection("long_unparseable_date")
        expectError(rejection, line: 3, column: "week_start", containing: "\"soon\"", "not a date")
        #expect(rejection.errors.count == 1)
    }

    @Test func longFormat_unparseableCount_isRefusedWithLineAndColumn() {
        let rejection = Fixtures.rejection("long_unparseable_count")
        expectError(rejection, line: 3, column: "count", containing: "\"twelve\"", "not a number")
    }

    @Test func longFormat_unparseableDenominator_isRefusedWithLineAndColumn() {
        let rejection = Fixtures.rejection("long_unparseable_denominator")
        expectError(rejection, line: 3, column: "bed_days", containing: "\"1,120\"", "not a number")
    }

    @Test func longFormat_countBeyond64Bits_isRefusedWithLineAndColumn() {
        let rejection = Fixtures.rejection("long_count_beyond_64_bits")
        expectError(rejection, line: 3, column: "count", containing: "99999999999999999999", "64 bits")
    }

    @Test func longFormat_negativeCount_isRefusedWithLineAndColumn() {
        let rejection = Fixtures.rejection("long_negative_count")
        expectError(rejection, line: 4, column: "count", containing: "\"-2\"", "negative")
        #expect(rejection.errors.count == 1)
    }

    @Test func longFormat_negativeDenominator_isRefusedWithLineAndColumn() {
        let rejection = Fixtures.rejection("long_negative_denominator")
        expectError(rejection, line: 2, column: "bed_days", containing: "negative")
    }

    @Test func longFormat_nonIntegerCount_isRefused_while3Point0IsAccepted() {
        let rejection = Fixtures.rejection("long_non_integer_count")
        expectError(rejection, line: 3, column: "count", containing: "\"3.5\"", "whole number")
        #expect(rejection.errors(atLine: 2).isEmpty)
        #expect(rejection.errors.count == 1)
    }

    @Test func longFormat_nanAndInfiniteCounts_areRefusedWithLineAndColumn() {
        let rejection = Fixtures.rejection("long_nonfinite_count")
        expectError(rejection, line: 2, column: "count", containing: "\"NaN\"", "finite")
        expectError(rejection, line: 3, column: "count", containing: "\"inf\"", "finite")
        expectError(rejection, line: 4, column: "count", containing: "\"-Infinity\"", "finite")
        #expect(rejection.errors.count == 3)
    }

    @Test func longFormat_nanAndInfiniteDenominators_areRefusedWithLineAndColumn() {
        let rejection = Fixtures.rejection("long_nonfinite_denominator")
        expectError(rejection, line: 2, column: "bed_days", containing: "\"NaN\"", "finite")
        expectError(rejection, line: 3, column: "bed_days", containing: "\"inf\"", "finite")
        expectError(rejection, line: 4, column: "bed_days", containing: "\"-Infinity\"", "finite")
        #expect(rejection.errors.count == 3)
    }

    @Test func longFormat_zeroDenominatorWithACount_isRefusedWithLineAndColumn() {
        let rejection = Fixtures.rejection("long_zero_denominator_with_count")
        expectError(rejection, line: 3, column: "bed_days", containing: "denominator is 0", "2")
    }

    @Test func longFormat_emptyCount_isRefused() {
        let rejection = Fixtures.rejection(text: "trust,ward,measure,week_start,count\nRXX,Willow,restraint,2024-01-01,\n")
        expectError(rejection, line: 2, column: "count", containing: "empty")
    }

    // MARK: Structure

    @Test func longFormat_rowWithADifferentNumberOfFields_isRefusedWithLine() {
        let rejection = Fixtures.rejection("long_wrong_field_count")
        expectError(rejection, line: 3, column: nil, containing: "7 fields", "header has 6")
        expectError(rejection, line: 4, column: nil, containing: "5 fields", "header has 6")
        #expect(rejection.errors.count == 2)
    }

    @Test func longFormat_unterminatedQuotedField_isReportedAtTheLineWhereItsRecordStarts() {
        let rejection = Fixtures.rejection("long_unterminated_quote")
        expectError(rejection, line: 3, column: nil, containing: "closing quote")
        #expect(rejection.errors.count == 1)
    }

    @Test func longFormat_unterminatedQuote_afterAMultiLineField_isReportedAtItsOwnPhysicalLine() {
        let text = """
            trust,ward,measure,week_start,count
            RXX,"Rowan
            Ward",restraint,2024-01-01,3
            RXX,"Willow,restraint,2024-01-08,1
            RXX,Willow,restraint,2024-01-15,2

            """
        let rejection = Fixtures.rejection(text: text)
        expectError(rejection, line: 4, column: nil, containing: "closing quote")
    }

    // Byte 0x81 is neither UTF-8 nor Windows-1252 (which leaves it undefined), so the file
    // cannot be decoded either way; a 1252 byte such as 0xE9 (é) is read as 1252 (below).
    @Test func longFormat_invalidUTF8_isReportedAtItsLine() {
        let bytes = Array("trust,ward,measure,week_start,count\nRXX,Willow,restraint,2024-01-01,3\nRXX,Caf".utf8) + [0x81]
            + Array(",restraint,2024-01-08,1\nRXX,Willow,restraint,2024-01-15,2\n".utf8)
        let rejection = Fixtures.rejection(bytes: bytes)
        expectError(rejection, line: 3, column: nil, containing: "not UTF-8")
        #expect(rejection.errors.count == 1)
    }

    @Test func longFormat_windows1252_isDecoded_withOneNote() throws {
        // Excel's plain "CSV" on Windows: é is the one byte 0xE9, ’ is 0x92.
        let bytes = Array("trust,ward,measure,week_start,count\nRXX,Willow,restraint,2024-01-01,3\nRXX,Caf".utf8) + [0xE9]
            + Array(",restraint,2024-01-08,1\nRXX,St Mary".utf8) + [0x92] + Array("s,restraint,2024-01-15,2\n".utf8)
        let dataset = try Fixtures.read(bytes: bytes)
        let wards = Set(dataset.records.ward.map { dataset.strings[$0] })
        #expect(wards == ["Willow", "Café", "St Mary’s"])
        #expect(dataset.readerNotes.count == 1)
        #expect(dataset.readerNotes.first?.contains("Windows-1252") == true)
        #expect(dataset.warnings.isEmpty)
    }

    @Test func longFormat_invalidUTF8InsideAMultiLineField_isReportedAtItsPhysicalLine() {
        let bytes = Array("trust,ward,measure,week_start,count\nRXX,Willow,restraint,2024-01-01,3\nRXX,\"Rowan\nW".utf8) + [0x81]
            + Array("\",restraint,2024-01-08,1\n".utf8)
        let rejection = Fixtures.rejection(bytes: bytes)
        expectError(rejection, line: 4, column: nil, containing: "not UTF-8")
    }

    @Test func longFormat_nulByte_isReportedAtItsLine() {
        let bytes = Array("trust,ward,measure,week_start,count\nRXX,Willow,restraint,2024-01-01,3\nRXX,Willow,restraint,2024-01-08,1\nRXX,Wil".utf8)
            + [0x00] + Array("low,restraint,2024-01-15,2\n".utf8)
        let rejection = Fixtures.rejection(bytes: bytes)
        expectError(rejection, line: 4, column: nil, containing: "NUL")
        #expect(rejection.errors.count == 1)
    }

    @Test func textAfterAClosingQuote_isRefusedNamingTheColumn() {
        let rejection = Fixtures.rejection(text: "trust,ward,measure,week_start,count\nRXX,\"Willow\" Ward,restraint,2024-01-01,3\n")
        expectError(rejection, line: 2, column: "ward", containing: "closing quote")
    }

    // MARK: Duplicates and closed wards

    @Test func sameKeyWithDifferentValues_isAnError_namingTheOtherLine() {
        let rejection = Fixtures.rejection("long_duplicate_conflicting")
        expectError(rejection, line: 4, column: nil, containing: "line 2", "different")
        #expect(rejection.errors.count == 1)
    }

    @Test func identicalDuplicate_isMergedWithAWarning() throws {
        let dataset = try Fixtures.read("long_duplicate_identical")
        #expect(dataset.rows.map(\.line) == [2, 3])
        #expect(dataset.warnings.count == 1)
        #expect(dataset.warnings.first?.line == 4)
        #expect(dataset.warnings.first?.severity == .warning)
        #expect(dataset.warnings.first?.message.contains("identical duplicate of line 2") == true)
    }

    @Test func countZeroWithDenominatorZero_isAMissingPointWithAWarning() throws {
        let dataset = try Fixtures.read("long_closed_ward")
        #expect(dataset.rows.map(\.period) == ["2024-01-01", "2024-01-15"])
        #expect(dataset.warnings.map(\.line) == [3])
        #expect(dataset.warnings.first?.message.contains("missing") == true)
        let series = try #require(SeriesBuilder.build(dataset).series(ward: "Willow", measure: "restraint"))
        #expect(series.missingISO == ["2024-01-08"])
        #expect(series.values == [3, 2])
    }

    // MARK: Every error, lenient, empty files

    @Test func everyErrorInAFile_isReported_notJustTheFirst() {
        let rejection = Fixtures.rejection("long_many_errors")
        expectError(rejection, line: 3, column: "count", containing: "negative")
        expectError(rejection, line: 5, column: "count", containing: "\"x\"")
        let line6 = rejection.errors(atLine: 6)
        #expect(Set(line6.compactMap(\.column)) == ["week_start", "count"])
        #expect(rejection.errors.count == 4)
        #expect(rejection.unreportedErrors == 0)
    }

    @Test func errorsBeyondTheReportingLimit_areCounted() {
        let rejection = Fixtures.rejection("long_many_errors", options { $0.maxReportedErrors = 2 })
        #expect(rejection.errors.count == 2)
        #expect(rejection.unreportedErrors == 2)
    }

    @Test func lenient_turnsRowErrorsIntoWarnings_skipsThoseRows_andListsThem() throws {
        let dataset = try Fixtures.read("long_many_errors", options { $0.lenient = true })
        #expect(dataset.rows.map(\.line) == [2, 4, 7])
        #expect(Set(dataset.skippedLines) == [3, 5, 6])
        #expect(dataset.warnings.allSatisfy { $0.severity == .warning })
        #expect(Set(dataset.warnings.compactMap(\.line)) == [3, 5, 6])
        #expect(dataset.warnings.allSatisfy { $0.message.contains("skipped") })
    }

    @Test func lenient_listsEachSkippedLineOnce() throws {
        // Line 6 has two errors (date and count): it is one skipped row.
        let dataset = try Fixtures.read("long_many_errors", options { $0.lenient = true })
        #expect(dataset.skippedLines == [3, 5, 6])
    }

    @Test func lenient_conflictingDuplicates_areSkippedAndListed_notSilentlyResolved() throws {
        let dataset = try Fixtures.read("long_duplicate_conflicting", options { $0.lenient = true })
        #expect(dataset.skippedLines.contains(4))
        #expect(!dataset.rows.contains { $0.period == "2024-01-01" && $0.value == 4 })
    }

    @Test func lenient_doesNotTurnFileLevelErrorsIntoWarnings() {
        let rejection = Fixtures.rejection("long_ambiguous_uk_dates", options { $0.lenient = true })
        expectError(rejection, line: nil, column: "week_start", containing: "--date-format")
        let headerRejection = Fixtures.rejection("long_missing_ward_column", options { $0.lenient = true })
        expectError(headerRejection, line: 1, column: nil, containing: "ward")
    }

    @Test func emptyFile_isAFileLevelError() {
        let rejection = Fixtures.rejection("empty")
        expectError(rejection, line: nil, column: nil, containing: "empty")
    }

    @Test(arguments: [[0xEF, 0xBB, 0xBF] as [UInt8], Array("\n\n".utf8), Array("  \r\n\r\n".utf8)])
    func fileWithNoRecords_isAFileLevelError(_ bytes: [UInt8]) {
        let rejection = Fixtures.rejection(bytes: bytes)
        expectError(rejection, line: nil, column: nil, containing: "empty")
    }

    @Test func headerOnlyFile_isAFileLevelError() {
        let rejection = Fixtures.rejection("header_only")
        expectError(rejection, line: nil, column: nil, containing: "no data rows")
    }

    @Test func issues_printAsFileLineColumnMessage() {
        let rejection = Fixtures.rejection("long_negative_count")
        let description = rejection.errors.first?.description ?? ""
        #expect(description.hasSuffix("long_negative_count.csv:4:count: \"-2\" is negative (a count cannot be below 0)"))
        #expect(rejection.description == description)
    }
}
