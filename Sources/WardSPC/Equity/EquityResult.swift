import SPCCore
import WardData

/// One level × measure × window × ethnic group of `wardspc equity`.
public struct EquityRow: Sendable {
    public var level: EquityLevel
    /// `nil` at programme level.
    public var trust: String?
    /// `nil` above ward level.
    public var ward: String?
    public var measure: String
    public var window: EquityWindow
    public var group: String
    public var isReference: Bool
    /// Incidents of the group (ethnicity known).
    public var count: Int
    /// The group's occupied bed days; `nil` without exposure by group.
    public var exposure: Double?
    /// The group's share of the incidents whose ethnicity is known (0–1); `nil` when none is.
    public var share: Double?
    /// Incidents per 1,000 occupied bed days; `nil` without exposure (or with none for the group).
    public var rate: Double?
    /// The group's rate against the reference group's, with its exact conditional 95%
    /// interval (R's `poisson.test(c(count, ref), c(exposure, refExposure))`); `nil` for the
    /// reference itself, without exposure, or when the reference had no incidents.
    public var rateRatio: RateRatio?
    /// The reference group's count in the same level × measure × window (what the ratio rests on).
    public var referenceCount: Int
    /// Incidents of the level × measure × window whose ethnicity is not stated or not known.
    public var unknownCount: Int
    /// Every incident of the level × measure × window, known or not.
    public var totalCount: Int

    /// unknown / total (0–1); `nil` when there were no incidents.
    public var unknownShare: Double? { totalCount > 0 ? Double(unknownCount) / Double(totalCount) : nil }
}

/// Whether the gap narrowed: a group's rate ratio in the comparison window over its rate
/// ratio in the baseline window, with a 95% interval on the log scale.
public struct EquityChange: Sendable {
    public var level: EquityLevel
    public var trust: String?
    public var ward: String?
    public var measure: String
    public var group: String
    /// a_b, r_b, a_c, r_c: the group's and the reference group's incidents in the baseline
    /// and comparison windows.
    public var groupBaseline: Int, referenceBaseline: Int, groupComparison: Int, referenceComparison: Int
    /// RR_c / RR_b; `nil` when any of the four counts is 0 or an exposure is missing.
    public var ratioOfRateRatios: Double?
    /// exp(ln RRR ± z·SE), SE = √(1/a_b + 1/r_b + 1/a_c + 1/r_c).
    public var interval: ConfidenceInterval?

    /// The four counts (for suppression).
    public var counts: [Int] { [groupBaseline, referenceBaseline, groupComparison, referenceComparison] }
}

/// The calendar span of a window (the observed periods it covers).
public struct EquitySpan: Sendable, Hashable {
    public var window: EquityWindow
    public var start: CivilDate
    public var end: CivilDate
}

/// Everything `wardspc equity` found.
public struct EquityResult: Sendable {
    public var file: String
    public var grouping: EthnicGrouping
    public var reference: String
    /// Where bed days by group came from (`nil`: none — distribution only).
    public var exposureSource: String?
    public var hasExposure: Bool { exposureSource != nil }
    /// `week` or `month`.
    public var period: String
    public var spans: [EquitySpan]
    public var rows: [EquityRow]
    public var changes: [EquityChange]
    public var warnings: [String]

    /// The sentence every output carries when there is no exposure by group.
    public static let distributionOnlyNote = "no bed days by ethnic group (give --exposure FILE, or bed_days on rows that carry ethnic_group): only the distribution of incidents by group is shown — no rates, no rate ratios"
}
