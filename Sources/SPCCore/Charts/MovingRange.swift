/// Moving ranges and their mean, with Nelson's screening — the one place every chart that
/// estimates σ from moving ranges (i, t, Laney's u′ and p′) gets it from.
///
/// DESIGN.md §4.1: moving ranges are taken between consecutive values of the list the
/// caller passes (missing periods are simply absent, so they are bridged; the caller
/// leaves excluded points out before differencing). Screening drops the moving ranges
/// ≥ 3.267 × their mean once and recomputes the mean (Nelson 1982; qicharts2 0.8.1 with
/// its `qic.screenedmr` option, which `library(qicharts2)` turns on).
public enum MovingRange {
    /// D₄ for subgroups of two: the upper limit of a moving range is 3.267 × its mean.
    public static let upperLimitFactor = 3.267

    /// |xᵢ − xᵢ₋₁| for each pair of consecutive values (one fewer than `values`).
    public static func ranges(_ values: [Double]) -> [Double] {
        guard values.count > 1 else { return [] }
        return (1..<values.count).map { abs(values[$0] - values[$0 - 1]) }
    }

    /// The moving ranges left after screening: those below 3.267 × their mean.
    ///
    /// Edge case: when the mean is 0 (all values equal) nothing is dropped — every range
    /// would be "≥ 0" and none would be left (qicharts2 then has no limits at all).
    public static func screened(_ ranges: [Double]) -> [Double] {
        guard let mean = Descriptive.mean(ranges), mean > 0 else { return ranges }
        let limit = upperLimitFactor * mean
        return ranges.filter { $0 < limit }
    }

    /// The mean moving range of `values` (screened when asked), `nil` for fewer than two values.
    public static func average(of values: [Double], screened screening: Bool) -> Double? {
        let all = ranges(values)
        return Descriptive.mean(screening ? screened(all) : all)
    }
}
