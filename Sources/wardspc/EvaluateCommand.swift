import ArgumentParser
import SPCCore
import WardData
import WardSPC

struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Change against baseline per ward, pooled per trust and programme, against the 15% benchmark.",
        discussion: """
        For every trust × ward × measure: the counts and rates of a baseline and a comparison \
        window (always printed), the rate ratio and reduction with its exact 95% interval (R's \
        poisson.test), a verdict decided by that interval (a clear reduction of more than the \
        benchmark, a clear reduction that meets it or falls below it, no clear change, a clear \
        increase, or too few incidents to judge), the change in the SPC centre line and a \
        segmented regression. \(VerdictWords.intervalMeaning) Changes are signed: a fall is \
        negative (a reduction is the same figure with its sign turned, positive for a fall). Then pooled figures per trust and programme-wide: ratio of \
        totals (widened for over-dispersion), mean and median ward reduction, DerSimonian–Laird \
        random effects, wards whose estimates reach 15%, 25% and 100%, and a pooled verdict \
        from the ratio of totals. Windows: --baseline-until or \
        --baseline-weeks, --from/--to, or each ward's first phase event in --events; with \
        nothing given, the first and last 26 observed periods. Rates are per 1,000 occupied bed \
        days when the file has bed days, else per period.
        """,
        aliases: ["evaluation"]
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, markdown, csv, json }

    @Argument(help: "The ward data CSV file (periodic counts or incidents).")
    var file: String

    @OptionGroup var windows: EvaluationWindowOptions

    @Option(help: "The last N periods are provisional (reporting lags): left out of the comparison and the verdicts.")
    var provisional = 0

    @Option(help: "The benchmark reduction in per cent (the NCCMH collaborative averaged 15%).")
    var benchmark = 15.0

    @Option(name: .customLong("min-incidents"), help: "Fewer incidents than this in the baseline and comparison windows together are too few to judge (verdict insufficient_data).")
    var minIncidents = Verdict.defaultMinimumIncidents

    @Option(name: .customLong("group-by"), help: "Pool by trust (trust × measure), measure, subtype, context or ethnic_group (each broad ethnic group, and not stated/not known, evaluated and pooled separately). Default: trust.")
    var groupBy: PoolingGroupArgument = .trust

    @Option(help: "Segmented regression: linear (OLS on the rate, Wagner et al. 2002) or poisson (counts with log bed days as offset, IRLS).")
    var its: SegmentedModelArgument = .linear

    @Option(help: "SPC view for the centre-line change: u when the file has bed days, else c (or i, up, run).")
    var chart: ChartKind?

    @Option(help: "Rule set of the SPC view: anhoej, ihi, mdc or ptd.")
    var rules: RuleSetKind = .anhoej

    @Option(help: "Which way is better: decrease, increase or neutral (the direction of sustained shifts looked for).")
    var improvement: Improvement = .decrease

    @Option(name: .customLong("phase"), help: "Start a phase in the SPC view at this date (repeatable); the centre-line change then compares the last phase with the baseline.")
    var phases: [DateArgument] = []

    @Option(name: .customLong("auto-rebase"), help: "Length of the sustained shift that gives the latest centre line when there are no phases.")
    var autoRebase = 9

    @Option(name: .customLong("suppress-below"), help: "For publication: show counts 1 … K−1 as * (null in JSON) and withhold the rates and ratios derived from them.")
    var suppressBelow: Int?

    @Option(help: "Output format: table, markdown, csv or json (wardspc/evaluation@2).")
    var format: Format = .table

    @OptionGroup var filters: FilterOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var input: InputOptions

    enum PoolingGroupArgument: String, ExpressibleByArgument, CaseIterable {
        case trust, measure, subtype, context
        case ethnicGroup = "ethnic_group"
    }
    enum SegmentedModelArgument: String, ExpressibleByArgument, CaseIterable { case linear, poisson }

    func validate() throws {
        if provisional < 0 { throw ValidationError("--provisional must be 0 or more") }
        if !(benchmark > 0 && benchmark <= 100) { throw ValidationError("--benchmark must be a percentage above 0 and at most 100") }
        if minIncidents < 1 { throw ValidationError("--min-incidents must be 1 or more") }
        if let suppressBelow, suppressBelow < 2 { throw ValidationError("--suppress-below must be at least 2") }
        if autoRebase < 2 { throw ValidationError("--auto-rebase must be at least 2") }
    }

    @OptionGroup var progress: ProgressOptions

    func run() throws {
        let wardEvents = try WardEventsLoader.loadOrExit(windows.events, options: input.readOptions)
        var settings = EvaluationSettings()
        settings.windows.provisional = provisional
        windows.apply(to: &settings, events: wardEvents)
        settings.benchmark = benchmark
        settings.minimumIncidents = minIncidents
        settings.groupBy = PoolingGroup(rawValue: groupBy.rawValue)!
        settings.segmentedModel = SegmentedModel(rawValue: its.rawValue)!
        settings.autoRebaseLength = autoRebase
        var analysis = AnalysisSettings()
        if let chart { analysis.chart = chart; settings.chartGiven = true }
        analysis.rules = rules
        analysis.improvement = improvement
        analysis.phaseStarts = phases.map(\.date)
        filters.apply(to: &analysis)
        settings.analysis = analysis
        let readOptions = input.readOptions
        let streamed = try runStreaming(file, progress: progress) { input, report throws(AnalysisError) -> (EvaluationResult?, String) in
            switch try StreamingEvaluation.evaluate(input, options: readOptions, settings: settings, progress: report) {
            case .fallback(let reason): return (nil, reason)
            case .done(let result, let rows): return (result, String(rows))
            }
        }
        let result: EvaluationResult
        if let streamed {
            result = streamed
        } else {
            let dataset = try readDataset(file, options: readOptions)
            do { result = try Evaluator.evaluate(dataset, settings: settings) } catch {
                printStandardError("wardspc: \(error)")
                throw ExitCode(2)
            }
        }
        for warning in result.warnings { printStandardError("warning: \(warning)") }
        let suppression = Suppression(threshold: suppressBelow)
        let text: OutputBytes
        var document: JSONValue?
        switch format {
        case .table: text = OutputBytes(EvaluationTable.render(result, suppression: suppression))
        case .markdown: text = OutputBytes(EvaluationMarkdown.render(result, suppression: suppression))
        case .csv: text = OutputBytes(EvaluationCSV.render(result, suppression: suppression))
        case .json:
            document = EvaluationJSON.document(result, suppression: suppression)
            text = document!.renderedOutput(pretty: true)
        }
        try output.write(text, inputs: [file] + (windows.events.map { [$0] } ?? []))
        // The document and the result are left to the system at exit, not freed one by one.
        withExtendedLifetime((result, document)) { exitAfterOutput() }
    }
}
