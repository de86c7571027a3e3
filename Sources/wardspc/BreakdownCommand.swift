import ArgumentParser
import WardData
import WardSPC

struct BreakdownCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "breakdown",
        abstract: "Self-harm by context, restrictive practice by subtype: counts, shares, rates and change per value.",
        discussion: """
        For every measure that carries values in the --by column (context: on_ward, on_leave, \
        awol; subtype: prone, supine, …): programme-wide, each value's incidents, share of the \
        measure's incidents and rate per 1,000 occupied bed days (of the whole ward) in the \
        baseline and comparison windows, and its change — the ratio of totals with its 95% \
        interval, as `evaluate --group-by context|subtype` pools it. Prone restraint is called out \
        (national policy is to eliminate it). Windows as in `evaluate`. Exit codes: 0 success, \
        2 bad input, 1 any other failure.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, markdown, csv, json }
    enum Dimension: String, ExpressibleByArgument, CaseIterable { case context, subtype }

    @Argument(help: "The ward data CSV file with a context or subtype column.")
    var file: String

    @OptionGroup var windows: EvaluationWindowOptions

    @Option(help: "The dimension column: context or subtype. Default: context.")
    var by: Dimension = .context

    @Option(name: .customLong("suppress-below"), help: "For publication: show counts 1 … K−1 (incidents) as * (null with \"suppressed\": true in JSON) and withhold the shares, rates and change derived from them. Default: off.")
    var suppressBelow: Int?

    @Option(help: "Output format: table, markdown, csv or json (wardspc/breakdown@1). Default: table.")
    var format: Format = .table

    @OptionGroup var filters: FilterOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var input: InputOptions

    func validate() throws {
        if let suppressBelow, suppressBelow < 2 { throw ValidationError("--suppress-below must be at least 2") }
    }

    func run() throws {
        let dataset = try readDataset(file, options: input.readOptions)
        let wardEvents = try WardEventsLoader.loadOrExit(windows.events, options: input.readOptions)
        var choices = RequestChoices()
        windows.apply(to: &choices, events: wardEvents)
        choices.filters = filters.filters
        guard dataset.dimensionNames.contains(where: { Header.fold($0) == by.rawValue }) else {
            printStandardError("wardspc: breakdown --by \(by.rawValue) needs a `\(by.rawValue)` column, and \(file) has none")
            throw ExitCode(2)
        }
        let breakdowns = try exitingOnBadInput {
            let request = try AnalysisRequest.resolve(choices, purpose: .comparison, facts: DatasetFacts(dataset))
            return try DimensionBreakdown.compute(dataset, by: PoolingGroup(rawValue: by.rawValue)!, settings: request.evaluation)
        }
        // Phase rows for a trust or ward the data lacks apply to nothing: said, as analyze and evaluate say it.
        for warning in wardEvents?.unmatchedRows(in: dataset) ?? [] {
            printStandardError("warning: \(warning)")
        }
        let suppression = Suppression(threshold: suppressBelow)
        let text: String
        switch format {
        case .table: text = BreakdownTable.render(breakdowns, suppression: suppression).terminalSafe
        case .markdown: text = BreakdownMarkdown.render(breakdowns, suppression: suppression)
        case .csv: text = BreakdownCSV.render(breakdowns, suppression: suppression)
        case .json: text = BreakdownJSON.document(breakdowns, suppression: suppression).rendered(pretty: true)
        }
        try output.write(text, inputs: [file] + (windows.events.map { [$0] } ?? []))
    }
}
