import SPCCore

/// The key to marks and icons, drawn with the same shapes as the charts.
enum ReportKey {
    static func write(into html: inout MarkupWriter) {
        html.open("div", class: "key")
        let marks: [(PointStyle, String)] = [
            (.commonCause, "common cause"), (.improvement, "special cause: improvement"),
            (.concern, "special cause: concern"), (.neutralHigh, "special cause, neither direction better"),
        ]
        for (style, words) in marks {
            html.open("span")
            var svg = MarkupWriter(capacity: 256)
            svg.start("svg")
            svg.attribute("class", "icon")
            svg.attribute("viewBox", "0 0 14 14")
            svg.attribute("width", 14)
            svg.attribute("height", 14)
            svg.attribute("aria-hidden", "true")
            svg.endStart()
            svg.start("g")
            svg.attribute("fill", style.colour)
            svg.endStart()
            MarkShapes.draw(style, x: 7, y: 7, size: 4, into: &svg)
            svg.end("g")
            svg.end("svg")
            html.append(svg)
            html.text(words)
            html.end("span")
        }
        let icons: [(VariationIcon?, AssuranceIcon?)] = [(.commonCause, nil), (.improvementLow, nil), (.concernHigh, nil), (nil, .pass), (nil, .fail), (nil, .hitOrMiss)]
        for (variation, assurance) in icons {
            html.open("span")
            html.append(IconShapes.standalone(variation: variation, assurance: assurance, size: 24))
            html.text(variation.map(IconShapes.words) ?? assurance.map(IconShapes.words) ?? "")
            html.end("span")
        }
        html.end("div")
    }
}
