import SPCCore
import WardSPC

/// "At a glance": how many charts show what, a key to the marks and icons, and the icon
/// summary of every ward × measure: first what needs a look (concerns, failing targets,
/// special causes with no better direction) and the largest improvements, then every
/// other chart folded away (`<details>`: opens without a script; printed folded, since
/// every chart has its own page after).
enum SummarySection {
    /// Improvements shown before the fold; the rest are in it.
    static let improvementsShown = 10

    static func write(_ content: ReportContent, charts: [ChartFiles.Chart], into html: inout MarkupWriter) {
        let rows = IconSummary.rows(content.series)
        html.open("section", class: "summary", id: "summary")
        html.element("h2", text: "At a glance")
        var counts: [IconSummary.Concern: Int] = [:]
        for row in rows { counts[row.concern, default: 0] += 1 }
        var parts: [String] = []
        let wording: [(IconSummary.Concern, String)] = [
            (.concern, "special-cause concern in the latest period"),
            (.failingTarget, "a process that will not meet its target without change"),
            (.neutral, "special-cause variation where neither direction is better"),
            (.improvement, "special-cause improvement in the latest period"),
            (.commonCause, "common-cause variation only"),
            (.unknown, "too few points (or no rule set with icons) to say"),
        ]
        for (concern, words) in wording {
            if let count = counts[concern], count > 0 { parts.append("\(count) \(words)") }
        }
        html.paragraph("Of \(ValueText.count(rows.count, "chart")): \(parts.joined(separator: "; ")). The table lists the worst concerns first, then the largest improvements; each row links to its chart.")
        for warning in content.warnings { html.paragraph("Note: " + warning, class: "muted") }
        ReportKey.write(content.series, into: &html)

        if let first = content.series.first {
            html.paragraph("Centre now: the \(ChartVocabulary.centreName(first.chart).lowercased()) (\(content.chartOptions.units ?? ChartVocabulary.units(first))) of each series' latest phase. Change: that centre against the first phase's (before the ward's first events-file date); – with a single phase.", class: "muted")
        }
        let (first, rest) = split(rows, series: content.series)
        if !first.isEmpty {
            table(first, content: content, charts: charts, into: &html)
        } else {
            html.paragraph("No chart shows a concern or an improvement in its latest period.")
        }
        if !rest.isEmpty {
            html.open("details", class: "summary-rest")
            html.element("summary", text: first.isEmpty ? "Every chart (\(rest.count))" : "The other \(ValueText.count(rest.count, "chart"))")
            table(rest, content: content, charts: charts, into: &html)
            html.end("details")
        }
        html.end("section")
    }

    /// Rows before the fold — concerns, failing targets, neutral special causes, then the
    /// `improvementsShown` largest improvements — and the rest, each in the table's order.
    static func split(_ rows: [IconSummary.Row], series: [SeriesReport]) -> (first: [IconSummary.Row], rest: [IconSummary.Row]) {
        let needsALook = rows.filter { [.concern, .failingTarget, .neutral].contains($0.concern) }
        // Largest move in the better direction first (the table orders by the worse).
        let improvements = rows.filter { $0.concern == .improvement }.enumerated().sorted { left, right in
            let a = IconSummary.betterness(left.element, series[left.element.seriesIndex])
            let b = IconSummary.betterness(right.element, series[right.element.seriesIndex])
            return a != b ? a > b : left.offset < right.offset
        }.map(\.element)
        let shown = Set(improvements.prefix(improvementsShown).map(\.seriesIndex))
        let first = needsALook + improvements.filter { shown.contains($0.seriesIndex) }
        let firstIndices = Set(first.map(\.seriesIndex))
        return (first, rows.filter { !firstIndices.contains($0.seriesIndex) })
    }

    private static func table(_ rows: [IconSummary.Row], content: ReportContent, charts: [ChartFiles.Chart],
                              into html: inout MarkupWriter) {
        html.open("div", class: "table-wrap")
        html.open("table", class: "icon-summary")
        html.open("thead")
        html.open("tr")
        html.cell("Trust", header: true)
        html.cell("Ward", header: true)
        html.cell("Measure", header: true)
        html.cell("Variation", header: true)
        let hasAssurance = content.series.contains { $0.assurance != nil }
        if hasAssurance { html.cell("Assurance", class: "hide-narrow", header: true) }
        html.cell("Centre now", class: "number", header: true)
        html.cell("Change", class: "number", header: true)
        html.end("tr")
        html.end("thead")
        html.open("tbody")
        let chartBySeries = Dictionary(uniqueKeysWithValues: charts.compactMap { chart in chart.series.first.map { ($0, chart.stem) } })
        for row in rows {
            let report = content.series[row.seriesIndex]
            html.start("tr")
            switch row.concern {
            case .concern, .failingTarget: html.attribute("class", "concern")
            case .improvement: html.attribute("class", "improvement")
            case .neutral: html.attribute("class", "neutral")
            default: break
            }
            html.endStart()
            html.cell(report.trust)
            html.cell(report.ward)
            html.open("td")
            if let stem = chartBySeries[row.seriesIndex] {
                html.link(DisplayName.measure(of: report), toFragment: WardSections.chartID(stem))
            } else {
                html.text(DisplayName.measure(of: report))
            }
            html.end("td")
            html.openCell(class: "icons", label: "Variation")
            if let variation = report.variation {
                html.append(IconShapes.standalone(variation: variation, assurance: nil, size: 26))
                html.text(" " + shortWords(variation))
            } else {
                html.text(row.concern == .unknown ? "–" : shortWords(row.concern))
            }
            html.end("td")
            if hasAssurance {
                html.openCell(class: "icons hide-narrow", label: "Assurance")
                if let assurance = report.assurance {
                    html.append(IconShapes.standalone(variation: nil, assurance: assurance, size: 26))
                    html.text(" " + IconShapes.words(assurance))
                } else {
                    html.text("–")
                }
                html.end("td")
            }
            html.cell(row.latestCentre.map(ValueText.reading) ?? "–", class: "number", label: "Centre now")
            html.cell(row.changePercent.map(ValueText.signedPercent) ?? "–", class: "number", label: "Change")
            html.end("tr")
        }
        html.end("tbody")
        html.end("table")
        html.end("div")
    }

    static func shortWords(_ icon: VariationIcon) -> String {
        switch icon {
        case .commonCause: "Common cause"
        case .improvementHigh: "Improvement (high)"
        case .improvementLow: "Improvement (low)"
        case .concernHigh: "Concern (high)"
        case .concernLow: "Concern (low)"
        case .neutralHigh: "Special cause (high)"
        case .neutralLow: "Special cause (low)"
        }
    }

    static func shortWords(_ concern: IconSummary.Concern) -> String {
        switch concern {
        case .concern: "Concern"
        case .failingTarget: "Failing target"
        case .neutral: "Special cause"
        case .commonCause: "Common cause"
        case .improvement: "Improvement"
        case .unknown: "–"
        }
    }
}
