import ArgumentParser
import WardData
import WardSPC

struct EquityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "equity",
        abstract: "Inequality by ethnic group: rates per 1,000 occupied bed days and rate ratios against a reference group.",
        discussion: """
        Reads a data file with an ethnic_group column (NHS Data Dictionary ethnic category codes \
        A–S, Z not stated, 99 not known, or their labels). Per ward, trust and programme and per \
        measure: each group's count, share, rate per 1,000 occupied bed days and rate ratio against \
        --reference with its exact 95% interval (R's poisson.test), and the share of incidents \
        whose ethnicity is not stated or not known (left out of numerator and denominator \
        together). Bed days by group come from --exposure FILE or from the data file's own \
        bed_days on rows that carry ethnic_group; without either, only the distribution of \
        incidents by group is shown. With --baseline-until and/or --from, also per window, and \
        the ratio of rate ratios (comparison over baseline) with its 95% interval: whether the \
        gap narrowed. Exit codes: 0 success, 2 bad input, 1 any other failure.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, markdown, csv, json }

    @Argument(help: "The ward data CSV file with an ethnic_group column (periodic counts or incidents).")
    var file: String

    @Option(help: ArgumentHelp("Occupied bed days by ward × period × ethnic group: a CSV with trust, ward, week_start, ethnic_group, bed_days (bed days in days). Default: the data file's own bed_days, by ethnic group; none = distribution only.", valueName: "FILE"))
    var exposure: String?

    @Option(help: "The reference group of the rate ratios: a broad group (White, Mixed, Asian, Black, Other) or, with --groups detailed, a category code or label. Default: White (White British with --groups detailed).")
    var reference: String?

    @Option(help: "broad: the five groups White (A–C), Mixed (D–G), Asian (H–L), Black (M–P), Other (R–S); detailed: each category by its label. Default: broad.")
    var groups: EthnicGrouping = .broad

    @OptionGroup var baseline: BaselineOptions
    @OptionGroup var comparison: ComparisonOptions

    @Option(help: "Only this trust (repeatable). Default: every trust.")
    var trust: [String] = []

    @Option(help: "Only this ward (repeatable). Default: every ward.")
    var ward: [String] = []

    @Option(help: "Only this measure (repeatable). Default: every measure.")
    var measure: [String] = []

    @Option(name: .customLong("suppress-below"), help: "For publication: show counts 1 … K−1 (incidents) as * (null with \"suppressed\": true in JSON) and withhold the shares, rates and ratios derived from them. Default: off.")
    var suppressBelow: Int?

    @Option(help: "Output format: table, markdown, csv or json (wardspc/equity@1). Default: table.")
    var format: Format = .table

    @OptionGroup var output: OutputOptions
    @OptionGroup var input: InputOptions

    func validate() throws {
        if let suppressBelow, suppressBelow < 2 { throw ValidationError("--suppress-below must be at least 2") }
        if let until = baseline.baselineUntil, let from = comparison.from, from.date <= until.date {
            throw ValidationError("--from must be after --baseline-until (the windows would overlap)")
        }
        if comparison.to != nil && baseline.baselineUntil == nil && comparison.from == nil {
            throw ValidationError("--to bounds the comparison window: give --baseline-until or --from too")
        }
    }

    func run() throws {
        let dataset = try readDataset(file, options: input.readOptions)
        var settings = EquitySettings()
        if let exposure {
            do { settings.exposure = try ExposureReader.read(path: exposure, options: input.readOptions) } catch {
                throw reject(error)
            }
        }
        settings.grouping = groups
        settings.reference = reference
        settings.windows = StudyWindows(baseline, comparison)
        settings.trusts = Set(trust)
        settings.wards = Set(ward)
        settings.measures = Set(measure)
        let result: EquityResult
        do { result = try EquityAnalysis.analyse(dataset, settings: settings) } catch let rejected as InputRejected {
            throw reject(rejected)
        } catch {
            printStandardError("wardspc: \(error)")
            throw ExitCode(2)
        }
        for warning in result.warnings { printStandardError("warning: \(warning)") }
        let suppression = Suppression(threshold: suppressBelow)
        let text: String
        switch format {
        case .table: text = EquityTable.render(result, suppression: suppression).terminalSafe
        case .markdown: text = EquityMarkdown.render(result, suppression: suppression)
        case .csv: text = EquityCSV.render(result, suppression: suppression)
        case .json: text = EquityJSON.document(result, suppression: suppression).rendered(pretty: true)
        }
        try output.write(text, inputs: [file] + (exposure.map { [$0] } ?? []))
    }
}

extension EthnicGrouping: ExpressibleByArgument {}
