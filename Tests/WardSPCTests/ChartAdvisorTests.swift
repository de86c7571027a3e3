import Testing
@testable import WardSPC

/// The chart `--chart auto` chooses, case by case (docs/analysis.md, "Choosing the chart").
@Suite struct ChartAdvisorTests {
    static func facts(incidents: Double, weeks: Int = 104, bedDays: Bool = true, dates: Bool = false,
                      period: PeriodKind = .week(startingOn: .monday), values: Bool = false) -> SeriesFacts {
        SeriesFacts(valueKind: values ? .value : .count, periodKind: period, observedPeriods: weeks,
                    periodsWithDenominator: bedDays ? weeks : 0, incidents: incidents,
                    spanDays: period == .month ? weeks * 30 : weeks * 7, hasIncidentDates: dates)
    }

    @Test func values_getAnXmRChart() {
        let advice = ChartAdvisor.advise(Self.facts(incidents: 5000, values: true))
        #expect(advice.chart == .i && advice.periods == .asRecorded && advice.showsSignals)
    }

    @Test func ordinaryCounts_uWithBedDays_cWithout_probabilityLimitsWhileSmall() {
        let small = ChartAdvisor.advise(Self.facts(incidents: 3 * 104))
        #expect(small.chart == .u && small.periods == .asRecorded && small.probabilityLimits && !small.isRare)
        #expect(small.reason.contains("u chart") && small.reason.contains("exact Poisson limits"))
        let large = ChartAdvisor.advise(Self.facts(incidents: 12 * 104))
        #expect(large.chart == .u && !large.probabilityLimits)
        let noBedDays = ChartAdvisor.advise(Self.facts(incidents: 12 * 104, bedDays: false))
        #expect(noBedDays.chart == .c && !noBedDays.probabilityLimits)
        // Exactly one a week on average is not rare.
        #expect(!ChartAdvisor.advise(Self.facts(incidents: 104)).isRare)
    }

    @Test func rareWeeklyCounts_summedToCalendarMonths() {
        let advice = ChartAdvisor.advise(Self.facts(incidents: 42))   // 0.40 a week
        #expect(advice.isRare && advice.chart == .u && advice.periods == .calendarMonths)
        #expect(advice.probabilityLimits && advice.showsSignals)
        #expect(advice.reason == "rare: 0.40 incidents a week on average, so most weeks are zero; counts and bed days summed by calendar month (1.8 a month) with exact Poisson limits")
    }

    @Test func rareWithIncidentDates_gChart() {
        let advice = ChartAdvisor.advise(Self.facts(incidents: 42, bedDays: false, dates: true))
        #expect(advice.chart == .g && advice.periods == .incidents && advice.showsSignals)
        // 13 incidents are 12 intervals: too few for a g chart, and under one a month.
        let few = ChartAdvisor.advise(Self.facts(incidents: 13, bedDays: false, dates: true))
        #expect(few.periods == .calendarMonths && !few.showsSignals)
    }

    @Test func tooSparse_drawnWithoutSignals_reasonSaysSo() {
        let advice = ChartAdvisor.advise(Self.facts(incidents: 7))
        #expect(!advice.showsSignals && advice.isRare && advice.periods == .calendarMonths)
        #expect(advice.reason.hasPrefix("too few incidents for an SPC chart to tell change from chance: 7 in two years"))
        // 23 in two years is under one a month; 25 is over.
        #expect(!ChartAdvisor.advise(Self.facts(incidents: 23)).showsSignals)
        #expect(ChartAdvisor.advise(Self.facts(incidents: 25)).showsSignals)
    }

    @Test func monthlyData_rare_isTooSparse() {
        let advice = ChartAdvisor.advise(Self.facts(incidents: 10, weeks: 24, period: .month))
        #expect(advice.chart == .u && advice.periods == .asRecorded && !advice.showsSignals)
        #expect(advice.reason.contains("10 in two years"))
    }

    /// 18 incidents in 24 months (0.75 a month) is over the weekly bar of 0.5 a period but
    /// under one a month: too sparse, as a weekly series summed to the same months would be.
    @Test func monthlyData_underOneAMonth_isTooSparse() {
        let monthly = ChartAdvisor.advise(Self.facts(incidents: 18, weeks: 24, period: .month))
        #expect(!monthly.showsSignals && monthly.reason.hasPrefix("too few incidents"), "\(monthly.reason)")
        let weekly = ChartAdvisor.advise(Self.facts(incidents: 18, weeks: 104))  // the same two years, weekly
        #expect(!weekly.showsSignals)
        #expect(ChartAdvisor.advise(Self.facts(incidents: 30, weeks: 24, period: .month)).showsSignals)
    }

    @Test func explicitChartOnRareData_warns() {
        #expect(ChartAdvisor.rareWarning(Self.facts(incidents: 30), chart: .u)?.hasPrefix("rare events: 0.29 incidents a week") == true)
        #expect(ChartAdvisor.rareWarning(Self.facts(incidents: 300), chart: .u) == nil)
        #expect(ChartAdvisor.rareWarning(Self.facts(incidents: 30), chart: .p) == nil)
    }

    @Test func words() {
        #expect(ChartAdvisor.amount(0.404) == "0.40" && ChartAdvisor.amount(1.73) == "1.7" && ChartAdvisor.amount(12.4) == "12")
        #expect(ChartAdvisor.duration(days: 728) == "two years" && ChartAdvisor.duration(days: 540) == "18 months")
        #expect(ChartAdvisor.duration(days: 35) == "5 weeks")
    }
}
