import ArgumentParser
import SPCRender
import WardSPC

struct ChartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chart",
        abstract: "SVG charts: one per trust × ward × measure, or one grid of all wards per measure.",
        discussion: """
        Analyses FILE as `analyze` does (every analysis flag of analyze applies) and writes one SVG per \
        series to --out DIR, named TRUST_WARD_MEASURE.svg, or with --small-multiples one grid \
        per measure (MEASURE_all-wards.svg). Defaults differ from analyze: --chart \
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

    @OptionGroup var output: DirectoryOutputOptions

    func run() throws {
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
        let files = charts.map { AtomicDirectory.File(name: $0.name, bytes: $0.markup.bytes, durable: false) }
        if !picture.progress.quiet {
            printStandardError("wardspc: \(result.series.count) series analysed (\(request.analysis.chart.rawValue) chart, \(request.analysis.rules.rawValue) rules); writing \(files.count) SVG file\(files.count == 1 ? "" : "s") to \(output.out)")
        }
        try output.write(files, inputs: inputs)
        print(output.out)
    }
}
