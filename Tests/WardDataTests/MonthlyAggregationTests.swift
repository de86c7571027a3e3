import Testing
@testable import WardData

@Suite struct MonthlyAggregationTests {
    static let monday = CivilDate(year: 2024, month: 1, day: 1)!

    static func weekly(_ counts: [Double], bedDays: [Double?]? = nil, skipping: Set<Int> = [], from start: CivilDate = monday) -> WardSeries {
        var periods: [CivilDate] = [], values: [Double] = [], denominators: [Double?] = []
        for (index, count) in counts.enumerated() where !skipping.contains(index) {
            periods.append(start.adding(days: 7 * index))
            values.append(count)
            denominators.append(bedDays?[index] ?? nil)
        }
        return WardSeries(trust: "T", ward: "W", measure: "m", periods: periods, values: values,
                          denominators: denominators, missingPeriods: [], lines: periods.map { _ in nil })
    }

    @Test func weekGoesToTheMonthOfItsFourthDay() {
        // Monday 29 January 2024: its Thursday is 1 February.
        #expect(MonthlyAggregation.month(ofWeekStarting: CivilDate(year: 2024, month: 1, day: 29)!) == CivilDate(year: 2024, month: 2, day: 1)!)
        #expect(MonthlyAggregation.month(ofWeekStarting: CivilDate(year: 2024, month: 1, day: 22)!) == CivilDate(year: 2024, month: 1, day: 1)!)
    }

    @Test func twoYearsOfWeeks_make24CompleteMonths_countsAndBedDaysSummed() {
        let counts = (0..<104).map { Double($0 % 3) }
        let bedDays = (0..<104).map { Double?(150 + Double($0)) }
        let monthly = MonthlyAggregation.aggregate(Self.weekly(counts, bedDays: bedDays), useBedDays: true)
        #expect(monthly.series.periods.count == 24)
        #expect(monthly.partial.allSatisfy { !$0 })
        // Weeks per month by their Thursdays, worked out by hand (and by Python's datetime).
        #expect(monthly.weeksInMonth == [4, 5, 4, 4, 5, 4, 4, 5, 4, 5, 4, 4, 5, 4, 4, 4, 5, 4, 5, 4, 4, 5, 4, 4])
        #expect(monthly.series.values.reduce(0, +) == counts.reduce(0, +))
        #expect(monthly.series.denominators.compactMap { $0 }.reduce(0, +) == bedDays.compactMap { $0 }.reduce(0, +))
        // January: weeks of 1, 8, 15 and 22 January.
        #expect(monthly.series.values[0] == counts[0] + counts[1] + counts[2] + counts[3])
        #expect(monthly.series.denominators[1] == (4...8).map { 150.0 + Double($0) }.reduce(0, +))
    }

    @Test func missingWeek_makesItsMonthPartial_neverZeroFilled() {
        let counts = Array(repeating: 1.0, count: 13)
        let monthly = MonthlyAggregation.aggregate(Self.weekly(counts, skipping: [5]), useBedDays: false)
        // Weeks 0–3 January, 4–8 February (week 5 missing), 9–12 March.
        #expect(monthly.partial == [false, true, false])
        #expect(monthly.series.values == [4, 4, 4])
        #expect(monthly.series.denominators == [nil, nil, nil])
        #expect(monthly.weeksObserved == [4, 4, 4] && monthly.weeksInMonth == [4, 5, 4])
    }

    @Test func seriesStartingMidMonth_firstMonthIsPartial() {
        let start = CivilDate(year: 2024, month: 1, day: 15)!
        let monthly = MonthlyAggregation.aggregate(Self.weekly(Array(repeating: 0, count: 7), from: start), useBedDays: false)
        #expect(monthly.partial == [true, false])      // 15 and 22 January of four; all five of February
        #expect(monthly.series.values == [0, 0])
    }

    @Test func weekWithoutBedDays_countsAsMissing() {
        let bedDays: [Double?] = [100, 100, nil, 100, 100]
        let monthly = MonthlyAggregation.aggregate(Self.weekly([1, 1, 1, 1, 1], bedDays: bedDays), useBedDays: true)
        #expect(monthly.series.values == [3, 1])
        #expect(monthly.partial == [true, true])
    }
}
