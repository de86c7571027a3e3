import SPCCore
import WardData

/// One analysed trust × ward × measure, in the terms of the output contract (DESIGN.md §5.1).
public struct SeriesReport: Sendable {
    public struct Point: Sendable {
        public var period: CivilDate
        /// The count behind the point (`nil` for value measures and g/t charts).
        public var count: Double?
        public var denominator: Double?
        /// The plotted value (`nil` where the chart has none, e.g. an mr chart's first point).
        public var value: Double?
        public var centre: Double?
        public var lower: Double?
        public var upper: Double?
        /// 1-based.
        public var phase: Int
        public var baseline: Bool
        public var excluded: Bool
        public var signals: [SignalKind]
        /// The orientation of the point's signals (improvement or concern), when it has any.
        public var orientation: SignalOrientation?
        public var category: PointCategory?
        /// `--chart auto` on months: some of the month's weeks are missing (drawn hollow,
        /// left out of estimation and the run rules).
        public var partial = false
    }

    public struct Phase: Sendable {
        /// 1-based.
        public var index: Int
        public var start: CivilDate
        public var end: CivilDate
        public var baselinePoints: Int
        public var centre: Double?
        public var runs: RunsStatistics?
        /// The events-file label that started the phase, if any.
        public var label: String?
        /// Phase-level signals (`few_crossings`).
        public var signals: [SignalKind]
    }

    public struct Shift: Sendable {
        public var start: CivilDate
        public var end: CivilDate
        public var median: Double
    }

    public var trust: String
    public var ward: String
    public var measure: String
    /// The measure's label from the request's catalogue ("Rapid tranquillisation"), for
    /// titles; `nil` when the report was not made by `Analyzer` (then the built-in label).
    public var measureLabel: String?
    /// What one count is, when the catalogue says more than "incidents" (ligature
    /// assessments: "assessments completed on time"), for a p chart's axis.
    public var measureUnit: String?
    public var chart: ChartKind
    /// `--chart auto`: why this chart (`nil` for a chart asked for by name).
    public var chartReason: String?
    /// `--chart auto` drew the series without limits or signals: too few incidents for any
    /// chart to tell change from chance (`ChartAdvice.showsSignals`); `chartReason` says why.
    public var drawnWithoutSignals = false
    public var rules: RuleParameters
    public var multiplier: Double
    public var screenMovingRanges: Bool
    /// `"week"`, `"month"` or `"incident"` (g/t charts: one point per incident).
    public var period: String
    public var phases: [Phase]
    public var points: [Point]
    public var sustainedShifts: [Shift]
    /// With `--auto-rebase`: the median of the first `--median-points` points, which the
    /// first sustained shift is measured against (runcharter's baseline median).
    public var rebaseBaselineMedian: Double?
    public var variation: VariationIcon?
    public var assurance: AssuranceIcon?
    public var annotations: [WardEvent]
    public var warnings: [String]

    /// The latest phase (the one the summary describes).
    public var latestPhase: Phase? { phases.last }

    /// The latest phase's limits at its last point (u and p limits step with the denominator).
    public var latestLimits: (lower: Double?, upper: Double?) {
        let point = points.last { $0.phase == latestPhase?.index }
        return (point?.lower, point?.upper)
    }

    /// Signal names fired in the latest phase (point and phase signals), each once.
    public var latestSignals: [SignalKind] {
        guard let last = phases.last else { return [] }
        var names = Set(last.signals)
        for point in points where point.phase == last.index { names.formUnion(point.signals) }
        return names.sorted()
    }
}
