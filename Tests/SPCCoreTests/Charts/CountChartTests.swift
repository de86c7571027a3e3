import Testing
@testable import SPCCore

@Suite struct CountChartTests {
    @Test func cChart_limitsAreMeanPlusMinusThreeRootMean_lowerClampedAtZero() {
        // c̄ = 4, √c̄ = 2: limits −2 → 0 and 10, 2σ lines 0 and 8.
        let lines = CountChart.phase(values: [2, 6, 4, 4, 20], baseline: [true, true, true, true, false])
        #expect(lines.centre == 4)
        #expect(lines.lower.allSatisfy { $0 == 0 })
        #expect(lines.upper.allSatisfy { $0 == 10 })
        #expect(lines.lower2.allSatisfy { $0 == 0 })
        #expect(lines.upper2.allSatisfy { $0 == 8 })
    }

    @Test func cChart_largeMean_lowerLimitAboveZero() {
        // c̄ = 25: 25 ± 15 and 25 ± 10.
        let lines = CountChart.phase(values: [20, 30], baseline: [true, true])
        #expect(lines.lower == [10, 10] && lines.upper == [40, 40])
        #expect(lines.lower2 == [15, 15] && lines.upper2 == [35, 35])
    }

    @Test(arguments: Qicharts2Reference.weeklyWards)
    func cChart_default_matchesQicharts2(ward: String) {
        Agreement.expectMatchesQicharts2(ward: ward, chart: .c, variant: .default)
    }

    @Test(arguments: Qicharts2Reference.weeklyWards)
    func cChart_frozenBaseline_matchesQicharts2(ward: String) {
        Agreement.expectMatchesQicharts2(ward: ward, chart: .c, variant: .freeze26)
    }

    @Test(arguments: Qicharts2Reference.weeklyWards)
    func cChart_twoPhases_matchesQicharts2(ward: String) {
        Agreement.expectMatchesQicharts2(ward: ward, chart: .c, variant: .part52)
    }
}
