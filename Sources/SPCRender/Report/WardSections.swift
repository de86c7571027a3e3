import Threads
import WardSPC

/// A section per trust, then per ward: each measure's chart inline with its reading and
/// any warnings beneath it.
enum WardSections {
    static func trustID(_ position: Int) -> String { "trust-\(position + 1)" }
    static func wardID(_ trust: Int, _ ward: Int) -> String { "ward-\(trust + 1)-\(ward + 1)" }
    static func chartID(_ stem: String) -> String { "chart-" + stem }

    static func write(_ content: ReportContent, trusts: [(trust: String, wards: [(ward: String, series: [Int])])],
                      charts: [ChartFiles.Chart], links: [ChartFormat] = [], deadline: Deadline = .never,
                      figures: inout PointFigures,
                      into html: inout MarkupWriter) {
        let chartBySeries = Dictionary(uniqueKeysWithValues: charts.compactMap { chart in chart.series.first.map { ($0, chart) } })
        for (trustPosition, group) in trusts.enumerated() {
            html.open("section", class: "trust", id: trustID(trustPosition))
            html.element("h2", text: "Trust \(group.trust)")
            html.open("nav", class: "contents")
            html.open("ul")
            for (wardPosition, ward) in group.wards.enumerated() {
                html.open("li")
                html.link(ward.ward, toFragment: wardID(trustPosition, wardPosition))
                html.end("li")
            }
            html.end("ul")
            html.end("nav")
            for (wardPosition, ward) in group.wards.enumerated() {
                html.open("section", class: "ward", id: wardID(trustPosition, wardPosition))
                html.element("h3", text: "\(group.trust) · \(ward.ward)")
                html.open("div", class: "charts")
                for index in ward.series where !deadline.hasPassed {
                    let report = content.series[index]
                    guard let chart = chartBySeries[index] else { continue }
                    var options = content.chartOptions
                    options.standalone = false
                    options.idPrefix = "inline-" + chart.stem
                    options.pointTitles = false
                    html.open("figure", id: chartID(chart.stem))
                    let drawn = SPCChart.pageMarkup(report, options: options, figureIndex: figures.nextIndex)
                    html.append(drawn.markup)
                    figures.append(drawn.figures)
                    html.open("figcaption")
                    html.paragraph(ChartReading.sentence(report), class: "reading")
                    if let note = MeasureNotes.note(for: report.measure, catalogue: content.catalogue) { html.paragraph(note, class: "note") }
                    if !report.warnings.isEmpty {
                        html.paragraph("Note: " + report.warnings.joined(separator: "; ") + ".", class: "note")
                    }
                    html.chartFileLinks(stem: chart.stem, formats: links)
                    html.end("figcaption")
                    html.end("figure")
                }
                html.end("div")
                html.end("section")
            }
            html.end("section")
        }
    }
}
