import SPCCore
import WardData

/// One window's figures: what was counted and over how much exposure.
public struct WindowFigures: Sendable, Equatable {
    public var start: CivilDate
    public var end: CivilDate
    /// Observed periods in the window.
    public var periods: Int
    public var count: Int
    /// Occupied bed days, or the number of observed periods when the file has no bed days.
    public var exposure: Double
    /// Per 1,000 bed days, or per period.
    public var rate: Double?
}

/// The segmented-regression figures of one ward (Wagner et al. 2002).
public struct InterruptedTimeSeries: Sendable, Equatable {
    public var model: SegmentedModel
    /// Linear: change in rate (per 1,000 bed days or per period); Poisson: log rate ratio.
    public var levelChange: Double
    public var levelChangeStandardError: Double
    public var slopeChange: Double
    public var slopeChangeStandardError: Double
    public var durbinWatson: Double?
    public var points: Int
}

/// Change against baseline for one trust × ward × measure (DESIGN.md §4.4).
public struct WardEvaluation: Sendable {
    public var trust: String
    public var ward: String
    public var measure: String
    /// The value of `EvaluationResult.dimension` this ward's figures are for, when pooling
    /// by a dimension (`--group-by subtype|context|ethnic_group`); `nil` otherwise, and for
    /// the rows that carry no value of it.
    public var group: String?
    public var baseline: WindowFigures?
    public var comparison: WindowFigures?
    public var counts: WardCounts?
    public var rateRatio: RateRatio?
    public var verdict: Verdict
    public var centreChangePercent: Double?
    public var its: InterruptedTimeSeries?
    /// How the windows were chosen, and anything the reader should know.
    public var notes: [String]
    public var warnings: [String]

    public var reductionPercent: Double? { rateRatio?.reductionPercent }
}

/// Pooled figures for a group of wards (a trust × measure, or the programme's measure).
public struct PooledEvaluation: Sendable {
    /// `nil` for programme-wide figures.
    public var trust: String?
    public var measure: String
    /// The dimension value when pooling by subtype or context.
    public var group: String?
    public var wards: Int
    /// ΣO_b, ΣT_b, ΣO_c, ΣT_c of the wards observed in both windows; `nil` when none is.
    public var totals: WardCounts?
    public var ratioOfTotals: PooledRatio?
    /// The group's verdict, from the ratio of totals and its interval by the ward rules
    /// (`Verdict(pooled:…)`); `insufficient_data` when the ratio is undefined.
    public var verdict: Verdict
    /// How many of the group's wards got each verdict (absent: none).
    public var wardsByVerdict: [Verdict: Int]
    public var randomEffects: RandomEffects?
    /// The wards' own estimates: mean, median and wards reaching 15/25/100% — counted on
    /// the estimate, as collaboratives report them, not on the interval.
    public var reductions: ReductionSummary
}

/// Everything `wardspc evaluate` reports.
public struct EvaluationResult: Sendable {
    public var wards: [WardEvaluation]
    public var trusts: [PooledEvaluation]
    public var programme: [PooledEvaluation]
    public var benchmark: Double
    /// `--min-incidents`: the fewest incidents (baseline and comparison together) judged.
    public var minimumIncidents: Int
    /// `"week"` or `"month"`.
    public var period: String
    /// Bed days (rates per 1,000 occupied bed days) or periods (rates per period).
    public var exposureIsBedDays: Bool
    public var chart: ChartKind
    /// How the pooled tables group wards (`--group-by`).
    public var groupBy: PoolingGroup
    public var warnings: [String]

    /// The dimension each ward and pooled row was split by — `subtype`, `context` or
    /// `ethnic_group` — whose value is `group`; `nil` when pooling by trust or measure.
    public var dimension: String? {
        switch groupBy {
        case .subtype, .context, .ethnicGroup: groupBy.rawValue
        case .trust, .measure: nil
        }
    }
}
