import SPCCore
import WardSPC

/// Inequality by ethnic group (a dot-and-whisker chart of rate ratios and the programme's
/// figures per measure), then self-harm by context and restrictive practice by subtype
/// with prone restraint called out. Shown when the data carries those columns.
enum EquitySection {
    static func write(_ content: ReportContent, charts: [String: ChartFiles.Chart], into html: inout MarkupWriter) {
        if let equity = content.equity { writeEquity(equity, charts: charts, into: &html) }
        if !content.breakdowns.isEmpty { writeBreakdowns(content.breakdowns, into: &html) }
    }

    /// The standalone rate-ratio chart of each measure that has one, by measure.
    static func chartFiles(_ content: ReportContent, names: inout SafeFileNames) -> [String: ChartFiles.Chart] {
        guard let equity = content.equity, equity.hasExposure else { return [:] }
        var files: [String: ChartFiles.Chart] = [:]
        for measure in measures(equity) {
            let rows = RateRatioPlot.rows(equity, measure: measure)
            guard !rows.isEmpty else { continue }
            let name = names.name(["rate-ratios", measure], extension: "svg")
            var options = RateRatioPlot.Options()
            options.idPrefix = String(name.dropLast(4))
            files[measure] = ChartFiles.Chart(name: name, series: [], markup: RateRatioPlot.markup(
                rows, title: title(measure), reference: equity.reference, options: options))
        }
        return files
    }

    static func title(_ measure: String) -> String { "\(DisplayName.measure(measure)): rate ratios by ethnic group" }

    static func measures(_ equity: EquityResult) -> [String] {
        var seen: [String] = []
        for row in equity.rows where !seen.contains(row.measure) { seen.append(row.measure) }
        return seen
    }

    static func writeEquity(_ equity: EquityResult, charts: [String: ChartFiles.Chart], into html: inout MarkupWriter) {
        html.open("section", class: "equity", id: "equity")
        html.element("h2", text: "Inequality by ethnic group")
        html.paragraph("Black patients are more than three times as likely as White patients to be restrained or secluded nationally; the programme measures its own gap. Rates are \(BedDayRates.words) of each group's own patients, against \(equity.reference) patients, with exact 95% intervals. Incidents whose ethnicity is not stated or not known are left out of every group's numerator and denominator; their share is given, because a high share makes the ratios unreliable. Data: \(equity.file)\(equity.exposureSource.map { "; bed days from \($0)" } ?? "").", class: "muted")
        if !equity.hasExposure {
            let note = EquityResult.distributionOnlyNote
            html.paragraph(note.prefix(1).uppercased() + note.dropFirst() + ".")
        }
        for span in equity.spans where span.window != .all {
            html.paragraph("\(span.window == .baseline ? "Before" : "After") (\(span.window.rawValue)): \(span.start.ukText) to \(span.end.ukText).", class: "muted")
        }
        for measure in measures(equity) {
            html.element("h3", text: DisplayName.measure(measure))
            let rows = RateRatioPlot.rows(equity, measure: measure)
            if let file = charts[measure] {
                var options = RateRatioPlot.Options()
                options.standalone = false
                options.idPrefix = "inline-" + file.stem
                html.open("figure", class: "wide")
                html.append(RateRatioPlot.markup(rows, title: title(measure), reference: equity.reference, options: options))
                html.end("figure")
            }
            programmeTable(equity, measure: measure, into: &html)
            for change in equity.changes where change.level == .programme && change.measure == measure {
                guard let ratio = change.ratioOfRateRatios, let interval = change.interval else { continue }
                let verdict = interval.upper < 1 ? "the gap narrowed" : interval.lower > 1 ? "the gap widened" : "no clear change in the gap"
                html.paragraph("\(change.group) against \(equity.reference): the rate ratio after is \(ValueText.reading(ratio)) times the rate ratio before (95% CI \(ValueText.reading(interval.lower)) to \(ValueText.reading(interval.upper))): \(verdict).")
            }
        }
        html.end("section")
    }

    static func programmeTable(_ equity: EquityResult, measure: String, into html: inout MarkupWriter) {
        let rows = equity.rows.filter { $0.level == .programme && $0.measure == measure }
        guard let first = rows.first else { return }
        html.open("div", class: "table-wrap")
        html.open("table", class: "equity-table reflow")
        html.open("thead")
        html.open("tr")
        var headings = ["Window", "Group", "Incidents", "Share"]
        if equity.hasExposure { headings += ["Bed days", "Rate per 1,000", "Rate ratio (95% CI)"] }
        for heading in headings { html.cell(heading, header: true) }
        html.end("tr")
        html.end("thead")
        html.open("tbody")
        for row in rows {
            html.open("tr")
            html.cell(row.window.rawValue, label: headings[0])
            html.cell(row.group, label: headings[1])
            html.cell(ValueText.reading(Double(row.count)), label: headings[2])
            html.cell(row.share.map { ValueText.fixed(100 * $0, decimals: 1) + "%" } ?? "–", label: headings[3])
            if equity.hasExposure {
                html.cell(row.exposure.map { ValueText.reading($0.rounded()) } ?? "–", label: headings[4])
                html.cell(row.rate.map(ValueText.reading) ?? "–", label: headings[5])
                if row.isReference {
                    html.cell("1 (reference)", label: headings[6])
                } else if let ratio = row.rateRatio {
                    html.cell("\(ValueText.reading(ratio.estimate)) (\(ValueText.reading(ratio.interval.lower))–\(ValueText.reading(ratio.interval.upper)))", label: headings[6])
                } else {
                    html.cell("–", label: headings[6])
                }
            }
            html.end("tr")
        }
        html.end("tbody")
        html.end("table")
        html.end("div")
        let unknown = first.unknownShare.map { ValueText.fixed(100 * $0, decimals: 1) + "%" } ?? "–"
        html.paragraph("Ethnicity not stated or not known: \(unknown) of the programme's \(DisplayName.measure(measure).lowercased()) incidents over the whole span (left out of the figures above).", class: "muted")
    }

    static func writeBreakdowns(_ breakdowns: [DimensionBreakdown], into html: inout MarkupWriter) {
        html.open("section", class: "breakdowns", id: "breakdowns")
        html.element("h2", text: "Context and type")
        html.paragraph("Programme-wide, each ward's baseline window against its comparison window (as in the headline). Shares are of the measure's incidents in that window; rates \(BedDayRates.words) of the whole ward; the change is the ratio of totals with its 95% interval.", class: "muted")
        for breakdown in breakdowns {
            let what = breakdown.dimension == "context" ? "by where the patient was" : "by type"
            html.element("h3", text: "\(DisplayName.measure(breakdown.measure)) \(what)")
            if breakdown.dimension == "context" {
                html.paragraph("Nationally, of inpatient suicides 52% happened on agreed leave and 16% when absent without leave, against 32% on the ward: self-harm off the ward matters as much as on it.", class: "muted")
            }
            if let prone = breakdown.rows.first(where: \.isProne) {
                let before = prone.rate(prone.baselineCount, prone.baselineExposure, bedDays: breakdown.exposureIsBedDays)
                let after = prone.rate(prone.comparisonCount, prone.comparisonExposure, bedDays: breakdown.exposureIsBedDays)
                html.open("p", class: "callout")
                html.text("Prone restraint — national policy is to eliminate it: \(ValueText.reading(Double(prone.baselineCount))) incidents before (\(before.map(ValueText.reading) ?? "–") \(BedDayRates.words)), \(ValueText.reading(Double(prone.comparisonCount))) after (\(after.map(ValueText.reading) ?? "–")).")
                html.end("p")
            }
            html.open("div", class: "table-wrap")
            html.open("table", class: "breakdown-table reflow")
            html.open("thead")
            html.open("tr")
            let headings = [breakdown.dimension == "context" ? "Context" : "Subtype", "Before: incidents (share)", "rate",
                            "After: incidents (share)", "rate", "Change (95% CI)"]
            // On a phone each cell names its column; "rate" alone would not say which.
            let labels = [headings[0], headings[1], "Before: rate", headings[3], "After: rate", headings[5]]
            for heading in headings {
                html.cell(heading, header: true)
            }
            html.end("tr")
            html.end("thead")
            html.open("tbody")
            for row in breakdown.rows {
                if row.isProne { html.open("tr", class: "prone") } else { html.open("tr") }
                html.cell(row.value.replacingOccurrences(of: "_", with: " "), label: labels[0])
                html.cell("\(ValueText.reading(Double(row.baselineCount))) (\(row.baselineShare.map { ValueText.fixed(100 * $0, decimals: 0) + "%" } ?? "–"))", label: labels[1])
                html.cell(row.rate(row.baselineCount, row.baselineExposure, bedDays: breakdown.exposureIsBedDays).map(ValueText.reading) ?? "–", label: labels[2])
                html.cell("\(ValueText.reading(Double(row.comparisonCount))) (\(row.comparisonShare.map { ValueText.fixed(100 * $0, decimals: 0) + "%" } ?? "–"))", label: labels[3])
                html.cell(row.rate(row.comparisonCount, row.comparisonExposure, bedDays: breakdown.exposureIsBedDays).map(ValueText.reading) ?? "–", label: labels[4])
                if let change = row.change {
                    html.cell("\(ValueText.signedPercent(-change.reductionPercent)) (\(ValueText.signedPercent(-change.reductionInterval.upper)) to \(ValueText.signedPercent(-change.reductionInterval.lower)))", label: labels[5])
                } else {
                    html.cell("–", label: labels[5])
                }
                html.end("tr")
            }
            html.end("tbody")
            html.end("table")
            html.end("div")
        }
        html.end("section")
    }
}
