import SPCCore
import Threads
import WardData

/// What `wardspc analyze` (and the library) is asked to do. Defaults follow DESIGN.md §4.0.
public struct AnalysisSettings: Sendable {
    public var chart: ChartKind = .run
    /// `--chart auto`: each series gets the chart `ChartAdvisor` chooses (`chart` is then
    /// only the fallback for checks made before the series are known).
    public var autoChart = false
    public var rules: RuleSetKind = .anhoej
    /// run, i and mr charts: plot count ÷ denominator × multiplier (`--value rate`).
    public var plotRate = false
    /// Default: 1,000 for u/up and rates, 1 otherwise.
    public var multiplier: Double?
    /// Default: on for anhoej, ihi and ptd; off for mdc.
    public var screenMovingRanges: Bool?
    /// Freezes each phase's centre and limits: on its first N points, or on the points up
    /// to a date.
    public var baseline: Baseline?
    public var phaseStarts: [CivilDate] = []
    /// Dates whose periods are excluded (any day of the period).
    public var excludedDates: [CivilDate] = []
    /// Per-ward phases, exclusions and notes.
    public var events: WardEvents?
    /// `--improvement`: which way is better for every measure of the request; `nil` (the
    /// default) = each measure's own direction from `catalogue` (decrease for a measure it
    /// does not know). Read per series through `improvement(of:)`.
    public var improvement: Improvement?
    /// What is known of each measure: direction, preferred chart, caveat (docs/measures.md).
    public var catalogue = MeasureCatalogue.builtIn
    /// In the chart's units (after the multiplier).
    public var target: Double?
    public var shiftLength: Int?
    public var trendLength: Int?
    /// `--auto-rebase LENGTH`.
    public var autoRebaseLength: Int?
    public var medianPoints = 13
    /// Default: below for decrease, above for increase, both for neutral.
    public var rebaseDirection: RebaseDirection?
    /// Filters (empty = all).
    public var trusts: Set<String> = []
    public var wards: Set<String> = []
    public var measures: Set<String> = []
    public var subtypes: Set<String> = []
    /// When the work is no longer wanted (`wardspc serve`'s time limit): past it the
    /// analysis stops early and its result is incomplete (`Deadline`). Never, by default.
    public var deadline = Deadline.never

    public init() {}

    /// The settings most callers choose (the rest keep their defaults); requests are
    /// resolved into them by `AnalysisRequest.resolve`.
    public init(chart: ChartKind, rules: RuleSetKind, improvement: Improvement? = nil,
                baseline: Baseline? = nil, events: WardEvents? = nil) {
        self.chart = chart
        self.rules = rules
        self.improvement = improvement
        self.baseline = baseline
        self.events = events
    }

    /// `--baseline-periods N`: the first N points of each phase (setting it replaces the baseline).
    public var baselinePoints: Int? {
        get { StudyWindows(baseline: baseline).baselinePeriods }
        set { var windows = StudyWindows(baseline: baseline); windows.baselinePeriods = newValue; baseline = windows.baseline }
    }

    /// `--baseline-until D`: the points whose period starts on or before D (setting it replaces the baseline).
    public var baselineUntil: CivilDate? {
        get { StudyWindows(baseline: baseline).baselineUntil }
        set { var windows = StudyWindows(baseline: baseline); windows.baselineUntil = newValue; baseline = windows.baseline }
    }

    /// Which way is better for `measure`: `--improvement` when given, else the catalogue's.
    public func improvement(of measure: String) -> Improvement {
        catalogue.improvement(of: measure, given: improvement)
    }

    /// These settings for the series of one measure: its direction fixed (`improvement(of:)`),
    /// so its configuration, rebase direction and icons follow it.
    public func forMeasure(_ measure: String) -> AnalysisSettings {
        var settings = self
        settings.improvement = improvement(of: measure)
        return settings
    }

    /// The rebase direction in force (decrease's when no direction is fixed: see `forMeasure`).
    public var effectiveRebaseDirection: RebaseDirection {
        if let rebaseDirection { return rebaseDirection }
        switch improvement ?? .decrease {
        case .decrease: return .below
        case .increase: return .above
        case .neutral: return .both
        }
    }

    /// Whether a series passes the `--trust`, `--ward` and `--measure` filters.
    public func includes(_ trust: String, _ ward: String, _ measure: String) -> Bool {
        (trusts.isEmpty || trusts.contains(trust)) && (wards.isEmpty || wards.contains(ward))
            && (measures.isEmpty || measures.contains(measure))
    }

    /// The dataset with only the rows of the `--subtype` values (all rows when none given).
    public func selectingSubtypes(of dataset: WardDataset) throws(AnalysisError) -> WardDataset {
        guard !subtypes.isEmpty else { return dataset }
        guard dataset.dimensionNames.contains(where: { Header.fold($0) == "subtype" }) else {
            throw AnalysisError("--subtype needs a `subtype` column, and \(dataset.file) has none")
        }
        return dataset.keeping(dimension: "subtype", values: subtypes)
    }

    /// The SPCCore configuration these settings give (before per-ward events); its direction
    /// is decrease unless one is fixed (`forMeasure` does so per series).
    public var configuration: AnalysisConfiguration {
        let improvement = improvement ?? .decrease
        var configuration = AnalysisConfiguration.standard(chart: chart, rules: rules, improvement: improvement,
                                                           multiplier: multiplier, screenMovingRanges: screenMovingRanges,
                                                           plotRate: plotRate)
        configuration.rules = RuleParameters(kind: rules, shiftLength: shiftLength, trendLength: trendLength,
                                             improvement: improvement)
        configuration.target = target
        if let autoRebaseLength {
            configuration.autoRebase = AutoRebaseSettings(length: autoRebaseLength, medianPoints: medianPoints,
                                                          direction: effectiveRebaseDirection)
        }
        return configuration
    }
}

/// A request the data cannot answer (exit code 2): the message says what is needed.
public struct AnalysisError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
