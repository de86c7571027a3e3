import ArgumentParser
import SPCRender
import WardSPC

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "A self-contained HTML report: icon summary, every ward's charts with a reading, data quality, methods.",
        discussion: """
        Analyses FILE as `analyze` does (every analyze flag applies) and writes DIR/index.html \
        — one page with every chart inline, no external fonts, scripts or requests, readable \
        on a phone and printed — and each chart as its own SVG beside it. Defaults: a u chart \
        when the data has a denominator (bed days), else a c chart (an i chart for a value column); the mdc (Making Data \
        Count) rules, whose colours and icons the report explains. Give --events to start \
        each ward's new phase at its own date (e.g. joining a collaborative). The directory \
        is written atomically: a failed run leaves no half report; it must be new, empty or \
        an earlier wardspc output unless --force. Progress goes to standard error; the path \
        of index.html to standard output.
        """
    )

    @Argument(help: "The ward data CSV file.")
    var file: String

    @Option(help: "The report's title (default: \"Ward safety: statistical process control charts\").")
    var title: String = ReportBuilder.defaultTitle

    @Option(help: "The benchmark reduction in per cent for the programme headline.")
    var benchmark = 15.0

    @OptionGroup var spc: SPCOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var output: DirectoryOutputOptions
    @OptionGroup var input: InputOptions
    @OptionGroup var window: EventWindowOptions

    func run() throws {
        let inputs = [file] + (spc.events.map { [$0] } ?? [])
        try output.check(inputs: inputs)
        var readOptions = input.readOptions
        window.apply(to: &readOptions)
        let analysis = try PictureAnalysis.run(file: file, spc: spc, filters: filters, readOptions: readOptions)
        let request = ReportBuilder.Request(title: title, benchmark: benchmark, dataFile: file, eventsFile: spc.events)
        let content = ReportBuilder.content(analysis.dataset, analysis: analysis.result, settings: analysis.settings,
                                            request: request)
        printStandardError("wardspc: drawing \(content.series.count) charts")
        let report = HTMLReport.build(content)
        let files = report.files
        printStandardError("wardspc: writing index.html and \(files.count - 1) SVG files to \(output.out)")
        try output.write(files, inputs: inputs)
        print(output.out.hasSuffix("/") ? output.out + "index.html" : output.out + "/index.html")
    }
}
