import ArgumentParser
import SPCRender
import WardSPC

struct ChartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chart",
        abstract: "SVG charts: one per trust × ward × measure, or one grid of all wards per measure.",
        discussion: """
        Analyses FILE as `analyze` does (every analyze flag applies) and writes one SVG per \
        series to --out DIR, named TRUST_WARD_MEASURE.svg, or with --small-multiples one grid \
        per measure (MEASURE_all-wards.svg). Defaults differ from analyze: --chart auto (per series, the chart an \
        expert would draw — u with bed days, else c; rare events by calendar month or as a g chart; \
        an i chart for a value column — with the reason under each chart), under the mdc (Making Data Count) \
        rules whose colours and icons the charts show. The directory is written atomically; \
        it must be new, empty or an earlier wardspc output unless --force. Progress goes to \
        standard error; the directory's path to standard output.
        """
    )

    @Argument(help: "The ward data CSV file.")
    var file: String

    @OptionGroup var spc: SPCOptions
    @OptionGroup var filters: FilterOptions

    @Flag(name: .customLong("small-multiples"), help: "One grid SVG per measure (every ward on a common time axis) instead of one SVG per series.")
    var smallMultiples = false

    @OptionGroup var output: DirectoryOutputOptions
    @OptionGroup var input: InputOptions
    @OptionGroup var window: EventWindowOptions

    func run() throws {
        let inputs = [file] + (spc.events.map { [$0] } ?? [])
        try output.check(inputs: inputs)
        var readOptions = input.readOptions
        window.apply(to: &readOptions)
        let analysis = try PictureAnalysis.run(file: file, spc: spc, filters: filters, readOptions: readOptions)
        var names = SafeFileNames()
        let charts = smallMultiples
            ? ChartFiles.smallMultiples(analysis.result.series, names: &names)
            : ChartFiles.perSeries(analysis.result.series, options: analysis.chartOptions, names: &names)
        let files = charts.map { AtomicDirectory.File(name: $0.name, bytes: $0.markup.bytes, durable: false) }
        printStandardError("wardspc: writing \(files.count) SVG file\(files.count == 1 ? "" : "s") to \(output.out)")
        try output.write(files, inputs: inputs)
        print(output.out)
    }
}
