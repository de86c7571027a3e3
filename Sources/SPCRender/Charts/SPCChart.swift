import SPCCore
import WardData
import WardSPC

/// A run or control chart of one series as SVG, the way NHS Making Data Count draws it:
/// the points joined by a line (broken at missing periods), centre line and limits per
/// phase (stepped where u and p limits change), labelled at the right edge; phases,
/// annotations and a target; signals coloured and shaped; icons in the corner; a title,
/// a subtitle, units, dates, and a tooltip on every point.
public enum SPCChart {
    static let fontSize = 12.0

    /// The chart as SVG text.
    public static func svg(_ report: SeriesReport, options: ChartRenderOptions = ChartRenderOptions()) -> String {
        markup(report, options: options).string
    }

    /// The chart as markup, to embed in a page without another copy.
    public static func markup(_ report: SeriesReport, options: ChartRenderOptions = ChartRenderOptions()) -> MarkupWriter {
        var figures: PointFigures.Chart?
        return markup(report, options: options, figureIndex: nil, figures: &figures)
    }

    /// The chart for the report page with `options.pointTitles` off: its markup, marked
    /// `data-figures="index"`, and its points' hover figures for the page's script.
    static func pageMarkup(_ report: SeriesReport, options: ChartRenderOptions, figureIndex: Int)
        -> (markup: MarkupWriter, figures: PointFigures.Chart) {
        var figures: PointFigures.Chart? = PointFigures.Chart()
        let markup = markup(report, options: options, figureIndex: figureIndex, figures: &figures)
        return (markup, figures ?? PointFigures.Chart())
    }

    private static func markup(_ report: SeriesReport, options: ChartRenderOptions, figureIndex: Int?,
                               figures: inout PointFigures.Chart?) -> MarkupWriter {
        var svg = MarkupWriter(capacity: 24_576 + report.points.count * (options.pointTitles ? 220 : 40))
        let width = options.width, height = options.height
        let geometry = ChartGeometry(report)
        let units = options.units ?? ChartVocabulary.units(report)
        let reading = ChartReading.sentence(report)

        SVGDocument.open(width: width, height: height, standalone: options.standalone, idPrefix: options.idPrefix,
                         title: ChartVocabulary.title(report), description: description(report, units: units, reading: reading),
                         cssClass: "spc-chart", dataFigures: figureIndex, into: &svg)

        // Header: title, subtitle (up to two lines), icons at the top right.
        let iconCount = (report.variation != nil ? 1 : 0) + (report.assurance != nil ? 1 : 0)
        let headerWidth = width - 20 - Double(iconCount) * 34
        SVGDocument.text(TextFit.truncate(ChartVocabulary.title(report), maxWidth: headerWidth, fontSize: 16),
                         x: 10, y: 21, size: 16, fill: Palette.text, bold: true, cssClass: "chart-title", into: &svg)
        let subtitle = SVGDocument.wrap(
            [ChartVocabulary.chartName(report.chart), ChartVocabulary.rulesName(report.rules.kind),
             ChartVocabulary.baseline(report), ChartVocabulary.direction(report.rules.improvement)],
            separator: " · ", maxWidth: headerWidth, fontSize: 11.5, maxLines: 2)
        for (line, text) in subtitle.enumerated() {
            SVGDocument.text(text, x: 10, y: 38 + Double(line) * 14, size: 11.5, fill: Palette.secondaryText,
                             cssClass: "chart-subtitle", into: &svg)
        }
        var iconX = width - 18
        if let assurance = report.assurance {
            IconShapes.assurance(assurance, x: iconX, y: 22, radius: 15, into: &svg)
            iconX -= 34
        }
        if let variation = report.variation {
            IconShapes.variation(variation, x: iconX, y: 22, radius: 15, into: &svg)
        }

        let legend = Legend.items(report, hasTarget: options.target != nil)
        let legendRows = Legend.rowCount(legend, maxWidth: width - 20, fontSize: fontSize)
        // --chart auto: why this chart, on up to two lines under the legend.
        let reasonLines = report.chartReason.map {
            SVGDocument.wrap(("Chart: " + $0).split(separator: " ").map(String.init), separator: " ",
                             maxWidth: width - 20, fontSize: 11, maxLines: 2)
        } ?? []
        let plot = PlotArea(left: 50, top: 80, right: width - 74,
                            bottom: height - 30 - Double(legendRows) * 16 - Double(reasonLines.count) * 13)
        guard !report.points.isEmpty else {
            SVGDocument.text("No data", x: (plot.left + plot.right) / 2, y: (plot.top + plot.bottom) / 2, size: 13,
                             fill: Palette.secondaryText, anchor: "middle", into: &svg)
            SVGDocument.close(into: &svg)
            return svg
        }
        let yScale = valueScale(report, target: options.target, ticks: max(3, Int(plot.height / 38)))
        let x = LinearScale(domainStart: geometry.firstDay, domainEnd: geometry.lastDay,
                            rangeStart: plot.left, rangeEnd: plot.right)
        let y = LinearScale(domainStart: yScale.lower, domainEnd: yScale.upper, rangeStart: plot.bottom, rangeEnd: plot.top)

        drawValueAxis(yScale, y: y, plot: plot, units: units, into: &svg)
        drawTimeAxis(geometry, x: x, plot: plot, into: &svg)
        drawPhases(report, geometry: geometry, x: x, plot: plot, into: &svg)
        drawNotes(report, geometry: geometry, x: x, plot: plot, into: &svg)
        drawLines(report, geometry: geometry, x: x, y: y, target: options.target, plot: plot, into: &svg)
        // Marks sized to the space each period has, so 150 weeks do not merge into a band.
        let spacing = plot.width / Double(max(1, report.points.count))
        let markSize = min(3.0, max(1.8, spacing * 0.9))
        let dotMarker = options.pointTitles ? nil : options.idPrefix + "-dot"
        if let dotMarker { defineDot(dotMarker, size: markSize, into: &svg) }
        drawDataLine(report, geometry: geometry, x: x, y: y, dotMarker: dotMarker, into: &svg)
        drawPoints(report, geometry: geometry, x: x, y: y, markSize: markSize, titles: options.pointTitles,
                   figures: &figures, into: &svg)
        edgeLabels(report, y: y, target: options.target)
            .draw(x: plot.right + 5, top: plot.top - 6, bottom: plot.bottom + 4, spacing: 13.5, fontSize: fontSize, into: &svg)
        Legend.draw(legend, x: 10, y: plot.bottom + 36, maxWidth: width - 20, fontSize: fontSize, into: &svg)
        for (line, text) in reasonLines.enumerated() {
            SVGDocument.text(text, x: 10, y: plot.bottom + 36 + Double(legendRows) * 16 + Double(line) * 13, size: 11,
                             fill: Palette.secondaryText, cssClass: "chart-reason", into: &svg)
        }
        SVGDocument.close(into: &svg)
        return svg
    }

    /// The `<desc>`: what the chart shows and what it says.
    static func description(_ report: SeriesReport, units: String, reading: String) -> String {
        var text = "\(ChartVocabulary.chartName(report.chart)) of \(DisplayName.measure(of: report).lowercased()) (\(units)) for \(report.trust) · \(report.ward)"
        if let first = report.points.first, let last = report.points.last {
            text += ": \(ValueText.count(report.points.count, ChartVocabulary.periodSingular(report))) from \(first.period.ukText) to \(last.period.ukText)"
        }
        if report.phases.count > 1 { text += " in \(report.phases.count) phases" }
        return text + ". " + reading
    }

    /// The value axis: every value and line in view, from zero for counts and rates.
    static func valueScale(_ report: SeriesReport, target: Double?, ticks: Int) -> NiceScale {
        var low = Double.infinity, high = -Double.infinity
        func include(_ value: Double?) {
            guard let value, value.isFinite else { return }
            low = min(low, value)
            high = max(high, value)
        }
        for point in report.points {
            include(point.value)
            include(point.centre)
            include(point.lower)
            include(point.upper)
        }
        include(target)
        for shift in report.sustainedShifts { include(shift.median) }
        if !low.isFinite { low = 0; high = 1 }
        let fromZero = report.chart != .i && report.chart != .run || low <= 0.4 * high
        if low >= 0 && fromZero { low = 0 }
        return NiceScale(minimum: low, maximum: high, ticks: ticks)
    }

    private static func drawValueAxis(_ scale: NiceScale, y: LinearScale, plot: PlotArea, units: String,
                                      into svg: inout MarkupWriter) {
        var grid = PathData()
        for tick in scale.ticks {
            grid.move(plot.left, y(tick))
            grid.horizontal(plot.right)
        }
        svg.start("path")
        svg.attribute("class", "grid")
        svg.attribute("d", path: grid)
        svg.attribute("stroke", Palette.grid)
        svg.attribute("stroke-width", 1)
        svg.attribute("fill", "none")
        svg.endEmpty()
        let decimals = ValueText.decimals(forStep: scale.step)
        svg.start("g")
        svg.attribute("class", "y-axis")
        svg.attribute("font-size", fontSize)
        svg.attribute("fill", Palette.secondaryText)
        svg.attribute("text-anchor", "end")
        svg.endStart()
        for tick in scale.ticks {
            svg.start("text")
            svg.attribute("x", plot.left - 6)
            svg.attribute("y", y(tick) + fontSize * 0.35)
            svg.endStart()
            svg.text(ValueText.fixed(tick, decimals: decimals))
            svg.end("text")
        }
        svg.end("g")
        let middle = (plot.top + plot.bottom) / 2
        svg.start("text")
        svg.attribute("class", "y-units")
        svg.attribute("transform", "rotate(-90)")
        svg.attribute("x", -middle)
        svg.attribute("y", 14)
        svg.attribute("font-size", fontSize)
        svg.attribute("fill", Palette.secondaryText)
        svg.attribute("text-anchor", "middle")
        svg.endStart()
        svg.text(TextFit.truncate(units, maxWidth: plot.height + 30, fontSize: fontSize))
        svg.end("text")
    }

    private static func drawTimeAxis(_ geometry: ChartGeometry, x: LinearScale, plot: PlotArea, into svg: inout MarkupWriter) {
        let first = CivilDate(dayNumber: Int32(geometry.firstDay.rounded(.up)))
        let last = CivilDate(dayNumber: Int32(geometry.lastDay.rounded(.down)))
        let axis = TimeAxis(from: first, to: last, maxTicks: Int(plot.width / 58))
        var marks = PathData()
        marks.move(plot.left, plot.bottom)
        marks.horizontal(plot.right)
        for tick in axis.ticks {
            marks.move(x(Double(tick.date.dayNumber)), plot.bottom)
            marks.vertical(plot.bottom + 4)
        }
        svg.start("path")
        svg.attribute("class", "x-axis-line")
        svg.attribute("d", path: marks)
        svg.attribute("stroke", Palette.axis)
        svg.attribute("stroke-width", 1)
        svg.attribute("fill", "none")
        svg.endEmpty()
        axis.drawLabels(x: { x($0) }, baseline: plot.bottom + 17, fontSize: fontSize, className: "x-axis", into: &svg)
    }

    private static func drawPhases(_ report: SeriesReport, geometry: ChartGeometry, x: LinearScale, plot: PlotArea,
                                   into svg: inout MarkupWriter) {
        guard report.phases.count > 1 else { return }
        let starts = report.phases.map { phase in report.points.firstIndex { $0.phase == phase.index } ?? 0 }
        let separators = starts.map { x(geometry.stepStart[$0]) }
        svg.start("g")
        svg.attribute("class", "phases")
        svg.endStart()
        for (position, phase) in report.phases.enumerated() where position > 0 {
            let at = separators[position]
            svg.start("line")
            svg.attribute("class", "phase-separator")
            svg.attribute("x1", at)
            svg.attribute("x2", at)
            svg.attribute("y1", plot.top - 14)
            svg.attribute("y2", plot.bottom)
            svg.attribute("stroke", Palette.phase)
            svg.attribute("stroke-width", 1.2)
            svg.attribute("stroke-dasharray", "4 3")
            svg.endEmpty()
            let end = position + 1 < separators.count ? separators[position + 1] : plot.right + 70
            let label = phase.label ?? "Phase \(phase.index)"
            SVGDocument.text(TextFit.truncate(label, maxWidth: end - at - 8, fontSize: 11), x: at + 4, y: plot.top - 5,
                             size: 11, fill: Palette.phase, cssClass: "phase-label", into: &svg)
        }
        svg.end("g")
    }

    private static func drawNotes(_ report: SeriesReport, geometry: ChartGeometry, x: LinearScale, plot: PlotArea,
                                  into svg: inout MarkupWriter) {
        let notes = report.annotations.filter {
            $0.kind == .note && Double($0.date.dayNumber) >= geometry.firstDay && Double($0.date.dayNumber) <= geometry.lastDay
        }
        guard !notes.isEmpty else { return }
        svg.start("g")
        svg.attribute("class", "notes")
        svg.attribute("font-size", 10)
        svg.attribute("fill", Palette.phase)
        svg.endStart()
        for note in notes {
            let at = x(Double(note.date.dayNumber))
            svg.start("line")
            svg.attribute("class", "note")
            svg.attribute("x1", at)
            svg.attribute("x2", at)
            svg.attribute("y1", plot.top)
            svg.attribute("y2", plot.bottom)
            svg.attribute("stroke", Palette.phase)
            svg.attribute("stroke-dasharray", "1 3")
            svg.endStart()
            svg.element("title", text: "\(note.date.ukText): \(note.label)")
            svg.end("line")
            svg.start("text")
            svg.attribute("transform", text: "rotate(-90 \(Int(at - 3)) \(Int(plot.top + 4)))")
            svg.attribute("x", Double(Int(at - 3)))
            svg.attribute("y", Double(Int(plot.top + 4)))
            svg.attribute("text-anchor", "end")
            svg.endStart()
            svg.text(TextFit.truncate(note.label, maxWidth: plot.height * 0.7, fontSize: 10))
            svg.end("text")
        }
        svg.end("g")
    }

    private static func drawLines(_ report: SeriesReport, geometry: ChartGeometry, x: LinearScale, y: LinearScale,
                                  target: Double?, plot: PlotArea, into svg: inout MarkupWriter) {
        svg.start("g")
        svg.attribute("class", "lines")
        svg.attribute("fill", "none")
        svg.endStart()
        for phase in report.phases {
            for line in [LimitPaths.Line.upper, .lower] {
                let path = LimitPaths.path(line, phase: phase.index, report: report, geometry: geometry, x: x, y: y)
                guard !path.isEmpty else { continue }
                svg.start("path")
                svg.attribute("class", line == .upper ? "limit upper" : "limit lower")
                svg.attribute("d", path: path)
                svg.attribute("stroke", Palette.limitLine)
                if hasSteppedLimits(report) {
                    // Dashes break up on every step; a thin solid line reads better.
                    svg.attribute("stroke-width", 1)
                } else {
                    svg.attribute("stroke-width", 1.3)
                    svg.attribute("stroke-dasharray", "5 3")
                }
                svg.endEmpty()
            }
            let centre = LimitPaths.path(.centre, phase: phase.index, report: report, geometry: geometry, x: x, y: y)
            if !centre.isEmpty {
                svg.start("path")
                svg.attribute("class", "centre")
                svg.attribute("d", path: centre)
                svg.attribute("stroke", Palette.centreLine)
                svg.attribute("stroke-width", 1.5)
                svg.endEmpty()
            }
        }
        for (index, shift) in report.sustainedShifts.enumerated() {
            let end = index + 1 < report.sustainedShifts.count
                ? Double(report.sustainedShifts[index + 1].start.dayNumber) : geometry.lastDay
            svg.start("line")
            svg.attribute("class", "rebase")
            svg.attribute("x1", x(Double(shift.start.dayNumber) - 3.5))
            svg.attribute("x2", x(end))
            svg.attribute("y1", y(shift.median))
            svg.attribute("y2", y(shift.median))
            svg.attribute("stroke", Palette.rebase)
            svg.attribute("stroke-width", 1.5)
            svg.attribute("stroke-dasharray", "8 3")
            svg.endStart()
            svg.element("title", text: "Sustained shift from \(shift.start.ukText) to \(shift.end.ukText): new median \(ValueText.reading(shift.median))")
            svg.end("line")
        }
        if let target {
            svg.start("line")
            svg.attribute("class", "target")
            svg.attribute("x1", plot.left)
            svg.attribute("x2", plot.right)
            svg.attribute("y1", y(target))
            svg.attribute("y2", y(target))
            svg.attribute("stroke", Palette.target)
            svg.attribute("stroke-width", 1.5)
            svg.attribute("stroke-dasharray", "6 3")
            svg.endEmpty()
        }
        svg.end("g")
    }

    /// The common-cause mark as a marker, drawn at every vertex of the data line (the page's
    /// charts): the same circle `MarkShapes` draws, at no cost per point.
    private static func defineDot(_ id: String, size: Double, into svg: inout MarkupWriter) {
        svg.open("defs")
        svg.start("marker")
        svg.attribute("id", text: id)
        svg.attribute("markerUnits", "userSpaceOnUse")
        svg.attribute("markerWidth", size * 2)
        svg.attribute("markerHeight", size * 2)
        svg.attribute("refX", size)
        svg.attribute("refY", size)
        svg.attribute("overflow", "visible")
        svg.endStart()
        svg.start("circle")
        svg.attribute("cx", size)
        svg.attribute("cy", size)
        svg.attribute("r", size)
        svg.attribute("fill", Palette.commonCause)
        svg.endEmpty()
        svg.end("marker")
        svg.end("defs")
    }

    /// The line joining the points, broken at missing periods. With `dotMarker`, every
    /// vertex carries the common-cause mark (a lone point gets a zero-length segment so
    /// it has a vertex in every renderer); special-cause and excluded marks are drawn over it.
    private static func drawDataLine(_ report: SeriesReport, geometry: ChartGeometry, x: LinearScale, y: LinearScale,
                                     dotMarker: String? = nil, into svg: inout MarkupWriter) {
        var path = PathData()
        var drawing = false
        for (index, point) in report.points.enumerated() {
            guard let value = point.value, value.isFinite else {
                drawing = false
                continue
            }
            let px = x(geometry.days[index]), py = y(value)
            if drawing { path.line(px, py) } else { path.move(px, py) }
            let continues = !geometry.gapAfter[index] && index + 1 < report.points.count
                && report.points[index + 1].value.map(\.isFinite) == true
            if dotMarker != nil && !drawing && !continues { path.horizontal(px) }
            drawing = !geometry.gapAfter[index]
        }
        guard !path.isEmpty else { return }
        svg.start("path")
        svg.attribute("class", "data-line")
        svg.attribute("d", path: path)
        svg.attribute("fill", "none")
        svg.attribute("stroke", Palette.dataLine)
        svg.attribute("stroke-width", 1.5)
        svg.attribute("stroke-linejoin", "round")
        if let dotMarker {
            let reference = "url(#" + dotMarker + ")"
            svg.attribute("marker-start", text: reference)
            svg.attribute("marker-mid", text: reference)
            svg.attribute("marker-end", text: reference)
        }
        svg.endEmpty()
    }

    /// The marks: each with its `<title>` when `titles`; otherwise (the page) only the
    /// special-cause and excluded ones, over the data line's markers, with every point's
    /// tooltip and centre added to `figures`.
    private static func drawPoints(_ report: SeriesReport, geometry: ChartGeometry, x: LinearScale, y: LinearScale,
                                   markSize: Double, titles: Bool, figures: inout PointFigures.Chart?,
                                   into svg: inout MarkupWriter) {
        let exclusions = report.annotations.filter { $0.kind == .exclude }
        svg.start("g")
        svg.attribute("class", "points")
        svg.attribute("fill", Palette.commonCause)
        svg.attribute("stroke-width", 1.5)
        svg.endStart()
        for (index, point) in report.points.enumerated() {
            guard let value = point.value, value.isFinite else { continue }
            let style = PointStyle(point)
            let size = style.isSpecialCause ? markSize + 0.7 : markSize
            let px = x(geometry.days[index]), py = y(value)
            let exclusion = point.excluded ? exclusions.first {
                Double($0.date.dayNumber) >= geometry.stepStart[index] - 3.5 && Double($0.date.dayNumber) < geometry.stepEnd[index] + 3.5
            }?.label : nil
            if !titles {
                figures?.add(x: px, y: py, text: PointTooltip.text(point, report: report, exclusion: exclusion))
                // The data line's marker is this point's mark unless it stands out.
                if !style.isSpecialCause && !point.excluded { continue }
            }
            let name = MarkShapes.open(style, x: px, y: py, size: size, into: &svg)
            svg.attribute("class", style.markClass)
            if point.excluded {
                svg.attribute("fill", Palette.background)
                svg.attribute("stroke", style.colour)
            } else if style.isSpecialCause {
                svg.attribute("fill", style.colour)
            }
            guard titles else {
                svg.endEmpty()
                continue
            }
            svg.endStart()
            svg.start("title")
            svg.endStart()
            PointTooltip.write(point, report: report, exclusion: exclusion, into: &svg)
            svg.end("title")
            svg.end(name)
        }
        svg.end("g")
    }

    /// u and p charts: limits that change with each period's denominator.
    static func hasSteppedLimits(_ report: SeriesReport) -> Bool {
        switch report.chart {
        case .u, .up, .p, .pp: return true
        default: return false
        }
    }

    private static func edgeLabels(_ report: SeriesReport, y: LinearScale, target: Double?) -> EdgeLabels {
        var labels = EdgeLabels()
        if let last = report.points.last(where: { $0.centre != nil && $0.phase == report.phases.last?.index }) {
            if let centre = last.centre {
                labels.add(y(centre), "\(ChartVocabulary.centreName(report.chart)) \(ValueText.reading(centre))",
                           colour: Palette.centreLine, bold: true)
            }
            if let upper = last.upper { labels.add(y(upper), "Upper \(ValueText.reading(upper))", colour: Palette.limitLine) }
            if let lower = last.lower { labels.add(y(lower), "Lower \(ValueText.reading(lower))", colour: Palette.limitLine) }
        }
        if let shift = report.sustainedShifts.last {
            labels.add(y(shift.median), "Shift \(ValueText.reading(shift.median))", colour: Palette.rebase)
        }
        if let target { labels.add(y(target), "Target \(ValueText.reading(target))", colour: Palette.target) }
        return labels
    }
}
