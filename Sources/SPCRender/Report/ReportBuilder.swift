import Foundation
import SPCCore
import WardData
import WardSPC

/// From an analysed dataset to the report's content: the charts, data quality, the
/// programme headline against the benchmark and a funnel plot per measure. `wardspc
/// report` and `wardspc serve` both call this, so the page an upload returns is the page
/// the command writes.
public enum ReportBuilder {
    /// What the caller knows beyond the analysis: names, benchmark, headline windows.
    public struct Request: Sendable {
        public var title: String
        /// The benchmark reduction in per cent for the programme headline.
        public var benchmark: Double
        /// The data file as the user named it (a path, or an upload's file name).
        public var dataFile: String
        public var eventsFile: String?
        /// e.g. "wardspc 0.1.0".
        public var software: String
        /// The date the report was made, ISO.
        public var generated: String
        /// The headline's baseline and comparison windows (`evaluate`'s `--baseline-until`,
        /// `--baseline-weeks`, `--from`); unset, each ward's first 26 observed periods
        /// against its last 26, or the periods before and after its first phase event.
        public var windows: WindowSettings

        public init(title: String = ReportBuilder.defaultTitle, benchmark: Double = 15, dataFile: String,
                    eventsFile: String? = nil, software: String = "wardspc \(WardSPCVersion.current)",
                    generated: String = ReportBuilder.today(), windows: WindowSettings = WindowSettings()) {
            self.title = title
            self.benchmark = benchmark
            self.dataFile = dataFile
            self.eventsFile = eventsFile
            self.software = software
            self.generated = generated
            self.windows = windows
        }
    }

    public static let defaultTitle = "Ward safety: statistical process control charts"

    /// The chart a ward team's picture needs when none is asked for: u with a denominator
    /// (bed days), c for counts without one, i (XmR) for values.
    public static func defaultChart(_ dataset: WardDataset) -> ChartKind {
        if dataset.valueKind == .value { return .i }
        return dataset.hasDenominator ? .u : .c
    }

    /// Render options every chart of the run shares (the target line from `--target`).
    public static func chartOptions(_ settings: AnalysisSettings) -> ChartRenderOptions {
        var options = ChartRenderOptions()
        options.target = settings.target
        return options
    }

    /// Everything the report shows for `analysis` (the result of `Analyzer.analyse` on
    /// `dataset` with `settings`).
    public static func content(_ dataset: WardDataset, analysis: Analyzer.Result, settings: AnalysisSettings,
                               request: Request) -> ReportContent {
        let quality = Validator.validate(dataset, chart: settings.chart.rawValue)
        let provenance = ReportContent.Provenance(
            dataFile: request.dataFile, eventsFile: request.eventsFile, software: request.software,
            generated: request.generated, settings: settingsSummary(settings))
        var content = ReportContent(title: request.title, series: analysis.series, provenance: provenance,
                                    dataQuality: quality, warnings: analysis.warnings,
                                    chartOptions: chartOptions(settings))
        addEvaluation(to: &content, dataset: dataset, analysis: analysis, settings: settings, request: request)
        addBreakdowns(to: &content, dataset: dataset, settings: settings, request: request)
        return content
    }

    /// Self-harm by context and restrictive practice by subtype (issue 8), when the data
    /// has those columns; like the headline, left out with a warning when they cannot be made.
    private static func addBreakdowns(to content: inout ReportContent, dataset: WardDataset,
                                      settings analysisSettings: AnalysisSettings, request: Request) {
        guard dataset.valueKind == .count else { return }
        var settings = EvaluationSettings()
        settings.events = analysisSettings.events
        settings.benchmark = request.benchmark
        var breakdownAnalysis = analysisSettings
        breakdownAnalysis.chart = dataset.hasDenominator ? .u : .c
        settings.analysis = breakdownAnalysis
        settings.chartGiven = true
        for dimension in [PoolingGroup.context, .subtype] {
            do {
                content.breakdowns += try DimensionBreakdown.compute(dataset, by: dimension, settings: settings)
            } catch {
                content.warnings.append("no breakdown by \(dimension.rawValue): \(error)")
            }
        }
    }

    /// The programme headline against the benchmark and a funnel plot per measure, when
    /// the data are counts; a problem here leaves them out with a warning, never the report.
    private static func addEvaluation(to content: inout ReportContent, dataset: WardDataset, analysis: Analyzer.Result,
                                      settings analysisSettings: AnalysisSettings, request: Request) {
        guard dataset.valueKind == .count, !analysisSettings.chart.needsIncidentDates else { return }
        var settings = EvaluationSettings()
        settings.events = analysisSettings.events
        settings.benchmark = request.benchmark
        settings.windows = request.windows
        var evaluationAnalysis = analysisSettings
        if ![.run, .i, .c, .u, .up].contains(evaluationAnalysis.chart) {
            evaluationAnalysis.chart = dataset.hasDenominator ? .u : .c
        }
        settings.analysis = evaluationAnalysis
        settings.chartGiven = true
        do {
            let evaluation = try Evaluator.evaluate(dataset, settings: settings)
            let comparison = comparisonSentence(request, period: dataset.periodKind.name)
            content.headline = ReportHeadline(evaluation: evaluation, comparison: comparison)
            var measures: [String] = []
            for series in analysis.series where !measures.contains(series.measure) { measures.append(series.measure) }
            for measure in measures {
                var funnelSettings = analysisSettings
                funnelSettings.measures = [measure]
                if let funnel = try FunnelData.compute(dataset, measure: measure, settings: funnelSettings) {
                    content.funnels.append(FunnelPlotData(funnel, improvement: analysisSettings.improvement))
                }
            }
        } catch {
            content.warnings.append("no programme headline or funnel plots: \(error)")
        }
    }

    /// What the headline compares with what, in words.
    static func comparisonSentence(_ request: Request, period: String) -> String {
        let windows = request.windows
        let baseline: String? = windows.baselineUntil.map { "\(period)s starting up to \($0.iso)" }
            ?? windows.baselinePeriods.map { "first \($0) observed \(period)s" }
        let comparison: String? = windows.from.map { "\(period)s from \($0.iso)" }
        if baseline != nil || comparison != nil {
            let before = baseline ?? (request.eventsFile != nil ? "\(period)s before its first phase event" : "first 26 observed \(period)s")
            let after = comparison ?? (request.eventsFile != nil ? "\(period)s from its first phase event" : "last 26 observed \(period)s")
            return "Each ward's \(before) against its \(after)."
        }
        if let events = request.eventsFile {
            return "Each ward's \(period)s before its first phase event in \(events) (e.g. joining the collaborative) against the \(period)s from then on."
        }
        return "Each ward's first 26 observed \(period)s against its last 26 (the first and second halves for shorter series)."
    }

    /// The flags that shaped the charts, as a user would type them.
    public static func settingsSummary(_ settings: AnalysisSettings) -> [String] {
        var flags = ["--chart \(settings.autoChart ? "auto" : settings.chart.rawValue)", "--rules \(settings.rules.rawValue)",
                     "--improvement \(settings.improvement.rawValue)"]
        if let multiplier = settings.multiplier { flags.append("--multiplier \(multiplier)") }
        if let points = settings.baselinePoints { flags.append("--baseline-points \(points)") }
        if let until = settings.baselineUntil { flags.append("--baseline-until \(until.iso)") }
        if let target = settings.target { flags.append("--target \(target)") }
        if let length = settings.autoRebaseLength { flags.append("--auto-rebase \(length)") }
        return flags
    }

    /// Today's date (UTC), ISO.
    public static func today() -> String {
        let seconds = Int(Date().timeIntervalSince1970)
        return CivilDate(dayNumber: Int32(seconds / 86_400)).iso
    }
}
