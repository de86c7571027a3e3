import Testing
@testable import SPCCore

/// Hand-worked cases for `MakingDataCount` (DESIGN.md §4.2). Unless a test says otherwise
/// the centre is 10, the limits 10 ± 9 and the 2σ lines 10 ± 6 (4 and 16).
@Suite struct MakingDataCountTests {
    /// Lines with a constant centre and half-width (limits centre ± halfWidth, 2σ lines at 2/3 of it).
    static func lines(_ values: [Double], centre: Double = 10, halfWidth: Double = 9) -> ChartLines {
        var lines = ChartLines(count: values.count)
        for index in values.indices {
            lines.values[index] = values[index]
            lines.centre[index] = centre
            lines.lower[index] = centre - halfWidth
            lines.upper[index] = centre + halfWidth
            lines.lower2[index] = centre - halfWidth * 2 / 3
            lines.upper2[index] = centre + halfWidth * 2 / 3
        }
        return lines
    }

    /// Weekly periods 0, 7, 14, … (days).
    static func layout(_ count: Int, _ plan: PhasePlan = PhasePlan()) -> PhaseLayout {
        plan.layout(for: Series(periods: (0..<count).map { Int32($0 * 7) }, numerators: Array(repeating: 0, count: count)))
    }

    /// `count` points alternating 9, 11, 9, … : no rule fires on them.
    static func quiet(_ count: Int, startingHigh: Bool = false) -> [Double] {
        (0..<count).map { ($0 % 2 == 0) != startingHigh ? 9 : 11 }
    }

    static func evaluate(_ values: [Double], _ kind: RuleSetKind, improvement: Improvement = .decrease,
                         plan: PhasePlan = PhasePlan(), shift: Int? = nil, trend: Int? = nil,
                         excluded: Set<Int> = []) -> RuleOutcome {
        var layout = layout(values.count, plan)
        for index in excluded { layout.excluded[index] = true; layout.baseline[index] = false }
        return MakingDataCount.evaluate(lines(values), layout: layout,
                                        parameters: RuleParameters(kind: kind, shiftLength: shift, trendLength: trend,
                                                                   improvement: improvement))
    }

    static func events(_ outcome: RuleOutcome, _ kind: SignalKind) -> [SignalEvent] {
        outcome.events.filter { $0.kind == kind }
    }

    // MARK: Trends

    @Test func test_mdc_trend_runsAcrossPhaseBoundary_ptdTrendStaysWithinPhase() {
        // Phase 1 = points 0…12, phase 2 = 13…25; 5, 6, 7 | 8, 9, 10 rise across the boundary.
        let values = Self.quiet(10) + [5, 6, 7] + [8, 9, 10] + Self.quiet(10)
        let plan = PhasePlan(phaseStarts: [13 * 7])
        let mdc = Self.evaluate(values, .mdc, plan: plan)
        #expect(Self.events(mdc, .trend) == [SignalEvent(kind: .trend, points: Array(10...15), side: .high, phase: 1)])
        #expect((10...15).allSatisfy { mdc.categories![$0] == .specialCauseConcern })
        let ptd = Self.evaluate(values, .ptd, plan: plan, trend: 6)
        #expect(Self.events(ptd, .trend).isEmpty)
        // In one phase ptd sees it.
        #expect(Self.events(Self.evaluate(values, .ptd, trend: 6), .trend).map(\.points) == [Array(10...15)])
    }

    @Test func test_mdc_trend_tiesBreak_endpointsIncluded_turningPointInBoth() {
        // 1 … 5, 16 rise (6 points, endpoints included) and 16 … 11 fall: the 16 is in both.
        // 11, 12 then 12, 13, 14, 15, 16: without the tie 11 … 16 would rise for 7 points.
        let values: [Double] = [1, 2, 3, 4, 5, 16, 15, 14, 13, 12, 11] + [12, 12, 13, 14, 15, 16] + Self.quiet(4)
        let trends = Self.events(Self.evaluate(values, .mdc), .trend)
        #expect(trends.map(\.points) == [Array(0...5), Array(5...10)])
        #expect(trends.map(\.side) == [.high, .low])
    }

    @Test func test_trendLengthOverride() {
        let values = Self.quiet(6) + [1, 2, 3, 4, 5] + [3] + Self.quiet(6)
        #expect(Self.events(Self.evaluate(values, .mdc), .trend).isEmpty)  // 5 < 6
        #expect(Self.events(Self.evaluate(values, .mdc, trend: 5), .trend).map(\.points) == [Array(6...10)])
        #expect(Self.events(Self.evaluate(values, .ptd, trend: 4), .trend).map(\.points) == [Array(6...10)])
    }

    // MARK: Shifts

    @Test func test_shift_pointExactlyOnMean_breaksIt() {
        // 5 above, one on the mean, 5 above: no shift of 6 (or 7); skipping the point would make 11.
        let values = Self.quiet(4, startingHigh: true) + [12, 12, 12, 12, 12, 10, 12, 12, 12, 12, 12] + Self.quiet(4)
        #expect(Self.events(Self.evaluate(values, .mdc), .shift).isEmpty)
        #expect(Self.events(Self.evaluate(values, .ptd), .shift).isEmpty)
        #expect(Self.evaluate(values, .mdc).categories![9] == .commonCause)
        // Replace the point on the mean and it is one shift of 11.
        var above = values
        above[9] = 12
        #expect(Self.events(Self.evaluate(above, .mdc), .shift) == [SignalEvent(kind: .shift, points: Array(4...14), side: .high, phase: 0)])
    }

    @Test func test_shiftLengthOverride_andDefaults() {
        let values = Self.quiet(4) + Array(repeating: 8, count: 7) + Self.quiet(4, startingHigh: true)
        #expect(Self.events(Self.evaluate(values, .mdc), .shift).map(\.points) == [Array(4...10)])   // 7 ≥ 6
        #expect(Self.events(Self.evaluate(values, .ptd), .shift).map(\.points) == [Array(4...10)])   // 7 ≥ 7
        #expect(Self.events(Self.evaluate(values, .mdc, shift: 8), .shift).isEmpty)
        #expect(Self.events(Self.evaluate(values, .ptd, shift: 8), .shift).isEmpty)
        let six = Self.quiet(4) + Array(repeating: 8, count: 6) + Self.quiet(4, startingHigh: true)
        #expect(Self.events(Self.evaluate(six, .mdc), .shift).count == 1)
        #expect(Self.events(Self.evaluate(six, .ptd), .shift).isEmpty)  // ptd needs 7
    }

    @Test func test_shift_stopsAtPhaseBoundary() {
        let values = Self.quiet(10, startingHigh: true) + Array(repeating: 12, count: 6) + Self.quiet(10)
        let plan = PhasePlan(phaseStarts: [13 * 7])  // 3 above in phase 1, 3 in phase 2
        #expect(Self.events(Self.evaluate(values, .mdc, plan: plan), .shift).isEmpty)
        #expect(Self.events(Self.evaluate(values, .ptd, plan: plan, shift: 6), .shift).isEmpty)
    }

    @Test func test_mdc_frozenBaselineIsItsOwnPartition_ptdNot() {
        // Baseline = points 0…12; 12, 12, 12 end it and 12, 12, 12 follow.
        let values = Self.quiet(10, startingHigh: true) + Array(repeating: 12, count: 6) + Self.quiet(10)
        let plan = PhasePlan(baselinePoints: 13)
        #expect(Self.events(Self.evaluate(values, .mdc, plan: plan), .shift).isEmpty)
        #expect(Self.events(Self.evaluate(values, .ptd, plan: plan, shift: 6), .shift).map(\.points) == [Array(10...15)])
        // 2-of-3 windows are cut the same way: 17 | 17 straddle the baseline's end.
        let pair = Self.quiet(12) + [17, 17] + Self.quiet(12)
        #expect(Self.events(Self.evaluate(pair, .mdc, plan: plan), .twoOfThree).isEmpty)
        #expect(Self.events(Self.evaluate(pair, .mdc), .twoOfThree).map(\.points) == [[12, 13]])
        #expect(Self.events(Self.evaluate(pair, .ptd, plan: plan), .twoOfThree).map(\.points) == [[12, 13]])
        // mdc trends still cross it.
        let rise = Self.quiet(10) + [11, 12, 13, 14, 15, 15.5] + Self.quiet(10)
        #expect(Self.events(Self.evaluate(rise, .mdc, plan: plan), .trend).map(\.points) == [Array(10...15)])
    }

    // MARK: Two of three

    @Test func test_twoOfThree_mdcCountsBeyondLimits_ptdOnlyBetween2And3Sigma() {
        // 17 is between 2σ (16) and 3σ (19); 20 is beyond the limit; 12 is above the mean.
        let values = Self.quiet(6) + [17, 12, 20] + Self.quiet(6, startingHigh: true)
        let mdc = Self.evaluate(values, .mdc)
        #expect(Self.events(mdc, .twoOfThree) == [SignalEvent(kind: .twoOfThree, points: [6, 8], side: .high, phase: 0)])
        #expect(Self.events(mdc, .outsideLimits).map(\.points) == [[8]])
        #expect(mdc.pointSignals(count: values.count)[7].isEmpty)  // the third point is not flagged
        let ptd = Self.evaluate(values, .ptd)
        #expect(Self.events(ptd, .twoOfThree).isEmpty)
        // Two points between 2σ and 3σ fire under both.
        let close = Self.quiet(6) + [17, 12, 18] + Self.quiet(6, startingHigh: true)
        #expect(Self.events(Self.evaluate(close, .ptd), .twoOfThree).map(\.points) == [[6, 8]])
        #expect(Self.events(Self.evaluate(close, .mdc), .twoOfThree).map(\.points) == [[6, 8]])
    }

    @Test func test_twoOfThree_needsAllThreeOnOneSide() {
        // The middle point is below the mean (and a point on the mean would do the same).
        for middle in [8.0, 10.0] {
            let values = Self.quiet(6) + [17, middle, 17] + Self.quiet(6, startingHigh: true)
            #expect(Self.events(Self.evaluate(values, .mdc), .twoOfThree).isEmpty)
            #expect(Self.events(Self.evaluate(values, .ptd), .twoOfThree).isEmpty)
        }
        // Adjacent pair: either neighbour on the same side completes the window.
        let pair = Self.quiet(6) + [17, 17] + Self.quiet(7)
        #expect(Self.events(Self.evaluate(pair, .mdc), .twoOfThree).map(\.points) == [[6, 7]])
    }

    @Test func test_outsideLimits_isStrict() {
        let values = Self.quiet(6) + [19, 1] + Self.quiet(6)  // exactly on the limits
        let outcome = Self.evaluate(values, .mdc)
        #expect(Self.events(outcome, .outsideLimits).isEmpty)
        let beyond = Self.evaluate(Self.quiet(6) + [19.5, 0.5] + Self.quiet(6), .mdc)
        #expect(Self.events(beyond, .outsideLimits).map(\.side) == [.high, .low])
    }

    // MARK: Categories

    @Test func test_pointBothImprovementAndConcern_isConcernUnderMdc_trendWinsUnderPtd() {
        // Falling 30 … 18, 9: a falling trend (improvement when lower is better) whose first
        // seven points are a shift above the mean (concern). Limits wide enough: 10 ± 30.
        let values: [Double] = [30, 28, 26, 24, 22, 20, 18, 9] + Self.quiet(8, startingHigh: true)
        let layout = Self.layout(values.count)
        let lines = Self.lines(values, halfWidth: 30)
        let mdc = MakingDataCount.evaluate(lines, layout: layout, parameters: RuleParameters(kind: .mdc))
        #expect(Self.events(mdc, .trend).map(\.points) == [Array(0...7)])
        #expect(Self.events(mdc, .shift).map(\.points) == [Array(0...6)])
        #expect(Array(mdc.categories![0...7]) == Array(repeating: .specialCauseConcern, count: 7) + [.specialCauseImprovement])
        // ptd labels by precedence: trend before shift, and the trend falls.
        let ptd = MakingDataCount.evaluate(lines, layout: layout, parameters: RuleParameters(kind: .ptd))
        #expect(Array(ptd.categories![0...7]) == Array(repeating: .specialCauseImprovement, count: 8))
        #expect(ptd.categories![8] == .commonCause)
    }

    @Test func test_neutralDirection_highAndLow() {
        let values = Self.quiet(4, startingHigh: true) + Array(repeating: 12, count: 7) + [0] + Self.quiet(4)
        for kind in [RuleSetKind.mdc, .ptd] {
            let categories = Self.evaluate(values, kind, improvement: .neutral).categories!
            #expect(Array(categories[4...10]) == Array(repeating: .specialCauseNeutralHigh, count: 7))
            #expect(categories[11] == .specialCauseNeutralLow)
            #expect(categories[0] == .commonCause)
        }
        // mdc, neutral, high and low rules at one point: high (the SQL tests its high flag first).
        let falling: [Double] = [30, 28, 26, 24, 22, 20, 18, 9] + Self.quiet(8, startingHigh: true)
        let layout = Self.layout(falling.count)
        let outcome = MakingDataCount.evaluate(Self.lines(falling, halfWidth: 30), layout: layout,
                                               parameters: RuleParameters(kind: .mdc, improvement: .neutral))
        #expect(outcome.categories![0] == .specialCauseNeutralHigh)
        #expect(outcome.categories![7] == .specialCauseNeutralLow)
    }

    @Test func test_ptd_trendPointOrientation_followsTrendNotMean() {
        // A falling trend that starts above the mean is improvement throughout when lower is
        // better (NHSRplotthedots 0.2.2, issue #167); rising below the mean is concern.
        let values: [Double] = [15, 14, 13, 12, 11, 9, 8] + Self.quiet(6, startingHigh: true) + [3, 4, 5, 6, 7, 8, 9.5] + [11]
        let categories = Self.evaluate(values, .ptd).categories!
        #expect(Array(categories[0...6]) == Array(repeating: .specialCauseImprovement, count: 7))
        #expect(Array(categories[13...19]) == Array(repeating: .specialCauseConcern, count: 7))
    }

    @Test func test_ptd_peakBetweenTwoTrends_takesTheFollowingTrend() {
        // 4 … 9, 17 rise and 17, 9 … 4 fall, sharing the 17: NHSRplotthedots labels it by
        // the step after it (concern when higher is better).
        let values: [Double] = [4, 5, 6, 7, 8, 9, 17, 9, 8, 7, 6, 5, 4] + Self.quiet(4)
        let categories = Self.evaluate(values, .ptd, improvement: .increase).categories!
        #expect(Array(categories[0...5]) == Array(repeating: .specialCauseImprovement, count: 6))
        #expect(Array(categories[6...12]) == Array(repeating: .specialCauseConcern, count: 7))
    }

    // MARK: Short phases (mdc)

    @Test func test_mdc_shortPhase_hasNoLimitsSignalsOrIcons() {
        // Phase 1: 20 quiet points; phase 2: 5 points, one far above, all above the mean.
        let values = Self.quiet(20) + [12, 40, 12, 12, 12]
        let plan = PhasePlan(phaseStarts: [20 * 7])
        let layout = Self.layout(values.count, plan)
        let lines = Self.lines(values)
        #expect(MakingDataCount.shortPhases(lines, layout: layout) == [false, true])
        let stripped = MakingDataCount.withoutLimitsForShortPhases(lines, layout: layout)
        #expect(stripped.upper[19] == 19 && stripped.upper2[19] == 16)
        for index in 20..<25 {
            #expect(stripped.lower[index] == nil && stripped.upper[index] == nil)
            #expect(stripped.lower2[index] == nil && stripped.upper2[index] == nil)
            #expect(stripped.centre[index] == 10 && stripped.values[index] == values[index])
        }
        let parameters = RuleParameters(kind: .mdc, shiftLength: 5)
        // evaluate ignores the short phase even when given the unstripped lines.
        for given in [lines, stripped] {
            let outcome = MakingDataCount.evaluate(given, layout: layout, parameters: parameters)
            #expect(outcome.events.isEmpty)
            #expect(outcome.categories! == Array(repeating: .commonCause, count: values.count))
            #expect(VariationIcon.latest(outcome, lines: given, layout: layout, parameters: parameters) == nil)
            #expect(AssuranceIcon.against(target: 0, lines: given, layout: layout, parameters: parameters) == nil)
        }
        // ptd has no such rule.
        let ptd = MakingDataCount.evaluate(lines, layout: layout, parameters: RuleParameters(kind: .ptd))
        #expect(Self.events(ptd, .outsideLimits).map(\.points) == [[21]])
    }

    @Test func test_mdc_shortPhase_countsNonExcludedPoints() {
        var layout = Self.layout(13)
        let lines = Self.lines(Self.quiet(13))
        #expect(MakingDataCount.shortPhases(lines, layout: layout) == [false])  // 13 is enough
        layout.excluded[3] = true
        #expect(MakingDataCount.shortPhases(lines, layout: layout) == [true])
    }

    @Test func test_mdc_thirteenPointPhaseWithOneExclusion_showsNoLimits_andSaysWhy() {
        // What a user sees (issue 18): 13 weekly points, one excluded, so 12 usable — too
        // few under mdc. The analysis shows no limits, no signals, no icons, and warns;
        // one definition of "short" for all three.
        let values: [Double] = [10, 12, 9, 11, 10, 30, 10, 11, 9, 12, 10, 11, 10]
        let series = Series(periods: (0..<13).map { Int32($0 * 7) }, numerators: values)
        var configuration = AnalysisConfiguration.standard(chart: .i, rules: .mdc)
        configuration.plan = PhasePlan(excludedPeriods: [14])
        configuration.target = 5
        let analysis = SPCAnalysis.analyse(series, configuration: configuration)
        #expect(analysis.lines.upper.allSatisfy { $0 == nil } && analysis.lines.lower.allSatisfy { $0 == nil })
        #expect(analysis.lines.centre.allSatisfy { $0 != nil }, "the mean is kept")
        #expect(analysis.outcome.events.isEmpty)
        #expect(analysis.variation == nil && analysis.assurance == nil)
        #expect(analysis.warnings.contains { $0.contains("fewer than 13 usable points") })
        // Without the exclusion the same 13 points have limits (and the 30 is outside them).
        configuration.plan = PhasePlan()
        let whole = SPCAnalysis.analyse(series, configuration: configuration)
        #expect(whole.lines.upper.allSatisfy { $0 != nil })
        #expect(whole.pointSignals[5].contains(.outsideLimits))
        #expect(!whole.warnings.contains { $0.contains("usable points") })
    }

    @Test func test_mdc_trendThroughShortPhase_flagsOnlyLongPhasePoints() {
        // Phase 1: 16 points ending 1, 2, 3; phase 2 (short): 4, 5, 6, then quiet.
        let values = Self.quiet(13) + [1, 2, 3] + [4, 5, 6] + Self.quiet(3, startingHigh: true)
        let plan = PhasePlan(phaseStarts: [16 * 7])
        let outcome = Self.evaluate(values, .mdc, plan: plan)
        // 1 … 6, 11 rise for 7 points; only the three in phase 1 are flagged.
        #expect(Self.events(outcome, .trend) == [SignalEvent(kind: .trend, points: [13, 14, 15], side: .high, phase: 0)])
    }

    // MARK: Exclusions

    @Test func test_excludedPoints_skippedByRuns_testedAgainstLimits() {
        // Six points below the mean with an excluded point above between them: still a shift,
        // without the excluded point; an excluded point beyond the limit still signals.
        let values = Self.quiet(4) + [8, 8, 8, 12, 8, 8, 8] + [30] + Self.quiet(4, startingHigh: true)
        let outcome = Self.evaluate(values, .mdc, excluded: [7, 11])
        #expect(Self.events(outcome, .shift) == [SignalEvent(kind: .shift, points: [4, 5, 6, 8, 9, 10], side: .low, phase: 0)])
        #expect(Self.events(outcome, .outsideLimits).map(\.points) == [[11]])
        #expect(outcome.categories![7] == .commonCause)
        #expect(outcome.categories![11] == .specialCauseConcern)
        // An excluded point neither makes nor breaks a trend.
        let rise = Self.quiet(4) + [1, 2, 3, 0, 4, 5, 6] + [2] + Self.quiet(4)
        #expect(Self.events(Self.evaluate(rise, .mdc, excluded: [7]), .trend).map(\.points) == [[4, 5, 6, 8, 9, 10]])
        #expect(Self.events(Self.evaluate(rise, .mdc), .trend).isEmpty)
    }

    @Test func test_outcome_hasNoRunsStatistics() {
        let outcome = Self.evaluate(Self.quiet(20), .ptd, plan: PhasePlan(phaseStarts: [70]))
        #expect(outcome.runs.count == 2 && outcome.runs.allSatisfy { $0 == nil })
        #expect(outcome.events.isEmpty)
    }
}
