import Testing
@testable import SPCCore

/// The `ihi` rule set (Perla, Provost & Murray 2011), worked by hand.
@Suite struct IHITests {
    // MARK: shift

    @Test func test_shift_exactlySixPoints_signals() {
        // Centre 10: six above (zig-zag, so no trend), then below.
        let values: [Double] = [11, 12, 11, 12, 11, 12, 9, 8, 9, 11, 9]
        let outcome = evaluate(values, centre: 10)
        #expect(events(outcome, .shift) == [SignalEvent(kind: .shift, points: [0, 1, 2, 3, 4, 5], side: .high, phase: 0)])
        #expect(outcome.runs[0]?.longestRun == 6)
        #expect(outcome.runs[0]?.longestRunLimit == 5)
        #expect(outcome.runs[0]?.signal == true)
    }

    @Test func test_shift_fivePoints_doesNotSignal() {
        let values: [Double] = [9, 8, 9, 8, 9, 11, 12, 11, 12, 11, 9]
        let outcome = evaluate(values, centre: 10)
        #expect(events(outcome, .shift).isEmpty)
        #expect(outcome.runs[0]?.longestRun == 5)
        #expect(outcome.runs[0]?.longestRunLimit == 5)
    }

    @Test func test_shift_pointsOnTheCentre_neitherCountNorBreak() {
        // Three below, one on the centre, three below: a shift of the six useful points.
        let values: [Double] = [9, 8, 9, 10, 8, 9, 8, 11]
        let outcome = evaluate(values, centre: 10)
        #expect(events(outcome, .shift).map(\.points) == [[0, 1, 2, 4, 5, 6]])
        #expect(events(outcome, .shift).first?.side == .low)
        #expect(outcome.runs[0]?.useful == 7)
    }

    @Test func test_shift_excludedAndMissingPoints_areSkipped() {
        // An excluded point below (index 3) and a point without a value (index 5) inside six
        // points above: they neither break the run nor count toward it.
        var lines = runChart([11, 12, 11, 9, 12, 0, 11, 12, 9], centre: 10)
        lines.values[5] = nil
        let outcome = IHI.evaluate(lines, layout: layout(count: 9, excluded: [3]), parameters: ihi())
        #expect(events(outcome, .shift).map(\.points) == [[0, 1, 2, 4, 6, 7]])
        #expect(outcome.runs[0]?.useful == 7)
    }

    @Test func test_shift_overriddenLength() {
        let values: [Double] = [11, 12, 11, 12, 11, 12, 11, 9, 8]
        #expect(events(evaluate(values, centre: 10, shiftLength: 8), .shift).isEmpty)
        #expect(evaluate(values, centre: 10, shiftLength: 8).runs[0]?.longestRunLimit == 7)
        #expect(events(evaluate(values, centre: 10, shiftLength: 7), .shift).map(\.points) == [[0, 1, 2, 3, 4, 5, 6]])
    }

    // MARK: trend

    @Test func test_trend_fivePointsRising_signalsHigh_fourDoNot() {
        #expect(events(evaluate([1, 2, 3, 4, 5], centre: 3), .trend)
            == [SignalEvent(kind: .trend, points: [0, 1, 2, 3, 4], side: .high, phase: 0)])
        #expect(events(evaluate([5, 1, 2, 3, 4], centre: 3), .trend).isEmpty)
        // The point on the median (3) is part of the trend: the trend ignores the centre line.
        #expect(events(evaluate([9, 8, 7, 6, 5], centre: 7), .trend).map(\.side) == [.low])
    }

    @Test func test_trend_tiesNeitherMakeNorBreak() {
        // 1, 2, 2, 3, 4, 5: five counted points (the second 2 ignored) — a trend of six marked points.
        #expect(events(evaluate([1, 2, 2, 3, 4, 5], centre: 3), .trend).map(\.points) == [[0, 1, 2, 3, 4, 5]])
        // 6, 5, 5, 4, 4, 3: only four counted points.
        #expect(events(evaluate([6, 5, 5, 4, 4, 3], centre: 4.5), .trend).isEmpty)
        // A tie after the last counted point is not part of the trend; the 4 after it turns it.
        #expect(events(evaluate([1, 2, 3, 4, 5, 5, 4], centre: 3), .trend).map(\.points) == [[0, 1, 2, 3, 4]])
        // Leading ties belong to the trend from the first of them.
        #expect(events(evaluate([1, 1, 2, 3, 4, 5], centre: 3), .trend).map(\.points) == [[0, 1, 2, 3, 4, 5]])
    }

    @Test func test_trend_peak_endsOneTrendAndStartsTheNext() {
        let outcome = evaluate([1, 2, 3, 4, 5, 4, 3, 2, 1], centre: 3)
        #expect(events(outcome, .trend) == [
            SignalEvent(kind: .trend, points: [0, 1, 2, 3, 4], side: .high, phase: 0),
            SignalEvent(kind: .trend, points: [4, 5, 6, 7, 8], side: .low, phase: 0),
        ])
    }

    @Test func test_trend_excludedAndMissingPoints_areSkipped() {
        var lines = runChart([1, 2, 9, 3, 0, 4, 5], centre: 3)
        lines.values[4] = nil
        let outcome = IHI.evaluate(lines, layout: layout(count: 7, excluded: [2]), parameters: ihi())
        #expect(events(outcome, .trend).map(\.points) == [[0, 1, 3, 5, 6]])
    }

    @Test func test_trend_overriddenLength() {
        let values: [Double] = [5, 1, 2, 3, 2]
        #expect(events(evaluate(values, centre: 2.5), .trend).isEmpty)
        #expect(events(evaluate(values, centre: 2.5, trendLength: 3), .trend).map(\.points) == [[1, 2, 3]])
        #expect(events(evaluate([1, 2, 3, 4, 5, 6], centre: 3.5, trendLength: 7), .trend).isEmpty)
    }

    // MARK: runs

    @Test func test_tooFewRuns_twoRunsOfTen_marksEveryUsefulPoint() {
        // 10 above then 10 below: 2 runs; Swed–Eisenhart for 10/10: too few when R < 7.
        let values: [Double] = [11, 12, 11, 12, 11, 12, 11, 12, 11, 12, 9, 8, 9, 8, 9, 8, 9, 8, 9, 8, 10]
        let outcome = evaluate(values, centre: 10)
        let statistics = outcome.runs[0]
        #expect(statistics == RunsStatistics(useful: 20, longestRun: 10, longestRunLimit: 5, crossings: 1,
                                             crossingsLimit: nil, runs: 2, runsLowerLimit: 7, runsUpperLimit: 15,
                                             signal: true))
        #expect(events(outcome, .tooFewRuns) == [SignalEvent(kind: .tooFewRuns, points: Array(0..<20), side: nil, phase: 0)])
        #expect(events(outcome, .tooManyRuns).isEmpty)
        #expect(outcome.pointSignals(count: 21)[20] == [], "the point on the centre is in no runs signal")
    }

    @Test func test_tooManyRuns_alternatingPoints() {
        // 20 alternating points: 20 runs > 15.
        let values = (0..<20).map { $0 % 2 == 0 ? 11.0 : 9.0 }
        let outcome = evaluate(values, centre: 10)
        #expect(outcome.runs[0]?.runs == 20)
        #expect(events(outcome, .tooManyRuns).map(\.points) == [Array(0..<20)])
        #expect(events(outcome, .tooFewRuns).isEmpty)
        #expect(events(outcome, .shift).isEmpty && events(outcome, .trend).isEmpty)
        #expect(outcome.runs[0]?.signal == true)
    }

    @Test(arguments: [
        // 10 above and 10 below; Swed–Eisenhart for 10/10: 7 ≤ runs ≤ 15 is expected.
        ([4, 4, 3, 3, 3, 3], 6, SignalKind?.some(.tooFewRuns)),
        ([3, 4, 3, 3, 2, 3, 2], 7, nil),
        ([3, 4] + Array(repeating: 1, count: 13), 15, nil),
        ([3, 3] + Array(repeating: 1, count: 14), 16, SignalKind?.some(.tooManyRuns)),
    ])
    func test_runs_justInsideAndOutsideTheLimits(runLengths: [Int], runs: Int, expected: SignalKind?) {
        // Runs alternate sides, the first above.
        let sides = runLengths.enumerated().flatMap { run, length in
            Array(repeating: run % 2 == 0 ? 1 : -1, count: length)
        }
        #expect(sides.count == 20 && sides.count(where: { $0 > 0 }) == 10)
        let outcome = evaluate(zigzag(sides), centre: 10)
        #expect(outcome.runs[0]?.runs == runs)
        #expect(outcome.runs[0]?.runsLowerLimit == 7 && outcome.runs[0]?.runsUpperLimit == 15)
        let fired = outcome.events.map(\.kind).filter { $0 == .tooFewRuns || $0 == .tooManyRuns }
        #expect(fired == (expected.map { [$0] } ?? []))
    }

    // MARK: phases, limits

    @Test func test_phaseBoundary_endsRunsAndTrends_andEachPhaseHasItsOwnRunsTest() {
        // Phase 1: points 0–5 (three above at the end); phase 2: points 6–11 (three above first).
        // Across the boundary there are six points above (3–8) and a five-point rise (4–8):
        // neither signals.
        let values: [Double] = [9, 8, 9, 12, 11, 13, 14, 15, 16, 9, 8, 9]
        let lines = runChart(values, centre: 10)
        let outcome = IHI.evaluate(lines, layout: layout(count: 12, phaseStarts: [6]), parameters: ihi())
        #expect(events(outcome, .shift).isEmpty)
        #expect(events(outcome, .trend).isEmpty)
        #expect(outcome.runs.count == 2)
        #expect(outcome.runs[0]?.runs == 2 && outcome.runs[1]?.runs == 2)
        #expect(outcome.runs[0]?.useful == 6 && outcome.runs[1]?.useful == 6)
        // The same points in one phase: the shift and the trend appear.
        let single = IHI.evaluate(lines, layout: layout(count: 12), parameters: ihi())
        #expect(events(single, .shift).map(\.points) == [[3, 4, 5, 6, 7, 8]])
        #expect(events(single, .trend).map(\.points) == [[4, 5, 6, 7, 8]])
        #expect(events(single, .trend).first?.phase == 0)
    }

    @Test func test_outsideLimits_onChartsWithLimits_strictly_includingExcludedPoints() {
        var lines = runChart([10, 16, 4, 15, 20, 10], centre: 10)
        for index in 0..<6 { lines.lower[index] = 4; lines.upper[index] = 15 }
        let outcome = IHI.evaluate(lines, layout: layout(count: 6, excluded: [4]), parameters: ihi())
        #expect(events(outcome, .outsideLimits) == [
            SignalEvent(kind: .outsideLimits, points: [1], side: .high, phase: 0),
            SignalEvent(kind: .outsideLimits, points: [4], side: .high, phase: 0),
        ])
        // A run chart (no limits) has none.
        #expect(events(evaluate([10, 16, 4, 15, 20, 10], centre: 10), .outsideLimits).isEmpty)
    }

    @Test func test_noCentre_noUsefulPoints() {
        let lines = ChartLines(count: 3)
        let outcome = IHI.evaluate(lines, layout: layout(count: 3), parameters: ihi())
        #expect(outcome.events.isEmpty)
        #expect(outcome.runs == [RunsStatistics(useful: 0, longestRun: 0, longestRunLimit: 5, crossings: 0,
                                                crossingsLimit: nil, runs: 0, runsLowerLimit: 0, runsUpperLimit: 0,
                                                signal: false)])
    }

    // MARK: helpers

    private func ihi(shiftLength: Int? = nil, trendLength: Int? = nil) -> RuleParameters {
        RuleParameters(kind: .ihi, shiftLength: shiftLength, trendLength: trendLength)
    }

    private func runChart(_ values: [Double], centre: Double) -> ChartLines {
        var lines = ChartLines(count: values.count)
        lines.values = values.map { Optional($0) }
        lines.centre = Array(repeating: centre, count: values.count)
        return lines
    }

    private func layout(count: Int, phaseStarts: [Int32] = [], excluded: Set<Int32> = []) -> PhaseLayout {
        let series = Series(periods: (0..<count).map { Int32($0) }, numerators: Array(repeating: 0, count: count))
        return PhasePlan(phaseStarts: phaseStarts, excludedPeriods: excluded).layout(for: series)
    }

    private func evaluate(_ values: [Double], centre: Double, shiftLength: Int? = nil, trendLength: Int? = nil) -> RuleOutcome {
        IHI.evaluate(runChart(values, centre: centre), layout: layout(count: values.count),
                     parameters: ihi(shiftLength: shiftLength, trendLength: trendLength))
    }

    private func events(_ outcome: RuleOutcome, _ kind: SignalKind) -> [SignalEvent] {
        outcome.events.filter { $0.kind == kind }
    }

    /// Values on the given sides of a centre of 10 that never form a trend (11/12 and 9/8 alternate).
    private func zigzag(_ sides: [Int]) -> [Double] {
        sides.enumerated().map { index, side in side > 0 ? (index % 2 == 0 ? 11 : 12) : (index % 2 == 0 ? 9 : 8) }
    }
}
