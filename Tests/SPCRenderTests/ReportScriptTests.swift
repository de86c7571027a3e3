import Foundation
import Testing
import ZIPFoundation
@testable import SPCRender
import WardSPC

/// The report page's hover figures: one compressed data block and one fixed script, which
/// carry for every drawn point the same tooltip and position its standalone chart gives it.
@Suite struct ReportScriptTests {
    static let dataBlockStart = "\n<script type=\"text/plain\" id=\"point-figures\">"
    static let scriptBlock = "</script>\n<script>" + ReportScript.source.description + "</script>"

    /// The page without its figures' data block and script, or nil when the page has them
    /// in any other form (a second script, a data block that is not plain base64).
    static func withoutFigureScript(_ page: String) -> String? {
        guard let start = page.range(of: dataBlockStart) else { return page }
        guard let end = page.range(of: scriptBlock, range: start.upperBound..<page.endIndex) else { return nil }
        let data = page[start.upperBound..<end.lowerBound]
        guard data.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+/=".contains($0)) }) else { return nil }
        return String(page[..<start.lowerBound]) + String(page[end.upperBound...])
    }

    struct Chart: Decodable {
        var x: [Int]
        var y: [Int]
        var t: [String]
    }

    /// The figures as the browser reads them: base64, then raw DEFLATE, then JSON — decoded
    /// here with zlib's inflate (ZIPFoundation) and Foundation, not with the writer's code.
    static func figures(_ page: String) throws -> [Chart] {
        let start = try #require(page.range(of: dataBlockStart))
        let end = try #require(page.range(of: "</script>", range: start.upperBound..<page.endIndex))
        let compressed = try #require(Data(base64Encoded: String(page[start.upperBound..<end.lowerBound])))
        var json = Data()
        _ = try Data.decompress(size: Int64(compressed.count), bufferSize: 1 << 16, skipCRC32: true, provider: { position, size in
            // zlib asks for whole buffers; the last is short.
            compressed.subdata(in: min(Int(position), compressed.count)..<min(Int(position) + size, compressed.count))
        }, consumer: { json.append($0) })
        return try JSONDecoder().decode([Chart].self, from: json)
    }

    /// The page's inline run and control charts, each as its own SVG text, in page order.
    static func inlineCharts(_ page: String) -> [String] {
        var charts: [String] = []
        var rest = page[...]
        while let open = rest.range(of: "<svg viewBox"), let close = rest.range(of: "</svg>", range: open.upperBound..<rest.endIndex) {
            let svg = rest[open.lowerBound..<close.upperBound]
            if svg.prefix(300).contains("data-figures=") { charts.append(String(svg)) }
            rest = rest[close.upperBound...]
        }
        return charts
    }

    @Test func pageFigures_areTheStandaloneTooltips_atTheDataLinesVertices() throws {
        let content = HTMLReportTests.sampleContent()
        let output = HTMLReport.build(content)
        let page = output.index.string
        let figures = try Self.figures(page)
        let pageCharts = Self.inlineCharts(page)
        #expect(pageCharts.count == content.series.count)
        #expect(figures.count == content.series.count)
        let files = Dictionary(uniqueKeysWithValues: output.charts.map { ($0.stem, $0) })
        var checked = 0
        for (index, text) in pageCharts.enumerated() {
            let chart = try SVGInspector(text)
            let root = try #require(chart.elements.first)
            #expect(root.attributes["data-figures"] == String(index))
            let entry = figures[index]
            #expect(entry.x.count == entry.t.count && entry.y.count == entry.t.count)
            // The same words as the chart file's marks, in the same order.
            let label = try #require(root.attributes["aria-labelledby"]?.split(separator: " ").first)
            let stem = String(label.dropFirst("inline-".count).dropLast("-title".count))
            let file = try #require(files[stem])
            let standalone = try SVGInspector(file.markup.string)
            let report = content.series[try #require(file.series.first)]
            let titles = standalone.elements.filter { $0.name == "title" && standalone.elements[$0.parent ?? 0].classes.contains("point") }
            #expect(titles.map(\.text) == entry.t)
            // At the vertices of the page chart's data line, where its markers draw the marks.
            let line = try #require(chart.elements(withClass: "data-line").first?.attributes["d"])
            var vertices: [(x: Double, y: Double)] = []
            for point in PathPoints.points(line) where vertices.last.map({ $0.x != point.x || $0.y != point.y }) ?? true {
                vertices.append(point)
            }
            #expect(vertices.count == entry.x.count)
            for (vertex, (x, y)) in zip(vertices, zip(entry.x, entry.y)) {
                #expect(abs(vertex.x * 10 - Double(x)) < 0.5 && abs(vertex.y * 10 - Double(y)) < 0.5)
            }
            #expect(chart.elements(withClass: "data-line").first?.attributes["marker-mid"] == "url(#\(root.attributes["aria-labelledby"]!.split(separator: " ")[0].dropLast("-title".count))-dot)")
            // Only marks that stand out are drawn on their own, with no title of their own.
            let marks = chart.elements(withClass: "point")
            let standingOut = report.points.filter { point in
                point.value?.isFinite == true && (PointStyle(point).isSpecialCause || point.excluded)
            }
            #expect(marks.count == standingOut.count)
            #expect(!chart.elements.contains { $0.name == "title" && chart.elements[$0.parent ?? 0].classes.contains("point") })
            checked += entry.t.count
        }
        #expect(checked > 1000)
    }
}

extension ReportScriptTests {
    @Test func tooltipText_isPlainText_escapedOnlyWhereMarkupIsWritten() throws {
        let report = try TestSeries.featureChart()
        let excluded = try #require(report.points.first { $0.excluded })
        let label = "Staff & <ward> move"
        let text = PointTooltip.text(excluded, report: report, exclusion: label)
        #expect(text.hasSuffix("Excluded from the calculations (Staff & <ward> move)"))
        var svg = MarkupWriter()
        PointTooltip.write(excluded, report: report, exclusion: label, into: &svg)
        #expect(svg.string.hasSuffix("(Staff &amp; &lt;ward&gt; move)"))
    }

    /// A label that reverses text (U+202E) reaches the tooltip as a `<title>` shows it:
    /// isolated, the override shown as `\u{202E}`, never raw.
    @Test func tooltipFigures_isolateBidirectionalText_asTheTitleDoes() throws {
        let report = try TestSeries.featureChart()
        let excluded = try #require(report.points.first { $0.excluded })
        let text = PointTooltip.text(excluded, report: report, exclusion: "Ward \u{202E}evol")
        var chart = PointFigures.Chart()
        chart.add(x: 1, y: 2, text: text)
        let figure = try #require(chart.texts.first)
        #expect(!figure.unicodeScalars.contains("\u{202E}"))
        #expect(figure.hasPrefix("\u{2068}") && figure.hasSuffix("\u{2069}"))
        var svg = MarkupWriter()
        PointTooltip.write(excluded, report: report, exclusion: "Ward \u{202E}evol", into: &svg)
        #expect(svg.string.hasSuffix(figure), "the title holds the same text")
    }

    @Test func relativePathData_landsOnTheSameRoundedPoints() {
        // A second reading (PathPoints) of what PathData writes, against the points rounded
        // to tenths as absolute coordinates would be.
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            var path = PathData()
            var expected: [(x: Double, y: Double)] = []
            let count = Int.random(in: 1...40, using: &generator)
            for index in 0..<count {
                let x = Double.random(in: -50...700, using: &generator), y = Double.random(in: -20...400, using: &generator)
                let rounded = ((x * 10).rounded() / 10, (y * 10).rounded() / 10)
                switch index % 4 {
                case 0: path.move(x, y); expected.append(rounded)
                case 1: path.line(x, y); expected.append(rounded)
                case 2: path.horizontal(x); expected.append((rounded.0, expected.last!.y))
                default: path.vertical(y); expected.append((expected.last!.x, rounded.1))
                }
            }
            let read = PathPoints.points(String(decoding: path.bytes, as: UTF8.self))
            #expect(read.count == expected.count)
            for (got, want) in zip(read, expected) {
                #expect(abs(got.x - want.x) < 1e-9 && abs(got.y - want.y) < 1e-9, "\(got) vs \(want)")
            }
        }
    }
}
