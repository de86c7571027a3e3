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
}
