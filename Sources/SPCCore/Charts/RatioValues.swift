/// Numerator ÷ denominator per point and the pooled ratio of a baseline — shared by the
/// rate (u, u′) and proportion (p, p′) charts and by `--value rate`.
enum RatioValues {
    /// numeratorᵢ / denominatorᵢ, `nil` where the denominator is not positive (no exposure:
    /// nothing to plot — WardData already turns a closed ward into a missing period).
    static func ratios(numerators: [Double], denominators: [Double]) -> [Double?] {
        zip(numerators, denominators).map { $1 > 0 ? $0 / $1 : nil }
    }

    /// Σ numerator / Σ denominator over the baseline points with a positive denominator
    /// (qicharts2: `sum(y.sum[base]) / sum(n[base])`); `nil` when there are none.
    static func pooled(numerators: [Double], denominators: [Double], baseline: [Bool]) -> Double? {
        var numeratorSum = 0.0
        var denominatorSum = 0.0
        for index in numerators.indices where baseline[index] && denominators[index] > 0 {
            numeratorSum += numerators[index]
            denominatorSum += denominators[index]
        }
        return denominatorSum > 0 ? numeratorSum / denominatorSum : nil
    }
}
