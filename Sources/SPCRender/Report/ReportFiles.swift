import WardSPC

/// What `wardspc report --formats` can write.
public enum ReportFormat: String, CaseIterable, Sendable, Comparable {
    /// `index.html`, the self-contained page.
    case html
    /// Each chart as an SVG file (per series, per measure's grid, funnels, rate ratios).
    case svg
    /// Each chart as a PNG file (`PNGSize`, 1,600 px wide by default).
    case png
    /// `report.pdf`: the printed report on A4 (`PrintReport`).
    case pdf
    /// `slides.pptx`: a slide per chart and a summary slide (`SlideDeck`).
    case pptx

    public static func < (lhs: ReportFormat, rhs: ReportFormat) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Every file of a report in the formats asked for: what `wardspc report` writes and what
/// the upload page's "download everything" zip holds. The page links each chart's files
/// when they are written, and comes last (so a partial write never links missing files).
public enum ReportFiles {
    public static let defaultFormats: Set<ReportFormat> = [.html, .svg]
    /// Names no chart file may take.
    static let fixedNames = ["index.html", "report.pdf", "slides.pptx"]

    public static func build(_ content: ReportContent, formats: Set<ReportFormat>, png: PNGSize = .standard)
        throws -> [AtomicDirectory.File] {
        let chartFormats = [ChartFormat.svg, .png].filter { formats.contains(ReportFormat(rawValue: $0.rawValue)!) }
        let report = HTMLReport.build(content, chartLinks: chartFormats)
        var files = try ChartFiles.files(report.charts, formats: Set(chartFormats), png: png)
        if formats.contains(.pdf) {
            files.append(AtomicDirectory.File(name: "report.pdf", bytes: try PrintReport.pdf(content)))
        }
        if formats.contains(.pptx) {
            // The series' PNGs: those already drawn for the folder, else drawn now.
            let seriesCharts = report.charts.prefix(content.series.count)  // HTMLReport lists them first
            var pictureByName: [String: [UInt8]] = [:]
            for file in files where file.name.hasSuffix(".png") { pictureByName[file.name] = file.bytes }
            var pictures = [[UInt8]](repeating: [], count: content.series.count)
            let missing = Array(seriesCharts).filter { pictureByName[$0.stem + ".png"] == nil }
            for file in try ChartFiles.files(missing, formats: [.png], png: png) { pictureByName[file.name] = file.bytes }
            for chart in seriesCharts { pictures[chart.series[0]] = pictureByName[chart.stem + ".png"] ?? [] }
            files.append(AtomicDirectory.File(name: "slides.pptx", bytes: try SlideDeck.pptx(content, pictures: pictures)))
        }
        if formats.contains(.html) { files.append(AtomicDirectory.File(name: "index.html", bytes: report.index.bytes)) }
        return files
    }
}
