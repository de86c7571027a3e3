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
        screenedAverage(of: values, screened: screening).value
    }

    /// The mean moving range, and whether screening had to be given up.
    ///
    /// Screening that would leave MR̄ = 0 while the values vary — 20 zero weeks and one
    /// incident, say: every non-zero range is "too large" beside the zeros — would put the
    /// limits on the centre line and every non-zero point outside them. Then the unscreened
    /// MR̄ is used and `fellBack` is true, so the caller can warn (docs/analysis.md).
    public static func screenedAverage(of values: [Double], screened screening: Bool) -> (value: Double?, fellBack: Bool) {
        let all = ranges(values)
        guard screening else { return (Descriptive.mean(all), false) }
        let kept = screened(all)
        let value = Descriptive.mean(kept)
        if value == 0, let unscreened = Descriptive.mean(all), unscreened > 0 { return (unscreened, true) }
        return (value, false)
    }
}
