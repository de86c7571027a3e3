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

    /// Every point, with a header row. Series are written in parallel blocks and joined
    /// in order (the text is the same whatever the number of threads).
    public static func points(_ reports: [SeriesReport]) -> String {
        let blocks = ParallelBlocks.map(count: reports.count, blockSize: 64) { range in
            range.map { pointRows(reports[$0]) }
        }
        return pointHeader.joined(separator: ",") + "\n" + blocks.joined()
    }

    /// One series' point rows.
    static func pointRows(_ report: SeriesReport) -> String {
        var out = ""
        out.reserveCapacity(report.points.count * 96)
        let prefix = [CSVCell.text(report.trust), CSVCell.text(report.ward), CSVCell.text(report.measure),
                      report.chart.rawValue].joined(separator: ",") + ","
        let hasIcons = report.rules.kind.hasIcons
        for point in report.points {
            out += prefix
            out += String(point.phase); out += ","
            out += point.period.iso; out += ","
            out += number(point.count); out += ","
            out += number(point.denominator); out += ","
            out += number(point.value); out += ","
            out += number(point.centre); out += ","
            out += number(point.lower); out += ","
            out += number(point.upper); out += ","
            out += flag(point.baseline); out += ","
            out += flag(point.excluded); out += ","
            out += point.signals.isEmpty ? "" : CSVCell.text(point.signals.map(\.rawValue).joined(separator: ";"))
            out += ","
            out += hasIcons ? (point.category?.rawValue ?? "") : ""
            out += "\n"
        }
        return out
    }

    /// One row per series, with a header row.
    public static func summary(_ reports: [SeriesReport]) -> String { summary(reports.map(SeriesSummary.init)) }

    /// One row per series, with a header row.
    public static func summary(_ summaries: [SeriesSummary]) -> String {
        let rows = ParallelBlocks.map(count: summaries.count, blockSize: 512) { range in
            range.map { summaryRow(summaries[$0]) }
        }
        return summaryHeader.joined(separator: ",") + "\n" + rows.joined()
    }

    /// One series' summary row, appended cell by cell.
    static func summaryRow(_ summary: SeriesSummary) -> String {
        var out = ""
        out.reserveCapacity(192)
        out += CSVCell.text(summary.trust); out += ","
        out += CSVCell.text(summary.ward); out += ","
        out += CSVCell.text(summary.measure); out += ","
        out += summary.chart.rawValue; out += ","
        out += summary.rules.rawValue; out += ","
        out += summary.period; out += ","
        out += String(summary.points); out += ","
        out += summary.first?.iso ?? ""; out += ","
        out += summary.last?.iso ?? ""; out += ","
        out += summary.latestPhaseStart?.iso ?? ""; out += ","
        out += number(summary.latestCentre); out += ","
        out += number(summary.latestLower); out += ","
        out += number(summary.latestUpper); out += ","
        out += CSVCell.text(summary.latestSignals.map(\.rawValue).joined(separator: ";")); out += ","
        out += String(summary.sustainedShifts); out += ","
        out += summary.variation?.rawValue ?? ""; out += ","
        out += summary.assurance?.rawValue ?? ""; out += ","
        out += CSVCell.text(summary.warnings.joined(separator: " | ")); out += "\n"
        return out
    }
}
