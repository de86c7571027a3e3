import WardData

/// What `wardspc equity` is asked to do (docs/equity.md).
public struct EquitySettings: Sendable {
    /// Broad groups (White, Mixed, Asian, Black, Other) or each category's label.
    public var grouping: EthnicGrouping = .broad
    /// The reference group as given (code, label or group name); `nil` = White under
    /// broad grouping, White British under detailed.
    public var reference: String?
    /// Baseline window: periods starting on or before this date.
    public var baselineUntil: CivilDate?
    /// Comparison window: periods starting on or after this date (and on or before `to`).
    public var from: CivilDate?
    public var to: CivilDate?
    /// Occupied bed days by ward × period × ethnic group from a separate file; when `nil`,
    /// the data file's own bed days (each row's, by ethnic group) are used if it has them.
    public var exposure: ExposureTable?
    /// Keep only these (empty = all).
    public var trusts: Set<String> = []
    public var wards: Set<String> = []
    public var measures: Set<String> = []

    public init() {}

    /// Whether baseline and comparison windows were asked for.
    public var hasWindows: Bool { baselineUntil != nil || from != nil }
}

/// The geographical level of an equity row.
public enum EquityLevel: String, Sendable, CaseIterable {
    case programme, trust, ward
}

/// The span an equity row covers: every observed period, or the baseline or comparison window.
public enum EquityWindow: String, Sendable, CaseIterable {
    case all, baseline, comparison
}
