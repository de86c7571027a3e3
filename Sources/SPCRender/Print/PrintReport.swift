import WardSPC

/// `report.pdf`: the report for a board paper, on A4. A cover with the title, what the
/// data covers, the programme headline (when evaluated) and every ward's icons as one
/// table (continued over pages as needed); then one page per ward — its trust and name,
/// its charts two across with each chart's reading under it, continued on the next page
/// when a ward has more than six — so each trust, too, starts on a new page. Every page
/// has the page number, the data's last period and the title in its footer.
///
/// Each page is an SVG document (`PrintPage`) drawn by librsvg onto one cairo PDF
/// surface: charts are the same vector drawing as the SVG files, text is real text in
/// Liberation Sans (selectable and searchable), and no second layout engine is needed.
public enum PrintReport {
    /// The PDF's bytes.
    public static func pdf(_ content: ReportContent) throws -> [UInt8] {
        try SVGRaster.pdf(pages: pages(content), width: PrintPage.width, height: PrintPage.height, title: content.title)
    }

    /// Each page's SVG, footers included (tests read the text of these).
    static func pages(_ content: ReportContent) -> [[UInt8]] {
        var pages: [PrintPage] = []
        cover(content, into: &pages)
        let trusts = HTMLReport.trustGroups(content.series)
        for group in trusts {
            for ward in group.wards { wardPages(content, trust: group.trust, ward: ward.ward, series: ward.series, into: &pages) }
        }
        let dataDate = content.series.compactMap { $0.points.last?.period }.max().map { "data to " + $0.ukText } ?? "no data"
        let title = TextFit.truncate(content.title, maxWidth: PrintPage.contentWidth * 0.55, fontSize: 7.5)
        return pages.enumerated().map { number, page in
            var page = page
            return page.finish(footerLeft: "Page \(number + 1) of \(pages.count) · \(dataDate) · generated \(content.provenance.generated)",
                               footerRight: title)
        }
    }

    // MARK: The cover and the icon table

    private static func cover(_ content: ReportContent, into pages: inout [PrintPage]) {
        var page = PrintPage()
        page.paragraph(content.title, size: 20, bold: true, maxLines: 3)
        page.cursor += 4
        let wards = Set(content.series.map { [$0.trust, $0.ward] }).count
        let trusts = Set(content.series.map(\.trust)).count
        let measures = Set(content.series.map(\.measure)).count
        var span = ""
        if let first = content.series.compactMap({ $0.points.first?.period }).min(),
           let last = content.series.compactMap({ $0.points.last?.period }).max() {
            span = ", \(first.ukText) to \(last.ukText)"
        }
        page.paragraph("\(ValueText.count(content.series.count, "chart")): \(ValueText.count(trusts, "trust")), \(ValueText.count(wards, "ward")), \(ValueText.count(measures, "measure"))\(span). Data: \(content.provenance.dataFile)\(content.provenance.eventsFile.map { "; events: \($0)" } ?? ""). Generated \(content.provenance.generated) by \(content.provenance.software).",
                       size: 9, fill: Palette.secondaryText)
        page.cursor += 8
        page.rule(colour: Palette.rebase, weight: 2)
        page.cursor += 6
        if let headline = content.headline {
            let benchmark = ValueText.reading(headline.benchmarkPercent) + "%"
            page.paragraph("Programme headline against the \(benchmark) benchmark", size: 13, bold: true)
            page.paragraph(headline.comparison, size: 8.5, fill: Palette.secondaryText)
            for measure in headline.measures {
                var line = HeadlineSection.oneLine(measure)
                let reaching = measure.reaching.map { "\($0.wards) of \(measure.wardsWithEstimate) ≥ \(ValueText.reading($0.percent))%" }
                if !reaching.isEmpty { line += " Wards: " + reaching.joined(separator: " · ") + "." }
                page.cursor += 3
                page.paragraph(line, size: 9.5)
            }
            page.cursor += 8
        }
        iconTable(content, page: &page, into: &pages)
        pages.append(page)
    }

    /// Rows = wards (by trust), columns = measures, each cell the chart's icons.
    private static func iconTable(_ content: ReportContent, page: inout PrintPage, into pages: inout [PrintPage]) {
        var measures: [String] = []
        for report in content.series where !measures.contains(report.measure) { measures.append(report.measure) }
        var cell: [[String]: Int] = [:]
        for (index, report) in content.series.enumerated() { cell[[report.trust, report.ward, report.measure]] = index }
        let nameWidth = 150.0
        let columnWidth = (PrintPage.contentWidth - nameWidth) / Double(max(1, measures.count))
        let rowHeight = 15.0

        func heading(_ page: inout PrintPage, continued: Bool) {
            page.paragraph("Every ward at a glance" + (continued ? " (continued)" : ""), size: 13, bold: true)
            page.paragraph("The variation icon of each ward's latest point (and the assurance icon against a target, when one was set), as on the charts.",
                           size: 8.5, fill: Palette.secondaryText)
            page.cursor += 4
            let top = page.cursor
            var deepest = 0
            for (column, measure) in measures.enumerated() {
                let x = PrintPage.margin + nameWidth + Double(column) * columnWidth + columnWidth / 2
                let lines = PrintPage.wrap(DisplayName.measure(measure), width: columnWidth - 4, size: 7.5, maxLines: 2)
                deepest = max(deepest, lines.count)
                page.write { svg in
                    for (number, line) in lines.enumerated() {
                        SVGDocument.text(line, x: x, y: top + 8 + Double(number) * 9, size: 7.5, fill: Palette.text,
                                         anchor: "middle", bold: true, into: &svg)
                    }
                }
            }
            page.cursor = top + 4 + Double(deepest) * 9
            page.rule()
        }

        heading(&page, continued: false)
        let trusts = HTMLReport.trustGroups(content.series)
        for group in trusts {
            for ward in group.wards {
                if !page.fits(rowHeight + 40) {
                    pages.append(page)
                    page = PrintPage()
                    heading(&page, continued: true)
                }
                let middle = page.cursor + rowHeight / 2
                page.write { svg in
                    SVGDocument.text(TextFit.truncate("\(group.trust) · \(ward.ward)", maxWidth: nameWidth - 6, fontSize: 8.5),
                                     x: PrintPage.margin, y: middle + 3, size: 8.5, fill: Palette.text, into: &svg)
                    for (column, measure) in measures.enumerated() {
                        let x = PrintPage.margin + nameWidth + Double(column) * columnWidth + columnWidth / 2
                        guard let index = cell[[group.trust, ward.ward, measure]] else {
                            SVGDocument.text("–", x: x, y: middle + 3, size: 8.5, fill: Palette.secondaryText, anchor: "middle", into: &svg)
                            continue
                        }
                        let report = content.series[index]
                        let both = report.variation != nil && report.assurance != nil
                        if let variation = report.variation {
                            IconShapes.variation(variation, x: both ? x - 7.5 : x, y: middle, radius: 6, into: &svg)
                        } else {
                            SVGDocument.text("no icon", x: x, y: middle + 2.5, size: 6.5, fill: Palette.secondaryText, anchor: "middle", into: &svg)
                        }
                        if let assurance = report.assurance {
                            IconShapes.assurance(assurance, x: both ? x + 7.5 : x, y: middle, radius: 6, into: &svg)
                        }
                    }
                }
                page.cursor += rowHeight
                page.rule(colour: Palette.grid, weight: 0.5)
            }
        }
        // A key to the icons that appear.
        var seen: [VariationIcon] = []
        for report in content.series { if let icon = report.variation, !seen.contains(icon) { seen.append(icon) } }
        guard !seen.isEmpty else { return }
        if !page.fits(Double(seen.count) * 13 + 12) {
            pages.append(page)
            page = PrintPage()
        }
        page.cursor += 8
        for icon in seen {
            let middle = page.cursor + 6
            page.write { svg in
                IconShapes.variation(icon, x: PrintPage.margin + 6, y: middle, radius: 5.5, into: &svg)
                SVGDocument.text(IconShapes.words(icon), x: PrintPage.margin + 16, y: middle + 3, size: 8,
                                 fill: Palette.text, into: &svg)
            }
            page.cursor += 13
        }
    }

    // MARK: A ward's pages

    private static func wardPages(_ content: ReportContent, trust: String, ward: String, series: [Int],
                                  into pages: inout [PrintPage]) {
        let gap = 14.0
        let chartWidth = (PrintPage.contentWidth - gap) / 2
        let naturalHeight = chartWidth * content.chartOptions.height / max(1, content.chartOptions.width)
        let captionSize = 7.5

        func start(continued: Bool) -> PrintPage {
            var page = PrintPage()
            page.paragraph("Trust \(trust)", size: 9, fill: Palette.secondaryText)
            page.paragraph("\(trust) · \(ward)" + (continued ? " (continued)" : ""), size: 15, bold: true, maxLines: 2)
            page.cursor += 4
            page.rule(colour: Palette.rebase, weight: 1.2)
            page.cursor += 8
            return page
        }

        var page = start(continued: false)
        let rows = stride(from: 0, to: series.count, by: 2).map { row in
            Array(series[row..<min(row + 2, series.count)]).map { index -> (index: Int, caption: [String]) in
                let report = content.series[index]
                var lines = PrintPage.wrap(ChartReading.sentence(report), width: chartWidth, size: captionSize, maxLines: 5)
                if !report.warnings.isEmpty {
                    lines += PrintPage.wrap("Note: " + report.warnings.joined(separator: "; ") + ".", width: chartWidth,
                                            size: captionSize, maxLines: 2)
                }
                return (index, lines)
            }
        }
        func captionHeight(_ row: [(index: Int, caption: [String])]) -> Double {
            4 + Double(row.map(\.caption.count).max() ?? 0) * captionSize * 1.3 + 12
        }
        // A ward of up to six charts keeps to one page: long readings shrink the charts a
        // little (never below 70% of their height) rather than push a row over.
        let available = PrintPage.contentBottom - page.cursor
        let captions = rows.reduce(0) { $0 + captionHeight($1) }
        var chartHeight = naturalHeight
        if rows.count <= 3, captions + Double(rows.count) * chartHeight > available {
            chartHeight = max(0.7 * naturalHeight, (available - captions) / Double(max(rows.count, 1)))
        }
        for row in rows {
            let members = row.map(\.index)
            let captions = row.map(\.caption)
            let rowHeight = chartHeight + captionHeight(row)
            if !page.fits(rowHeight) {
                pages.append(page)
                page = start(continued: true)
            }
            let top = page.cursor
            for (column, index) in members.enumerated() {
                let x = PrintPage.margin + Double(column) * (chartWidth + gap)
                var options = content.chartOptions
                options.standalone = false
                options.idPrefix = "print-\(index)"
                page.place(chart: SPCChart.markup(content.series[index], options: options), x: x, y: top,
                           width: chartWidth, height: chartHeight)
                page.write { svg in
                    for (number, line) in captions[column].enumerated() {
                        SVGDocument.text(line, x: x, y: top + chartHeight + 4 + Double(number + 1) * captionSize * 1.3 - 2,
                                         size: captionSize, fill: Palette.text, into: &svg)
                    }
                }
            }
            page.cursor = top + rowHeight
        }
        pages.append(page)
    }
}
