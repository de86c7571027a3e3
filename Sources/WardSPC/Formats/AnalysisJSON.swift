import SPCCore
import Threads
import WardData

/// `wardspc/analysis@1` and `wardspc/summary@1` (DESIGN.md §5.1).
public enum AnalysisJSON {
    /// Every point of every series; past `deadline` the series stop (the document is
    /// incomplete, and dropped: `Deadline`).
    public static func analysis(_ reports: [SeriesReport], until deadline: Deadline = .never) -> JSONValue {
        var entries: [JSONValue] = []
        entries.reserveCapacity(reports.count)
        for report in reports {
            if deadline.hasPassed { break }
            entries.append(series(report))
        }
        return .object([("schema", .string("wardspc/analysis@1")), ("series", .array(entries))])
    }

    /// One object per series: the many-ward overview.
    public static func summary(_ reports: [SeriesReport]) -> JSONValue { summary(reports.map(SeriesSummary.init)) }

    /// `wardspc/summary@1` from summaries (the streaming path builds no per-point reports).
    public static func summary(_ summaries: [SeriesSummary]) -> JSONValue {
        .object([("schema", .string("wardspc/summary@1")), ("series", .array(summaries.map(summaryEntry)))])
    }

    static func number(_ value: Double?) -> JSONValue { .optional(value, JSONValue.number) }
    static func date(_ value: CivilDate) -> JSONValue { .string(value.iso) }

    /// The members that name a series and its chart, first in both schemas.
    static func identity(_ report: SeriesReport) -> [(String, JSONValue)] {
        [
            ("trust", .string(report.trust)),
            ("ward", .string(report.ward)),
            ("measure", .string(report.measure)),
            ("chart", .string(report.chart.rawValue)),
            ("rules", .string(report.rules.kind.rawValue)),
        ]
    }

    static func series(_ report: SeriesReport) -> JSONValue {
        let hasIcons = report.rules.kind.hasIcons
        let auto = report.chartReason != nil
        // --chart auto adds chart_reason and each point's partial flag; a chart asked for by
        // name keeps the members of wardspc/analysis@1 exactly.
        let reason: [(String, JSONValue)] = report.chartReason.map { [("chart_reason", .string($0))] } ?? []
        return .object(identity(report) + reason + [
            ("multiplier", .number(report.multiplier)),
            ("screen_mr", .bool(report.screenMovingRanges)),
            ("period", .string(report.period)),
            ("phases", .array(report.phases.map(phase))),
            ("points", .array(report.points.map { point($0, hasIcons: hasIcons, partial: auto) })),
            ("sustained_shifts", .array(report.sustainedShifts.map(shift))),
            ("icons", icons(report)),
            ("warnings", .array(report.warnings.map(JSONValue.string))),
            ("improvement", .string(report.rules.improvement.rawValue)),
            ("rule_parameters", ruleParameters(report.rules)),
            ("annotations", .array(report.annotations.map(annotation))),
            ("rebase_baseline_median", number(report.rebaseBaselineMedian)),
        ])
    }

    static func ruleParameters(_ rules: RuleParameters) -> JSONValue {
        switch rules.kind {
        case .anhoej:
            return .object([("longest_run", .string("round(log2(useful)) + 3")),
                            ("crossings", .string("5% quantile of Binomial(useful - 1, 0.5)"))])
        case .ihi:
            return .object([("shift_length", .number(Double(rules.shiftLength))),
                            ("trend_length", .number(Double(rules.trendLength))),
                            ("runs", .string("Swed-Eisenhart two-sided 5%"))])
        case .mdc, .ptd:
            return .object([("shift_length", .number(Double(rules.shiftLength))),
                            ("trend_length", .number(Double(rules.trendLength)))])
        }
    }

    static func phase(_ phase: SeriesReport.Phase) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("index", .number(Double(phase.index))),
            ("start", date(phase.start)),
            ("end", date(phase.end)),
            ("baseline_points", .number(Double(phase.baselinePoints))),
            ("centre", number(phase.centre)),
            ("runs", .optional(phase.runs, runs)),
        ]
        if let label = phase.label { members.append(("label", .string(label))) }
        members.append(("signals", .array(phase.signals.map { .string($0.rawValue) })))
        return .object(members)
    }

    static func runs(_ runs: RunsStatistics) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("useful", .number(Double(runs.useful))),
            ("longest_run", .number(Double(runs.longestRun))),
            ("longest_run_max", .number(Double(runs.longestRunLimit))),
            ("crossings", .number(Double(runs.crossings))),
            ("crossings_min", .optional(runs.crossingsLimit) { .number(Double($0)) }),
            ("signal", .bool(runs.signal)),
        ]
        if let count = runs.runs {
            members.append(("runs", .number(Double(count))))
            members.append(("runs_min", .optional(runs.runsLowerLimit) { .number(Double($0)) }))
            members.append(("runs_max", .optional(runs.runsUpperLimit) { .number(Double($0)) }))
        }
        return .object(members)
    }

    static func point(_ point: SeriesReport.Point, hasIcons: Bool, partial: Bool = false) -> JSONValue {
        .object([
            ("period", date(point.period)),
            ("count", number(point.count)),
            ("denominator", number(point.denominator)),
            ("value", number(point.value)),
            ("centre", number(point.centre)),
            ("lower", number(point.lower)),
            ("upper", number(point.upper)),
            ("phase", .number(Double(point.phase))),
            ("baseline", .bool(point.baseline)),
            ("excluded", .bool(point.excluded)),
            ("signals", .array(point.signals.map { .string($0.rawValue) })),
            ("mdc", hasIcons ? .optional(point.category) { .string($0.rawValue) } : .null),
        ] + (partial ? [("partial", .bool(point.partial))] : []))
    }

    static func shift(_ shift: SeriesReport.Shift) -> JSONValue {
        .object([("start", date(shift.start)), ("end", date(shift.end)), ("median", .number(shift.median))])
    }

    static func icons(_ report: SeriesReport) -> JSONValue {
        guard report.rules.kind.hasIcons else { return .null }
        return .object([
            ("variation", .optional(report.variation) { .string($0.rawValue) }),
            ("assurance", .optional(report.assurance) { .string($0.rawValue) }),
        ])
    }

    static func annotation(_ event: WardEvent) -> JSONValue {
        .object([("date", date(event.date)), ("label", .string(event.label)), ("kind", .string(event.kind.rawValue))])
    }

    static func summaryEntry(_ summary: SeriesSummary) -> JSONValue {
        .object([
            ("trust", .string(summary.trust)),
            ("ward", .string(summary.ward)),
            ("measure", .string(summary.measure)),
            ("chart", .string(summary.chart.rawValue)),
        ] + (summary.chartReason.map { [("chart_reason", JSONValue.string($0))] } ?? []) + [
            ("rules", .string(summary.rules.rawValue)),
            ("period", .string(summary.period)),
            ("points", .number(Double(summary.points))),
            ("first", .optional(summary.first) { date($0) }),
            ("last", .optional(summary.last) { date($0) }),
            ("latest_phase", .optional(summary.latestPhaseStart) { start in
                .object([
                    ("start", date(start)),
                    ("centre", number(summary.latestCentre)),
                    ("lower", number(summary.latestLower)),
                    ("upper", number(summary.latestUpper)),
                ])
            }),
            ("latest_signals", .array(summary.latestSignals.map { .string($0.rawValue) })),
            ("sustained_shifts", .number(Double(summary.sustainedShifts))),
            ("variation", .optional(summary.variation) { .string($0.rawValue) }),
            ("assurance", .optional(summary.assurance) { .string($0.rawValue) }),
            ("warnings", .array(summary.warnings.map(JSONValue.string))),
        ])
    }
}
