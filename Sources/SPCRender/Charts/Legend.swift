import SPCCore
import WardSPC

/// The key under a chart: only the marks and lines it shows, in rows that fit.
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
            if styles.contains(.improvement) { items.append(.mark(.improvement, "Improvement")) }
            if styles.contains(.concern) { items.append(.mark(.concern, "Concern")) }
        }
        // Hollow marks: points left out by the analyst, and partial months (a week missing).
        let partial = report.points.contains(where: \.partial)
        let excluded = report.points.contains { $0.excluded && !$0.partial }
        if partial || excluded {
            items.append(.hollow(partial && excluded ? "Excluded or partial month" : partial ? "Partial month" : "Excluded"))
        }
        items.append(.line(Palette.centreLine, nil, ChartVocabulary.centreName(report.chart)))
        if report.chart.hasLimits, report.points.contains(where: { $0.lower != nil || $0.upper != nil }) {
            items.append(.line(Palette.limitLine, SPCChart.hasSteppedLimits(report) ? nil : "5 3", "Limits"))
        }
        if hasTarget { items.append(.line(Palette.target, "6 3", "Target")) }
        return items
    }

    /// The rows `items` take within `maxWidth`.
    static func rowCount(_ items: [Item], maxWidth: Double, fontSize: Double) -> Int {
        layout(items, maxWidth: maxWidth, fontSize: fontSize).last.map { $0.row + 1 } ?? 0
    }

    /// Draws the key; the first row's baseline is at `y`, further rows below it.
    static func draw(_ items: [Item], x: Double, y: Double, maxWidth: Double, fontSize: Double, into svg: inout MarkupWriter) {
        svg.start("g")
        svg.attribute("class", "legend")
        svg.attribute("font-size", fontSize)
        svg.attribute("fill", Palette.secondaryText)
        svg.endStart()
        for (item, place) in zip(items, layout(items, maxWidth: maxWidth, fontSize: fontSize)) {
            let left = x + place.offset
            let baseline = y + Double(place.row) * (fontSize + 4)
            let middle = baseline - fontSize * 0.35
            switch item {
            case .mark(let style, _):
                svg.start("g")
                svg.attribute("fill", style.colour)
                svg.endStart()
                MarkShapes.draw(style, x: left + 6, y: middle, size: 3.6, into: &svg)
                svg.end("g")
            case .hollow:
                svg.start("circle")
                svg.attribute("cx", left + 6)
                svg.attribute("cy", middle)
                svg.attribute("r", 3.6)
                svg.attribute("fill", Palette.background)
                svg.attribute("stroke", Palette.commonCause)
                svg.attribute("stroke-width", 1.5)
                svg.endEmpty()
            case .line(let colour, let dash, _):
                svg.start("line")
                svg.attribute("x1", left)
                svg.attribute("x2", left + 14)
                svg.attribute("y1", middle)
                svg.attribute("y2", middle)
                svg.attribute("stroke", colour)
                svg.attribute("stroke-width", 1.5)
                if let dash { svg.attribute("stroke-dasharray", dash) }
                svg.endEmpty()
            }
            svg.start("text")
            svg.attribute("x", left + 18)
            svg.attribute("y", baseline)
            svg.endStart()
            svg.text(label(item))
            svg.end("text")
        }
        svg.end("g")
    }

    private static func label(_ item: Item) -> String {
        switch item {
        case .mark(_, let text), .hollow(let text), .line(_, _, let text): text
        }
    }

    /// Each item's row and offset from the left: items flow left to right, wrapping.
    private static func layout(_ items: [Item], maxWidth: Double, fontSize: Double) -> [(row: Int, offset: Double)] {
        var places: [(row: Int, offset: Double)] = []
        var row = 0, cursor = 0.0
        for item in items {
            let width = 18 + TextFit.width(label(item), fontSize: fontSize)
            if cursor > 0 && cursor + width > maxWidth {
                row += 1
                cursor = 0
            }
            places.append((row, cursor))
            cursor += width + 12
        }
        return places
    }
}
