/// The frame every SVG shares: the root element with its size, an accessible name
/// (`<title>`) and description (`<desc>`) a screen reader and a hovering mouse both get,
/// and a white background so the chart reads the same on any page or printer.
enum SVGDocument {
    /// Liberation Sans first: the family `scripts/install-deps.sh` installs (fonts-liberation)
    /// and librsvg draws PNG and PDF with, so those look the same on every machine; it has
    /// Arial's metrics, so the text fits the same where a browser falls back to Arial.
    static let fontFamily: StaticString = "'Liberation Sans', Arial, Helvetica, sans-serif"

    /// Opens `<svg>`. A standalone file gets the XML declaration, `xmlns` and a pixel size;
    /// SVG inside HTML needs neither and is sized by the page's style sheet.
    static func open(width: Double, height: Double, standalone: Bool, idPrefix: String, title: String,
                     description: String, cssClass: StaticString, dataFigures: Int? = nil,
                     into svg: inout MarkupWriter) {
        if standalone {
            svg.fixed("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        }
        svg.start("svg")
        if standalone {
            svg.attribute("xmlns", "http://www.w3.org/2000/svg")
            svg.attribute("width", width)
            svg.attribute("height", height)
        }
        svg.attribute("viewBox", text: "0 0 \(Int(width.rounded())) \(Int(height.rounded()))")
        svg.attribute("class", cssClass)
        svg.attribute("role", "img")
        svg.attribute("aria-labelledby", text: "\(idPrefix)-title \(idPrefix)-desc")
        svg.attribute("font-family", fontFamily)
        // The report page's charts: which entry of the page's point figures is this chart's.
        if let dataFigures { svg.attribute("data-figures", dataFigures) }
        svg.endStart()
        svg.start("title")
        svg.attribute("id", text: "\(idPrefix)-title")
        svg.endStart()
        svg.text(title)
        svg.end("title")
        svg.start("desc")
        svg.attribute("id", text: "\(idPrefix)-desc")
        svg.endStart()
        svg.text(description)
        svg.end("desc")
        svg.start("rect")
        svg.attribute("width", width)
        svg.attribute("height", height)
        svg.attribute("fill", "#ffffff")
        svg.endEmpty()
    }

    static func close(into svg: inout MarkupWriter) {
        svg.end("svg")
        svg.fixed("\n")
    }

    /// A text element at (x, y).
    static func text(_ value: String, x: Double, y: Double, size: Double, fill: StaticString,
                     anchor: StaticString? = nil, bold: Bool = false, cssClass: StaticString? = nil,
                     into svg: inout MarkupWriter) {
        svg.start("text")
        if let cssClass { svg.attribute("class", cssClass) }
        svg.attribute("x", x)
        svg.attribute("y", y)
        svg.attribute("font-size", size)
        svg.attribute("fill", fill)
        if let anchor { svg.attribute("text-anchor", anchor) }
        if bold { svg.attribute("font-weight", "bold") }
        svg.endStart()
        svg.text(value)
        svg.end("text")
    }

    /// Words split into at most `maxLines` lines of `maxWidth` at `fontSize`, breaking at
    /// `separator`; the last line is cut with "…" if it still does not fit.
    static func wrap(_ parts: [String], separator: String, maxWidth: Double, fontSize: Double, maxLines: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for part in parts {
            let candidate = current.isEmpty ? part : current + separator + part
            if TextFit.width(candidate, fontSize: fontSize) <= maxWidth || current.isEmpty {
                current = candidate
            } else {
                lines.append(current)
                current = part
            }
        }
        if !current.isEmpty { lines.append(current) }
        if lines.count > maxLines {
            let kept = Array(lines.prefix(maxLines - 1))
            let rest = lines.dropFirst(maxLines - 1).joined(separator: separator)
            lines = kept + [rest]
        }
        return lines.map { TextFit.truncate($0, maxWidth: maxWidth, fontSize: fontSize) }
    }
}
