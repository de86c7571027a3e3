/// One A4 page of the printed report as an SVG document in points (595.28 × 841.89),
/// which `SVGRaster.pdf(pages:)` draws onto a PDF page: text stays text (librsvg sets it
/// with Pango in Liberation Sans, and cairo embeds the font), charts stay vector.
///
/// A page is laid out top to bottom: `cursor` is the next free baseline area; callers ask
/// `fits(_:)` before placing a block and start a new page when it does not.
struct PrintPage {
    static let width = 595.28
    static let height = 841.89
    static let margin = 36.0
    /// Where the footer's rule sits; content stays above it.
    static let contentBottom = height - 40
    static var contentWidth: Double { width - 2 * margin }

    private(set) var svg = MarkupWriter(capacity: 65_536)
    var cursor = PrintPage.margin

    init() {
        svg.fixed("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        svg.start("svg")
        svg.attribute("xmlns", "http://www.w3.org/2000/svg")
        svg.attribute("width", "595.28pt")
        svg.attribute("height", "841.89pt")
        svg.attribute("viewBox", "0 0 595.28 841.89")
        svg.attribute("font-family", SVGDocument.fontFamily)
        svg.endStart()
        svg.start("rect")
        svg.attribute("width", PrintPage.width)
        svg.attribute("height", PrintPage.height)
        svg.attribute("fill", "#ffffff")
        svg.endEmpty()
    }

    /// Whether a block `height` points tall fits below the cursor.
    func fits(_ height: Double) -> Bool { cursor + height <= PrintPage.contentBottom }

    /// Lines of text wrapped to `width` (default: the text column) at `size` points, the
    /// cursor moved below them. Returns the number of lines.
    @discardableResult
    mutating func paragraph(_ text: String, size: Double, fill: StaticString = Palette.text, bold: Bool = false,
                            x: Double = PrintPage.margin, width: Double = PrintPage.contentWidth,
                            leading: Double = 1.3, maxLines: Int = 40) -> Int {
        let lines = PrintPage.wrap(text, width: width, size: size, maxLines: maxLines)
        for line in lines {
            cursor += size * leading
            SVGDocument.text(line, x: x, y: cursor - size * 0.25, size: size, fill: fill, bold: bold, into: &svg)
        }
        return lines.count
    }

    /// A horizontal rule across the text column at the cursor.
    mutating func rule(colour: StaticString = Palette.axis, weight: Double = 0.6) {
        svg.start("line")
        svg.attribute("x1", PrintPage.margin)
        svg.attribute("x2", PrintPage.width - PrintPage.margin)
        svg.attribute("y1", cursor)
        svg.attribute("y2", cursor)
        svg.attribute("stroke", colour)
        svg.attribute("stroke-width", weight)
        svg.endEmpty()
    }

    /// A chart's markup (drawn with `standalone = false`, so it starts `<svg `) placed at
    /// (x, y), `width` points wide, its height from its own viewBox proportions.
    mutating func place(chart: MarkupWriter, x: Double, y: Double, width: Double, height: Double) {
        let bytes = chart.bytes
        precondition(bytes.starts(with: Array("<svg ".utf8)), "an inline SVG")
        svg.start("svg")
        svg.attribute("x", x)
        svg.attribute("y", y)
        svg.attribute("width", width)
        svg.attribute("height", height)
        svg.append(markup: bytes.dropFirst(4))
    }

    /// The footer (page number, data date, title) and the closing tag: the page's SVG.
    mutating func finish(footerLeft: String, footerRight: String) -> [UInt8] {
        cursor = PrintPage.contentBottom + 8
        rule(colour: Palette.grid)
        SVGDocument.text(footerLeft, x: PrintPage.margin, y: PrintPage.contentBottom + 22, size: 7.5,
                         fill: Palette.secondaryText, into: &svg)
        SVGDocument.text(footerRight, x: PrintPage.width - PrintPage.margin, y: PrintPage.contentBottom + 22, size: 7.5,
                         fill: Palette.secondaryText, anchor: "end", into: &svg)
        SVGDocument.close(into: &svg)
        return svg.bytes
    }

    mutating func write(_ body: (inout MarkupWriter) -> Void) { body(&svg) }

    /// `text` broken at spaces into lines that fit `width` at `size` (Liberation Sans has
    /// Arial's metrics, which `TextFit` estimates generously), the last cut with "…".
    static func wrap(_ text: String, width: Double, size: Double, maxLines: Int) -> [String] {
        SVGDocument.wrap(text.split(separator: " ").map(String.init), separator: " ", maxWidth: width,
                         fontSize: size, maxLines: maxLines)
    }
}
