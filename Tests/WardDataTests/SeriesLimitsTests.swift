import Testing
@testable import WardData

@Suite("Rows per series and in all: limits with a line, a message and a flag")
struct SeriesLimitsTests {
    static let header = "trust,ward,measure,week_start,count\n"

    @Test func seriesFromYear1To9999_isRefused_namingBothLinesAndTheFlag() {
        let text = Self.header + "T1,A,awol,0001-01-01,1\nT1,A,awol,2024-01-01,2\nT1,A,awol,9999-12-27,3\n"
        let rejection = Fixtures.rejection(text: text)
        expectError(rejection, line: 4, column: "week_start", containing: "T1 · A · awol",
                    "1 Jan 0001 (line 2)", "27 Dec 9999 (line 4)", "521723 weeks", "100000 rows per series",
                    "--max-rows-per-series")
        // A file-level refusal: --lenient does not skip its way around it.
        #expect(Fixtures.rejection(text: text, options { $0.lenient = true }).errors.count == 1)
    }

    @Test func raisingTheLimit_readsTheSeries_withItsMissingPeriods() throws {
        let text = Self.header + "T1,A,awol,2024-01-01,1\nT1,A,awol,2024-03-25,2\n"
        expectError(Fixtures.rejection(text: text, options { $0.maxRowsPerSeries = 12 }), line: 3, column: "week_start",
                    containing: "13 weeks", "limit of 12 rows per series")
        let dataset = try Fixtures.read(text: text, options { $0.maxRowsPerSeries = 13 })
        #expect(SeriesBuilder.build(dataset).series.first?.missingPeriods.count == 11)
    }

    @Test func monthlySeries_countMonths() {
        let text = "trust,ward,measure,month,count\nT1,A,awol,2000-01,1\nT1,A,awol,2010-01,2\n"
        expectError(Fixtures.rejection(text: text, options { $0.maxRowsPerSeries = 100 }), line: 3, column: "month",
                    containing: "121 months")
    }

    @Test func seriesAreLimitedOneByOne_whateverTheRowOrder() throws {
        // Two series interleaved, each within the limit although the file spans more.
        let text = Self.header + "T1,A,awol,2024-01-01,1\nT1,B,awol,2024-06-03,1\nT1,A,awol,2024-02-26,1\nT1,B,awol,2024-04-29,1\n"
        let dataset = try Fixtures.read(text: text, options { $0.maxRowsPerSeries = 10 })
        #expect(SeriesBuilder.build(dataset).series.map(\.periods.count) == [2, 2])
        expectError(Fixtures.rejection(text: text, options { $0.maxRowsPerSeries = 8 }), line: 4, column: "week_start",
                    containing: "T1 · A · awol", "9 weeks")
    }

    @Test func rowsOfAllSeries_areLimitedTogether() {
        let text = Self.header + "T1,A,awol,2024-01-01,1\nT1,A,awol,2024-02-26,1\nT1,B,awol,2024-01-01,1\nT1,B,awol,2024-02-26,1\n"
        let rejection = Fixtures.rejection(text: text, options { $0.maxRows = 17 })
        expectError(rejection, line: nil, column: nil, containing: "2 series have 18 rows", "limit of 17", "--max-rows")
    }

    @Test func eventWindow_isLimitedForEveryWard_namingTheEarliestAndLatestIncidents() throws {
        let text = "trust,ward,measure,date\nT1,A,awol,0001-01-01\nT1,B,awol,2024-05-05\nT1,A,awol,9999-12-31\n"
        expectError(Fixtures.rejection(text: text), line: 4, column: nil,
                    containing: "1 Jan 0001 (line 2)", "31 Dec 9999 (line 4)", "--max-rows-per-series")
        // With --from/--to the window is the user's: the message names it and no line.
        let windowed = Fixtures.rejection(text: text, options {
            $0.from = CivilDate(year: 1000, month: 1, day: 1)
            $0.to = CivilDate(year: 3000, month: 1, day: 1)
        })
        expectError(windowed, line: nil, column: nil, containing: "observation window", "--from and --to")
        let narrow = try Fixtures.read(text: text, options {
            $0.from = CivilDate(year: 2024, month: 1, day: 1)
            $0.to = CivilDate(year: 2024, month: 12, day: 31)
        })
        #expect(SeriesBuilder.build(narrow).series.allSatisfy { $0.periods.count == 53 })
    }

    @Test func eventSeries_timesTheWindow_areLimitedTogether() {
        var text = "trust,ward,measure,date\n"
        for ward in 0..<50 { text += "T1,W\(ward),awol,2024-01-01\nT1,W\(ward),awol,2024-12-30\n" }
        expectError(Fixtures.rejection(text: text, options { $0.maxRows = 50 * 53 - 1 }), line: nil, column: nil,
                    containing: "50 series have 2650 rows", "--max-rows")
    }
}
