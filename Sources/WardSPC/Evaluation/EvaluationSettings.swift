import SPCCore
import WardData

/// What `wardspc evaluate` is asked to do. Defaults follow DESIGN.md §4.0 and §4.4.
public struct EvaluationSettings: Sendable {
    public var windows = WindowSettings()
    /// Per-ward interventions: each ward's first `phase` event splits baseline from comparison.
    public var events: WardEvents?
    /// The benchmark reduction, in per cent (the NCCMH collaborative's 15%).
    public var benchmark = EvaluationSettings.defaultBenchmark
    /// Fewer incidents than this in a ward's (or a pooled group's) baseline and comparison
    /// together are too few to judge: its verdict is `insufficient_data` (`--min-incidents`).
    public var minimumIncidents = Verdict.defaultMinimumIncidents
    /// The SPC view (centre-line change) uses these chart and rule settings; its chart
    /// defaults to u when the data has bed days, else c.
    public var analysis = AnalysisSettings()
    /// Whether `analysis.chart` was given (otherwise u/c is chosen from the data).
    public var chartGiven = false
    /// Sustained-shift length for the SPC view when no phases exist (runcharter's 9).
    public var autoRebaseLength = EvaluationSettings.defaultAutoRebaseLength
    /// Pool by these in the `trusts` table (default: trust × measure).
    public var groupBy: PoolingGroup = .trust
    /// Segmented regression model.
    public var segmentedModel: SegmentedModel = .linear

    public init() {}

    /// The NCCMH Restrictive Practice Collaborative's average reduction across 38 wards.
    public static let defaultBenchmark = 15.0
    /// runcharter's default run length for a sustained shift.
    public static let defaultAutoRebaseLength = 9
}

/// How the pooled table groups wards (`--group-by`).
public enum PoolingGroup: String, Sendable, CaseIterable {
    case trust, measure, subtype, context
    /// Each broad ethnic group (White, Mixed, Asian, Black, Other) pooled separately, and
    /// the records whose ethnicity is not stated or not known as their own group.
    case ethnicGroup = "ethnic_group"
}

/// The segmented-regression model (`--its`).
public enum SegmentedModel: String, Sendable, CaseIterable {
    /// OLS on the rate per 1,000 bed days (or count per period), Wagner et al. 2002.
    case linear
    /// Poisson regression of the counts with log(exposure) as offset, by IRLS.
    case poisson
}
