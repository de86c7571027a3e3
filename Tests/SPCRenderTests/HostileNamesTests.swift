import Foundation
import Testing
@testable import SPCRender
import WardSPC
import WardData

/// Names from the data (trust, ward, measure, event labels, titles) are text wherever they
/// land: SVG text and attributes, HTML, CSS — a ward called `<script>` stays a name.
@Suite struct HostileNamesTests {
    static let trust = "<script>alert(1)</script>"
    static let ward = "O'Brien \"West\" & Sons ]]> <!-- x"
    static let measure = "restraint</title><script>alert(2)</script>"
    static let label = "</style><img src=x onerror=alert(3)> url(http://evil) @import"

    static func hostileSeries() throws -> [SeriesReport] {
        let events = """
            trust,ward,date,label,kind
            \(TestSeries.csvField(trust)),\(TestSeries.csvField(ward)),2024-03-04,\(TestSeries.csvField(label)),phase
            \(TestSeries.csvField(trust)),\(TestSeries.csvField(ward)),2024-02-05,\(TestSeries.csvField(label)),note
            """
        return try TestSeries.analyse(TestSeries.weeklyCSV(Array(repeating: 3, count: 10) + Array(repeating: 1, count: 16),
                                                           trust: trust, ward: ward, measure: measure), events: events)
    }

    @Test func chart_keepsHostileNamesAsText() throws {
        let report = try #require(try Self.hostileSeries().first)
        let text = SPCChart.svg(report)
        let svg = try SVGInspector(text)
        #expect(!text.contains("<script"))
        #expect(!text.contains("<img"))
        #expect(!text.contains("]]>"))
        // The parser gives back exactly what the data said.
        let title = try #require(svg.elements.first { $0.name == "title" && $0.parent == 0 })
        #expect(title.text == "\(Self.trust) · \(Self.ward) · Restraint</title><script>alert(2)</script>")
        #expect(svg.elements(withClass: "phase-label").first?.text.hasPrefix("</style><img") == true)
        #expect(svg.allText.contains(Self.label))
    }

    @Test func smallMultiplesAndFunnel_keepHostileNamesAsText() throws {
        let series = try Self.hostileSeries()
        let grid = SmallMultiples.svg(series)
        #expect(!grid.contains("<script"))
        let parsed = try SVGInspector(grid)
        #expect(parsed.allText.contains(Self.trust))
        let funnel = FunnelPlotData(title: Self.label, rateUnits: "per <b>", exposureUnits: "bed & days", target: 2,
                                    units: [.init(label: Self.ward, exposure: 1000, rate: 3, flag: .above95)],
                                    limits: [.init(exposure: 500, lower95: 0, upper95: 4, lower998: 0, upper998: 6),
                                             .init(exposure: 2000, lower95: 1, upper95: 3, lower998: 0.5, upper998: 3.5)])
        let funnelText = FunnelPlot.svg(funnel)
        #expect(!funnelText.contains("<img") && !funnelText.contains("<b>"))
        #expect(try SVGInspector(funnelText).allText.contains(Self.ward))
    }

    @Test func report_keepsHostileNamesAsText_inHTMLAndCSS() throws {
        let series = try Self.hostileSeries()
        let content = ReportContent(title: "Report \(Self.label) \(Self.trust)", series: series,
                                    provenance: .init(dataFile: "\(Self.ward).csv", software: "wardspc test", generated: "2026-01-01"))
        let output = HTMLReport.build(content)
        let html = try #require(ReportScriptTests.withoutFigureScript(output.index.string))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("]]>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        // In CSS the title is a quoted string of hexadecimal escapes: it cannot end the rule or the style element.
        let style = try #require(html.range(of: "<style>")).upperBound
        let styleEnd = try #require(html.range(of: "</style>")).lowerBound
        let css = String(html[style..<styleEnd])
        #expect(css.contains("content: \"Report \\3c \\2f style\\3e \\3c img src\\3d x onerror\\3d alert\\28 3\\29 \\3e  url\\28 http\\3a \\2f \\2f evil\\29  \\40 import"))
        #expect(!css.contains("<") && !css.contains("url(http"))
        // Every SVG file parses, and its name is safe.
        for chart in output.charts {
            _ = try SVGInspector(chart.markup.string)
            #expect(chart.name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) })
        }
    }

    @Test func markup_escapesEveryContextItIsGiven() {
        #expect(Markup.escaped("]]>") == "]]&gt;")
        #expect(Markup.escaped("a\u{FFFE}b\u{FFFF}c") == "abc")
        #expect(Markup.cssString("a\"b</style>") == "\"a\\22 b\\3c \\2f style\\3e \"")
        #expect(Markup.cssString("Ward Ŵ\n") == "\"Ward \\174 \"")
        var writer = MarkupWriter()
        writer.start("text")
        writer.attribute("data-x", text: "\"><script>")
        writer.endStart()
        writer.text("<&>")
        writer.end("text")
        #expect(writer.string == "<text data-x=\"&quot;&gt;&lt;script&gt;\">&lt;&amp;&gt;</text>")
    }

    // MARK: bidirectional overrides (issue 17)

    static let reversedWard = "Alder\u{202E}redlA"
    /// The ward as shown: its override written out (names joined into one label, such as
    /// a chart's title, are isolated together).
    static let shownWard = "Alder\\u{202E}redlA"

    /// Whether `text` has a bidirectional formatting character other than the isolates
    /// `Markup` writes around a name.
    static func hasRawOverride(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.isBidiControl && $0.value != 0x2068 && $0.value != 0x2069 }
    }

    @Test func bidiOverridesInNames_neverReachAChartOrTheReportRaw() throws {
        let series = try TestSeries.analyse(TestSeries.weeklyCSV(Array(repeating: 3, count: 10) + Array(repeating: 1, count: 16),
                                                                 trust: "RX\u{2067}1", ward: Self.reversedWard,
                                                                 measure: "restraint\u{200F}"))
        let report = try #require(series.first)
        let chart = SPCChart.svg(report)
        #expect(!Self.hasRawOverride(chart))
        #expect(try SVGInspector(chart).allText.contains(Self.shownWard))
        #expect(!Self.hasRawOverride(SmallMultiples.svg(series)))
        let content = ReportContent(title: "Report \u{202E}txet", series: series,
                                    provenance: .init(dataFile: "w\u{202D}.csv", software: "wardspc test", generated: "2026-01-01"))
        let output = HTMLReport.build(content)
        #expect(!Self.hasRawOverride(output.index.string))
        #expect(output.index.string.contains(Self.shownWard))
        for chart in output.charts { #expect(!Self.hasRawOverride(chart.markup.string)) }
    }
}
