import Threads
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

    /// Columns `--chart auto` adds at the end of the point rows (`partial`) and of both
    /// (`chart_reason`); a chart asked for by name keeps the columns above exactly.
    public static let autoPointColumns = ["partial", "chart_reason"]


    /// Every point, with a header row. Series are written in parallel blocks and joined
    /// in order (the text is the same whatever the number of threads).
    public static func points(_ reports: [SeriesReport]) -> String { pointsOutput(reports).string }

    /// Every point, with a header row, as byte chunks in order (written in parallel blocks).
    public static func pointsOutput(_ reports: [SeriesReport]) -> OutputBytes {
        let blocks = ParallelBlocks.mapBlocks(count: reports.count, blockSize: 64) { range in
            var out = TextBuffer(capacity: range.reduce(0) { $0 + reports[$1].points.count * 112 })
            for index in range { pointRows(reports[index], into: &out) }
            return out.take()
        }
        guard reports.contains(where: { $0.chartReason != nil }) else { return pointsOutput(rows: blocks) }
        return OutputBytes(chunks: [Array(((pointHeader + autoPointColumns).joined(separator: ",") + "\n").utf8)] + blocks)
    }

    /// The header row, then `rows` (chunks of `pointRows`, in order).
    public static func pointsOutput(rows: [[UInt8]]) -> OutputBytes {
        OutputBytes(chunks: [Array((pointHeader.joined(separator: ",") + "\n").utf8)] + rows)
    }

    /// One series' point rows, as the chunk `pointsOutput(rows:)` takes.
    public static func pointRows(_ report: SeriesReport) -> [UInt8] {
        var out = TextBuffer(capacity: report.points.count * 112)
        pointRows(report, into: &out)
        return out.take()
    }

    /// One series' point rows, appended to `out`: each row is written into a scratch
    /// buffer and appended whole (one append a row instead of one a cell).
    static func pointRows(_ report: SeriesReport, into out: inout TextBuffer) {
        let prefix = Array(([CSVCell.text(report.trust), CSVCell.text(report.ward), CSVCell.text(report.measure),
                             report.chart.rawValue].joined(separator: ",") + ",").utf8)
        let hasIcons = report.rules.kind.hasIcons
        // A scratch row holds 1,024 bytes: names of up to 256, every number, 16 signals.
        guard report.chartReason == nil, prefix.count <= 256, report.points.allSatisfy({ $0.signals.count <= 16 }) else {
            return pointRowsByCell(report, prefix: prefix, into: &out)
        }
        var centres = RepeatedNumber(), lowers = RepeatedNumber(), uppers = RepeatedNumber()
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 1_024) { scratch in
            var row = RowWriter(scratch.baseAddress!)
            for index in report.points.indices {
                row.count = 0
                row.append(prefix)
                row.append(integer: Int64(report.points[index].phase)); row.append(byte: 0x2C)
                row.append(date: report.points[index].period); row.append(byte: 0x2C)
                row.cell(report.points[index].count)
                row.cell(report.points[index].denominator)
                row.cell(report.points[index].value)
                row.cell(report.points[index].centre, &centres)
                row.cell(report.points[index].lower, &lowers)
                row.cell(report.points[index].upper, &uppers)
                row.append(report.points[index].baseline ? "TRUE," as StaticString : "FALSE," as StaticString)
                row.append(report.points[index].excluded ? "TRUE," as StaticString : "FALSE," as StaticString)
                let signals = report.points[index].signals
                if !signals.isEmpty { row.append(CSVCell.text(signals.map(\.rawValue).joined(separator: ";"))) }
                row.append(byte: 0x2C)
                if hasIcons, let category = report.points[index].category { row.append(category.rawValue) }
                row.append(byte: 0x0A)
                out.append(bytes: UnsafeBufferPointer(start: row.base, count: row.count))
            }
        }
    }

    /// `pointRows` cell by cell, for names too long for the scratch row.
    /// With a `chartReason` (`--chart auto`) each row ends with `partial` and `chart_reason`.
    static func pointRowsByCell(_ report: SeriesReport, prefix: [UInt8], into out: inout TextBuffer) {
        let hasIcons = report.rules.kind.hasIcons
        let reason = report.chartReason.map(CSVCell.text)
        func cell(_ value: Double?) {
            if let value { out.append(number: value) }
            out.append(byte: 0x2C)
        }
        for point in report.points {
            out.append(bytes: prefix)
            out.append(integer: Int64(point.phase)); out.append(byte: 0x2C)
            out.append(point.period.iso); out.append(byte: 0x2C)
            cell(point.count)
            cell(point.denominator)
            cell(point.value)
            cell(point.centre)
            cell(point.lower)
            cell(point.upper)
            out.append(point.baseline ? "TRUE," as StaticString : "FALSE," as StaticString)
            out.append(point.excluded ? "TRUE," as StaticString : "FALSE," as StaticString)
            if !point.signals.isEmpty { out.append(CSVCell.text(point.signals.map(\.rawValue).joined(separator: ";"))) }
            out.append(byte: 0x2C)
            if hasIcons, let category = point.category { out.append(category.rawValue) }
            if let reason {
                out.append(point.partial ? ",TRUE," as StaticString : ",FALSE," as StaticString)
                out.append(reason)
            }
            out.append(byte: 0x0A)
        }
    }

    /// One row per series, with a header row.
    public static func summary(_ reports: [SeriesReport]) -> String { summary(reports.map(SeriesSummary.init)) }

    /// One row per series, with a header row.
    public static func summary(_ summaries: [SeriesSummary]) -> String {
        let blocks = ParallelBlocks.mapBlocks(count: summaries.count, blockSize: 512) { range in
            var out = TextBuffer(capacity: range.count * 160)
            for index in range { summaryRow(summaries[index], into: &out) }
            return out
        }
        var text = TextBuffer(capacity: blocks.reduce(0) { $0 + $1.bytes.count } + 256)
        let auto = summaries.contains { $0.chartReason != nil }
        text.append((summaryHeader + (auto ? ["chart_reason"] : [])).joined(separator: ",") + "\n")
        for block in blocks { text.append(block) }
        return text.string
    }

    /// One series' summary row, appended cell by cell.
    static func summaryRow(_ summary: SeriesSummary, into out: inout TextBuffer) {
        func text(_ value: String) { out.append(value); out.append(byte: 0x2C) }
        func date(_ value: CivilDate?) { if let value { out.append(value.iso) }; out.append(byte: 0x2C) }
        func number(_ value: Double?) { if let value { out.append(number: value) }; out.append(byte: 0x2C) }
        text(CSVCell.text(summary.trust))
        text(CSVCell.text(summary.ward))
        text(CSVCell.text(summary.measure))
        text(summary.chart.rawValue)
        text(summary.rules.rawValue)
        text(summary.period)
        out.append(integer: Int64(summary.points)); out.append(byte: 0x2C)
        date(summary.first)
        date(summary.last)
        date(summary.latestPhaseStart)
        number(summary.latestCentre)
        number(summary.latestLower)
        number(summary.latestUpper)
        text(CSVCell.text(summary.latestSignals.map(\.rawValue).joined(separator: ";")))
        out.append(integer: Int64(summary.sustainedShifts)); out.append(byte: 0x2C)
        text(summary.variation?.rawValue ?? "")
        text(summary.assurance?.rawValue ?? "")
        out.append(CSVCell.text(summary.warnings.joined(separator: " | ")))
        if let reason = summary.chartReason { out.append(byte: 0x2C); out.append(CSVCell.text(reason)) }
        out.append(byte: 0x0A)
    }
}
