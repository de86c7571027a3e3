import Testing
@testable import SPCCore

@Suite struct AnhoejTests {
    /// Lines with a constant centre (and limits, when given) around `values`.
    static func lines(_ values: [Double?], centre: Double = 0, lower: Double? = nil, upper: Double? = nil) -> ChartLines {
        var lines = ChartLines(count: values.count)
        lines.values = values
        lines.centre = Array(repeating: centre, count: values.count)
        lines.lower = Array(repeating: lower, count: values.count)
        lines.upper = Array(repeating: upper, count: values.count)
        return lines
    }

    static func layout(_ count: Int, phaseStarts: [Int32] = [], excluded: Set<Int32> = []) -> PhaseLayout {
        let series = Series(periods: (0..<count).map { Int32($0) }, numerators: Array(repeating: 0, count: count))
        return PhasePlan(phaseStarts: phaseStarts, excludedPeriods: excluded).layout(for: series)
    }

    @Test func limits_areRoundLog2PlusThree_andQbinomFivePercent() {
        #expect(Anhoej.longestRunLimit(useful: 10) == 6)
        #expect(Anhoej.longestRunLimit(useful: 16) == 7)
        #expect(Anhoej.longestRunLimit(useful: 23) == 8)
        #expect(Anhoej.longestRunLimit(useful: 91) == 10)
        #expect(Anhoej.crossingsLimit(useful: 10) == 2)
        #expect(Anhoej.crossingsLimit(useful: 104) == 43)
        #expect(Anhoej.longestRunLimit(useful: 0) == nil && Anhoej.crossingsLimit(useful: 0) == nil)
    }

    @Test func longRunAndFewCrossings_signal() {
        // 7 above then 3 below: longest 7 > 6, crossings 1 < 2.
        let values: [Double?] = [1, 1, 1, 1, 1, 1, 1, -1, -1, -1]
        let outcome = Anhoej.evaluate(Self.lines(values), layout: Self.layout(10), chart: .run)
        #expect(outcome.runs == [RunsStatistics(useful: 10, longestRun: 7, longestRunLimit: 6, crossings: 1,
                                                crossingsLimit: 2, signal: true)])
        #expect(outcome.events == [
            SignalEvent(kind: .longRun, points: Array(0...6), side: .high, phase: 0),
            SignalEvent(kind: .fewCrossings, points: [], side: nil, phase: 0),
        ])
    }

    @Test func pointOnCentreLine_neitherBreaksNorExtendsRun() {
        // Six above around a point on the centre: a run of 6 (not 3 + 3, not 7) — no signal.
        let values: [Double?] = [1, 1, 1, 0, 1, 1, 1, -1, 1, -1, 1]
        let outcome = Anhoej.evaluate(Self.lines(values), layout: Self.layout(11), chart: .run)
        #expect(outcome.runs[0]?.useful == 10)
        #expect(outcome.runs[0]?.longestRun == 6)
        #expect(outcome.runs[0]?.crossings == 4)
        #expect(outcome.runs[0]?.signal == false)
        #expect(outcome.events.isEmpty)
    }

    @Test func excludedPoint_leftOutOfRuns() {
        // The excluded low point inside the high run does not break it: 7 in a row.
        let values: [Double?] = [1, 1, 1, -1, 1, 1, 1, 1, -1, 1, -1]
        let outcome = Anhoej.evaluate(Self.lines(values), layout: Self.layout(11, excluded: [3]), chart: .run)
        #expect(outcome.runs[0]?.useful == 10)
        #expect(outcome.runs[0]?.longestRun == 7)
        #expect(outcome.events.first == SignalEvent(kind: .longRun, points: [0, 1, 2, 4, 5, 6, 7], side: .high, phase: 0))
    }

    @Test func everyRunLongerThanLimit_isFlagged() {
        let values: [Double?] = Array(repeating: 1, count: 8) + Array(repeating: -1, count: 8)
        let outcome = Anhoej.evaluate(Self.lines(values), layout: Self.layout(16), chart: .run)
        let longRuns = outcome.events.filter { $0.kind == .longRun }
        #expect(longRuns.map(\.points) == [Array(0..<8), Array(8..<16)])
        #expect(longRuns.map(\.side) == [.high, .low])
    }

    @Test func phasesAreTestedSeparately() {
        // Five above then five above again: one run of 10 without the phase boundary.
        let values: [Double?] = Array(repeating: 1, count: 10)
        let outcome = Anhoej.evaluate(Self.lines(values), layout: Self.layout(10, phaseStarts: [5]), chart: .run)
        #expect(outcome.runs.map { $0?.longestRun } == [5, 5])
        #expect(outcome.runs.map { $0?.longestRunLimit } == [5, 5])  // round(log₂ 5) + 3
        // 0 crossings is not fewer than qbinom(0.05, 4, ½) = 0; merged, the run of 10 would signal.
        #expect(outcome.runs.map { $0?.crossingsLimit } == [0, 0])
        #expect(outcome.events.isEmpty)
    }

    @Test func controlChart_addsOutsideLimits_includingExcludedPoints() {
        let values: [Double?] = [0.5, -0.5, 3, -0.5, 0.5, -4, 0.5, -0.5, 0.5, -0.5]
        let outcome = Anhoej.evaluate(Self.lines(values, lower: -2, upper: 2), layout: Self.layout(10, excluded: [2]),
                                      chart: .c)
        #expect(outcome.events == [
            SignalEvent(kind: .outsideLimits, points: [2], side: .high, phase: 0),
            SignalEvent(kind: .outsideLimits, points: [5], side: .low, phase: 0),
        ])
    }

    @Test func pointOnLimit_isNotOutside() {
        let outcome = Anhoej.evaluate(Self.lines([2, -2, 1, -1], lower: -2, upper: 2), layout: Self.layout(4), chart: .i)
        #expect(outcome.events.allSatisfy { $0.kind != .outsideLimits })
    }

    @Test func runChart_hasNoOutsideLimitsSignal() {
        let outcome = Anhoej.evaluate(Self.lines([5, -5, 5, -5], lower: -1, upper: 1), layout: Self.layout(4), chart: .run)
        #expect(outcome.events.allSatisfy { $0.kind != .outsideLimits })
    }

    @Test func mrChart_reportsRunsStatisticsButNoRunsSignal() {
        var values: [Double?] = [nil] + Array(repeating: 1, count: 9)
        values.append(9)
        let outcome = Anhoej.evaluate(Self.lines(values, centre: 0.5, lower: 0, upper: 3), layout: Self.layout(11),
                                      chart: .mr)
        #expect(outcome.runs == [RunsStatistics(useful: 10, longestRun: 10, longestRunLimit: 6, crossings: 0,
                                                crossingsLimit: 2, signal: false)])
        #expect(outcome.events == [SignalEvent(kind: .outsideLimits, points: [10], side: .high, phase: 0)])
    }

    @Test func noUsefulPoints_statisticsZeroAndNoSignal() {
        let outcome = Anhoej.evaluate(Self.lines([0, 0, nil]), layout: Self.layout(3), chart: .run)
        #expect(outcome.runs == [RunsStatistics(useful: 0, longestRun: 0, longestRunLimit: 0, crossings: 0,
                                                crossingsLimit: nil, signal: false)])
        #expect(outcome.events.isEmpty)
    }

    @Test func fewerThanTenUsefulPoints_stillEvaluated() {
        let outcome = Anhoej.evaluate(Self.lines([1, -1, 1, -1, 1]), layout: Self.layout(5), chart: .run)
        #expect(outcome.runs[0] == RunsStatistics(useful: 5, longestRun: 1, longestRunLimit: 5, crossings: 4,
                                                  crossingsLimit: 0, signal: false))
    }

    @Test func runsSignal_agreesWithEvents_onEveryReferenceCase() {
        // Internal consistency over the qicharts2 series: a phase signals iff it has a runs event.
        for ward in Qicharts2Reference.weeklyWards {
            let series = Qicharts2Reference.weeklySeries(ward)
            let layout = PhasePlan(phaseStarts: [series.periods[52]]).layout(for: series)
            for kind in [ChartKind.run, .i, .c, .u] {
                let lines = ChartComputation.lines(for: series, layout: layout, options: ChartOptions(kind: kind))
                let outcome = Anhoej.evaluate(lines, layout: layout, chart: kind)
                for phase in layout.phases.indices {
                    let hasRunsEvent = outcome.events.contains {
                        $0.phase == phase && ($0.kind == .longRun || $0.kind == .fewCrossings)
                    }
                    #expect(outcome.runs[phase]?.signal == hasRunsEvent, "\(ward) \(kind) phase \(phase)")
                }
            }
        }
    }
}
