import SPCCore
import Testing
import WardData
import WardSPC

/// `wardspc analyze input.csv --chart i --rules ptd|mdc --improvement D …` end to end, against
/// NHSRplotthedots 0.2.2 (`expected_mdc_points.csv`, `expected_mdc_summary.csv`) and NHS
/// England's SPC SQL v2.6 (`expected_mdc_v26_points.csv`, `expected_mdc_v26_summary.csv`):
/// every point's category, fired rules, centre and limits, and each series' icons.
@Suite struct MakingDataCountEndToEndTests {
    /// A direction and a reference variant, with the flags they stand for.
    struct Case: Sendable, CustomTestStringConvertible {
        var improvement: Improvement
        var variant: String
        var testDescription: String { "--improvement \(improvement.rawValue), \(variant)" }
    }

    static let plotTheDotsCases: [Case] = [Improvement.decrease, .increase]
        .flatMap { direction in ["default", "rebase52", "fix26", "target", "target_high"].map { Case(improvement: direction, variant: $0) } }
    static let sqlV26Cases: [Case] = [Improvement.decrease, .increase]
        .flatMap { direction in ["default", "fix26"].map { Case(improvement: direction, variant: $0) } }

    static let plotTheDotsPoints = ReferenceFiles.plotTheDotsPoints.map { $0.grouped(by: ["ward", "direction", "variant"]) }
    static let plotTheDotsSummary = ReferenceFiles.plotTheDotsSummary.map { $0.grouped(by: ["ward", "direction", "variant"]) }
    static let sqlV26Points = ReferenceFiles.sqlV26Points.map { $0.grouped(by: ["ward", "direction", "variant"]) }
    static let sqlV26Summary = ReferenceFiles.sqlV26Summary.map { $0.grouped(by: ["ward", "direction", "variant"]) }

    /// The flags of a variant, for one ward (README of the reference cases): `rebase52` =
    /// `--phase <52nd row's date>`, `fix26` = `--baseline-points 26`, `target` = `--target
    /// <median count>`, `target_high` = `--target <2 × largest count + 5>`.
    static func settings(_ rules: RuleSetKind, _ testCase: Case, ward: String) throws -> AnalysisSettings {
        var settings = AnalysisSettings()
        settings.chart = .i
        settings.rules = rules
        settings.improvement = testCase.improvement
        settings.wards = [ward]
        switch testCase.variant {
        case "rebase52": settings.phaseStarts = [try ReferenceFiles.weekStart(ward: ward, row: 52)]
        case "fix26": settings.baselinePoints = 26
        case "target": settings.target = try ReferenceFiles.medianCount(ward: ward)
        case "target_high": settings.target = try ReferenceFiles.highTarget(ward: ward)
        default: break
        }
        return settings
    }

    /// The icon a reference's last point type stands for, given the direction: an improvement
    /// is low when lower is better, a concern high.
    static func variationIcon(pointType: String?, _ improvement: Improvement) -> VariationIcon? {
        switch (pointType, improvement) {
        case ("common_cause", _): return .commonCause
        case ("special_cause_improvement", .decrease): return .improvementLow
        case ("special_cause_improvement", .increase): return .improvementHigh
        case ("special_cause_concern", .decrease): return .concernHigh
        case ("special_cause_concern", .increase): return .concernLow
        default: return nil
        }
    }

    /// NHSRplotthedots' names for the assurance icons.
    static func assuranceIcon(_ assuranceType: String?) -> AssuranceIcon? {
        switch assuranceType {
        case "consistent_pass": return .pass
        case "consistent_fail": return .fail
        case "inconsistent": return .hitOrMiss
        default: return nil
        }
    }

    /// Every disagreement of category, centre and limits (and, with `rulesColumn`, fired rules).
    static func pointMismatches(_ report: SeriesReport, _ expected: [ReferenceFiles.Row], meanColumn: String,
                                rulesColumn: String? = nil) -> [String] {
        guard report.points.count == expected.count else {
            return ["\(report.points.count) points, the reference has \(expected.count)"]
        }
        var mismatches: [String] = []
        for (index, (point, row)) in zip(report.points, expected).enumerated() {
            var problems: [String] = []
            if point.period.iso != row["x"] { problems.append("period \(point.period.iso) ≠ \(row["x"] ?? "")") }
            if point.value != row.number("y") { problems.append("value \(Tolerance.text(point.value)) ≠ \(row["y"] ?? "")") }
            if point.category?.rawValue != row["point_type"] {
                problems.append("category \(point.category?.rawValue ?? "nil") ≠ \(row["point_type"] ?? "")")
            }
            if let rulesColumn {
                let fired = Set(point.signals.map(\.rawValue))
                let reference = Set((row[rulesColumn] ?? "").split(separator: ";").map(String.init))
                if fired != reference { problems.append("signals \(fired.sorted()) ≠ \(reference.sorted())") }
            }
            for (name, actual, reference) in [("centre", point.centre, row.number(meanColumn)),
                                              ("lower", point.lower, row.number("lpl")),
                                              ("upper", point.upper, row.number("upl"))]
            where !Tolerance.agrees(actual, reference) {
                problems.append("\(name) \(Tolerance.text(actual)) ≠ \(Tolerance.text(reference))")
            }
            if !problems.isEmpty { mismatches.append("point \(index + 1) (\(point.period.iso)): " + problems.joined(separator: "; ")) }
        }
        return mismatches
    }

    // MARK: ptd — NHSRplotthedots 0.2.2

    @Test(arguments: plotTheDotsCases)
    func test_ptd_iChartOfCount_pointsAndIcons_matchNHSRplotthedots_0_2_2(_ testCase: Case) throws {
        for ward in ReferenceFiles.weeklyWards {
            let label = "\(ward) --rules ptd \(testCase.testDescription)"
            let key = [ward, testCase.improvement.rawValue, testCase.variant]
            let expected = try #require(try Self.plotTheDotsPoints.get()[key], "\(label): no reference points")
            let summary = try #require(try Self.plotTheDotsSummary.get()[key], "\(label): no reference summary")
            let report = try EndToEnd.report(ReferenceFiles.weeklyInput, ward: ward,
                                             settings: Self.settings(.ptd, testCase, ward: ward))
            #expect(report.rules.kind == .ptd && report.rules.shiftLength == 7 && report.rules.trendLength == 7)
            #expect(report.screenMovingRanges && report.multiplier == 1)
            EndToEnd.expectNoMismatches(Self.pointMismatches(report, expected, meanColumn: "mean_col"), in: label)

            // One summary row per rebase group: its mean and limits are that phase's.
            #expect(report.phases.count == summary.count, "\(label): phases")
            for (phase, row) in zip(report.phases, summary) {
                let last = report.points.last { $0.phase == phase.index }
                #expect(Tolerance.agrees(phase.centre, row.number("mean_col")), "\(label) phase \(phase.index): centre")
                #expect(Tolerance.agrees(last?.lower, row.number("lpl")) && Tolerance.agrees(last?.upper, row.number("upl")),
                        "\(label) phase \(phase.index): limits")
                #expect(phase.start.iso == expected.first { $0.integer("rebase_group") == phase.index - 1 }?["x"],
                        "\(label) phase \(phase.index): start")
            }
            let latest = try #require(summary.last)
            #expect(report.variation == Self.variationIcon(pointType: latest["variation_type"], testCase.improvement),
                    "\(label): variation icon \(report.variation?.rawValue ?? "nil") for \(latest["variation_type"] ?? "")")
            #expect(report.assurance == Self.assuranceIcon(latest["assurance_type"]),
                    "\(label): assurance icon \(report.assurance?.rawValue ?? "nil") for \(latest["assurance_type"] ?? "")")
        }
    }

    // MARK: mdc — NHS England SPC SQL v2.6

    @Test(arguments: sqlV26Cases)
    func test_mdc_iChartOfCount_rulesPointsAndIcons_matchSQLv26(_ testCase: Case) throws {
        for ward in ReferenceFiles.weeklyWards {
            let label = "\(ward) --rules mdc \(testCase.testDescription)"
            let key = [ward, testCase.improvement.rawValue, testCase.variant]
            let expected = try #require(try Self.sqlV26Points.get()[key], "\(label): no reference points")
            let summary = try #require(try Self.sqlV26Summary.get()[key]?.first, "\(label): no reference summary")
            let report = try EndToEnd.report(ReferenceFiles.weeklyInput, ward: ward,
                                             settings: Self.settings(.mdc, testCase, ward: ward))
            #expect(report.rules.kind == .mdc && report.rules.shiftLength == 6 && report.rules.trendLength == 6)
            #expect(!report.screenMovingRanges && report.multiplier == 1)
            #expect(report.points.count == summary.integer("n"), "\(label): points")
            EndToEnd.expectNoMismatches(Self.pointMismatches(report, expected, meanColumn: "mean", rulesColumn: "rules"),
                                        in: label)
            #expect(report.variation?.rawValue == summary["variation_icon"],
                    "\(label): variation icon \(report.variation?.rawValue ?? "nil") ≠ \(summary["variation_icon"] ?? "")")
            #expect(report.assurance == nil, "\(label): no target, no assurance icon")
        }
    }
}
