import SPCCore
import WardData
import WardSPC

/// One SVG grid of every ward's chart of a measure, on a common time axis, each panel with
/// its own value scale (wards' rates differ several-fold by ward type): the line, centre
/// and limits per phase, special-cause points in their colours and shapes, and the
/// variation icon. Enough to see at a glance which wards changed, and when.
public enum SmallMultiples {
    public struct Options: Sendable {
        public var columns = 4
        public var panelWidth = 230.0
        public var panelHeight = 118.0
        public var idPrefix = "grid"
        public var standalone = true
        public init() {}
    }

    public static func svg(_ reports: [SeriesReport], options: Options = Options()) -> String {
        markup(reports, options: options).string
    }

    public static func markup(_ reports: [SeriesReport], options: Options = Options()) -> MarkupWriter {
        let columns = max(1, min(options.columns, reports.count))
        let rows = (reports.count + columns - 1) / columns
        let gap = 14.0, header = 58.0, footer = 26.0, margin = 12.0
        let width = margin * 2 + Double(columns) * options.panelWidth + Double(columns - 1) * gap
        let height = header + Double(rows) * options.panelHeight + Double(max(0, rows - 1)) * gap + footer
        var svg = MarkupWriter(capacity: 8_192 + reports.count * 6_000)

        let (title, subtitle) = heading(reports)
        SVGDocument.open(width: width, height: height, standalone: options.standalone, idPrefix: options.idPrefix,
                         title: title, description: subtitle + ". " + summary(reports), cssClass: "small-multiples", into: &svg)
        SVGDocument.text(TextFit.truncate(title, maxWidth: width - 24, fontSize: 15), x: margin, y: 21, size: 15,
                         fill: Palette.text, bold: true, cssClass: "chart-title", into: &svg)
        SVGDocument.text(TextFit.truncate(subtitle, maxWidth: width - 24, fontSize: 11), x: margin, y: 38, size: 11,
                         fill: Palette.secondaryText, cssClass: "chart-subtitle", into: &svg)

        let (geometries, firstDay, lastDay, axis) = commonAxis(reports, panelWidth: options.panelWidth)

        for (index, report) in reports.enumerated() {
            let column = index % columns, row = index / columns
            let left = margin + Double(column) * (options.panelWidth + gap)
            let top = header + Double(row) * (options.panelHeight + gap)
            let isBottom = row == rows - 1 || index + columns >= reports.count
            panel(report, geometry: geometries[index], left: left, top: top, width: options.panelWidth,
                  height: options.panelHeight, firstDay: firstDay, lastDay: lastDay, axis: axis,
                  labelAxis: isBottom, into: &svg)
        }
        Legend.draw(reports.first.map { Legend.items($0, hasTarget: false) } ?? [], x: margin, y: height - 7,
                    maxWidth: width - 24, fontSize: 11, into: &svg)
        SVGDocument.close(into: &svg)
        return svg
    }

    /// The grid for the report page: the title and subtitle as text, then each panel as its
    /// own small SVG (the same drawing, every panel with its dates) in a `div.panels` the
    /// page's style sheet lays out — four across on a desktop, one on a phone — so nothing
    /// needs sideways scrolling. The standalone grid file stays one SVG (`markup`).
    static func pageMarkup(_ reports: [SeriesReport], options: Options = Options()) -> MarkupWriter {
        var html = MarkupWriter(capacity: 4_096 + reports.count * 4_000)
        let (title, subtitle) = heading(reports)
        html.open("div", class: "grid-head")
        html.element("h3", text: title)
        html.paragraph(subtitle, class: "muted")
        html.end("div")
        let (geometries, firstDay, lastDay, axis) = commonAxis(reports, panelWidth: options.panelWidth)
        html.open("div", class: "panels")
        for (index, report) in reports.enumerated() {
            html.start("svg")
            html.attribute("viewBox", text: "0 0 \(Int(options.panelWidth.rounded())) \(Int(options.panelHeight.rounded()))")
            html.attribute("class", "panel-chart")
            html.attribute("role", "img")
            html.endStart()
            // The accessible name and the hover text: the ward and its reading.
            html.element("title", text: "\(report.trust) · \(report.ward): \(ChartReading.sentence(report))")
            panel(report, geometry: geometries[index], left: 0, top: 0, width: options.panelWidth,
                  height: options.panelHeight, firstDay: firstDay, lastDay: lastDay, axis: axis,
                  labelAxis: true, titled: false, into: &html)
            html.end("svg")
        }
        html.end("div")
        return html
    }

    /// The grid's title and subtitle, the same in the file and in the page.
    private static func heading(_ reports: [SeriesReport]) -> (title: String, subtitle: String) {
        let measure = reports.first.map { DisplayName.measure(of: $0) } ?? "No series"
        let units = reports.first.map(ChartVocabulary.units) ?? ""
        let chart = reports.first.map { "\(ChartVocabulary.chartName($0.chart)) · \(ChartVocabulary.rulesName($0.rules.kind))" } ?? ""
        return ("\(measure): every ward", "\(chart) · \(units) · \(ValueText.count(reports.count, "ward")) · own scale per panel")
    }

    /// The common time axis: every panel spans the first to the last day of any ward.
    private static func commonAxis(_ reports: [SeriesReport], panelWidth: Double)
        -> (geometries: [ChartGeometry], firstDay: Double, lastDay: Double, axis: TimeAxis) {
        let geometries = reports.map(ChartGeometry.init)
        let firstDay = geometries.filter { !$0.days.isEmpty }.map(\.firstDay).min() ?? 0
        let lastDay = geometries.filter { !$0.days.isEmpty }.map(\.lastDay).max() ?? 1
        let axis = TimeAxis(from: CivilDate(dayNumber: Int32(firstDay.rounded(.up))),
                            to: CivilDate(dayNumber: Int32(lastDay.rounded(.down))),
                            maxTicks: max(2, Int((panelWidth - 40) / 62)))
        return (geometries, firstDay, lastDay, axis)
    }

    private static func summary(_ reports: [SeriesReport]) -> String {
        var counts: [String: Int] = [:]
        for report in reports {
            let key = report.variation.map(IconShapes.words) ?? "No icon"
            counts[key, default: 0] += 1
        }
        return counts.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "; ")
    }

    private static func panel(_ report: SeriesReport, geometry: ChartGeometry, left: Double, top: Double, width: Double,
                              height: Double, firstDay: Double, lastDay: Double, axis: TimeAxis, labelAxis: Bool,
                              titled: Bool = true, into svg: inout MarkupWriter) {
        let plot = PlotArea(left: left + 30, top: top + 20, right: left + width - 4, bottom: top + height - (labelAxis ? 16 : 4))
        svg.start("g")
        svg.attribute("class", "panel")
        svg.endStart()
        if titled { svg.element("title", text: "\(report.trust) · \(report.ward): \(ChartReading.sentence(report))") }
        let iconSpace = report.variation == nil ? 0.0 : 18
        SVGDocument.text(TextFit.truncate("\(report.trust) · \(report.ward)", maxWidth: width - iconSpace - 2, fontSize: 11),
                         x: left, y: top + 11, size: 11, fill: Palette.text, bold: true, cssClass: "panel-title", into: &svg)
        if let variation = report.variation {
            IconShapes.variation(variation, x: left + width - 8, y: top + 7, radius: 8, into: &svg)
        }
        let scale = SPCChart.valueScale(report, target: nil, ticks: 2)
        let x = LinearScale(domainStart: firstDay, domainEnd: lastDay, rangeStart: plot.left, rangeEnd: plot.right)
        let y = LinearScale(domainStart: scale.lower, domainEnd: scale.upper, rangeStart: plot.bottom, rangeEnd: plot.top)

        // Frame, scale labels and time ticks.
        var frame = PathData()
        frame.move(plot.left, plot.top)
        frame.vertical(plot.bottom)
        frame.horizontal(plot.right)
        for tick in axis.ticks {
            frame.move(x(Double(tick.date.dayNumber)), plot.bottom)
            frame.vertical(plot.bottom + 3)
        }
        svg.start("path")
        svg.attribute("d", path: frame)
        svg.attribute("stroke", Palette.axis)
        svg.attribute("fill", "none")
        svg.endEmpty()
        let decimals = ValueText.decimals(forStep: scale.step)
        svg.start("g")
        svg.attribute("font-size", 9)
        svg.attribute("fill", Palette.secondaryText)
        svg.attribute("text-anchor", "end")
        svg.endStart()
        for value in [scale.lower, scale.upper] {
            svg.start("text")
            svg.attribute("x", plot.left - 3)
            svg.attribute("y", y(value) + 3)
            svg.endStart()
            svg.text(ValueText.fixed(value, decimals: decimals))
            svg.end("text")
        }
        svg.end("g")
        if labelAxis {
            axis.drawLabels(x: { x($0) }, baseline: plot.bottom + 13, fontSize: 9, className: nil, into: &svg)
        }

        // Phase separators, centre and limits.
        for phase in report.phases.dropFirst() {
            guard let start = report.points.firstIndex(where: { $0.phase == phase.index }) else { continue }
            let at = x(geometry.stepStart[start])
            svg.start("line")
            svg.attribute("class", "phase-separator")
            svg.attribute("x1", at)
            svg.attribute("x2", at)
            svg.attribute("y1", plot.top)
            svg.attribute("y2", plot.bottom)
            svg.attribute("stroke", Palette.phase)
            svg.attribute("stroke-dasharray", "3 2")
            svg.endEmpty()
        }
        svg.start("g")
        svg.attribute("fill", "none")
        svg.endStart()
        for phase in report.phases {
            for line in [LimitPaths.Line.upper, .lower, .centre] {
                let path = LimitPaths.path(line, phase: phase.index, report: report, geometry: geometry, x: x, y: y, wholeUnits: true)
                guard !path.isEmpty else { continue }
                svg.start("path")
                svg.attribute("class", line == .centre ? "centre" : "limit")
                svg.attribute("d", path: path)
                svg.attribute("stroke", line == .centre ? Palette.centreLine : Palette.limitLine)
                svg.attribute("stroke-width", 1)
                if line != .centre && !SPCChart.hasSteppedLimits(report) { svg.attribute("stroke-dasharray", "3 2") }
                svg.endEmpty()
            }
        }
        svg.end("g")

        // The data, and the special-cause points.
        var line = PathData(wholeUnits: true)
        var drawing = false
        for (index, point) in report.points.enumerated() {
            guard let value = point.value, value.isFinite else { drawing = false; continue }
            let px = x(geometry.days[index]), py = y(value)
            if drawing { line.line(px, py) } else { line.move(px, py) }
            drawing = !geometry.gapAfter[index]
        }
        svg.start("path")
        svg.attribute("class", "data-line")
        svg.attribute("d", path: line)
        svg.attribute("fill", "none")
        svg.attribute("stroke", Palette.dataLine)
        svg.attribute("stroke-width", 1)
        svg.endEmpty()
        let styles = report.points.map(PointStyle.init)
        for style in [PointStyle.improvement, .concern, .neutralHigh, .neutralLow] where styles.contains(style) {
            svg.start("g")
            svg.attribute("class", style.markClass)
            svg.attribute("fill", style.colour)
            svg.endStart()
            for (index, point) in report.points.enumerated() where styles[index] == style {
                guard let value = point.value, value.isFinite else { continue }
                MarkShapes.draw(style, x: x(geometry.days[index]), y: y(value), size: 2, into: &svg)
            }
            svg.end("g")
        }
        svg.end("g")
    }
}
