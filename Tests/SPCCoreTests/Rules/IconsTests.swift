import Testing
@testable import SPCCore

/// Hand-worked cases for the variation and assurance icons (DESIGN.md §4.2).
@Suite struct IconsTests {
    @Test func test_variationIcon_highLowFollowsDirection() {
        #expect(VariationIcon(category: .commonCause, improvement: .increase) == .commonCause)
        #expect(VariationIcon(category: .specialCauseImprovement, improvement: .increase) == .improvementHigh)
        #expect(VariationIcon(category: .specialCauseImprovement, improvement: .decrease) == .improvementLow)
        #expect(VariationIcon(category: .specialCauseConcern, improvement: .increase) == .concernLow)
        #expect(VariationIcon(category: .specialCauseConcern, improvement: .decrease) == .concernHigh)
        #expect(VariationIcon(category: .specialCauseNeutralHigh, improvement: .neutral) == .neutralHigh)
        #expect(VariationIcon(category: .specialCauseNeutralLow, improvement: .neutral) == .neutralLow)
        #expect(VariationIcon(category: .specialCauseImprovement, improvement: .neutral) == nil)
        #expect(VariationIcon(category: .specialCauseNeutralHigh, improvement: .decrease) == nil)
    }

    @Test func test_variationIcon_latest_fromLastPoint() {
        // The last point is beyond the lower limit: improvement when lower is better.
        let values = MakingDataCountTests.quiet(15) + [0]
        let lines = MakingDataCountTests.lines(values)
        let layout = MakingDataCountTests.layout(values.count)
        for (improvement, icon) in [(Improvement.decrease, VariationIcon.improvementLow), (.increase, .concernLow), (.neutral, .neutralLow)] {
            for kind in [RuleSetKind.mdc, .ptd] {
                let parameters = RuleParameters(kind: kind, improvement: improvement)
                let outcome = MakingDataCount.evaluate(lines, layout: layout, parameters: parameters)
                #expect(VariationIcon.latest(outcome, lines: lines, layout: layout, parameters: parameters) == icon)
            }
        }
    }

    @Test func test_variationIcon_latest_skipsExcludedLastPoint() {
        let values = MakingDataCountTests.quiet(15) + [0]
        let lines = MakingDataCountTests.lines(values)
        var layout = MakingDataCountTests.layout(values.count)
        layout.excluded[15] = true
        let parameters = RuleParameters(kind: .mdc)
        let outcome = MakingDataCount.evaluate(lines, layout: layout, parameters: parameters)
        #expect(outcome.categories![15] == .specialCauseImprovement)
        #expect(VariationIcon.latest(outcome, lines: lines, layout: layout, parameters: parameters) == .commonCause)
    }

    @Test func test_icons_nilOutsideMdcPtd_orWithoutLimits() {
        let values = MakingDataCountTests.quiet(15)
        let lines = MakingDataCountTests.lines(values)
        let layout = MakingDataCountTests.layout(values.count)
        let outcome = MakingDataCount.evaluate(lines, layout: layout, parameters: RuleParameters(kind: .mdc))
        for kind in [RuleSetKind.anhoej, .ihi] {
            let parameters = RuleParameters(kind: kind)
            #expect(VariationIcon.latest(outcome, lines: lines, layout: layout, parameters: parameters) == nil)
            #expect(AssuranceIcon.against(target: 5, lines: lines, layout: layout, parameters: parameters) == nil)
        }
        var runChart = lines
        runChart.lower = Array(repeating: nil, count: values.count)
        runChart.upper = Array(repeating: nil, count: values.count)
        let parameters = RuleParameters(kind: .ptd)
        #expect(VariationIcon.latest(outcome, lines: runChart, layout: layout, parameters: parameters) == nil)
        #expect(AssuranceIcon.against(target: 5, lines: runChart, layout: layout, parameters: parameters) == nil)
        #expect(AssuranceIcon.against(target: nil, lines: lines, layout: layout, parameters: parameters) == nil)
        #expect(VariationIcon.latest(RuleOutcome(events: [], runs: [nil]), lines: lines, layout: layout, parameters: parameters) == nil)
    }

    @Test func test_assurance_mdcInclusive_ptdStrict() {
        // Limits 1 and 19.
        func icon(_ target: Double, _ improvement: Improvement, _ rules: RuleSetKind) -> AssuranceIcon? {
            AssuranceIcon(target: target, lower: 1, upper: 19, improvement: improvement, rules: rules)
        }
        for rules in [RuleSetKind.mdc, .ptd] {
            #expect(icon(0, .increase, rules) == .pass)
            #expect(icon(20, .increase, rules) == .fail)
            #expect(icon(10, .increase, rules) == .hitOrMiss)
            #expect(icon(20, .decrease, rules) == .pass)
            #expect(icon(0, .decrease, rules) == .fail)
            #expect(icon(10, .decrease, rules) == .hitOrMiss)
            #expect(icon(0, .neutral, rules) == nil)
        }
        // A target on a limit: pass/fail under mdc (the SQL), hit or miss under ptd.
        #expect(icon(1, .increase, .mdc) == .pass)
        #expect(icon(19, .increase, .mdc) == .fail)
        #expect(icon(19, .decrease, .mdc) == .pass)
        #expect(icon(1, .decrease, .mdc) == .fail)
        for (target, improvement) in [(1.0, Improvement.increase), (19, .increase), (19, .decrease), (1, .decrease)] {
            #expect(icon(target, improvement, .ptd) == .hitOrMiss)
        }
        #expect(icon(0, .increase, .anhoej) == nil)
    }

    @Test func test_assurance_against_usesLastPhaseLimits() {
        // Phase 1 centred on 10 (limits 1, 19), phase 2 on 30 (limits 21, 39): a target of 20
        // is hit or miss for phase 1 but a pass against phase 2 when higher is better.
        let values = MakingDataCountTests.quiet(13) + MakingDataCountTests.quiet(13).map { $0 + 20 }
        var lines = MakingDataCountTests.lines(values)
        for index in 13..<26 {
            lines.centre[index] = 30
            lines.lower[index] = 21
            lines.upper[index] = 39
            lines.lower2[index] = 24
            lines.upper2[index] = 36
        }
        let layout = MakingDataCountTests.layout(values.count, PhasePlan(phaseStarts: [13 * 7]))
        let parameters = RuleParameters(kind: .mdc, improvement: .increase)
        #expect(AssuranceIcon.against(target: 20, lines: lines, layout: layout, parameters: parameters) == .pass)
        #expect(AssuranceIcon.against(target: 40, lines: lines, layout: layout, parameters: parameters) == .fail)
    }
}
