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
        Warnings about the data go to standard error.
        """,
        aliases: ["analyse"]
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv }

    @Argument(help: "The ward data CSV file.")
    var file: String

    @OptionGroup var spc: SPCOptions
    @OptionGroup var filters: FilterOptions

    @Flag(help: "One row per series: latest phase's centre and limits, its signals, sustained shifts and icons.")
    var summary = false

    @Option(help: "Output format: table, json or csv.")
    var format: Format = .table

    @OptionGroup var output: OutputOptions
    @OptionGroup var input: InputOptions
    @OptionGroup var window: EventWindowOptions

    @OptionGroup var progress: ProgressOptions

    func run() throws {
        var readOptions = input.readOptions
        window.apply(to: &readOptions)
        let events = try WardEventsLoader.loadOrExit(spc.events, options: readOptions)
        var settings = spc.settings(events: events)
        filters.apply(to: &settings)
        let inputs = [file] + (spc.events.map { [$0] } ?? [])
        if let (text, built) = try streaming(readOptions: readOptions, settings: settings) {
            try output.write(text, inputs: inputs)
            withExtendedLifetime(built) { exitAfterOutput() }
        }
        let dataset = try readDataset(file, options: readOptions)
        let result = try analyseOrExit(dataset, settings: settings)
        let text: OutputBytes
        var document: JSONValue?
        switch (format, summary) {
        case (.table, false): text = OutputBytes(AnalysisTable.points(result.series).terminalSafe)
        case (.table, true): text = OutputBytes(AnalysisTable.summary(result.series).terminalSafe)
        case (.json, _):
            document = summary ? AnalysisJSON.summary(result.series) : AnalysisJSON.analysis(result.series)
            text = document!.renderedOutput(pretty: true)
        case (.csv, false): text = AnalysisCSV.pointsOutput(result.series)
        case (.csv, true): text = OutputBytes(AnalysisCSV.summary(result.series))
        }
        try output.write(text, inputs: inputs)
        // What the command built is left to the system at exit, not freed one by one.
        withExtendedLifetime((dataset, result, document)) { exitAfterOutput() }
    }

    /// The output from the streaming path, and what it was built from, or `nil` when the
    /// file needs the whole-file reader (`--verbose` says why).
    private func streaming(readOptions: ReadOptions, settings: AnalysisSettings) throws
        -> (OutputBytes, StreamingAnalysis.Output)? {
        let result = try runStreaming(file, progress: progress) { input, report throws(AnalysisError) -> ((StreamingAnalysis.Output, [String])?, String) in
            switch try StreamingAnalysis.analyse(input, options: readOptions, settings: settings,
                                                 product: product, progress: report) {
            case .fallback(let reason): return (nil, reason)
            case .done(let output, let warnings, let rows): return ((output, warnings), String(rows))
            }
        }
        guard let (output, warnings) = result else { return nil }
        for warning in warnings { printStandardError("warning: \(warning)") }
        let text: OutputBytes
        switch (format, output) {
        case (.table, .summaries(let summaries)): text = OutputBytes(AnalysisTable.summary(summaries).terminalSafe)
        case (.json, .summaries(let summaries)): text = AnalysisJSON.summary(summaries).renderedOutput(pretty: true)
        case (.csv, .summaries(let summaries)): text = OutputBytes(AnalysisCSV.summary(summaries))
        case (.table, .reports(let reports)): text = OutputBytes(AnalysisTable.points(reports).terminalSafe)
        case (.json, .reports(let reports)): text = AnalysisJSON.analysis(reports).renderedOutput(pretty: true)
        case (.csv, .reports(let reports)): text = AnalysisCSV.pointsOutput(reports)
        case (_, .csvPoints(let rows)): text = AnalysisCSV.pointsOutput(rows: rows)
        }
        return (text, output)
    }

    /// What the streaming path makes of each series for this output.
    private var product: StreamingAnalysis.Product {
        if summary { return .summaries }
        return format == .csv ? .csvPoints : .reports
    }
}
