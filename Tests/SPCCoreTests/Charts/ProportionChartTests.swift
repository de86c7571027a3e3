import Testing
@testable import SPCCore

@Suite struct ProportionChartTests {
    @Test func pChart_limitsClampedToUnitInterval() {
        // p̄ = 5/10 = 0.5; n = 4: σ = 0.25, limits −0.25 → 0 and 1.25 → 1.
        let lines = ProportionChart.p(counts: [2, 3, 2], patients: [4, 6, 4], baseline: [true, true, false])
        #expect(lines.centre == 0.5)
        #expect(lines.lower[0] == 0 && lines.upper[0] == 1)
        #expect(lines.lower2[0] == 0 && lines.upper2[0] == 1)
        // n = 6: σ = √(0.25/6) ≈ 0.2041: limits 0 and 1 still, 2σ lines inside.
        #expect(abs(lines.upper2[1]! - (0.5 + 2 * (0.25 / 6).squareRoot())) < 1e-15)
    }

    @Test func pChart_centreIsPooledProportion() {
        let lines = ProportionChart.p(counts: [10, 30], patients: [100, 100], baseline: [true, true])
        #expect(lines.centre == 0.2)
        let sigma = (0.2 * 0.8 / 100).squareRoot()
        #expect(abs(lines.upper[0]! - (0.2 + 3 * sigma)) < 1e-15)
        #expect(abs(lines.lower[0]! - (0.2 - 3 * sigma)) < 1e-15)
    }

    @Test(arguments: Qicharts2Reference.weeklyWards)
    func pChart_default_matchesQicharts2(ward: String) {
        Agreement.expectMatchesQicharts2(ward: ward, chart: .p, variant: .default)
    }

    @Test(arguments: Qicharts2Reference.weeklyWards)
    func pChart_frozenBaseline_matchesQicharts2(ward: String) {
        Agreement.expectMatchesQicharts2(ward: ward, chart: .p, variant: .freeze26)
    }

    @Test(arguments: Qicharts2Reference.weeklyWards)
    func pChart_twoPhases_matchesQicharts2(ward: String) {
        Agreement.expectMatchesQicharts2(ward: ward, chart: .p, variant: .part52)
    }

    @Test(arguments: Qicharts2Reference.weeklyWards)
    func pPrimeChart_default_matchesQicharts2(ward: String) {
        Agreement.expectMatchesQicharts2(ward: ward, chart: .pp, variant: .default)
    }

    @Test(arguments: Qicharts2Reference.weeklyWards)
    func pPrimeChart_frozenBaseline_matchesQicharts2(ward: String) {
        Agreement.expectMatchesQicharts2(ward: ward, chart: .pp, variant: .freeze26)
    }

    @Test(arguments: Qicharts2Reference.weeklyWards)
    func pPrimeChart_twoPhases_matchesQicharts2(ward: String) {
        Agreement.expectMatchesQicharts2(ward: ward, chart: .pp, variant: .part52)
    }
}
