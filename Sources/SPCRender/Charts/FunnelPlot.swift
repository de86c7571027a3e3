import SPCCore

/// A funnel plot as SVG: each ward's rate against its exposure, the target, and the 95%
/// and 99.8% limits narrowing as exposure grows; wards outside the limits coloured and
/// shaped as on the SPC charts, every ward labelled where its name fits (and named in its
/// tooltip everywhere).
public enum FunnelPlot {
    public struct Options: Sendable {
        public var width = 600.0
        public var height = 420.0
        public var idPrefix = "funnel"
        public var standalone = true
        public init() {}
    }

    public static func svg(_ data: FunnelPlotData, options: Options = Options()) -> String {
        markup(data, options: options).string
    }

    public static func markup(_ data: FunnelPlotData, options: Options = Options()) -> MarkupWriter {
        let width = options.width, height = options.height
        var svg = MarkupWriter(capacity: 8_192 + data.units.count * 400 + data.limits.count * 60)
        let outside = data.units.filter { $0.flag != .within }.count
        let description = "Funnel plot of \(ValueText.count(data.units.count, "unit")): rate \(data.rateUnits) against \(data.exposureUnits), target \(ValueText.reading(data.target)); \(outside) outside the 95% limits."
        SVGDocument.open(width: width, height: height, standalone: options.standalone, idPrefix: options.idPrefix,
                         title: data.title, description: description, cssClass: "funnel-plot", into: &svg)
        SVGDocument.text(TextFit.truncate(data.title, maxWidth: width - 24, fontSize: 15), x: 12, y: 21, size: 15,
                         fill: Palette.text, bold: true, cssClass: "chart-title", into: &svg)
        if let subtitle = data.subtitle {
            SVGDocument.text(TextFit.truncate(subtitle, maxWidth: width - 24, fontSize: 11), x: 12, y: 38, size: 11,
                             fill: Palette.secondaryText, cssClass: "chart-subtitle", into: &svg)
        }
        let plot = PlotArea(left: 58, top: 56, right: width - 28, bottom: height - 64)

        let maxExposure = max(data.units.map(\.exposure).max() ?? 1, data.limits.last?.exposure ?? 1)
        let xScale = NiceScale(minimum: 0, maximum: maxExposure, ticks: max(3, Int(plot.width / 90)))
        var high = max(data.target, data.units.map(\.rate).max() ?? 0)
        var low = min(data.target, data.units.map(\.rate).min() ?? 0)
        // Show the limits down to the smallest unit's exposure, not up to infinity.
        let smallest = data.units.map(\.exposure).min() ?? 0
        for limit in data.limits where limit.exposure >= smallest * 0.8 {
            high = max(high, limit.upper998)
            low = min(low, limit.lower998)
        }
        let yScale = NiceScale(minimum: min(0, low), maximum: high, ticks: max(3, Int(plot.height / 50)))
        let x = LinearScale(domainStart: xScale.lower, domainEnd: xScale.upper, rangeStart: plot.left, rangeEnd: plot.right)
        let y = LinearScale(domainStart: yScale.lower, domainEnd: yScale.upper, rangeStart: plot.bottom, rangeEnd: plot.top)

        axes(xScale: xScale, yScale: yScale, x: x, y: y, plot: plot, data: data, into: &svg)

        // Target and limits, clipped to the plot by geometry (no clip-path reference).
        svg.start("g")
        svg.attribute("class", "funnel-lines")
        svg.attribute("fill", "none")
        svg.endStart()
        line(class: "target", colour: Palette.centreLine, dash: nil, width: 1.5,
             points: [(xScale.lower, data.target), (xScale.upper, data.target)], x: x, y: y, plot: plot, into: &svg)
        let curves: [(StaticString, StaticString?, KeyPath<FunnelPlotData.LimitPoint, Double>)] = [
            ("limit upper-95", "5 3", \.upper95), ("limit lower-95", "5 3", \.lower95),
            ("limit upper-99-8", nil, \.upper998), ("limit lower-99-8", nil, \.lower998),
        ]
        for (name, dash, key) in curves {
            line(class: name, colour: Palette.limitLine, dash: dash, width: 1.2,
                 points: data.limits.map { ($0.exposure, $0[keyPath: key]) }, x: x, y: y, plot: plot, into: &svg)
        }
        svg.end("g")

        // Units, then their labels where they fit.
        var occupied = BoxGrid()
        svg.start("g")
        svg.attribute("class", "units")
        svg.attribute("stroke", Palette.background)
        svg.attribute("stroke-width", 0.8)
        svg.endStart()
        for unit in data.units {
            let style = style(unit.flag, improvement: data.improvement)
            let px = x(unit.exposure), py = y(unit.rate)
            let name = MarkShapes.open(style, x: px, y: py, size: style.isSpecialCause ? 4.2 : 3.6, into: &svg)
            svg.attribute("class", style.markClass)
            svg.attribute("fill", style.colour)
            svg.endStart()
            svg.element("title", text: "\(unit.label): \(ValueText.reading(unit.rate)) \(data.rateUnits) over \(ValueText.reading(unit.exposure)) \(data.exposureUnits) (\(flagWords(unit.flag)))")
            svg.end(name)
            occupied.insert(Box(left: px - 4, top: py - 4, right: px + 4, bottom: py + 4))
        }
        svg.end("g")
        svg.start("g")
        svg.attribute("class", "unit-labels")
        svg.attribute("font-size", 9.5)
        svg.attribute("fill", Palette.text)
        svg.endStart()
        // Units outside the limits are labelled first: they are the ones a reader looks for.
        let order = data.units.indices.sorted { (data.units[$0].flag == .within ? 1 : 0, $0) < (data.units[$1].flag == .within ? 1 : 0, $1) }
        for index in order {
            let unit = data.units[index]
            let text = TextFit.truncate(unit.label, maxWidth: 90, fontSize: 9.5)
            let labelWidth = TextFit.width(text, fontSize: 9.5)
            let px = x(unit.exposure), py = y(unit.rate)
            let candidates: [(Double, Double, StaticString?)] = [
                (px + 6, py + 3, nil), (px - 6, py + 3, "end"), (px, py - 7, "middle"), (px, py + 13, "middle"),
            ]
            for (lx, ly, anchor) in candidates {
                let left = anchor == nil ? lx : (anchorIsEnd(anchor) ? lx - labelWidth : lx - labelWidth / 2)
                let box = Box(left: left, top: ly - 8, right: left + labelWidth, bottom: ly + 1)
                guard box.left >= plot.left, box.right <= plot.right, box.top >= plot.top, box.bottom <= plot.bottom,
                      !occupied.overlaps(box) else { continue }
                occupied.insert(box)
                svg.start("text")
                svg.attribute("x", lx)
                svg.attribute("y", ly)
                if let anchor { svg.attribute("text-anchor", anchor) }
                svg.endStart()
                svg.text(text)
                svg.end("text")
                break
            }
        }
        svg.end("g")

        let legend: [Legend.Item] = [
            .mark(.commonCause, "Within limits"),
            .mark(style(.above95, improvement: data.improvement), data.improvement == .decrease ? "Above (concern)" : "Above"),
            .mark(style(.below95, improvement: data.improvement), data.improvement == .decrease ? "Below (better)" : "Below"),
            .line(Palette.centreLine, nil, "Target"), .line(Palette.limitLine, "5 3", "95%"), .line(Palette.limitLine, nil, "99.8%"),
        ]
        Legend.draw(legend, x: 12, y: height - 9, maxWidth: width - 24, fontSize: 11, into: &svg)
        SVGDocument.close(into: &svg)
        return svg
    }

    static func style(_ flag: FunnelPlotData.Flag, improvement: Improvement) -> PointStyle {
        let high = flag == .above95 || flag == .above998
        guard flag != .within else { return .commonCause }
        switch improvement {
        case .decrease: return high ? .concern : .improvement
        case .increase: return high ? .improvement : .concern
        case .neutral: return high ? .neutralHigh : .neutralLow
        }
    }

    static func flagWords(_ flag: FunnelPlotData.Flag) -> String {
        switch flag {
        case .within: "within the limits"
        case .above95: "above the 95% limit"
        case .above998: "above the 99.8% limit"
        case .below95: "below the 95% limit"
        case .below998: "below the 99.8% limit"
        }
    }

    struct Box: Hashable {
        var left, top, right, bottom: Double
        func overlaps(_ other: Box) -> Bool {
            left < other.right && other.left < right && top < other.bottom && other.top < bottom
        }
    }

    /// The boxes already taken (marks and labels), filed by the 24-unit squares they touch,
    /// so a label's test looks only at its neighbours: placing n labels is linear in n
    /// (it was n², 40k wards took minutes), with the same answers as testing every box.
    /// A square keeps each box once, so wards piled on one spot (the same bed days and
    /// count) do not make its list long.
    struct BoxGrid {
        static let cell = 24.0
        private var cells: [Int64: Set<Box>] = [:]

        private static func cellRange(_ low: Double, _ high: Double) -> ClosedRange<Int64> {
            let first = Int64((low / cell).rounded(.down)), last = Int64((high / cell).rounded(.down))
            return first...max(first, last)
        }

        private static func key(_ column: Int64, _ row: Int64) -> Int64 { (column << 32) ^ (row & 0xffff_ffff) }

        mutating func insert(_ box: Box) {
            guard box.left.isFinite, box.right.isFinite, box.top.isFinite, box.bottom.isFinite else { return }
            for column in Self.cellRange(box.left, box.right) {
                for row in Self.cellRange(box.top, box.bottom) { cells[Self.key(column, row), default: []].insert(box) }
            }
        }

        func overlaps(_ box: Box) -> Bool {
            guard box.left.isFinite, box.right.isFinite, box.top.isFinite, box.bottom.isFinite else { return false }
            for column in Self.cellRange(box.left, box.right) {
                for row in Self.cellRange(box.top, box.bottom) {
                    if cells[Self.key(column, row)]?.contains(where: { $0.overlaps(box) }) == true { return true }
                }
            }
            return false
        }
    }

    private static func anchorIsEnd(_ anchor: StaticString?) -> Bool {
        guard let anchor else { return false }
        return anchor.withUTF8Buffer { $0.first == UInt8(ascii: "e") }
    }

    private static func axes(xScale: NiceScale, yScale: NiceScale, x: LinearScale, y: LinearScale, plot: PlotArea,
                             data: FunnelPlotData, into svg: inout MarkupWriter) {
        var grid = PathData()
        for tick in yScale.ticks {
            grid.move(plot.left, y(tick))
            grid.horizontal(plot.right)
        }
        svg.start("path")
        svg.attribute("class", "grid")
        svg.attribute("d", path: grid)
        svg.attribute("stroke", Palette.grid)
        svg.attribute("fill", "none")
        svg.endEmpty()
        var axis = PathData()
        axis.move(plot.left, plot.bottom)
        axis.horizontal(plot.right)
        for tick in xScale.ticks {
            axis.move(x(tick), plot.bottom)
            axis.vertical(plot.bottom + 4)
        }
        svg.start("path")
        svg.attribute("d", path: axis)
        svg.attribute("stroke", Palette.axis)
        svg.attribute("fill", "none")
        svg.endEmpty()
        let yDecimals = ValueText.decimals(forStep: yScale.step)
        let xDecimals = ValueText.decimals(forStep: xScale.step)
        svg.start("g")
        svg.attribute("font-size", 11)
        svg.attribute("fill", Palette.secondaryText)
        svg.endStart()
        for tick in yScale.ticks {
            SVGDocument.text(ValueText.fixed(tick, decimals: yDecimals), x: plot.left - 6, y: y(tick) + 4, size: 11,
                             fill: Palette.secondaryText, anchor: "end", into: &svg)
        }
        for tick in xScale.ticks {
            SVGDocument.text(ValueText.fixed(tick, decimals: xDecimals), x: x(tick), y: plot.bottom + 17, size: 11,
                             fill: Palette.secondaryText, anchor: "middle", into: &svg)
        }
        SVGDocument.text(data.exposureUnits.prefix(1).uppercased() + data.exposureUnits.dropFirst(),
                         x: (plot.left + plot.right) / 2, y: plot.bottom + 34, size: 11, fill: Palette.secondaryText,
                         anchor: "middle", into: &svg)
        svg.start("text")
        svg.attribute("transform", "rotate(-90)")
        svg.attribute("x", -(plot.top + plot.bottom) / 2)
        svg.attribute("y", 14)
        svg.attribute("font-size", 11)
        svg.attribute("text-anchor", "middle")
        svg.endStart()
        svg.text(TextFit.truncate(data.rateUnits, maxWidth: plot.height, fontSize: 11))
        svg.end("text")
        svg.end("g")
    }

    /// A polyline through `points` (data units), cut where it leaves the plot's value range.
    private static func line(class name: StaticString, colour: StaticString, dash: StaticString?, width: Double,
                             points: [(Double, Double)], x: LinearScale, y: LinearScale, plot: PlotArea,
                             into svg: inout MarkupWriter) {
        var path = PathData()
        var drawing = false
        for index in points.indices {
            let (px, py) = (x(points[index].0), y(points[index].1))
            guard px.isFinite, py.isFinite else { drawing = false; continue }
            let inside = py >= plot.top - 0.5 && py <= plot.bottom + 0.5 && px <= plot.right + 0.5
            if index > 0 {
                let (qx, qy) = (x(points[index - 1].0), y(points[index - 1].1))
                let wasInside = qy >= plot.top - 0.5 && qy <= plot.bottom + 0.5 && qx <= plot.right + 0.5
                if inside != wasInside, qy.isFinite, qx.isFinite {
                    // Where the segment crosses the top or bottom edge.
                    let edge = (inside ? qy : py) < plot.top ? plot.top : plot.bottom
                    let t = (edge - qy) / (py - qy)
                    let cx = qx + t * (px - qx)
                    if inside { path.move(cx, edge); drawing = true } else if drawing { path.line(cx, edge); drawing = false }
                }
            }
            guard inside else { drawing = false; continue }
            if drawing { path.line(px, py) } else { path.move(px, py); drawing = true }
        }
        guard !path.isEmpty else { return }
        svg.start("path")
        svg.attribute("class", name)
        svg.attribute("d", path: path)
        svg.attribute("stroke", colour)
        svg.attribute("stroke-width", width)
        if let dash { svg.attribute("stroke-dasharray", dash) }
        svg.endEmpty()
    }
}
