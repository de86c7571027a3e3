import Testing
@testable import WardData

@Suite("Long format (DESIGN §3.1): what is accepted")
struct LongReaderTests {
    @Test func longFormat_validFile_isReadRowByRow() throws {
        let dataset = try Fixtures.read("long_valid")
        #expect(dataset.format == .long)
        #expect(dataset.periodKind == .week(startingOn: .monday))
        #expect(dataset.valueKind == .count)
        #expect(dataset.hasDenominator)
        #expect(dataset.warnings.isEmpty)
        #expect(dataset.skippedLines.isEmpty)
        #expect(dataset.rows == [
            .init(trust: "RXX", ward: "Willow", measure: "restraint", period: "2024-01-01", value: 3, denominator: 70, dimensions: [:], line: 2),
            .init(trust: "RXX", ward: "Willow", measure: "restraint", period: "2024-01-08", value: 1, denominator: 68.5, dimensions: [:], line: 3),
            .init(trust: "RXX", ward: "Willow", measure: "seclusion", period: "2024-01-01", value: 0, denominator: 70, dimensions: [:], line: 4),
            .init(trust: "RXX", ward: "Rowan", measure: "restraint", period: "2024-01-01", value: 5, denominator: nil, dimensions: [:], line: 5),
            .init(trust: "RXX", ward: "Rowan", measure: "restraint", period: "2024-01-08", value: 2, denominator: 91, dimensions: [:], line: 6),
        ])
    }

    @Test func longFormat_utf8ByteOrderMark_isAccepted() throws {
        let bytes = [0xEF, 0xBB, 0xBF] + Array("trust,ward,measure,week_start,count\nRXX,Willow,restraint,2024-01-01,3\n".utf8)
        let dataset = try Fixtures.read(bytes: bytes)
        #expect(dataset.rows.map(\.trust) == ["RXX"])
        #expect(dataset.rows.map(\.value) == [3])
    }

    @Test func longFormat_crlfLineEnds_areAccepted_andLinesStayPhysical() throws {
        let text = "trust,ward,measure,week_start,count,bed_days\r\nRXX,Willow,restraint,2024-01-01,3,70\r\nRXX,Willow,restraint,2024-01-08,1,70\r\n"
        let dataset = try Fixtures.read(text: text)
        #expect(dataset.rows.map(\.denominator) == [70, 70])
        #expect(dataset.rows.map(\.line) == [2, 3])
        let rejection = Fixtures.rejection(text: text + "RXX,Willow,restraint,2024-01-15,-1,70\r\n")
        expectError(rejection, line: 4, column: "count", containing: "negative")
    }

    @Test func longFormat_quotedFieldsWithCommasQuotesAndNewlines_areRead() throws {
        let dataset = try Fixtures.read("long_quoted_fields", options { $0.lenient = true })
        #expect(dataset.rows.map(\.ward) == ["Willow, Acute", "The \"Oaks\" PICU", "Rowan\nWard"])
        #expect(dataset.rows.map(\.line) == [2, 3, 4])
    }

    @Test func longFormat_rowAfterAMultiLineQuotedField_isReportedAtItsPhysicalLine() {
        let rejection = Fixtures.rejection("long_quoted_fields")
        expectError(rejection, line: 6, column: "count", containing: "-4", "negative")
        #expect(rejection.errors.count == 1)
    }

    @Test func longFormat_trailingBlankLines_areIgnored() throws {
        let dataset = try Fixtures.read("long_trailing_blank_lines")
        #expect(dataset.rows.count == 2)
        #expect(dataset.warnings.isEmpty)
    }

    @Test func longFormat_wholeNumbersWrittenWithDecimalsOrExponents_areCounts() throws {
        let dataset = try Fixtures.read("long_whole_number_written_with_decimals")
        #expect(dataset.rows.map(\.value) == [3, 10, 4])
        #expect(dataset.rows.map(\.denominator) == [70, 70, 70.25])
    }

    @Test func longFormat_valueColumn_carriesAnyFiniteNumber() throws {
        let dataset = try Fixtures.read("long_value_column")
        #expect(dataset.valueKind == .value)
        #expect(!dataset.hasDenominator)
        #expect(dataset.rows.map(\.value) == [12.5, -0.5])
    }

    @Test func longFormat_rowsDifferingOnlyBySubtype_areDistinctRecords() throws {
        let dataset = try Fixtures.read("long_subtypes")
        #expect(dataset.dimensionNames == ["subtype"])
        #expect(dataset.warnings.isEmpty)
        #expect(dataset.rows.map(\.dimensions) == [["subtype": "prone"], ["subtype": "supine"], ["subtype": "prone"]])
        #expect(dataset.rows.map(\.value) == [2, 3, 1])
    }

    @Test func longFormat_headerNamesAnyCase_areMatched() throws {
        let dataset = try Fixtures.read(text: "TRUST,Ward,MeAsUrE,WEEK_START,Count\nRXX,Willow,restraint,2024-01-01,3\n")
        #expect(dataset.format == .long)
        #expect(dataset.rows.count == 1)
    }

    @Test func readingByPath_andFromMemory_giveTheSameRecords() throws {
        let byPath = try Fixtures.read("long_valid")
        let inMemory = try Fixtures.read(text: """
            trust,ward,measure,week_start,count,bed_days
            RXX,Willow,restraint,2024-01-01,3,70
            RXX,Willow,restraint,2024-01-08,1,68.5
            RXX,Willow,seclusion,2024-01-01,0,70
            RXX,Rowan,restraint,2024-01-01,5,
            RXX,Rowan,restraint,2024-01-08,2,91

            """)
        #expect(byPath.rows == inMemory.rows)
        #expect(byPath.file.hasSuffix("long_valid.csv"))
    }

    @Test func folder_isRefusedNamingIt() {
        let folder = String(Fixtures.path("long_valid").dropLast("/long_valid.csv".count))
        let rejection = Fixtures.rejection(path: folder)
        #expect(rejection.errors.first?.message.contains("folder") == true)
    }

    @Test func missingFile_isRefusedNamingTheFile() {
        let rejection = Fixtures.rejection(path: "/nonexistent/wards.csv")
        #expect(rejection.errors.count == 1)
        #expect(rejection.errors.first?.file == "/nonexistent/wards.csv")
        #expect(rejection.errors.first?.line == nil)
    }
}
