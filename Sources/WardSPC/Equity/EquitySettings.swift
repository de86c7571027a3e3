import WardData

/// What `wardspc equity` is asked to do (docs/equity.md).
public struct EquitySettings: Sendable {
    /// Broad groups (White, Mixed, Asian, Black, Other) or each category's label.
    public var grouping: EthnicGrouping = .broad
    /// The reference group as given (code, label or group name); `nil` = White under
    /// broad grouping, White British under detailed.
    public var reference: String?
    /// The baseline and comparison windows: a baseline given as an end date
    /// (`--baseline-until`; the first N periods is refused, `EquityAnalysis` says why), a
    /// comparison from `from` to `to`.
    public var windows = StudyWindows()
    /// Occupied bed days by ward × period × ethnic group from a separate file; when `nil`,
    /// the data file's own bed days (each row's, by ethnic group) are used if it has them.
    public var exposure: ExposureTable?
    /// Keep only these (empty = all).
    public var trusts: Set<String> = []
    public var wards: Set<String> = []
    public var measures: Set<String> = []

    public init() {}

    /// Whether baseline and comparison windows were asked for.
    /// Baseline window: periods starting on or before this date.
    public var baselineUntil: CivilDate? {
        get { windows.baselineUntil }
        set { windows.baselineUntil = newValue }
    }
    /// Comparison window: periods starting on or after this date …
    public var from: CivilDate? {
        get { windows.from }
        set { windows.from = newValue }
    }
    /// … and on or before this one.
    public var to: CivilDate? {
        get { windows.to }
        set { windows.to = newValue }
    }

    public var hasWindows: Bool { windows.baseline != nil || windows.from != nil }
}

/// The geographical level of an equity row.
public enum EquityLevel: String, Sendable, CaseIterable {
    case programme, trust, ward
}

/// The span an equity row covers: every observed period, or the baseline or comparison window.
public enum EquityWindow: String, Sendable, CaseIterable {
    case all, baseline, comparison
}
