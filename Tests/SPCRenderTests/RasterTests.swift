import Foundation
import Testing
@testable import SPCRender
import WardSPC

/// PNG and PDF drawn from the chart's SVG by librsvg and cairo: the picture's size, and
/// colours at the points the SVG itself says the centre line and the marks are.
@Suite struct RasterTests {
    static let chart: SeriesReport = try! TestSeries.featureChart()

    static func svg(_ report: SeriesReport = chart) -> String {
        var options = ChartRenderOptions()
        options.standalone = true
        return SPCChart.svg(report, options: options)
    }

    /// The PNG's own header: width and height are big-endian at bytes 16–23 of IHDR.
    static func headerSize(_ png: [UInt8]) -> (Int, Int) {
        func word(_ at: Int) -> Int { png[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (word(16), word(20))
    }

    /// Red, green and blue each within `tolerance` of `hex` ("#rrggbb").
    static func near(_ actual: String, _ hex: String, tolerance: Int = 40) -> Bool {
        func channels(_ text: String) -> [Int] {
            let digits = Array(text.dropFirst())
            return stride(from: 0, to: 6, by: 2).map { Int(String(digits[$0...$0 + 1]), radix: 16)! }
        }
        return zip(channels(actual), channels(hex)).allSatisfy { abs($0 - $1) <= tolerance }
    }

    @Test func png_isSlideWidth_withTheChartsProportions() throws {
        let svg = Array(Self.svg().utf8)
        let png = try ChartFiles.Chart(name: "willow.svg", series: [0], markup: SPCChart.markup(Self.chart)).bytes(.png)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let (width, height) = Self.headerSize(png)
        #expect(width == 1_600)
        #expect(height == 1_000)  // 480 × 300 scaled by 1600/480
        let decoded = try RasterImage(png: png)
        #expect(decoded.width == 1_600 && decoded.height == 1_000)
        // --scale: pixels per unit.
        let doubled = try SVGRaster.png(svg, scale: 2)
        #expect(Self.headerSize(doubled) == (960, 600))
        // The corner is the chart's white background, drawn opaque.
        #expect(decoded.hex(x: 2, y: 2) == "#ffffff")
        #expect(decoded.rgba[3] == 255)
    }

    @Test func png_centreLine_isDrawnWhereTheSVGPutsIt() throws {
        let text = Self.svg()
        let inspector = try SVGInspector(text)
        let scale = 1_600.0 / 480
        let image = try RasterImage(png: try SVGRaster.png(Array(text.utf8), scale: scale))
        let marks = inspector.elements.filter { $0.classes.contains("point") || $0.classes.contains("data-line") }
        let markPoints = marks.flatMap { element -> [(x: Double, y: Double)] in
            if let d = element.attributes["d"] { return PathPoints.points(d) }
            if let cx = element.attributes["cx"].flatMap(Double.init), let cy = element.attributes["cy"].flatMap(Double.init) { return [(cx, cy)] }
            return []
        }
        var checked = 0, dark = 0
        for centre in inspector.elements(withClass: "centre") {
            let points = PathPoints.points(try #require(centre.attributes["d"]))
            // The middle of each horizontal piece, away from every data point and vertex.
            // Every 5 units along each horizontal piece, away from every data point and vertex.
            for (from, to) in zip(points, points.dropFirst()) where from.y == to.y && to.x - from.x > 6 {
                let y = from.y
                for x in stride(from: from.x + 3, to: to.x - 3, by: 5) {
                    guard !markPoints.contains(where: { abs($0.x - x) < 6 && abs($0.y - y) < 6 }) else { continue }
                    checked += 1
                    if Self.near(image.hex(x: Int(x * scale), y: Int(y * scale)), "#212b32", tolerance: 60) { dark += 1 }
                }
            }
        }
        #expect(checked >= 3, "too few places to check on the centre line")
        // The data line may cross the centre line between its vertices; nearly every place is the centre's colour.
        #expect(Double(dark) >= Double(checked) * 0.8, "\(dark) of \(checked) centre-line pixels are the centre line's colour")
    }

    @Test func png_specialCauseMarks_haveTheirColourAtTheirCentre() throws {
        let text = Self.svg()
        let inspector = try SVGInspector(text)
        let scale = 1_600.0 / 480
        let image = try RasterImage(png: try SVGRaster.png(Array(text.utf8), scale: scale))
        let improvements = inspector.elements(withClass: "point improvement")
        #expect(!improvements.isEmpty, "the feature chart has special-cause improvement")
        for mark in improvements {
            // A diamond: top, right, bottom, left.
            let corners = PathPoints.points(try #require(mark.attributes["d"]))
            let x = (corners[1].x + corners[3].x) / 2, y = (corners[0].y + corners[2].y) / 2
            #expect(Self.near(image.hex(x: Int((x * scale).rounded()), y: Int((y * scale).rounded())), "#00b0f0"),
                    "improvement mark at \(x), \(y)")
        }
        for mark in inspector.elements(withClass: "point common-cause").prefix(5) {
            let x = Double(mark.attributes["cx"]!)!, y = Double(mark.attributes["cy"]!)!
            #expect(Self.near(image.hex(x: Int((x * scale).rounded()), y: Int((y * scale).rounded())), "#a6a6a6"))
        }
    }

    @Test func pdf_ofAChart_isOneVectorPageAtTheSVGsSize() throws {
        let pdf = try SVGRaster.pdf(Array(Self.svg().utf8))
        #expect(String(decoding: pdf.prefix(5), as: UTF8.self) == "%PDF-")
        let text = String(decoding: pdf, as: UTF8.self)
        #expect(text.contains("/MediaBox [ 0 0 480 300 ]"))
        #expect(text.components(separatedBy: "/Type /Page\n").count - 1 + text.components(separatedBy: "/Type /Page ").count - 1 >= 1)
    }

    @Test func brokenSVG_isAnErrorInWords() {
        #expect(throws: SVGRaster.Failure.self) { try SVGRaster.png(Array("<svg".utf8), scale: 1) }
    }

    @Test func files_everyFormat_sharesTheStem() throws {
        var names = SafeFileNames()
        let charts = ChartFiles.perSeries([Self.chart], names: &names)
        let files = try ChartFiles.files(charts, formats: [.svg, .png, .pdf], png: .width(800))
        #expect(files.map(\.name) == ["RX9_Willow_restraint.svg", "RX9_Willow_restraint.png", "RX9_Willow_restraint.pdf"])
        #expect(Self.headerSize(files[1].bytes) == (800, 500))
    }
}
