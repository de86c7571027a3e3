import SPCCore
import WardSPC

/// The key to marks and icons, drawn with the same shapes as the charts: only those the
/// page's charts use (no assurance icons when no target was set, no neutral triangle when
/// every measure has a better direction).
enum ReportKey {
    static func write(_ series: [SeriesReport], into html: inout MarkupWriter) {
        var styles: Set<PointStyle> = []
        var variations: Set<VariationIcon> = []
        var assurances: Set<AssuranceIcon> = []
        for report in series {
            for point in report.points where point.value != nil { styles.insert(PointStyle(point)) }
            if let variation = report.variation { variations.insert(variation) }
            if let assurance = report.assurance { assurances.insert(assurance) }
        }
        if styles.contains(.neutralLow) { styles.insert(.neutralHigh) }
        html.open("div", class: "key")
        let marks: [(PointStyle, String)] = [
            (.commonCause, "common cause"), (.improvement, "special cause: improvement"),
            (.concern, "special cause: concern"), (.neutralHigh, "special cause, neither direction better"),
        ]
        for (style, words) in marks where styles.contains(style) {
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
        // One icon per kind the page shows (high and low read the same way here).
        var icons: [(VariationIcon?, AssuranceIcon?)] = []
        if variations.contains(.commonCause) { icons.append((.commonCause, nil)) }
        if let improvement = [VariationIcon.improvementLow, .improvementHigh].first(where: variations.contains) { icons.append((improvement, nil)) }
        if let concern = [VariationIcon.concernHigh, .concernLow].first(where: variations.contains) { icons.append((concern, nil)) }
        if let neutral = [VariationIcon.neutralHigh, .neutralLow].first(where: variations.contains) { icons.append((neutral, nil)) }
        for assurance in [AssuranceIcon.pass, .fail, .hitOrMiss] where assurances.contains(assurance) { icons.append((nil, assurance)) }
        for (variation, assurance) in icons {
            html.open("span")
            html.append(IconShapes.standalone(variation: variation, assurance: assurance, size: 24))
            html.text(variation.map(IconShapes.words) ?? assurance.map(IconShapes.words) ?? "")
            html.end("span")
        }
        html.end("div")
    }
}
