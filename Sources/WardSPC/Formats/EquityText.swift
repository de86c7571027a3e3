import SPCCore
import WardData

/// Shared wording of equity figures for the table, Markdown and CSV writers.
enum EquityWording {
    static func heading(_ result: EquityResult) -> [String] {
        var lines = ["Inequality by ethnic group: \(result.file)"]
        if result.hasExposure {
            lines.append("Rates \(BedDayRates.words) (bed days from \(result.exposureSource!)); rate ratios against \(result.reference) with exact 95% intervals (R's poisson.test).")
        } else {
            lines.append("Distribution only: \(EquityResult.distributionOnlyNote).")
        }
        lines.append("Groups: \(result.grouping == .broad ? "broad (White A–C, Mixed D–G, Asian H–L, Black M–P, Other R–S)" : "detailed (NHS ethnic categories)"). Incidents whose ethnicity is not stated (Z) or not known (99) are left out of every group's numerator and denominator; 'unknown' is their share of all incidents.")
        for span in result.spans {
            lines.append("Window \(span.window.rawValue): \(span.start.ukText) to \(span.end.ukText)")
        }
        return lines
    }

    static func place(_ level: EquityLevel, trust: String?, ward: String?) -> String {
        switch level {
        case .programme: return "programme"
        case .trust: return trust ?? ""
        case .ward: return "\(trust ?? "") \(ward ?? "")"
        }
    }

    static func percent(_ share: Double?) -> String {
        guard let share else { return "–" }
        let value = 100 * share
        return (value < 10 && value > 0 ? "\((value * 10).rounded() / 10)" : "\(Int(value.rounded()))") + "%"
    }

    static func number(_ value: Double?) -> String {
        value.map { AnalysisTable.number($0) } ?? "–"
    }

    static func interval(_ interval: ConfidenceInterval?) -> String {
        guard let interval else { return "–" }
        return "\(AnalysisTable.number(interval.lower)) to \(AnalysisTable.number(interval.upper))"
    }

    /// The cells of a row as shown to people (tables and Markdown).
    static func cells(_ row: EquityRow, hasExposure: Bool, suppression: Suppression) -> [String] {
        let shown = EquitySuppression(row, suppression: suppression)
        let ratio = !hasExposure ? "–" : row.isReference ? "1 (ref)" : (shown.ratio ? number(row.rateRatio?.estimate) : "*")
        let ci = row.isReference || !hasExposure ? "–" : (shown.ratio ? interval(row.rateRatio?.interval) : "*")
        var cells = [place(row.level, trust: row.trust, ward: row.ward), row.measure, row.window.rawValue, row.group,
                     suppression.text(row.count), shown.count ? percent(row.share) : "*"]
        if hasExposure {
            cells += [row.exposure.map { CSVCell.number($0.rounded()) } ?? "–", shown.count ? number(row.rate) : "*", ratio, ci]
        }
        cells.append(shown.unknown ? percent(row.unknownShare) : "*")
        return cells
    }

    static func headers(hasExposure: Bool) -> [String] {
        ["where", "measure", "window", "group", "count", "share"]
            + (hasExposure ? ["bed days", "rate", "rate ratio", "95% CI"] : []) + ["unknown"]
    }

    static func changeCells(_ change: EquityChange, suppression: Suppression) -> [String] {
        let hidden = change.counts.contains(where: suppression.hides)
        return [place(change.level, trust: change.trust, ward: change.ward), change.measure, change.group,
                hidden ? "*" : number(change.ratioOfRateRatios), hidden ? "*" : interval(change.interval)]
    }

    static let changeHeaders = ["where", "measure", "group", "ratio of rate ratios", "95% CI"]
    static let changeExplanation = "Whether the gap narrowed: the rate ratio in the comparison window over the rate ratio in the baseline window (below 1: the gap narrowed), 95% CI on the log scale."
}

/// Equity for a terminal: the heading, one aligned table of rows, then the changes.
public enum EquityTable {
    public static func render(_ result: EquityResult, suppression: Suppression = Suppression()) -> String {
        var out = EquityWording.heading(result)
        out.append("")
        var table = TextTable(headers: EquityWording.headers(hasExposure: result.hasExposure))
        table.numericColumns = Set(4..<table.headers.count)
        table.rows = result.rows.map { EquityWording.cells($0, hasExposure: result.hasExposure, suppression: suppression) }
        out.append(table.rendered())
        if !result.changes.isEmpty {
            out += ["", EquityWording.changeExplanation, ""]
            var changes = TextTable(headers: EquityWording.changeHeaders, numericColumns: [3, 4])
            changes.rows = result.changes.map { EquityWording.changeCells($0, suppression: suppression) }
            out.append(changes.rendered())
        }
        if suppression.threshold != nil {
            out += ["", "* withheld: fewer than \(suppression.threshold!) incidents (--suppress-below)."]
        }
        return out.joined(separator: "\n")
    }
}

/// Equity as Markdown tables, ready to paste into a board paper.
public enum EquityMarkdown {
    public static func render(_ result: EquityResult, suppression: Suppression = Suppression()) -> String {
        let heading = EquityWording.heading(result)
        var out = ["## \(EvaluationMarkdown.cell(heading[0]))", ""]
        out += heading.dropFirst().map { EvaluationMarkdown.cell($0) + "  " }
        out.append("")
        let headers = EquityWording.headers(hasExposure: result.hasExposure)
        out.append("| " + headers.joined(separator: " | ") + " |")
        out.append("|" + headers.indices.map { $0 >= 4 ? "---:" : "---" }.joined(separator: "|") + "|")
        for row in result.rows {
            let cells = EquityWording.cells(row, hasExposure: result.hasExposure, suppression: suppression)
            out.append("| " + cells.map(EvaluationMarkdown.cell).joined(separator: " | ") + " |")
        }
        if !result.changes.isEmpty {
            out += ["", "### Whether the gap narrowed", "", EquityWording.changeExplanation, ""]
            out.append("| " + EquityWording.changeHeaders.joined(separator: " | ") + " |")
            out.append("|---|---|---|---:|---|")
            for change in result.changes {
                out.append("| " + EquityWording.changeCells(change, suppression: suppression).map(EvaluationMarkdown.cell)
                    .joined(separator: " | ") + " |")
            }
        }
        if let threshold = suppression.threshold {
            out += ["", "_\\* withheld: fewer than \(threshold) incidents._"]
        }
        return out.joined(separator: "\n")
    }
}

/// Equity as tidy CSV: one row per level × measure × window × group, then (with windows)
/// the changes as rows whose `window` is `change`. Text cells Excel-safe; suppressed counts
/// `*` with what derives from them left empty.
public enum EquityCSV {
    public static let header = ["level", "trust", "ward", "measure", "window", "group", "count", "share", "exposure",
                                "rate", "rate_ratio", "ci95_low", "ci95_high", "unknown_share", "suppressed"]

    static func number(_ value: Double?) -> String { value.map(CSVCell.number) ?? "" }

    public static func render(_ result: EquityResult, suppression: Suppression = Suppression()) -> String {
        var out = header.joined(separator: ",") + "\n"
        for row in result.rows {
            let shown = EquitySuppression(row, suppression: suppression)
            let ratio: Double? = !result.hasExposure ? nil : row.isReference ? 1 : (shown.ratio ? row.rateRatio?.estimate : nil)
            let ci = row.isReference || !shown.ratio ? nil : row.rateRatio?.interval
            let cells = [CSVCell.text(row.level.rawValue), CSVCell.text(row.trust ?? ""), CSVCell.text(row.ward ?? ""),
                         CSVCell.text(row.measure), row.window.rawValue, CSVCell.text(row.group),
                         suppression.text(row.count), shown.count ? number(row.share) : "", number(row.exposure),
                         shown.count ? number(row.rate) : "", number(ratio), number(ci?.lower), number(ci?.upper),
                         shown.unknown ? number(row.unknownShare) : "", shown.any ? "true" : "false"]
            out += cells.joined(separator: ",") + "\n"
        }
        for change in result.changes {
            let hidden = change.counts.contains(where: suppression.hides)
            let cells = [CSVCell.text(change.level.rawValue), CSVCell.text(change.trust ?? ""), CSVCell.text(change.ward ?? ""),
                         CSVCell.text(change.measure), "change", CSVCell.text(change.group), "", "", "", "",
                         hidden ? "" : number(change.ratioOfRateRatios), hidden ? "" : number(change.interval?.lower),
                         hidden ? "" : number(change.interval?.upper), "", hidden ? "true" : "false"]
            out += cells.joined(separator: ",") + "\n"
        }
        return out
    }
}
