import SPCCore
import Testing
import WardData
import WardSPC

/// `wardspc analyze` against qicharts2 0.8.1, end to end: the reference input files read by
/// `WardDataReader`, the flags of each reference variant as `AnalysisSettings`, the reports of
/// `Analyzer.analyse` compared point by point with `expected_qicharts2.csv` and
/// `rare/expected_rare.csv` (values, centre, limits within 1e-9 relative; outside-limits
/// flags and each phase's runs statistics identical).
@Suite struct Qicharts2EndToEndTests {
    /// A chart and a reference variant, with the flags that variant stands for.
    struct Case: Sendable, CustomTestStringConvertible {
        var chart: ChartKind
        var variant: String
        var testDescription: String { "--chart \(chart.rawValue), \(variant)" }
    }

    /// run, i, c, u, up, p, pp × default, freeze26, part52, and mr (default only).
    static let weeklyCases: [Case] = [ChartKind.run, .i, .c, .u, .up, .p, .pp]
        .flatMap { chart in ["default", "freeze26", "part52"].map { Case(chart: chart, variant: $0) } }
        + [Case(chart: .mr, variant: "default")]
    /// g, t × default, freeze15.
    static let rareCases: [Case] = [ChartKind.g, .t]
        .flatMap { chart in ["default", "freeze15"].map { Case(chart: chart, variant: $0) } }

    /// The reference rows by ward × chart × variant.
    static let expectedWeekly = ReferenceFiles.qicharts2.map { $0.grouped(by: ["ward", "chart", "variant"]) }
    static let expectedRare = ReferenceFiles.qicharts2Rare.map { $0.grouped(by: ["ward", "chart", "variant"]) }

    /// `wardspc analyze input.csv --chart C [--baseline-points 26 | --phase <53rd row's date>]`.
    @Test(arguments: weeklyCases)
    func test_weeklyCharts_inputCSVThroughAnalyzer_matchQicharts2_0_8_1(_ testCase: Case) throws {
        var settings = AnalysisSettings()
        settings.chart = testCase.chart
        if testCase.variant == "freeze26" { settings.baselinePoints = 26 }
        let reports = try EndToEnd.reports(ReferenceFiles.weeklyInput, settings: settings)
        #expect(reports.count == 21)
        for ward in ReferenceFiles.weeklyWards {
            let report: SeriesReport
            if testCase.variant == "part52" {
                var phased = settings
                phased.phaseStarts = [try ReferenceFiles.weekStart(ward: ward, row: 53)]
                report = try EndToEnd.report(ReferenceFiles.weeklyInput, ward: ward, settings: phased)
            } else {
                report = try #require(reports[ward], "no report for \(ward)")
            }
            let expected = try #require(try Self.expectedWeekly.get()[[ward, testCase.chart.rawValue, testCase.variant]])
            #expect(report.chart == testCase.chart && report.rules.kind == .anhoej && report.period == "week")
            #expect(report.multiplier == ([.u, .up].contains(testCase.chart) ? 1000 : 1))
            EndToEnd.expectNoMismatches(Self.mismatches(report, expected), in: "\(ward) \(testCase.testDescription)")
        }
    }

    /// `wardspc analyze rare/events.csv --chart g|t [--baseline-points 15]`.
    @Test(arguments: rareCases)
    func test_rareEventCharts_eventsCSVThroughAnalyzer_matchQicharts2_0_8_1(_ testCase: Case) throws {
        var settings = AnalysisSettings()
        settings.chart = testCase.chart
        if testCase.variant == "freeze15" { settings.baselinePoints = 15 }
        let reports = try EndToEnd.reports(ReferenceFiles.incidentInput, settings: settings)
        #expect(reports.count == 8)
        for ward in ReferenceFiles.rareWards {
            let report = try #require(reports[ward], "no report for \(ward)")
            let expected = try #require(try Self.expectedRare.get()[[ward, testCase.chart.rawValue, testCase.variant]])
            #expect(report.chart == testCase.chart && report.period == "incident" && report.multiplier == 1)
            EndToEnd.expectNoMismatches(Self.mismatches(report, expected), in: "\(ward) \(testCase.testDescription)")
        }
    }

    /// Every disagreement between a report and qicharts2's rows for the same series.
    static func mismatches(_ report: SeriesReport, _ expected: [ReferenceFiles.Row]) -> [String] {
        guard report.points.count == expected.count else {
            return ["\(report.points.count) points, qicharts2 has \(expected.count)"]
        }
        var mismatches: [String] = []
        for (index, (point, row)) in zip(report.points, expected).enumerated() {
            var problems: [String] = []
            if point.period.iso != row["x"] { problems.append("period \(point.period.iso) ≠ \(row["x"] ?? "")") }
            if point.phase != row.integer("part") { problems.append("phase \(point.phase) ≠ part \(row["part"] ?? "")") }
            for (name, actual, reference) in [("value", point.value, row.number("y")),
                                              ("centre", point.centre, row.number("cl")),
                                              ("lower", point.lower, row.number("lcl")),
                                              ("upper", point.upper, row.number("ucl"))]
            where !Tolerance.agrees(actual, reference) {
                problems.append("\(name) \(Tolerance.text(actual)) ≠ \(Tolerance.text(reference))")
            }
            let outside = point.signals.contains(.outsideLimits)
            if outside != (row["sigma.signal"] == "TRUE") { problems.append("outside_limits \(outside) ≠ sigma.signal \(row["sigma.signal"] ?? "")") }
            if let runs = report.phases.first(where: { $0.index == point.phase })?.runs {
                let actual = [runs.useful, runs.longestRun, runs.longestRunLimit, runs.crossings, runs.crossingsLimit]
                let reference = ["n.useful", "longest.run", "longest.run.max", "n.crossings", "n.crossings.min"].map(row.integer)
                if actual != reference { problems.append("runs \(actual) ≠ \(reference)") }
                if runs.signal != (row["runs.signal"] == "TRUE") { problems.append("runs signal \(runs.signal) ≠ \(row["runs.signal"] ?? "")") }
            } else {
                problems.append("phase \(point.phase) has no runs statistics")
            }
            if !problems.isEmpty { mismatches.append("point \(index + 1): " + problems.joined(separator: "; ")) }
        }
        return mismatches
    }
}
