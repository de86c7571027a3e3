#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import WardSPC

/// A dot-and-whisker chart of rate ratios against a reference group, on a log scale with
/// a line at 1: one row per place × group, each estimate a mark with its 95% interval as a
/// whisker, and the figures written beside it. Colour and shape say the same thing, as on
/// the SPC charts: an orange square when the whole interval lies above 1 (a higher rate
/// than the reference, beyond chance), a blue diamond when it lies below 1, a grey circle
/// when it includes 1. With baseline and comparison windows, each row has two marks: the
/// baseline's hollow, the comparison's filled.
public enum RateRatioPlot {
    public struct Options: Sendable {
        public var width = 680.0
        public var idPrefix = "rate-ratios"
        public var standalone = true
        public init() {}
    }

    /// One place × group.
    public struct Row: Sendable {
        public var place: String
        public var group: String
        /// One estimate per window shown (`all`, or `baseline` then `comparison`).
        public var estimates: [Estimate]
    }

    public struct Estimate: Sendable {
        public var window: EquityWindow
        public var ratio: Double
        public var lower: Double
        public var upper: Double
    }

    /// The rows of one measure from an equity result: the programme and each trust, every
    /// group but the reference, with a defined ratio.
    public static func rows(_ result: EquityResult, measure: String) -> [Row] {
        let windows: [EquityWindow] = result.spans.contains { $0.window == .baseline } ? [.baseline, .comparison] : [.all]
        var rows: [Row] = []
        var index: [String: Int] = [:]
        for row in result.rows where row.measure == measure && row.level != .ward && !row.isReference
            && windows.contains(row.window) {
            guard let ratio = row.rateRatio else { continue }
            let place = row.level == .programme ? "Programme" : "Trust \(row.trust ?? "")"
            let key = place + "\u{1F}" + row.group
            if index[key] == nil {
                index[key] = rows.count
                rows.append(Row(place: place, group: row.group, estimates: []))
            }
            rows[index[key]!].estimates.append(Estimate(window: row.window, ratio: ratio.estimate,
                                                        lower: ratio.interval.lower, upper: ratio.interval.upper))
        }
        return rows
    }

    static func style(_ estimate: Estimate) -> PointStyle {
        if estimate.lower > 1 { return .concern }
        if estimate.upper < 1 { return .improvement }
        return .commonCause
    }

    static func words(_ estimate: Estimate) -> String {
        if estimate.lower > 1 { return "higher" }
        if estimate.upper < 1 { return "lower" }
        return "no clear difference"
    }

    static func figures(_ estimate: Estimate) -> String {
        "\(ValueText.reading(estimate.ratio)) (\(ValueText.reading(estimate.lower))–\(ValueText.reading(estimate.upper)))"
    }

    public static func markup(_ rows: [Row], title: String, reference: String, options: Options = Options()) -> MarkupWriter {
        let rowHeight = rows.contains { $0.estimates.count > 1 } ? 30.0 : 22.0
        let width = options.width
        let plot = PlotArea(left: 176, top: 58, right: width - 196, bottom: 58 + rowHeight * Double(max(rows.count, 1)))
        let height = plot.bottom + 66
        var svg = MarkupWriter(capacity: 4_096 + rows.count * 900)
        let description = "Rate ratios against \(reference), with 95% intervals, log scale: "
            + rows.map { row in
                "\(row.place), \(row.group): " + row.estimates.map { "\($0.window == .all ? "" : $0.window.rawValue + " ")\(figures($0)), \(words($0))" }.joined(separator: "; ")
            }.joined(separator: ". ")
        SVGDocument.open(width: width, height: height, standalone: options.standalone, idPrefix: options.idPrefix,
                         title: title, description: description, cssClass: "rate-ratio-plot", into: &svg)
        SVGDocument.text(TextFit.truncate(title, maxWidth: width - 24, fontSize: 15), x: 12, y: 21, size: 15,
                         fill: Palette.text, bold: true, cssClass: "chart-title", into: &svg)
        SVGDocument.text(TextFit.truncate("Rate ratio against \(reference) (1 = the same rate), 95% interval, log scale", maxWidth: width - 24, fontSize: 11),
                         x: 12, y: 38, size: 11, fill: Palette.secondaryText, cssClass: "chart-subtitle", into: &svg)

        // A log-2 axis wide enough for every estimate (intervals beyond it are cut with an arrow).
        let values = rows.flatMap { $0.estimates.flatMap { [$0.ratio, $0.lower, $0.upper] } }.filter { $0 > 0 && $0.isFinite }
        let lowPower = max(-4, min(-1, Int(floor(log2(values.min() ?? 0.5)))))
        let highPower = min(5, max(1, Int(ceil(log2(values.max() ?? 2)))))
        let x = LinearScale(domainStart: Double(lowPower), domainEnd: Double(highPower), rangeStart: plot.left, rangeEnd: plot.right)
        func position(_ value: Double) -> Double {
            guard value > 0 else { return plot.left }
            return min(max(x(log2(value)), plot.left), plot.right)
        }
        var grid = PathData()
        for power in lowPower...highPower where power != 0 {
            grid.move(x(Double(power)), plot.top)
            grid.vertical(plot.bottom)
        }
        svg.start("path")
        svg.attribute("class", "grid")
        svg.attribute("d", path: grid)
        svg.attribute("stroke", Palette.grid)
        svg.attribute("fill", "none")
        svg.endEmpty()
        var unity = PathData()
        unity.move(x(0), plot.top - 4)
        unity.vertical(plot.bottom)
        svg.start("path")
        svg.attribute("class", "reference-line")
        svg.attribute("d", path: unity)
        svg.attribute("stroke", Palette.centreLine)
        svg.attribute("stroke-width", 1.2)
        svg.endEmpty()
        svg.start("g")
        svg.attribute("font-size", 11)
        svg.attribute("fill", Palette.secondaryText)
        svg.endStart()
        for power in lowPower...highPower {
            let value = power >= 0 ? "\(1 << power)" : "1/\(1 << -power)"
            SVGDocument.text(value, x: x(Double(power)), y: plot.bottom + 16, size: 11, fill: Palette.secondaryText,
                             anchor: "middle", into: &svg)
        }
        SVGDocument.text("lower than \(reference) ←   → higher than \(reference)", x: x(0), y: plot.bottom + 32, size: 11,
                         fill: Palette.secondaryText, anchor: "middle", into: &svg)
        svg.end("g")

        for (slot, row) in rows.enumerated() {
            let top = plot.top + rowHeight * Double(slot)
            let middle = top + rowHeight / 2
            if slot % 2 == 1 {
                svg.start("rect")
                svg.attribute("class", "band")
                svg.attribute("x", 8)
                svg.attribute("y", top)
                svg.attribute("width", width - 16)
                svg.attribute("height", rowHeight)
                svg.attribute("fill", "#f4f6f7")
                svg.attribute("fill-opacity", 0.7)
                svg.endEmpty()
            }
            let newPlace = slot == 0 || rows[slot - 1].place != row.place
            SVGDocument.text(TextFit.truncate(row.place, maxWidth: 92, fontSize: 11), x: 12, y: middle + 4, size: 11,
                             fill: newPlace ? Palette.text : Palette.secondaryText, bold: newPlace, into: &svg)
            SVGDocument.text(TextFit.truncate(row.group, maxWidth: 66, fontSize: 11), x: 108, y: middle + 4, size: 11,
                             fill: Palette.text, into: &svg)
            for (order, estimate) in row.estimates.enumerated() {
                let offset = row.estimates.count > 1 ? (order == 0 ? -6.0 : 6.0) : 0
                let y = middle + offset
                let style = style(estimate)
                let colour = style.colour
                var whisker = PathData()
                whisker.move(position(estimate.lower), y)
                whisker.horizontal(position(estimate.upper))
                svg.start("path")
                svg.attribute("class", "whisker")
                svg.attribute("d", path: whisker)
                svg.attribute("stroke", style == .commonCause ? Palette.limitLine : colour)
                svg.attribute("stroke-width", 2)
                svg.endEmpty()
                for (value, edge) in [(estimate.lower, plot.left), (estimate.upper, plot.right)]
                    where value <= 0 || position(value) == edge && value != estimate.ratio {
                    // Cut by the axis: an arrowhead says the interval goes on.
                    let direction = edge == plot.left ? -1.0 : 1.0
                    var arrow = PathData()
                    arrow.move(edge + direction * 5, y)
                    arrow.line(edge, y - 3.5)
                    arrow.line(edge, y + 3.5)
                    arrow.close()
                    svg.start("path")
                    svg.attribute("d", path: arrow)
                    svg.attribute("fill", style == .commonCause ? Palette.limitLine : colour)
                    svg.endEmpty()
                }
                let name = MarkShapes.open(style, x: position(estimate.ratio), y: y, size: 4.2, into: &svg)
                svg.attribute("class", style.markClass)
                let hollow = estimate.window == .baseline
                svg.attribute("fill", hollow ? Palette.background : colour)
                svg.attribute("stroke", colour)
                svg.attribute("stroke-width", hollow ? 1.8 : 0.8)
                svg.endStart()
                svg.element("title", text: "\(row.place), \(row.group)\(estimate.window == .all ? "" : ", \(estimate.window.rawValue)"): rate ratio \(figures(estimate)) against \(reference) — \(words(estimate))")
                svg.end(name)
                let label = (row.estimates.count > 1 ? (estimate.window == .baseline ? "before " : "after ") : "") + figures(estimate)
                SVGDocument.text(label, x: plot.right + 12, y: y + 4, size: 10.5,
                                 fill: style == .commonCause ? Palette.secondaryText : Palette.text, into: &svg)
            }
        }
        var legend: [Legend.Item] = [.mark(.concern, "Higher, beyond chance"), .mark(.improvement, "Lower, beyond chance"),
                                     .mark(.commonCause, "Interval includes 1")]
        if rows.contains(where: { $0.estimates.count > 1 }) {
            legend.append(.hollow("Before (baseline)"))
        }
        Legend.draw(legend, x: 12, y: height - 9, maxWidth: width - 24, fontSize: 11, into: &svg)
        SVGDocument.close(into: &svg)
        return svg
    }
}
