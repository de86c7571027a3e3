/// One ward's events and exposure in its baseline and comparison windows: O_b, T_b,
/// O_c, T_c of DESIGN.md §4.4.
///
/// Exposure is occupied bed days when given, else the number of observed periods; only
/// ratios of rates are formed, so its unit cancels (it must be the same in both windows).
public struct WardCounts: Sendable, Hashable {
    /// O_b, events in the baseline window.
    public var baselineCount: Int
    /// T_b, exposure of the baseline window.
    public var baselineExposure: Double
    /// O_c, events in the comparison window.
    public var comparisonCount: Int
    /// T_c, exposure of the comparison window.
    public var comparisonExposure: Double

    public init(baselineCount: Int, baselineExposure: Double, comparisonCount: Int, comparisonExposure: Double) {
        self.baselineCount = baselineCount
        self.baselineExposure = baselineExposure
        self.comparisonCount = comparisonCount
        self.comparisonExposure = comparisonExposure
    }

    /// Both windows observed: non-negative counts and positive, finite exposures. Pooled
    /// figures leave out wards that are not.
    public var isObserved: Bool {
        baselineCount >= 0 && comparisonCount >= 0
            && baselineExposure > 0 && baselineExposure.isFinite
            && comparisonExposure > 0 && comparisonExposure.isFinite
    }

    /// Whether the ward's reduction is defined: observed, with O_b > 0.
    public var hasReduction: Bool { isObserved && baselineCount > 0 }

    /// RR = (O_c/T_c)/(O_b/T_b), formed as (O_c·T_b)/(O_b·T_c) (one rounding for integer
    /// exposures); `nil` unless `hasReduction`.
    var rateRatioEstimate: Double? {
        guard hasReduction else { return nil }
        return (Double(comparisonCount) * baselineExposure) / (Double(baselineCount) * comparisonExposure)
    }

    /// Whether the reduction 100·(1 − RR) is at least `percent`, decided exactly:
    /// 100·O_c·T_b ≤ (100 − percent)·O_b·T_c, so a ward exactly on a benchmark (17 of 20
    /// events against 15%) reaches it even when 100·(1 − RR) rounds to 14.999999999999998.
    /// `false` when the reduction is undefined.
    public func reductionReaches(_ percent: Double) -> Bool {
        guard hasReduction else { return false }
        return 100 * Double(comparisonCount) * baselineExposure
            <= (100 - percent) * Double(baselineCount) * comparisonExposure
    }
}
