import ArgumentParser
import Foundation
import SPCRender
import WardData
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
    var title: String = "Ward safety: statistical process control charts"

    @Option(help: "The benchmark reduction in per cent for the programme headline.")
    var benchmark = 15.0

    @Option(help: ArgumentHelp("A data file with an ethnic_group column for the report's inequality section (rates per 1,000 occupied bed days by ethnic group, rate ratios against White). Default: FILE itself when it has an ethnic_group column, else no such section.", valueName: "FILE"))
    var equity: String?

    @Option(help: ArgumentHelp("Occupied bed days by ward × period × ethnic group for the inequality section (trust, ward, week_start, ethnic_group, bed_days). Default: the bed_days of the equity data's own rows.", valueName: "FILE"))
    var exposure: String?

    @OptionGroup var spc: SPCOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var output: DirectoryOutputOptions
    @OptionGroup var input: InputOptions
    @OptionGroup var window: EventWindowOptions

    func run() throws {
        let inputs = [file] + (spc.events.map { [$0] } ?? []) + (equity.map { [$0] } ?? []) + (exposure.map { [$0] } ?? [])
        try output.check(inputs: inputs)
        var readOptions = input.readOptions
        window.apply(to: &readOptions)
        let analysis = try PictureAnalysis.run(file: file, spc: spc, filters: filters, readOptions: readOptions)
        let quality = Validator.validate(analysis.dataset, chart: analysis.settings.chart.rawValue)
        let provenance = ReportContent.Provenance(
            dataFile: file, eventsFile: spc.events, software: "wardspc \(WardSPCCommand.configuration.version)",
            generated: Self.today(), settings: settingsSummary(analysis.settings))
        var content = ReportContent(title: title, series: analysis.result.series, provenance: provenance,
                                    dataQuality: quality, warnings: analysis.result.warnings,
                                    chartOptions: analysis.chartOptions)
        addEvaluation(to: &content, analysis: analysis)
        try addEquity(to: &content, analysis: analysis, readOptions: readOptions)
        printStandardError("wardspc: drawing \(content.series.count) charts")
        let report = HTMLReport.build(content)
        let files = report.files
        printStandardError("wardspc: writing index.html and \(files.count - 1) SVG files to \(output.out)")
        try output.write(files, inputs: inputs)
        print(output.out.hasSuffix("/") ? output.out + "index.html" : output.out + "/index.html")
    }

    /// The programme headline against the benchmark and a funnel plot per measure, when
    /// the data are counts; a problem here leaves them out with a warning, never the report.
    private func addEvaluation(to content: inout ReportContent, analysis: PictureAnalysis) {
        guard analysis.dataset.valueKind == .count, !analysis.settings.chart.needsIncidentDates else { return }
        var settings = EvaluationSettings()
        settings.events = analysis.settings.events
        settings.benchmark = benchmark
        var evaluationAnalysis = analysis.settings
        if ![.run, .i, .c, .u, .up].contains(evaluationAnalysis.chart) {
            evaluationAnalysis.chart = analysis.dataset.hasDenominator ? .u : .c
        }
        settings.analysis = evaluationAnalysis
        settings.chartGiven = true
        do {
            let evaluation = try Evaluator.evaluate(analysis.dataset, settings: settings)
            let comparison = spc.events != nil
                ? "Each ward's \(analysis.dataset.periodKind.name)s before its first phase event in \(spc.events!) (e.g. joining the collaborative) against the \(analysis.dataset.periodKind.name)s from then on."
                : "Each ward's first 26 observed \(analysis.dataset.periodKind.name)s against its last 26 (the first and second halves for shorter series)."
            content.headline = ReportHeadline(evaluation: evaluation, comparison: comparison)
            var measures: [String] = []
            for series in analysis.result.series where !measures.contains(series.measure) { measures.append(series.measure) }
            for measure in measures {
                var funnelSettings = analysis.settings
                funnelSettings.measures = [measure]
                if let funnel = try FunnelData.compute(analysis.dataset, measure: measure, settings: funnelSettings) {
                    content.funnels.append(FunnelPlotData(funnel, improvement: analysis.settings.improvement))
                }
            }
        } catch {
            content.warnings.append("no programme headline or funnel plots: \(error)")
        }
    }

    /// The inequality section (from --equity, or the data file itself when it has an
    /// ethnic_group column) and the context/subtype breakdowns of the data file. A broken
    /// --equity or --exposure file is bad input (exit 2); the breakdowns, like the headline,
    /// are left out with a warning when they cannot be made.
    private func addEquity(to content: inout ReportContent, analysis: PictureAnalysis, readOptions: ReadOptions) throws {
        var settings = EvaluationSettings()
        settings.events = analysis.settings.events
        settings.benchmark = benchmark
        var breakdownAnalysis = analysis.settings
        breakdownAnalysis.chart = analysis.dataset.hasDenominator ? .u : .c
        settings.analysis = breakdownAnalysis
        settings.chartGiven = true
        if analysis.dataset.valueKind == .count {
            for dimension in [PoolingGroup.context, .subtype] {
                do {
                    content.breakdowns += try DimensionBreakdown.compute(analysis.dataset, by: dimension, settings: settings)
                } catch {
                    content.warnings.append("no breakdown by \(dimension.rawValue): \(error)")
                }
            }
        }
        let hasEthnicGroups = analysis.dataset.dimensionNames.contains { ColumnNames.ethnicGroup.contains(Header.fold($0)) }
        guard equity != nil || hasEthnicGroups else { return }
        let dataset = try equity.map { try readDataset($0, options: readOptions) } ?? analysis.dataset
        var equitySettings = EquitySettings()
        if let exposure {
            do { equitySettings.exposure = try ExposureReader.read(path: exposure, options: readOptions) } catch {
                throw reject(error)
            }
        }
        // With an events file: before anyone joined against after everyone had.
        let phases = (analysis.settings.events?.events ?? []).filter { $0.kind == .phase }.map(\.date)
        if let first = phases.min(), let last = phases.max(), first < last {
            equitySettings.baselineUntil = first.adding(days: -1)
            equitySettings.from = last
        }
        equitySettings.trusts = analysis.settings.trusts
        equitySettings.wards = analysis.settings.wards
        do { content.equity = try EquityAnalysis.analyse(dataset, settings: equitySettings) } catch let rejected as InputRejected {
            throw reject(rejected)
        } catch {
            printStandardError("wardspc: \(error)")
            throw ExitCode(2)
        }
        for warning in content.equity?.warnings ?? [] { printStandardError("warning: \(warning)") }
    }

    /// The flags that shaped the charts, as a user would type them.
    private func settingsSummary(_ settings: AnalysisSettings) -> [String] {
        var flags = ["--chart \(settings.chart.rawValue)", "--rules \(settings.rules.rawValue)",
                     "--improvement \(settings.improvement.rawValue)"]
        if let multiplier = settings.multiplier { flags.append("--multiplier \(multiplier)") }
        if let points = settings.baselinePoints { flags.append("--baseline-points \(points)") }
        if let until = settings.baselineUntil { flags.append("--baseline-until \(until.iso)") }
        if let target = settings.target { flags.append("--target \(target)") }
        if let length = settings.autoRebaseLength { flags.append("--auto-rebase \(length)") }
        return flags
    }

    /// Today's date (UTC), ISO.
    static func today() -> String {
        let seconds = Int(Date().timeIntervalSince1970)
        return CivilDate(dayNumber: Int32(seconds / 86_400)).iso
    }
}
