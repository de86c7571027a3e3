import Foundation
import SPCCore
import WardData
import WardSPC

/// From a dataset and a resolved request to the report's content: the charts, data
/// quality, the programme headline against the benchmark, breakdowns, funnel plots and
/// inequality. `wardspc report` and `wardspc serve` both call this, so the page an upload
/// returns is the page the command writes.
public enum ReportBuilder {
    /// What the report says about itself beyond the analysis: its title and where it came from.
    public struct About: Sendable {
        public var title: String
        /// The data file as the user named it (a path, or an upload's file name).
        public var dataFile: String
        public var eventsFile: String?
        /// e.g. "wardspc 0.1.0".
        public var software: String
        /// The date the report was made, ISO.
        public var generated: String

        public init(title: String = ReportBuilder.defaultTitle, dataFile: String, eventsFile: String? = nil,
                    software: String = "wardspc \(WardSPCVersion.current)", generated: String = ReportBuilder.today()) {
            self.title = title
            self.dataFile = dataFile
            self.eventsFile = eventsFile
            self.software = software
            self.generated = generated
        }
    }

    /// The data of the report's inequality section: a separate file (`--equity`) or, when
    /// `nil`, the data file itself when it has an ethnic_group column; bed days by group
    /// from `--exposure`, else the equity data's own.
    public struct EquityInputs: Sendable {
        public var dataset: WardDataset?
        public var exposure: ExposureTable?

        public init(dataset: WardDataset? = nil, exposure: ExposureTable? = nil) {
            self.dataset = dataset
            self.exposure = exposure
        }
    }

    public static let defaultTitle = "Ward safety: statistical process control charts"

    /// Render options every chart of the run shares (the target line from `--target`).
    public static func chartOptions(_ settings: AnalysisSettings) -> ChartRenderOptions {
        var options = ChartRenderOptions()
        options.target = settings.target
        return options
    }

    /// Everything the report shows for `request` on `dataset`: the charts, data quality,
    /// the headline and breakdowns on the request's own baseline and comparison windows,
    /// funnel plots and the inequality section. `wardspc report` and `wardspc serve` both
    /// call this, so the page an upload returns is the page the command writes.
    ///
    /// Throws `AnalysisError` when the data cannot support the charts asked for, and
    /// `InputRejected` when the inequality data is refused.
    public static func content(_ dataset: WardDataset, request: AnalysisRequest, about: About,
                               equity: EquityInputs = EquityInputs()) throws -> ReportContent {
        let settings = request.analysis
        let analysis = try Analyzer.analyse(dataset, settings: settings)
        let quality = Validator.validate(dataset, chart: settings.chart.rawValue)
        let provenance = ReportContent.Provenance(
            dataFile: about.dataFile, eventsFile: about.eventsFile, software: about.software,
            generated: about.generated, settings: settingsSummary(request))
        var content = ReportContent(title: about.title, series: analysis.series, provenance: provenance,
                                    dataQuality: quality, warnings: analysis.warnings,
                                    chartOptions: chartOptions(settings))
        content.catalogue = settings.catalogue
        // Past the deadline (`wardspc serve`'s time limit) the rest is not wanted: dropped.
        guard !settings.deadline.hasPassed else { return content }
        addEvaluation(to: &content, dataset: dataset, analysis: analysis, request: request, about: about)
        addBreakdowns(to: &content, dataset: dataset, request: request)
        try addEquity(to: &content, dataset: dataset, request: request, inputs: equity)
        return content
    }

    /// The inequality section, when there is equity data: before anyone joined against
    /// after everyone had when the events file has phases, else over the whole span.
    private static func addEquity(to content: inout ReportContent, dataset: WardDataset, request: AnalysisRequest,
                                  inputs: EquityInputs) throws {
        let hasEthnicGroups = dataset.dimensionNames.contains { ColumnNames.ethnicGroup.contains(Header.fold($0)) }
        guard inputs.dataset != nil || hasEthnicGroups else { return }
        var settings = EquitySettings()
        settings.exposure = inputs.exposure
        let phases = (request.analysis.events?.events ?? []).filter { $0.kind == .phase }.map(\.date)
        if let first = phases.min(), let last = phases.max(), first < last {
            settings.windows = StudyWindows(baseline: .until(first.adding(days: -1)), from: last)
        }
        settings.trusts = request.analysis.trusts
        settings.wards = request.analysis.wards
        content.equity = try EquityAnalysis.analyse(inputs.dataset ?? dataset, settings: settings)
    }

    /// Self-harm by context and restrictive practice by subtype (issue 8), when the data
    /// has those columns, on the request's windows; like the headline, left out with a
    /// warning when they cannot be made.
    private static func addBreakdowns(to content: inout ReportContent, dataset: WardDataset, request: AnalysisRequest) {
        guard dataset.valueKind == .count else { return }
        for dimension in [PoolingGroup.context, .subtype] where !request.deadline.hasPassed {
            do {
                content.breakdowns += try DimensionBreakdown.compute(dataset, by: dimension, settings: request.evaluation)
            } catch {
                content.warnings.append("no breakdown by \(dimension.rawValue): \(error)")
            }
        }
    }

    /// The programme headline against the benchmark and a funnel plot per measure, when
    /// the data are counts; a problem here leaves them out with a warning, never the report.
    private static func addEvaluation(to content: inout ReportContent, dataset: WardDataset, analysis: Analyzer.Result,
                                      request: AnalysisRequest, about: About) {
        let analysisSettings = request.analysis
        guard dataset.valueKind == .count, !analysisSettings.chart.needsIncidentDates else { return }
        do {
            // A process measure (the catalogue's p chart) is left out of the evaluation, which
            // says so; the headline and funnel plots are of incidents.
            let processMeasures = processMeasures(in: analysis.series, catalogue: analysisSettings.catalogue)
            guard processMeasures.count < Set(analysis.series.map(\.measure)).count else { return }
            let evaluation = try Evaluator.evaluate(dataset, settings: request.evaluation)
            let comparison = comparisonSentence(request.evaluation.windows, eventsFile: about.eventsFile,
                                                period: dataset.periodKind.name)
            content.headline = ReportHeadline(evaluation: evaluation, comparison: comparison)
            if !processMeasures.isEmpty {
                let names = processMeasures.sorted().map { DisplayName.measure($0, catalogue: analysisSettings.catalogue) }
                content.headline?.notes.append("\(names.joined(separator: ", ")): a process measure (a share of those due), not a rate of incidents, so not in the headline; its p charts show its change.")
            }
            // Measures in the order the series first show them, each once.
            var measures: [String] = []
            var seen: Set<String> = []
            for series in analysis.series where !processMeasures.contains(series.measure) && seen.insert(series.measure).inserted {
                measures.append(series.measure)
            }
            let funnels = try FunnelData.compute(dataset, measures: measures, settings: analysisSettings)
            for measure in measures {
                if let funnel = funnels[measure] {
                    content.funnels.append(FunnelPlotData(funnel, improvement: analysisSettings.improvement(of: measure)))
                }
            }
        } catch {
            content.warnings.append("no programme headline or funnel plots: \(error)")
        }
    }

    /// The measures of `series` the catalogue draws as a proportion (a p chart): process
    /// measures such as ligature assessments completed on time.
    static func processMeasures(in series: [SeriesReport], catalogue: MeasureCatalogue) -> Set<String> {
        Set(series.map(\.measure).filter { [.p, .pp].contains(catalogue.definition(of: $0).preferredChart) })
    }

    /// What the headline compares with what, in words.
    static func comparisonSentence(_ windows: WindowSettings, eventsFile: String?, period: String) -> String {
        let baseline: String? = windows.baselineUntil.map { "\(period)s starting up to \($0.ukText)" }
            ?? windows.baselinePeriods.map { "first \($0) observed \(period)s" }
        let comparison: String? = windows.from.map { from in
            "\(period)s from \(from.ukText)" + (windows.to.map { " to \($0.ukText)" } ?? "")
        }
        if baseline != nil || comparison != nil {
            // As EvaluationWindows.choose fills in the window that was not given.
            let before = baseline ?? (eventsFile != nil ? "\(period)s before its first phase event" : "\(period)s before the comparison")
            let after = comparison ?? (eventsFile != nil ? "\(period)s from its first phase event" : "\(period)s after the baseline")
            return "Each ward's \(before) against its \(after)."
        }
        if let events = eventsFile {
            return "Each ward's \(period)s before its first phase event in \(events) (e.g. joining the collaborative) against the \(period)s from then on."
        }
        return "Each ward's first 26 observed \(period)s against its last 26 (the first and second halves for shorter series)."
    }

    /// The flags that shaped the charts, as a user would type them.
    public static func settingsSummary(_ request: AnalysisRequest) -> [String] {
        let settings = request.analysis
        let windows = request.evaluation.windows
        var flags = ["--chart \(settings.autoChart ? "auto" : settings.chart.rawValue)", "--rules \(settings.rules.rawValue)"]
        if let improvement = settings.improvement { flags.append("--improvement \(improvement.rawValue)") }
        if let multiplier = settings.multiplier { flags.append("--multiplier \(multiplier)") }
        if let points = settings.baselinePoints { flags.append("--baseline-periods \(points)") }
        if let until = settings.baselineUntil { flags.append("--baseline-until \(until.iso)") }
        if let from = windows.from { flags.append("--from \(from.iso)") }
        if let to = windows.to { flags.append("--to \(to.iso)") }
        if request.benchmark != EvaluationSettings.defaultBenchmark { flags.append("--benchmark \(ValueText.reading(request.benchmark))") }
        if let target = settings.target { flags.append("--target \(target)") }
        if let length = settings.autoRebaseLength { flags.append("--auto-rebase \(length)") }
        return flags
    }

    /// Today's date (UTC), as the report writes dates: "7 Dec 2026".
    public static func today() -> String {
        let seconds = Int(Date().timeIntervalSince1970)
        return CivilDate(dayNumber: Int32(seconds / 86_400)).ukText
    }
}
