/// The rule sets of DESIGN.md §4.2.
public enum RuleSetKind: String, Sendable, CaseIterable, Codable {
    /// Anhøj runs rules, qicharts2-compatible (plus outside limits on control charts).
    case anhoej
    /// Perla, Provost & Murray (2011): shift, trend, too few / too many runs.
    case ihi
    /// NHS England Making Data Count, SPC SQL v2.6 defaults.
    case mdc
    /// NHSRplotthedots-compatible Making Data Count.
    case ptd

    /// Moving-range screening default (DESIGN.md §4.0): on except under `mdc`.
    public var screensMovingRanges: Bool { self != .mdc }

    /// Whether this rule set uses NHS England's 2.66·MR̄ limits on i charts.
    public var usesNHSEnglandConstant: Bool { self == .mdc || self == .ptd }

    /// Default shift length (consecutive points on one side).
    public var defaultShiftLength: Int {
        switch self {
        case .anhoej: return 0  // Anhøj uses round(log₂ n) + 3 instead.
        case .ihi, .mdc: return 6
        case .ptd: return 7
        }
    }

    /// Default trend length (points each higher or lower than the previous).
    public var defaultTrendLength: Int {
        switch self {
        case .anhoej: return 0  // no trend rule
        case .ihi: return 5
        case .mdc: return 6
        case .ptd: return 7
        }
    }

    /// Icons and the per-point `mdc` field exist under `mdc` and `ptd` only.
    public var hasIcons: Bool { self == .mdc || self == .ptd }
}

/// A rule set with its parameters, as every output reports them.
public struct RuleParameters: Sendable, Equatable {
    public var kind: RuleSetKind
    public var shiftLength: Int
    public var trendLength: Int
    public var improvement: Improvement

    public init(kind: RuleSetKind, shiftLength: Int? = nil, trendLength: Int? = nil, improvement: Improvement = .decrease) {
        self.kind = kind
        self.shiftLength = shiftLength ?? kind.defaultShiftLength
        self.trendLength = trendLength ?? kind.defaultTrendLength
        self.improvement = improvement
    }
}
