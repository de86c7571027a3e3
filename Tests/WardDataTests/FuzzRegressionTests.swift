import Testing
@testable import WardData

/// Inputs the fuzz targets in Fuzz/ found crashing or breaking an invariant, each kept
/// as it was found (also in Fuzz/corpus/) and as the smallest case that shows it.
@Suite("Fuzz regressions: inputs the fuzzers found")
struct FuzzRegressionTests {
    // fuzz-dates: `9999-12` crashed CivilDate.addingMonths (the month after December 9999
    // is in year 10000, outside CivilDate(year:month:day:)'s range, and was force-unwrapped).
    @Test func monthAfterDecember9999_isTheFirstOfJanuary10000() {
        let december = CivilDate(year: 9999, month: 12, day: 1)!
        let next = PeriodKind.month.advance(december)
        #expect(next.components == (10000, 1, 1))
        #expect(PeriodKind.month.distance(from: december, to: next) == 1)
        #expect(PeriodKind.month.starts(from: december, through: december) == [december])
    }

    @Test func monthBeforeJanuaryOfYear1_andWeekStartsBeforeIt_doNotCrash() {
        let first = CivilDate(year: 1, month: 1, day: 1)!
        #expect(PeriodKind.month.advance(first, by: -1).components == (0, 12, 1))
        #expect(PeriodKind.week(startingOn: .sunday).start(of: first).components == (0, 12, 31))
        #expect(first.adding(days: -6).firstOfMonth.components == (0, 12, 1))
    }

    @Test func monthlyFile_endingInDecember9999_isRead() throws {
        let dataset = try WardDataReader.read(InputFile(name: "m.csv", bytes: Array("""
            trust,ward,measure,month,count
            T1,A,awol,9999-11,1
            T1,A,awol,9999-12,2
            """.utf8)))
        let series = SeriesBuilder.build(dataset).series
        #expect(series.map(\.periods.count) == [2])
        #expect(series[0].missingPeriods.isEmpty)
    }

    // fuzz-reader_long: a lone CR (old Mac line end) inside a quoted field was not counted
    // as a line, so later rows were reported one line early; line numbers now count LF,
    // CRLF and lone CR alike, inside quotes too.
    @Test func loneCarriageReturns_countAsLines_insideQuotedFieldsToo() throws {
        let text = "trust,ward,measure,week_start,count\rT1,\"A\rB\",restraint,2024-01-01,1\rT1,A,restraint,2024-01-08,x\r"
        #expect(throws: InputRejected.self) { try WardDataReader.read(InputFile(name: "cr.csv", bytes: Array(text.utf8))) }
        do {
            _ = try WardDataReader.read(InputFile(name: "cr.csv", bytes: Array(text.utf8)))
        } catch {
            #expect(error.errors.map(\.line) == [4])
        }
    }

    @Test func foundInput_readerLong_crOnlyEnding_reportsLinesInsideTheFile() {
        let bytes = Array("trust,ward,measure,week_start,subtype,count,denominator\r\nT1,A,restraint,01/01/2024,prone,1,100\r\nT1,A,restraint,02/01/2224,supine,4,100\r\nT1,A,restraint,15/01/2024,prone,1,90bed_days\"A \"\"quoted\"\"\"\",restraint,22/01/2024,prone,4,90\ro".utf8)
        let lines = 5  // four line breaks; the last one a lone CR
        do {
            _ = try WardDataReader.read(InputFile(name: "fuzz.csv", bytes: bytes))
            Issue.record("expected the file to be refused")
        } catch {
            #expect(error.issues.allSatisfy { ($0.line ?? 1) <= lines }, "\(error.issues)")
            #expect(error.errors.contains { $0.line == 5 && $0.message.contains("1 field") })
        }
    }
}
