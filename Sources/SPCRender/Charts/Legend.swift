import SPCCore
import WardSPC

/// The key under a chart: the marks in use and the lines, in one row that fits.
enum Legend {
    enum Item {
        case mark(PointStyle, String)
        case hollow(String)
        case line(StaticString, StaticString?, String)
    }

    static func items(_ report: SeriesReport, hasTarget: Bool) -> [Item] {
        var items: [Item] = [.mark(.commonCause, "Common cause")]
        let styles = Set(report.points.lazy.filter { $0.value != nil }.map(PointStyle.init))
        if report.rules.improvement == .neutral {
            if styles.contains(.neutralHigh) { items.append(.mark(.neutralHigh, "Special cause high")) }
            if styles.contains(.neutralLow) { items.append(.mark(.neutralLow, "Special cause low")) }
        } else {
            items.append(.mark(.improvement, "Improvement"))
            items.append(.mark(.concern, "Concern"))
        }
        if report.points.contains(where: \.excluded) { items.append(.hollow("Excluded")) }
        items.append(.line(Palette.centreLine, nil, ChartVocabulary.centreName(report.chart)))
        if report.chart.hasLimits {
            items.append(.line(Palette.limitLine, SPCChart.hasSteppedLimits(report) ? nil : "5 3", "Limits"))
        }
        if hasTarget { items.append(.line(Palette.target, "6 3", "Target")) }
        return items
    }

    static func draw(_ items: [Item], x: Double, y: Double, maxWidth: Double, fontSize: Double, into svg: inout MarkupWriter) {
        svg.start("g")
        svg.attribute("class", "legend")
        svg.attribute("font-size", fontSize)
        svg.attribute("fill", Palette.secondaryText)
        svg.endStart()
        var cursor = x
        for item in items {
            let label: String
            switch item {
            case .mark(_, let text), .hollow(let text), .line(_, _, let text): label = text
            }
            let itemWidth = 18 + TextFit.width(label, fontSize: fontSize) + 12
            if cursor + itemWidth - 12 > x + maxWidth { break }
            switch item {
            case .mark(let style, _):
                svg.start("g")
                svg.attribute("fill", style.colour)
                svg.endStart()
                MarkShapes.draw(style, x: cursor + 6, y: y - fontSize * 0.35, size: 3.6, into: &svg)
                svg.end("g")
            case .hollow:
                svg.start("circle")
                svg.attribute("cx", cursor + 6)
                svg.attribute("cy", y - fontSize * 0.35)
                svg.attribute("r", 3.6)
                svg.attribute("fill", Palette.background)
                svg.attribute("stroke", Palette.commonCause)
                svg.attribute("stroke-width", 1.5)
                svg.endEmpty()
            case .line(let colour, let dash, _):
                svg.start("line")
                svg.attribute("x1", cursor)
                svg.attribute("x2", cursor + 14)
                svg.attribute("y1", y - fontSize * 0.35)
                svg.attribute("y2", y - fontSize * 0.35)
                svg.attribute("stroke", colour)
                svg.attribute("stroke-width", 1.5)
                if let dash { svg.attribute("stroke-dasharray", dash) }
                svg.endEmpty()
            }
            svg.start("text")
            svg.attribute("x", cursor + 18)
            svg.attribute("y", y)
            svg.endStart()
            svg.text(label)
            svg.end("text")
            cursor += itemWidth
        }
        svg.end("g")
    }
}
