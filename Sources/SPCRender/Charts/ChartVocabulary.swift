import SPCCore
import WardSPC

/// The words a chart uses about itself: chart and rule-set names, units, the centre
/// line's name, the baseline — the same wording in the SVG, its `<desc>` and the report.
enum ChartVocabulary {
    static func chartName(_ kind: ChartKind) -> String {
        switch kind {
        case .run: "Run chart"
        case .i: "XmR chart (individuals)"
        case .mr: "Moving-range chart"
        case .c: "c chart (counts)"
        case .u: "u chart (rates)"
        case .up: "Laney u′ chart (rates)"
        case .p: "p chart (proportions)"
        case .pp: "Laney p′ chart (proportions)"
        case .g: "g chart (days between incidents)"
        case .t: "t chart (time between incidents)"
        }
    }

    static func rulesName(_ kind: RuleSetKind) -> String {
        switch kind {
        case .anhoej: "Anhøj rules"
        case .ihi: "IHI rules"
        case .mdc: "Making Data Count rules"
        case .ptd: "Making Data Count rules (NHSRplotthedots)"
        }
    }

    static func direction(_ improvement: Improvement) -> String {
        switch improvement {
        case .decrease: "lower is better"
        case .increase: "higher is better"
        case .neutral: "neither direction is better"
        }
    }

    /// The y-axis units, e.g. "per 1,000 occupied bed days".
    static func units(_ report: SeriesReport) -> String {
        let multiplier = ValueText.reading(report.multiplier)
        switch report.chart {
        case .u, .up: return "per \(multiplier) occupied bed days"
        case .p, .pp:
            // A process measure's own unit (ligature: assessments completed on time, of those due).
            if let unit = report.measureUnit {
                if report.multiplier == 100 { return "%: \(unit)" }
                return report.multiplier == 1 ? "proportion: \(unit)" : "per \(multiplier): \(unit)"
            }
            if report.multiplier == 100 { return "% of patients" }
            return report.multiplier == 1 ? "proportion of patients" : "per \(multiplier) patients"
        case .g, .t: return "days between incidents"
        case .c: return "incidents per \(report.period)"
        case .run, .i, .mr:
            let base: String
            if report.multiplier != 1 {
                base = "per \(multiplier) occupied bed days"
            } else if report.points.contains(where: { $0.count != nil }) {
                base = "incidents per \(report.period)"
            } else {
                base = "value"
            }
            return report.chart == .mr ? "moving range (\(base))" : base
        }
    }

    /// "Median" for run and g charts (their centre is a median), "Mean" otherwise.
    static func centreName(_ kind: ChartKind) -> String {
        kind == .run || kind == .g ? "Median" : "Mean"
    }

    /// "weeks", "months" or "points" (incident charts).
    static func periodPlural(_ report: SeriesReport) -> String {
        switch report.period {
        case "week": "weeks"
        case "month": "months"
        default: "points"
        }
    }

    static func periodSingular(_ report: SeriesReport) -> String {
        switch report.period {
        case "week": "week"
        case "month": "month"
        default: "point"
        }
    }

    /// Where the centre and limits come from, e.g. "limits from all points" or
    /// "limits frozen on the first 20 points of each phase".
    static func baseline(_ report: SeriesReport) -> String {
        var frozen: [Int] = []
        var allBaseline = true
        for phase in report.phases {
            let members = report.points.filter { $0.phase == phase.index && !$0.excluded && $0.value != nil }
            let baseline = members.filter(\.baseline).count
            if baseline < members.count { allBaseline = false }
            frozen.append(baseline)
        }
        let lines = report.chart.hasLimits ? "limits" : "median"
        let phases = report.phases.count
        if allBaseline {
            return phases > 1 ? "\(lines) from all points of each of \(phases) phases" : "\(lines) from all points"
        }
        let distinct = Set(frozen)
        if distinct.count == 1, let only = distinct.first {
            return "\(lines) frozen on the first \(ValueText.count(only, "point"))\(phases > 1 ? " of each of \(phases) phases" : "")"
        }
        return "\(lines) frozen on a baseline in each of \(phases) phases"
    }

    /// The chart's title: trust · ward · measure.
    static func title(_ report: SeriesReport) -> String {
        "\(report.trust) · \(report.ward) · \(DisplayName.measure(of: report))"
    }

    /// The subtitle: chart type, rule set, baseline and direction.
    static func subtitle(_ report: SeriesReport) -> String {
        "\(chartName(report.chart)) · \(rulesName(report.rules.kind)) · \(baseline(report)) · \(direction(report.rules.improvement))"
    }
}
