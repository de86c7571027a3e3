import Foundation
import Testing
@testable import SPCCore

/// Run rules on small counts (`RunChances`): hand-worked chances and lengths, the rules
/// unchanged at ½, and a simulation with known truth.
@Suite struct RunChancesTests {
    @Test func poissonChances_areTheTailsBesideTheExpectedCount() throws {
        let chances = RunChances.poisson(expectedCounts: [0.3, 2, 2.5, nil], counts: [0, 0, 0, 0])
        // μ = 0.3: below = P(X = 0) = e^−0.3, above = 1 − e^−0.3.
        expectClose(chances.below[0], exp(-0.3), relative: 1e-12)
        expectClose(chances.above[0], 1 - exp(-0.3), relative: 1e-12)
        // μ = 2 (a whole number: X = 2 is a tie): below = P(X ≤ 1) = 3e^−2, above = P(X ≥ 3) = 1 − 5e^−2.
        expectClose(chances.below[1], 3 * exp(-2), relative: 1e-12)
        expectClose(chances.above[1], 1 - 5 * exp(-2), relative: 1e-12)
        // μ = 2.5: below = P(X ≤ 2), above = P(X ≥ 3); no ties.
        let atMostTwo = exp(-2.5) * (1 + 2.5 + 2.5 * 2.5 / 2)
        expectClose(chances.below[2], atMostTwo, relative: 1e-12)
        expectClose(chances.above[2], 1 - atMostTwo, relative: 1e-12)
        #expect(chances.below[3] == 0 && chances.above[3] == 0)
    }

    @Test func runLength_matchesTheNominalChance() {
        let half = RunChances(above: Array(repeating: 0.5, count: 10), below: Array(repeating: 0.5, count: 10),
                              counts: Array(repeating: 0, count: 10))
        #expect(half.runLength(nominal: 7, side: .low, points: 0..<10, givenOffCentre: false) == 7)
        // P(below) = e^−0.3 = 0.7408: ⌈7 ln ½ ÷ ln 0.7408⌉ = ⌈16.17⌉ = 17 zero weeks.
        let rare = RunChances.poisson(expectedCounts: Array(repeating: 0.3, count: 10), counts: Array(repeating: 0, count: 10))
        #expect(rare.runLength(nominal: 7, side: .low, points: 0..<10, givenOffCentre: false) == 17)
        // The unlikely side never needs fewer than the nominal length.
        #expect(rare.runLength(nominal: 7, side: .high, points: 0..<10, givenOffCentre: false) == 7)
        // Given off the centre: μ = 2 leaves P(below | off) = 3e^−2 ÷ (1 − 2e^−2) = 0.5567 → ⌈6 · 0.6931 ÷ 0.5857⌉ = 8.
        let whole = RunChances.poisson(expectedCounts: Array(repeating: 2, count: 10), counts: Array(repeating: 0, count: 10))
        #expect(whole.runLength(nominal: 6, side: .low, points: 0..<10, givenOffCentre: true) == 8)
        #expect(whole.crossingChance(points: Array(0..<10)).map { abs($0 - 2 * 0.5567 * 0.4433) < 1e-3 } == true)
    }

    @Test func mdcShift_atOneHalf_isTheNominalRule() {
        let values: [Double] = [9, 11, 9, 11, 8, 8, 8, 8, 8, 8, 11, 9, 11]
        var lines = MakingDataCountTests.lines(values)
        let layout = MakingDataCountTests.layout(values.count)
        let parameters = RuleParameters(kind: .mdc)
        let plain = MakingDataCount.evaluate(lines, layout: layout, parameters: parameters)
        lines.runChances = RunChances(above: Array(repeating: 0.5, count: values.count),
                                      below: Array(repeating: 0.5, count: values.count),
                                      counts: values)
        let half = MakingDataCount.evaluate(lines, layout: layout, parameters: parameters)
        #expect(plain.events == half.events)
        #expect(plain.events.contains { $0.kind == SignalKind.shift })
        // With P(below) = 0.74 the same six points below are common by chance: no shift.
        lines.runChances = RunChances(above: Array(repeating: 0.26, count: values.count),
                                      below: Array(repeating: 0.74, count: values.count), counts: values)
        #expect(!MakingDataCount.evaluate(lines, layout: layout, parameters: parameters).events.contains { $0.kind == SignalKind.shift })
    }

    @Test func mdcTrend_onEqualCounts_isATie() {
        // Rates falling only because the bed days rise: the last seven counts are all 1.
        // (13 points: a shorter mdc phase has no signals at all.)
        let values: [Double] = [7, 8, 7, 8, 7, 8, 12, 11, 10, 9, 8, 6, 5]
        var lines = MakingDataCountTests.lines(values, centre: 8, halfWidth: 20)
        let layout = MakingDataCountTests.layout(values.count)
        let parameters = RuleParameters(kind: .mdc)
        #expect(MakingDataCount.evaluate(lines, layout: layout, parameters: parameters).events.contains { $0.kind == SignalKind.trend })
        lines.runChances = RunChances(above: Array(repeating: 0.5, count: 13), below: Array(repeating: 0.5, count: 13),
                                      counts: [0, 1, 0, 1, 0, 1] + Array(repeating: 1, count: 7))
        #expect(!MakingDataCount.evaluate(lines, layout: layout, parameters: parameters).events.contains { $0.kind == SignalKind.trend })
    }

    /// Known truth: stable Poisson counts with a mean of 0.3 a week on a c chart with exact
    /// limits. Without the chances, most 104-week series show a shift under mdc; with them,
    /// no more than normal data of the same length do.
    @Test func simulation_stableRareCounts_shiftNoMoreThanNormalData() {
        var state: UInt64 = 0x5EED_0014
        func uniform() -> Double {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
        }
        func poisson(_ mean: Double) -> Double {
            var count = 0.0, product = uniform()
            let limit = exp(-mean)
            while product > limit { count += 1; product *= uniform() }
            return count
        }
        let weeks = 104, seriesCount = 300
        var plainShifts = 0, honestShifts = 0, normalShifts = 0
        let configuration = { (exact: Bool) -> AnalysisConfiguration in
            var configuration = AnalysisConfiguration.standard(chart: .c, rules: .mdc)
            configuration.chart.probabilityLimits = exact
            return configuration
        }
        for _ in 0..<seriesCount {
            let series = Series(periods: (0..<weeks).map { Int32($0 * 7) }, numerators: (0..<weeks).map { _ in poisson(0.3) })
            func shifts(_ exact: Bool) -> Bool {
                SPCAnalysis.analyse(series, configuration: configuration(exact)).outcome.events.contains { $0.kind == SignalKind.shift }
            }
            if shifts(false) { plainShifts += 1 }
            if shifts(true) { honestShifts += 1 }
            // Normal data of the same length (Box–Muller), on an i chart under mdc.
            let normal = Series(periods: series.periods, numerators: (0..<weeks).map { _ in
                sqrt(-2 * log(1 - uniform())) * cos(2 * Double.pi * uniform())
            })
            let outcome = SPCAnalysis.analyse(normal, configuration: AnalysisConfiguration.standard(chart: .i, rules: .mdc)).outcome
            if outcome.events.contains(where: { $0.kind == SignalKind.shift }) { normalShifts += 1 }
        }
        // Normal data: a 6-point shift somewhere in 104 points is common (about 70%);
        // zero weeks at P = 0.74 make one nearly certain; honest lengths bring it back.
        #expect(Double(plainShifts) > 0.9 * Double(seriesCount), "plain \(plainShifts)")
        #expect(honestShifts <= normalShifts, "honest \(honestShifts), normal \(normalShifts)")
    }
}
