import SPCCore
import WardData

/// Tidy CSV of an analysis: one row per point, or one row per series for `--summary`.
/// Text cells go through `CSVCell.text` (Excel-safe); numbers are written in full
/// precision; an empty cell is a missing value (R's `read.csv` and pandas read NA/NaN).
public enum AnalysisCSV {
    public static let pointHeader = ["trust", "ward", "measure", "chart", "phase", "period", "count", "denominator",
                                     "value", "centre", "lower", "upper", "baseline", "excluded", "signals", "mdc"]

    public static let summaryHeader = ["trust", "ward", "measure", "chart", "rules", "period", "points", "first", "last",
                                       "latest_phase_start", "centre", "lower", "upper", "latest_signals",
                                       "sustained_shifts", "variation", "assurance", "warnings"]

    static func number(_ value: Double?) -> String { value.map(CSVCell.number) ?? "" }
    static func flag(_ value: Bool) -> String { value ? "TRUE" : "FALSE" }

    /// Every point, with a header row.
    public static func points(_ reports: [SeriesReport]) -> String {
        var out = pointHeader.joined(separator: ",") + "\n"
        for report in reports {
            let prefix = [CSVCell.text(report.trust), CSVCell.text(report.ward), CSVCell.text(report.measure),
                          report.chart.rawValue].joined(separator: ",")
            let hasIcons = report.rules.kind.hasIcons
            for point in report.points {
                let cells = [
                    prefix, String(point.phase), point.period.iso, number(point.count), number(point.denominator),
                    number(point.value), number(point.centre), number(point.lower), number(point.upper),
                    flag(point.baseline), flag(point.excluded),
                    CSVCell.text(point.signals.map(\.rawValue).joined(separator: ";")),
                    hasIcons ? (point.category?.rawValue ?? "") : "",
                ]
                out += cells.joined(separator: ",") + "\n"
            }
        }
        return out
    }

    /// One row per series, with a header row.
    public static func summary(_ reports: [SeriesReport]) -> String {
        var out = summaryHeader.joined(separator: ",") + "\n"
        for report in reports {
            let latest = report.latestPhase
            let limits = report.latestLimits
            var cells: [String] = [CSVCell.text(report.trust), CSVCell.text(report.ward), CSVCell.text(report.measure)]
            cells += [report.chart.rawValue, report.rules.kind.rawValue, report.period, String(report.points.count)]
            cells += [report.points.first?.period.iso ?? "", report.points.last?.period.iso ?? ""]
            cells += [latest?.start.iso ?? "", number(latest?.centre), number(limits.lower), number(limits.upper)]
            cells.append(CSVCell.text(report.latestSignals.map(\.rawValue).joined(separator: ";")))
            cells.append(String(report.sustainedShifts.count))
            cells += [report.variation?.rawValue ?? "", report.assurance?.rawValue ?? ""]
            cells.append(CSVCell.text(report.warnings.joined(separator: " | ")))
            out += cells.joined(separator: ",") + "\n"
        }
        return out
    }
}
