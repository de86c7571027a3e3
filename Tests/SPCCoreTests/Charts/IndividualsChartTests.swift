import Testing
@testable import SPCCore

@Suite struct IndividualsChartTests {
    let allBaseline = [Bool](repeating: true, count: 5)

    @Test func iChart_limitsAreMeanPlusMinusThreeMRbarOverD2_notClamped() {
        // Mean 3; moving ranges 2, 1, 4, 3 → MR̄ 2.5; σ = 2.5/1.128.
        let lines = IndividualsChart.individuals(values: [1, 3, 2, 6, 3], baseline: allBaseline, screened: true,
                                                 nhsEnglandConstant: false)
        let sigma = 2.5 / 1.128
        #expect(lines.centre == 3)
        #expect(abs(lines.upper[0]! - (3 + 3 * sigma)) < 1e-12)
        #expect(abs(lines.lower[0]! - (3 - 3 * sigma)) < 1e-12)
        #expect(lines.lower[0]! < 0)  // shown as it is
        #expect(abs(lines.upper2[4]! - (3 + 2 * sigma)) < 1e-12)
        #expect(abs(lines.lower2[4]! - (3 - 2 * sigma)) < 1e-12)
    }

    @Test func iChart_nhsEnglandConstant_limitsMeanPlusMinus266MRbar() {
        let lines = IndividualsChart.individuals(values: [1, 3, 2, 6, 3], baseline: allBaseline, screened: true,
                                                 nhsEnglandConstant: true)
        #expect(abs(lines.upper[0]! - (3 + 2.66 * 2.5)) < 1e-12)
        #expect(abs(lines.lower[0]! - (3 - 2.66 * 2.5)) < 1e-12)
        #expect(abs(lines.upper2[0]! - (3 + 2.66 * 2 / 3 * 2.5)) < 1e-12)
        #expect(abs(lines.lower2[0]! - (3 - 2.66 * 2 / 3 * 2.5)) < 1e-12)
    }

    @Test func iChart_screeningOnOff_changesSigmaNotCentre() {
        // Moving ranges 1 × 9 and 19: MR̄ 2.8 unscreened, 1 screened; mean 135/11 either way.
        let values: [Double?] = [10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 30]
        let baseline = [Bool](repeating: true, count: values.count)
        let screened = IndividualsChart.individuals(values: values, baseline: baseline, screened: true,
                                                    nhsEnglandConstant: false)
        let unscreened = IndividualsChart.individuals(values: values, baseline: baseline, screened: false,
                                                      nhsEnglandConstant: false)
        let mean = 135.0 / 11
        #expect(abs(screened.centre! - mean) < 1e-12 && abs(unscreened.centre! - mean) < 1e-12)
        #expect(abs(screened.upper[0]! - (mean + 3 / 1.128)) < 1e-12)
        #expect(abs(unscreened.upper[0]! - (mean + 3 * 2.8 / 1.128)) < 1e-12)
    }

    @Test func iChart_movingRangesOnlyBetweenBaselinePoints() {
        // Frozen on the first three points (MR 1, 1); the later jump does not widen the limits.
        let lines = IndividualsChart.individuals(values: [4, 5, 4, 40, 4], baseline: [true, true, true, false, false],
                                                 screened: false, nhsEnglandConstant: false)
        #expect(abs(lines.centre! - 13.0 / 3) < 1e-12)
        #expect(abs(lines.upper[4]! - (13.0 / 3 + 3 / 1.128)) < 1e-12)
    }

    @Test func iChart_singleBaselinePoint_centreWithoutLimits() {
        let lines = IndividualsChart.individuals(values: [4, 9], baseline: [true, false], screened: true,
                                                 nhsEnglandConstant: false)
        #expect(lines.centre == 4)
        #expect(lines.upper == [nil, nil] && lines.lower == [nil, nil])
    }

    @Test func mrChart_firstPointHasNoValue_linesFilled_neverScreened() {
        // Moving ranges 1 × 9 and 19: MR̄ 2.8 (no screening on the mr chart's own lines).
        let values: [Double?] = [10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 30]
        let count = values.count
        let lines = IndividualsChart.movingRanges(values: values, baseline: Array(repeating: true, count: count),
                                                  excluded: Array(repeating: false, count: count))
        #expect(lines.values[0] == nil && lines.values[10] == 19)
        #expect(abs(lines.centre! - 2.8) < 1e-12)
        #expect(lines.upper.allSatisfy { abs($0! - 3.267 * 2.8) < 1e-12 })
        #expect(lines.upper2.allSatisfy { abs($0! - 3.267 / 3 * 2 * 2.8) < 1e-12 })
        #expect(lines.lower.allSatisfy { $0 == 0 } && lines.lower2.allSatisfy { $0 == 0 })
    }

    @Test func mrChart_excludedPointIsBridged_butHasItsOwnRange() {
        // The 50 is excluded: its own range is |50 − 6|; the next point's is |5 − 6|.
        let lines = IndividualsChart.movingRanges(values: [5, 6, 50, 5, 6],
                                                  baseline: [true, true, false, true, true],
                                                  excluded: [false, false, true, false, false])
        #expect(lines.values == [nil, 1, 44, 1, 1])
        #expect(lines.centre == 1)
    }

    @Test(arguments: Qicharts2Reference.weeklyWards)
    func iChart_default_matchesQicharts2(ward: String) {
        Agreement.expectMatchesQicharts2(ward: ward, chart: .i, variant: .default)
    }

    @Test(arguments: Qicharts2Reference.weeklyWards)
    func iChart_frozenBaseline_matchesQicharts2(ward: String) {
        Agreement.expectMatchesQicharts2(ward: ward, chart: .i, variant: .freeze26)
    }

    @Test(arguments: Qicharts2Reference.weeklyWards)
    func iChart_twoPhases_matchesQicharts2(ward: String) {
        Agreement.expectMatchesQicharts2(ward: ward, chart: .i, variant: .part52)
    }

    @Test(arguments: Qicharts2Reference.weeklyWards)
    func mrChart_default_matchesQicharts2(ward: String) {
        Agreement.expectMatchesQicharts2(ward: ward, chart: .mr, variant: .default)
    }
}
