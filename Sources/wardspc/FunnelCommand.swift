import ArgumentParser
import SPCCore
import SPCRender
import WardData
import WardSPC

struct FunnelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "funnel",
        abstract: "Compare wards' rates against exposure with exact Poisson funnel limits.",
        discussion: """
        Each ward's count and exposure (occupied bed days, or observed periods without them) \
        over the window, its rate against the pooled rate, and exact Poisson 95% and 99.8% \
        limits (Spiegelhalter 2005); --overdispersion widens them by the between-ward variance \
        estimated from 10%-winsorised z-scores.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, csv }

    @Argument(help: "The ward data CSV file.")
    var file: String

    @Option(name: .customLong("observed-from"), help: ArgumentHelp("Only periods starting on or after this date. Default: the first period.", valueName: "DATE"))
    var from: DateArgument?

    @Option(name: .customLong("observed-to"), help: ArgumentHelp("Only periods starting on or before this date. Default: the last period.", valueName: "DATE"))
    var to: DateArgument?

    @Flag(help: "Adjust the limits for over-dispersion between wards.")
    var overdispersion = false

    @Option(help: "Output format: json (wardspc/funnel@1) or csv. Default: json.")
    var format: Format = .json

    @Option(help: "Also draw the funnel plot as an SVG file (written atomically).")
    var svg: String?

    @Option(help: "Which way is better, for colouring wards outside the limits: decrease, increase or neutral. Default: decrease.")
    var improvement: Improvement = .decrease

    @Option(help: "Accepted as every command accepts it: auto (the default), u or c. A funnel plot always compares each ward's rate over the window with exact Poisson limits, which suit rare events as they are.")
    var chart: ChartChoice?

    @OptionGroup var filters: FilterOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var input: InputOptions

    func validate() throws {
        if case .kind(let kind)? = chart, kind != .u && kind != .c {
            throw ValidationError("a funnel plot compares rates: --chart takes auto, u or c, not \(kind.rawValue)")
        }
        guard filters.measure.count == 1 else {
            throw ValidationError("give exactly one --measure: a funnel plot compares wards on one measure")
        }
    }

    func run() throws {
        let measure = filters.measure[0]
        let dataset = try readDataset(file, options: input.readOptions)
        var choices = RequestChoices()
        choices.filters = filters.filters
        let funnel = try exitingOnBadInput {
            let request = try AnalysisRequest.resolve(choices, purpose: .comparison, facts: DatasetFacts(dataset))
            return try FunnelData.compute(dataset, measure: measure, from: from?.date, to: to?.date,
                                          adjustForOverdispersion: overdispersion, settings: request.analysis)
        }
        guard let funnel else {
            printStandardError("wardspc: no ward has \(measure) data with exposure in the window")
            throw ExitCode(2)
        }
        if let svg {
            do {
                try AtomicFile.write(FunnelPlot.svg(FunnelPlotData(funnel, improvement: improvement)), to: svg, protected: [file])
            } catch {
                printStandardError("wardspc: \(error)")
                throw ExitCode(1)
            }
        }
        let text = format == .json ? FunnelOutput.json(funnel).rendered(pretty: true) : FunnelOutput.csv(funnel)
        try output.write(text, inputs: [file])
    }
}
