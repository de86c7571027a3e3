import ArgumentParser
import SPCRender
import WardSPC

struct ChartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chart",
        abstract: "Charts as SVG, PNG or PDF: one per trust × ward × measure, or one grid of all wards per measure.",
        discussion: """
        Analyses FILE as `analyze` does (every analysis flag of analyze applies) and writes one chart per \
        series to --out DIR, named TRUST_WARD_MEASURE.svg (.png, .pdf with --format), or with \
        --small-multiples one grid per measure (MEASURE_all-wards.svg). PNG and PDF are drawn \
        from the same SVG by librsvg in Liberation Sans, so they look the same everywhere. \
        Defaults differ from analyze: --chart \
        \(RequestPurpose.picture.chartDefault); --rules \(RequestPurpose.picture.rulesDefault) (Making Data Count), \
        whose colours and icons the charts show. The directory is written atomically; \
        it must be new, empty or an earlier wardspc output unless --force. Progress goes to \
        standard error; the directory's path to standard output.
        """
    )

    @Argument(help: "The ward data CSV file.")
    var file: String

    @OptionGroup var picture: PictureOptions

    @Flag(name: .customLong("small-multiples"), help: "One grid SVG per measure (every ward on a common time axis) instead of one SVG per series.")
    var smallMultiples = false

    @Option(help: ArgumentHelp("File format: svg, png (drawn at --width pixels) or pdf (one vector page per chart, sized in points as the SVG is in pixels); several separated by commas, e.g. svg,png (default: svg).", valueName: "LIST"))
    var format = "svg"

    @OptionGroup var pngSize: PNGSizeOptions
    @OptionGroup var output: DirectoryOutputOptions

    func validate() throws { _ = try formatList(format, as: ChartFormat.self, option: "--format") }

    func run() throws {
        let formats = try formatList(format, as: ChartFormat.self, option: "--format")
        let inputs = picture.inputs(file)
        try output.check(inputs: inputs)
        let (dataset, events) = try picture.read(file)
        let choices = picture.choices(events: events)
        let (request, result) = try exitingOnBadInput {
            let request = try AnalysisRequest.resolve(choices, purpose: .picture, facts: DatasetFacts(dataset))
            return (request, try Analyzer.analyse(dataset, settings: request.analysis))
        }
        for warning in result.warnings { printStandardError("warning: \(warning)") }
        var names = SafeFileNames()
        let charts = smallMultiples
            ? ChartFiles.smallMultiples(result.series, names: &names)
            : ChartFiles.perSeries(result.series, options: ReportBuilder.chartOptions(request.analysis), names: &names)
        let files: [AtomicDirectory.File]
        do { files = try ChartFiles.files(charts, formats: formats, png: pngSize.size) } catch {
            printStandardError("wardspc: \(error)")
            throw ExitCode(1)
        }
        if !picture.progress.quiet {
            let kinds = formats.sorted().map { $0.rawValue.uppercased() }.joined(separator: ", ")
            printStandardError("wardspc: \(result.series.count) series analysed (\(request.analysis.autoChart ? "auto" : request.analysis.chart.rawValue) chart, \(request.analysis.rules.rawValue) rules); writing \(files.count) file\(files.count == 1 ? "" : "s") (\(kinds)) to \(output.out)")
        }
        try output.write(files, inputs: inputs)
        print(output.out)
    }
}
