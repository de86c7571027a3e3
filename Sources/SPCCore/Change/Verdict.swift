/// A ward's change against a benchmark reduction P (default 15%, what the national
/// collaborative achieved), DESIGN.md §4.4. The raw values are the JSON names.
public enum Verdict: String, Sendable, Hashable, CaseIterable, Codable {
    /// No baseline events (O_b = 0): the reduction is undefined.
    case insufficientData = "insufficient_data"
    /// The rate ratio's interval lies entirely above 1.
    case significantIncrease = "significant_increase"
    /// The reduction's lower confidence bound is above P.
    case exceeds
    /// The reduction's estimate is at least P.
    case meets
    /// A reduction, but below P.
    case below
    /// No reduction (RR ≥ 1) without a significant increase.
    case noReduction = "no_reduction"

    /// The benchmark of DESIGN.md §4.0, in percent.
    public static let defaultBenchmark = 15.0

    /// The first that applies of: `insufficientData` (no rate ratio), `significantIncrease`
    /// (RR_lower > 1), `exceeds` (100·(1 − RR_upper) > P), `meets` (reduction ≥ P),
    /// `below` (0 < reduction < P), `noReduction`.
    ///
    /// `meets` and `below` compare counts exactly (`WardCounts.reductionReaches`), so a
    /// ward exactly on the benchmark meets it whatever the rounding of 100·(1 − RR).
    /// - Parameters:
    ///   - rateRatio: the ward's rate ratio, `nil` when O_b = 0.
    ///   - benchmark: P, in percent.
    public init(rateRatio: RateRatio?, benchmark: Double = Verdict.defaultBenchmark) {
        guard let rateRatio else { self = .insufficientData; return }
        let counts = rateRatio.counts
        if rateRatio.interval.lower > 1 {
            self = .significantIncrease
        } else if rateRatio.reductionInterval.lower > benchmark {
            self = .exceeds
        } else if counts.reductionReaches(benchmark) {
            self = .meets
        } else if Double(counts.comparisonCount) * counts.baselineExposure
                    < Double(counts.baselineCount) * counts.comparisonExposure {
            self = .below  // RR < 1 exactly
        } else {
            self = .noReduction
        }
    }
}
