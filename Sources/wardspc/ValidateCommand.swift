import ArgumentParser
import WardSPC

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a ward data file and summarise its quality.",
        discussion: """
        Reads FILE (long, wide, event-level or MHSDS-style CSV) with every input rule and prints \
        every error and warning as FILE:LINE:COLUMN: message, then one line per series: periods \
        present, first and last period, missing periods (gaps, never zeros), total count and \
        implausible periods (more than 10× the series median). Exit code 2 when any error is found.
        """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case table, json }

    @Argument(help: "The CSV file to check.")
    var file: String

    @OptionGroup var input: InputOptions
    @OptionGroup var observed: ObservedSpanOptions

    @Option(help: "Output: table (for a terminal) or json (schema wardspc/validation@1). Default: table.")
    var format: OutputFormat = .table

    @Option(help: "Also check the data suits this chart: p/pp (counts must not exceed their denominator), g/t (need incident dates).")
    var chart: String?

    func run() throws {
        var readOptions = input.readOptions
        observed.apply(to: &readOptions)
        let report = Validator.validate(path: file, options: readOptions, chart: chart)
        switch format {
        case .table: print(report.table.terminalSafe)
        case .json: print(report.json.rendered(pretty: true))
        }
        if !report.ok { throw ExitCode(2) }
    }
}
