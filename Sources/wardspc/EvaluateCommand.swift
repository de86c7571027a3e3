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
        days when the file has bed days, else per period. Defaults: --chart \(RequestPurpose.comparison.chartDefault), \
        --rules \(RequestPurpose.comparison.rulesDefault), --improvement decrease, --benchmark 15, --format table.
        """,
        aliases: ["evaluation"]
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, markdown, csv, json }

    @Argument(help: "The ward data CSV file (periodic counts or incidents).")
    var file: String

    @OptionGroup var windows: EvaluationWindowOptions

    @Option(help: "The last N periods are provisional (reporting lags): left out of the comparison and the verdicts. Default: 0.")
    var provisional = 0

    @Option(help: "The benchmark reduction in per cent (the NCCMH collaborative averaged 15%). Default: 15.")
    var benchmark = 15.0

    @Option(name: .customLong("min-incidents"), help: "Fewer incidents than this in the baseline and comparison windows together are too few to judge (verdict insufficient_data).")
    var minIncidents = Verdict.defaultMinimumIncidents

    @Option(name: .customLong("group-by"), help: "Pool by trust (trust × measure), measure, subtype, context or ethnic_group (each broad ethnic group, and not stated/not known, evaluated and pooled separately). Default: trust.")
    var groupBy: PoolingGroupArgument = .trust

    @Option(help: "Segmented regression: linear (OLS on the rate, Wagner et al. 2002) or poisson (counts with log bed days as offset, IRLS). Default: linear.")
    var its: SegmentedModelArgument = .linear

    @Option(help: "SPC view for the centre-line change: u, up, c, i or run; auto is accepted and means the default (the rates and their exact intervals need no other chart for rare events). Default: u when the file has bed days, else c.")
    var chart: ChartChoice?

    @Option(help: "Rule set of the SPC view: anhoej, ihi, mdc or ptd. Default: anhoej.")
    var rules: RuleSetKind?

    @Option(help: "Which way is better: decrease, increase or neutral (the direction of sustained shifts looked for). Default: decrease.")
    var improvement: Improvement?

    @Option(name: .customLong("phase"), help: "Start a phase in the SPC view at this date (repeatable); the centre-line change then compares the last phase with the baseline.")
    var phases: [DateArgument] = []

    @Option(name: .customLong("auto-rebase"), help: "Length of the sustained shift that gives the latest centre line when there are no phases. Default: 9.")
    var autoRebase = 9

    @Option(name: .customLong("suppress-below"), help: "For publication: show counts 1 … K−1 as * (null in JSON) and withhold the rates and ratios derived from them.")
    var suppressBelow: Int?

    @Option(help: "Output format: table, markdown, csv or json (wardspc/evaluation@2). Default: table.")
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
        let readOptions = input.readOptions
        let wardEvents = try WardEventsLoader.loadOrExit(windows.events, options: readOptions)
        var choices = RequestChoices()
        windows.apply(to: &choices, events: wardEvents)
        choices.provisional = provisional
        choices.benchmark = benchmark
        choices.minimumIncidents = minIncidents
        choices.groupBy = PoolingGroup(rawValue: groupBy.rawValue)!
        choices.segmentedModel = SegmentedModel(rawValue: its.rawValue)!
        choices.autoRebase = autoRebase
        choices.chart = chart
        choices.rules = rules
        choices.improvement = improvement
        choices.phaseStarts = phases.map(\.date)
        choices.filters = filters.filters
        let result = try withInput(file, progress: progress) { input, report in
            let evaluation = try Evaluator.evaluate(file: input, options: readOptions, choices: choices, progress: report)
            return (evaluation.result, evaluation.reading)
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
