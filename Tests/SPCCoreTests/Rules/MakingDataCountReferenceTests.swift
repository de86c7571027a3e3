import Testing
@testable import SPCCore

/// `ptd` against NHSRplotthedots 0.2.2 and `mdc` against NHS England's SPC SQL v2.6, on the
/// 21 reference wards × both directions (Fixtures/reference). Each chart is evaluated on the
/// reference's own lines, so these tests check the rules and icons, not the limits.
@Suite struct MakingDataCountReferenceTests {
    static func evaluate(_ chart: MakingDataCountReference.Chart, _ kind: RuleSetKind)
        -> (outcome: RuleOutcome, lines: ChartLines, layout: PhaseLayout, parameters: RuleParameters) {
        let lines = MakingDataCountReference.chartLines(chart)
        let layout = MakingDataCountReference.layout(chart)
        let parameters = RuleParameters(kind: kind, improvement: chart.improvement)
        return (MakingDataCount.evaluate(lines, layout: layout, parameters: parameters), lines, layout, parameters)
    }

    /// NHSRplotthedots' `point_type` for a variation icon (its `variation_type` is the last
    /// point's `point_type`; the high/low of the icon comes from the direction).
    static func plotTheDotsName(_ icon: VariationIcon) -> String {
        switch icon {
        case .commonCause: return "common_cause"
        case .improvementHigh, .improvementLow: return "special_cause_improvement"
        case .concernHigh, .concernLow: return "special_cause_concern"
        case .neutralHigh: return "special_cause_neutral_high"
        case .neutralLow: return "special_cause_neutral_low"
        }
    }

    static func plotTheDotsName(_ icon: AssuranceIcon) -> String {
        switch icon {
        case .pass: return "consistent_pass"
        case .fail: return "consistent_fail"
        case .hitOrMiss: return "inconsistent"
        }
    }

    // MARK: ptd — NHSRplotthedots 0.2.2

    @Test(arguments: ["default", "rebase52", "fix26", "target", "target_high"])
    func test_ptd_pointTypes_matchNHSRplotthedots_0_2_2(variant: String) throws {
        let charts = try MakingDataCountReference.plotTheDots.get().filter { $0.variant == variant }
        #expect(charts.count == 42)
        for chart in charts {
            let categories = Self.evaluate(chart, .ptd).outcome.categories!
            let differing = chart.points.indices.filter { categories[$0].rawValue != chart.points[$0].pointType }
            #expect(differing.isEmpty, "\(chart.name): points \(differing.prefix(5)) got \(differing.prefix(5).map { categories[$0].rawValue })")
        }
    }

    @Test(arguments: ["default", "rebase52", "fix26", "target", "target_high"])
    func test_ptd_variationAndAssuranceIcons_matchNHSRplotthedots_0_2_2(variant: String) throws {
        let charts = try MakingDataCountReference.plotTheDots.get().filter { $0.variant == variant }
        let summary = try MakingDataCountReference.plotTheDotsSummary.get()
        for chart in charts {
            let rows = summary.filter { $0["ward"] == chart.ward && $0["direction"] == chart.direction && $0["variant"] == variant }
            let latest = try #require(rows.last, "\(chart.name): no summary row")
            let (outcome, lines, layout, parameters) = Self.evaluate(chart, .ptd)
            let icon = try #require(VariationIcon.latest(outcome, lines: lines, layout: layout, parameters: parameters))
            #expect(Self.plotTheDotsName(icon) == latest["variation_type"], "\(chart.name)")
            // An earlier rebase group's variation type is its own last point's type.
            for row in rows.dropLast() {
                let group = Int(row["rebase_group"]!)!
                let last = chart.points.lastIndex { $0.rebaseGroup == group }!
                #expect(outcome.categories![last].rawValue == row["variation_type"], "\(chart.name) group \(group)")
            }
            let assurance = AssuranceIcon.against(target: try MakingDataCountReference.target(chart), lines: lines, layout: layout,
                                                  parameters: parameters)
            #expect(assurance.map(Self.plotTheDotsName) == (latest["assurance_type"] == "NA" ? nil : latest["assurance_type"]),
                    "\(chart.name)")
        }
    }

    @Test func test_ptd_referenceTargets_coverEveryAssuranceType() throws {
        let types = Set(try MakingDataCountReference.plotTheDotsSummary.get().compactMap(\.["assurance_type"]))
        #expect(types == ["NA", "consistent_pass", "consistent_fail", "inconsistent"])
    }

    // MARK: mdc — SQL v2.6

    @Test(arguments: ["default", "fix26"])
    func test_mdc_firedRulesAndPointTypes_matchSQLv26(variant: String) throws {
        let charts = try MakingDataCountReference.sqlV26.get().filter { $0.variant == variant }
        #expect(charts.count == 42)
        for chart in charts {
            let outcome = Self.evaluate(chart, .mdc).outcome
            let fired = outcome.pointSignals(count: chart.points.count).map { Set($0.map(\.rawValue)) }
            let categories = outcome.categories!
            let wrongRules = chart.points.indices.filter { fired[$0] != chart.points[$0].rules }
            let wrongTypes = chart.points.indices.filter { categories[$0].rawValue != chart.points[$0].pointType }
            #expect(wrongRules.isEmpty, "\(chart.name): rules differ at \(wrongRules.prefix(5)): got \(wrongRules.prefix(5).map { fired[$0].sorted() }), expected \(wrongRules.prefix(5).map { chart.points[$0].rules.sorted() })")
            #expect(wrongTypes.isEmpty, "\(chart.name): point types differ at \(wrongTypes.prefix(5))")
        }
    }

    @Test(arguments: ["default", "fix26"])
    func test_mdc_variationIcons_matchSQLv26(variant: String) throws {
        let charts = try MakingDataCountReference.sqlV26.get().filter { $0.variant == variant }
        let summary = try MakingDataCountReference.sqlV26Summary.get()
        for chart in charts {
            let row = try #require(summary.first { $0["ward"] == chart.ward && $0["direction"] == chart.direction && $0["variant"] == variant })
            #expect(Int(row["n"]!) == chart.points.count)
            let (outcome, lines, layout, parameters) = Self.evaluate(chart, .mdc)
            let icon = VariationIcon.latest(outcome, lines: lines, layout: layout, parameters: parameters)
            #expect(icon?.rawValue == row["variation_icon"], "\(chart.name)")
        }
    }

    /// The SQL's baseline partition matters on these wards: without it (the same lines, the
    /// phase not marked frozen) some fix26 charts fire differently, so the agreement above
    /// really tests the partition.
    @Test func test_mdc_fix26_baselinePartitionChangesSignals() throws {
        let charts = try MakingDataCountReference.sqlV26.get().filter { $0.variant == "fix26" }
        var changed = 0
        for chart in charts {
            let lines = MakingDataCountReference.chartLines(chart)
            let layout = MakingDataCountReference.layout(chart)
            #expect(MakingDataCount.partitions(layout, baselineIsPartition: true) == [0..<26, 26..<chart.points.count])
            var unpartitioned = layout
            unpartitioned.isFrozen = unpartitioned.isFrozen.map { _ in false }
            let parameters = RuleParameters(kind: .mdc, improvement: chart.improvement)
            let with = MakingDataCount.evaluate(lines, layout: layout, parameters: parameters)
            let without = MakingDataCount.evaluate(lines, layout: unpartitioned, parameters: parameters)
            if with.events != without.events { changed += 1 }
        }
        #expect(changed > 0)
    }
}
