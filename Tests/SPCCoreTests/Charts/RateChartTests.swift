import Testing
@testable import SPCCore

@Suite struct RateChartTests {
    @Test func uChart_centreIsPooledRate_limitsFollowExposure() {
        // ū = (2 + 6) / (100 + 100) = 0.04: the third point is not in the baseline.
        let lines = RateChart.u(counts: [2, 6, 30], exposures: [100, 100, 400], baseline: [true, true, false])
        #expect(lines.centre == 0.04)
        #expect(lines.values == [0.02, 0.06, 0.075])
        // σᵢ = √(0.04/nᵢ): 0.02 at n = 100, 0.01 at n = 400.
        #expect(abs(lines.upper[0]! - 0.1) < 1e-15)
        #expect(abs(lines.upper[2]! - 0.07) < 1e-15)
        #expect(lines.lower[0] == 0)  // 0.04 − 0.06 clamped
        #expect(abs(lines.lower[2]! - 0.01) < 1e-15)
        #expect(abs(lines.upper2[0]! - 0.08) < 1e-15 && lines.lower2[0] == 0)
    }

    @Test func uChart_pointWithoutExposure_hasNoValueOrLimits() {
        let lines = RateChart.u(counts: [1, 0, 3], exposures: [100, 0, 100], baseline: [true, true, true])
        #expect(lines.centre == 0.02)
        #expect(lines.values[1] == nil && lines.upper[1] == nil && lines.lower[1] == nil)
    }

    @Test func laneySigmaZ_isMeanMovingRangeOfZScoresOverD2() {
        // z = (y − 0.5)/0.1 = −1, 1, −1: moving ranges 2, 2 → σ_z = 2/1.128.
        let sigmaZ = Laney.sigmaZ(values: [0.4, 0.6, 0.4], centre: 0.5, sigmas: [0.1, 0.1, 0.1], screened: true)
        #expect(abs(sigmaZ! - 2 / 1.128) < 1e-12)
    }

    @Test func laneySigmaZ_screeningDropsLargeMovingRanges() {
        // z moving ranges: 0.1 × 9 and 10: mean 1.09, limit 3.561 → 10 dropped, mean 0.1.
        let z = [0.0, 0.1, 0.0, 0.1, 0.0, 0.1, 0.0, 0.1, 0.0, 0.1, 10.1]
        let unscreened = Laney.sigmaZ(values: z, centre: 0, sigmas: Array(repeating: 1, count: z.count), screened: false)!
        let screened = Laney.sigmaZ(values: z, centre: 0, sigmas: Array(repeating: 1, count: z.count), screened: true)!
        #expect(abs(unscreened - 1.09 / 1.128) < 1e-12)
        #expect(abs(screened - 0.1 / 1.128) < 1e-12)
    }

    @Test func uPrimeChart_baselineWithoutEvents_limitsOnCentreLine() {
        let lines = RateChart.uPrime(counts: [0, 0, 0, 2], exposures: [100, 120, 90, 100],
                                     baseline: [true, true, true, false], screened: true)
        #expect(lines.centre == 0)
        #expect(lines.upper.allSatisfy { $0 == 0 } && lines.lower.allSatisfy { $0 == 0 })
    }

    @Test func uPrimeChart_qicharts2ScreensLaneySigmaZ_andSoDoesTheDefault() {
        // step-1 has a step at week 53, so one z moving range is large: only the screened
        // σ_z reproduces qicharts2 0.8.1's upper limit (69.64 at the first week; unscreened it is 5% wider).
        let series = Qicharts2Reference.weeklySeries("step-1")
        let layout = PhasePlan().layout(for: series)
        let reference = Qicharts2Reference.expected(ward: "step-1", chart: .up, variant: .default)[0].upper!
        let byDefault = ChartComputation.lines(for: series, layout: layout, options: ChartOptions(kind: .up))
        let unscreened = ChartComputation.lines(for: series, layout: layout,
                                                options: ChartOptions(kind: .up, screenMovingRanges: false))
        #expect(ChartOptions(kind: .up).screenMovingRanges)
        #expect(Agreement.close(byDefault.upper[0], reference))
        #expect(abs(unscreened.upper[0]! / reference - 1) > 0.01)
    }

    @Test(arguments: Qicharts2Reference.weeklyWards)
    func uChart_default_matchesQicharts2(ward: String) {
        Agreement.expectMatchesQicharts2(ward: ward, chart: .u, variant: .default)
    }

    @Test(arguments: Qicharts2Reference.weeklyWards)
    func uChart_frozenBaseline_matchesQicharts2(ward: String) {
        Agreement.expectMatchesQicharts2(ward: ward, chart: .u, variant: .freeze26)
    }

    @Test(arguments: Qicharts2Reference.weeklyWards)
    func uChart_twoPhases_matchesQicharts2(ward: String) {
        Agreement.expectMatchesQicharts2(ward: ward, chart: .u, variant: .part52)
    }

    @Test(arguments: Qicharts2Reference.weeklyWards)
    func uPrimeChart_default_matchesQicharts2(ward: String) {
        Agreement.expectMatchesQicharts2(ward: ward, chart: .up, variant: .default)
    }

    @Test(arguments: Qicharts2Reference.weeklyWards)
    func uPrimeChart_frozenBaseline_matchesQicharts2(ward: String) {
        Agreement.expectMatchesQicharts2(ward: ward, chart: .up, variant: .freeze26)
    }

    @Test(arguments: Qicharts2Reference.weeklyWards)
    func uPrimeChart_twoPhases_matchesQicharts2(ward: String) {
        Agreement.expectMatchesQicharts2(ward: ward, chart: .up, variant: .part52)
    }
}
