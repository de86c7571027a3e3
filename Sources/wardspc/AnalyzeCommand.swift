import ArgumentParser
import Foundation
import SPCCore
import WardData
import WardSPC

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Run and control charts with their signals, for every trust × ward × measure.",
        discussion: """
        Reads FILE, builds one series per trust × ward × measure (rows differing only by a \
        dimension such as subtype are added up), and computes the chart and every signal of \
        the rule set. Output: a block per series (table), every point (csv, json: schema \
        wardspc/analysis@1) or one row per series with --summary (wardspc/summary@1). \
        Warnings about the data go to standard error. Defaults: --chart \(RequestPurpose.analyze.chartDefault), \
        --rules \(RequestPurpose.analyze.rulesDefault), --improvement decrease, --format table.
        """,
        aliases: ["analyse"]
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv }

    @Argument(help: "The ward data CSV file.")
    var file: String

    @OptionGroup var spc: SPCOptions
    @OptionGroup var baseline: BaselineOptions
    @OptionGroup var filters: FilterOptions

    @Flag(help: "One row per series: latest phase's centre and limits, its signals, sustained shifts and icons.")
    var summary = false

    @Option(help: "Output format: table, json or csv. Default: table.")
    var format: Format = .table

    @OptionGroup var output: OutputOptions
    @OptionGroup var input: InputOptions
    @OptionGroup var observed: ObservedSpanOptions

    @OptionGroup var progress: ProgressOptions

    func run() throws {
        var readOptions = input.readOptions
        observed.apply(to: &readOptions)
        let events = try WardEventsLoader.loadOrExit(spc.events, options: readOptions)
        var choices = RequestChoices()
        spc.apply(to: &choices, events: events)
        choices.windows = StudyWindows(baseline)
        choices.filters = filters.filters
        let analysis = try withInput(file, progress: progress) { input, report in
            let analysis = try Analyzer.analyse(file: input, options: readOptions, choices: choices, purpose: .analyze,
                                                product: product, progress: report)
            return (analysis, analysis.reading)
        }
        for warning in analysis.warnings { printStandardError("warning: \(warning)") }
        var document: JSONValue?
        let text: OutputBytes
        switch (format, analysis.output) {
        case (.table, .summaries(let summaries)): text = OutputBytes(AnalysisTable.summary(summaries).terminalSafe)
        case (.json, .summaries(let summaries)):
            document = AnalysisJSON.summary(summaries)
            text = document!.renderedOutput(pretty: true)
        case (.csv, .summaries(let summaries)): text = OutputBytes(AnalysisCSV.summary(summaries))
        case (.table, .reports(let reports)):
            text = OutputBytes((summary ? AnalysisTable.summary(reports) : AnalysisTable.points(reports)).terminalSafe)
        case (.json, .reports(let reports)):
            document = summary ? AnalysisJSON.summary(reports) : AnalysisJSON.analysis(reports)
            text = document!.renderedOutput(pretty: true)
        case (.csv, .reports(let reports)):
            text = summary ? OutputBytes(AnalysisCSV.summary(reports)) : AnalysisCSV.pointsOutput(reports)
        case (_, .csvPoints(let rows)): text = AnalysisCSV.pointsOutput(rows: rows)
        }
        try output.write(text, inputs: [file] + (spc.events.map { [$0] } ?? []))
        // What the command built is left to the system at exit, not freed one by one.
        withExtendedLifetime((analysis, document)) { exitAfterOutput() }
    }

    /// What the streaming path makes of each series for this output.
    private var product: StreamingAnalysis.Product {
        if summary { return .summaries }
        return format == .csv ? .csvPoints : .reports
    }
}
