import Threads
import WardSPC

/// The self-contained report: one `index.html` with every chart inline (SVG and CSS in
/// the page, and one small script for the points' hover figures; no fonts, images or
/// requests from anywhere), readable on a phone and printed on A4, plus each chart as its
/// own `.svg` beside it.
///
/// Sections: the programme headline (when `evaluate` results are given), the icon
/// summary (worst concerns first), every measure's small multiples, a section per trust
/// and ward with each chart and a plain-English reading, funnel plots (when given), data
/// quality, and methods with the software version; inequality by ethnic group and the
/// context/subtype breakdowns when the data carries them.
public enum HTMLReport {
    public struct Output: Sendable {
        /// `index.html`.
        public var index: MarkupWriter
        /// The standalone SVG files.
        public var charts: [ChartFiles.Chart]

        /// Everything to write, the page last (so a partial write never links missing files).
        public var files: [AtomicDirectory.File] {
            charts.map { AtomicDirectory.File(name: $0.name, bytes: $0.markup.bytes, durable: false) }
                + [AtomicDirectory.File(name: "index.html", bytes: index.bytes)]
        }
    }

    /// `chartLinks`: the chart files written beside the page (e.g. `[.svg, .png]`), which
    /// each chart links to; none by default (`serve` returns the page alone). Past
    /// `deadline` the charts stop and the page is incomplete (`serve` drops it).
    public static func build(_ content: ReportContent, chartLinks: [ChartFormat] = [],
                             deadline: Deadline = .never) -> Output {
        var names = SafeFileNames()
        for fixed in ReportFiles.fixedNames { names.reserve(fixed) }
        var fileOptions = content.chartOptions
        fileOptions.standalone = true
        var charts = ChartFiles.perSeries(content.series, options: fileOptions, names: &names, until: deadline)
        let grids = ChartFiles.smallMultiples(content.series, names: &names, until: deadline)
        var funnelFiles: [ChartFiles.Chart] = []
        for funnel in content.funnels {
            let name = names.name(["funnel", funnel.title], extension: "svg")
            var options = FunnelPlot.Options()
            options.idPrefix = String(name.dropLast(4))
            funnelFiles.append(ChartFiles.Chart(name: name, series: [], markup: FunnelPlot.markup(funnel, options: options)))
        }

        let rateRatioFiles = EquitySection.chartFiles(content, names: &names)

        var html = MarkupWriter(capacity: 64_000 + content.series.count * 30_000)
        html.fixed("<!DOCTYPE html>\n")
        html.start("html")
        html.attribute("lang", "en-GB")
        html.endStart()
        html.fixed("\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        html.element("title", text: content.title)
        html.fixed("\n<style>\n")
        html.fixed(ReportStyle.css)
        // The title heads every printed page: the one place user text lands in CSS.
        html.fixed("\n@page { @top-center { content: ")
        html.cssString(content.title)
        html.fixed("; font: 8pt 'Liberation Sans', Arial, Helvetica, sans-serif; color: #4c6272; } }\n</style>\n</head>\n<body>\n")
        html.open("div", class: "page")

        let trusts = trustGroups(content.series)
        header(content, trusts: trusts, grids: grids, into: &html)
        html.open("main")
        if let headline = content.headline { HeadlineSection.write(headline, into: &html) }
        SummarySection.write(content, charts: charts, into: &html)
        if !grids.isEmpty {
            html.open("section", class: "overview", id: "overview")
            html.element("h2", text: "Every ward, measure by measure")
            html.paragraph("Each panel is one ward's chart, on a common time axis so changes line up in time; each has its own vertical scale, because wards' rates differ several-fold by ward type. Special-cause points are coloured and shaped as on the full charts below.", class: "muted")
            for grid in grids {
                html.open("figure", class: "grid", id: "grid-" + grid.stem)
                html.append(SmallMultiples.pageMarkup(grid.series.map { content.series[$0] }))
                html.chartFileLinks(stem: grid.stem, formats: chartLinks)
                html.end("figure")
            }
            html.end("section")
        }
        var figures = PointFigures()
        WardSections.write(content, trusts: trusts, charts: charts, links: chartLinks, deadline: deadline, figures: &figures, into: &html)
        if !content.funnels.isEmpty {
            html.open("section", class: "funnels", id: "funnels")
            html.element("h2", text: "Wards compared: funnel plots")
            html.paragraph("Each dot is a ward: its rate against its exposure. Wards inside the funnel differ from the target no more than chance allows; outside the 99.8% limits, almost certainly for a reason worth finding.", class: "muted")
            for (funnel, file) in zip(content.funnels, funnelFiles) {
                var inline = FunnelPlot.Options()
                inline.standalone = false
                inline.idPrefix = "inline-" + file.stem
                html.open("figure", class: "wide")
                html.append(FunnelPlot.markup(funnel, options: inline))
                html.end("figure")
            }
            html.end("section")
        }
        EquitySection.write(content, charts: rateRatioFiles, into: &html)
        DataQualitySection.write(content, into: &html)
        MethodsSection.write(content, into: &html)
        html.end("main")
        html.open("footer")
        html.text("\(content.provenance.software) · generated \(content.provenance.generated) · from \(content.provenance.dataFile). Every figure on this page comes from that file; the page loads nothing from anywhere else.")
        html.end("footer")
        html.end("div")
        ReportScript.write(figures, into: &html)
        html.fixed("\n</body>\n</html>\n")
        charts += grids + funnelFiles + rateRatioFiles.keys.sorted().map { rateRatioFiles[$0]! }
        return Output(index: html, charts: charts)
    }

    /// Series indices grouped by trust, then ward, in order of first appearance.
    static func trustGroups(_ series: [SeriesReport]) -> [(trust: String, wards: [(ward: String, series: [Int])])] {
        var trustOrder: [String] = []
        var wardOrder: [String: [String]] = [:]
        var members: [String: [String: [Int]]] = [:]
        for (index, report) in series.enumerated() {
            if members[report.trust] == nil { trustOrder.append(report.trust) }
            if members[report.trust]?[report.ward] == nil { wardOrder[report.trust, default: []].append(report.ward) }
            members[report.trust, default: [:]][report.ward, default: []].append(index)
        }
        return trustOrder.map { trust in
            (trust, wardOrder[trust, default: []].map { ($0, members[trust]![$0]!) })
        }
    }

    private static func header(_ content: ReportContent, trusts: [(trust: String, wards: [(ward: String, series: [Int])])],
                               grids: [ChartFiles.Chart], into html: inout MarkupWriter) {
        html.open("header", class: "report-header")
        html.element("h1", text: content.title)
        let wards = trusts.reduce(0) { $0 + $1.wards.count }
        let measures = Set(content.series.map(\.measure)).count
        var periods = ""
        if let first = content.series.compactMap({ $0.points.first?.period }).min(),
           let last = content.series.compactMap({ $0.points.last?.period }).max() {
            periods = ", \(first.ukText) to \(last.ukText)"
        }
        html.paragraph("\(ValueText.count(content.series.count, "chart")): \(ValueText.count(trusts.count, "trust")), \(ValueText.count(wards, "ward")), \(ValueText.count(measures, "measure"))\(periods). Data: \(content.provenance.dataFile)\(content.provenance.eventsFile.map { "; events: \($0)" } ?? ""). Generated \(content.provenance.generated) by \(content.provenance.software).", class: "meta")
        html.open("nav", class: "contents")
        html.start("ul")
        html.endStart()
        var items: [(String, String)] = []
        if content.headline != nil { items.append(("Headline", "headline")) }
        items.append(("At a glance", "summary"))
        if !grids.isEmpty { items.append(("Every ward by measure", "overview")) }
        for item in items {
            html.open("li")
            html.link(item.0, toFragment: item.1)
            html.end("li")
        }
        for (position, group) in trusts.enumerated() {
            html.open("li")
            html.link("Trust \(group.trust)", toFragment: WardSections.trustID(position))
            html.end("li")
        }
        if !content.funnels.isEmpty {
            html.open("li")
            html.link("Funnel plots", toFragment: "funnels")
            html.end("li")
        }
        var closing: [(String, String)] = []
        if content.equity != nil { closing.append(("Inequality by ethnic group", "equity")) }
        if !content.breakdowns.isEmpty { closing.append(("Context and type", "breakdowns")) }
        for item in closing + [("Data quality", "data-quality"), ("Methods", "methods")] {
            html.open("li")
            html.link(item.0, toFragment: item.1)
            html.end("li")
        }
        html.end("ul")
        html.end("nav")
        html.end("header")
    }
}
