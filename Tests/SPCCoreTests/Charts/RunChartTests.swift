import Testing
@testable import SPCCore

@Suite struct RunChartTests {
    @Test func runChart_centreIsBaselineMedian_noLimits() {
        let lines = RunChart.phase(values: [5, 1, 9, 3, nil, 7], baseline: [true, true, true, true, false, false])
        #expect(lines.centre == 4)  // median of 5, 1, 9, 3
        #expect(lines.values == [5, 1, 9, 3, nil, 7])
        #expect(lines.upper.allSatisfy { $0 == nil } && lines.lower.allSatisfy { $0 == nil })
        #expect(lines.upper2.allSatisfy { $0 == nil } && lines.lower2.allSatisfy { $0 == nil })
    }

    @Test func runChart_noBaselineValues_hasNoCentre() {
        #expect(RunChart.phase(values: [nil, 2], baseline: [true, false]).centre == nil)
    }

    @Test(arguments: Qicharts2Reference.weeklyWards)
    func runChart_default_matchesQicharts2(ward: String) {
        Agreement.expectMatchesQicharts2(ward: ward, chart: .run, variant: .default)
    }

    @Test(arguments: Qicharts2Reference.weeklyWards)
    func runChart_frozenBaseline_matchesQicharts2(ward: String) {
        Agreement.expectMatchesQicharts2(ward: ward, chart: .run, variant: .freeze26)
    }

    @Test(arguments: Qicharts2Reference.weeklyWards)
    func runChart_twoPhases_matchesQicharts2(ward: String) {
        Agreement.expectMatchesQicharts2(ward: ward, chart: .run, variant: .part52)
    }
}
