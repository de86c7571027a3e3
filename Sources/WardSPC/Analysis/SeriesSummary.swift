import SPCCore
import WardData

/// One series in a line (`analyze --summary`, DESIGN.md §5.1): the latest phase's centre,
/// limits at its last point and signals, shifts and icons. Built from a full report, or —
/// on the streaming path, which never builds per-point reports — straight from the
/// analysis; `SeriesSummaryTests` checks the two agree on every chart and rule set.
public struct SeriesSummary: Sendable, Equatable {
    public var trust: String
    public var ward: String
    public var measure: String
    public var chart: ChartKind
    /// `--chart auto`: why this chart (`nil` for a chart asked for by name).
    public var chartReason: String?
    public var rules: RuleSetKind
    public var multiplier: Double
    /// `"week"`, `"month"` or `"incident"`.
    public var period: String
    public var points: Int
    public var first: CivilDate?
    public var last: CivilDate?
    public var latestPhaseStart: CivilDate?
    public var latestCentre: Double?
    /// The latest phase's limits at its last point (u and p limits step with the denominator).
    public var latestLower: Double?
    public var latestUpper: Double?
    /// Signal names fired in the latest phase (point and phase signals), each once, sorted.
    public var latestSignals: [SignalKind]
    public var sustainedShifts: Int
    public var variation: VariationIcon?
    public var assurance: AssuranceIcon?
    public var warnings: [String]

    public init(_ report: SeriesReport) {
        trust = report.trust
        ward = report.ward
        measure = report.measure
        chart = report.chart
        chartReason = report.chartReason
        rules = report.rules.kind
        multiplier = report.multiplier
        period = report.period
        points = report.points.count
        first = report.points.first?.period
        last = report.points.last?.period
        latestPhaseStart = report.latestPhase?.start
        latestCentre = report.latestPhase?.centre
        (latestLower, latestUpper) = report.latestLimits
        latestSignals = report.latestSignals
        sustainedShifts = report.sustainedShifts.count
        variation = report.variation
        assurance = report.assurance
        warnings = report.warnings
    }

    /// The summary of an analysed series without its per-point report. `warnings` are the
    /// ones found before the analysis (they come first, as in the report); the analysis'
    /// own follow, then `trailingWarnings`.
    public init(analysis: SeriesAnalysis, series: Series, trust: String, ward: String, measure: String,
                periodName: String, configuration: AnalysisConfiguration, warnings: [String],
                trailingWarnings: [String]) {
        self.trust = trust
        self.ward = ward
        self.measure = measure
        chart = configuration.chart.kind
        rules = configuration.rules.kind
        multiplier = configuration.chart.multiplier
        period = periodName
        points = series.count
        first = series.periods.first.map(CivilDate.init(dayNumber:))
        last = series.periods.last.map(CivilDate.init(dayNumber:))
        var signals = Set<SignalKind>()
        if let range = analysis.layout.phases.last {
            let phase = analysis.layout.phases.count - 1
            latestPhaseStart = CivilDate(dayNumber: series.periods[range.lowerBound])
            latestCentre = analysis.lines.centre[range.lowerBound]
            latestLower = analysis.lines.lower[range.upperBound - 1]
            latestUpper = analysis.lines.upper[range.upperBound - 1]
            for event in analysis.outcome.events {
                if event.points.isEmpty ? event.phase == phase : event.points.contains(where: range.contains) {
                    signals.insert(event.kind)
                }
            }
        }
        latestSignals = signals.sorted()
        sustainedShifts = analysis.sustainedShifts.count
        variation = analysis.variation
        assurance = analysis.assurance
        self.warnings = warnings + analysis.warnings + trailingWarnings
    }
}
