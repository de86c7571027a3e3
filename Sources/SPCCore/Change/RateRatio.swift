/// A ward's rate ratio, comparison against baseline, with its exact confidence interval:
/// the headline "reduction %" of DESIGN.md §4.4.
///
/// RR = (O_c/T_c)/(O_b/T_b); reduction % = 100·(1 − RR). The interval is the exact
/// conditional one of R's `poisson.test(c(O_c, O_b), c(T_c, T_b))`: given n = O_b + O_c,
/// O_c ~ Binomial(n, π) with π = T_c·RR/(T_c·RR + T_b); the Clopper–Pearson limits on π
/// map back through RR = π·T_b/((1 − π)·T_c) (a monotone map, so the coverage carries
/// over). Valid for O_c = 0: a 100% reduction gets lower limit 0 and an honest upper one.
/// As a deliberate refinement of R, 1 − π comes from the beta quantile of the other tail
/// rather than by subtraction, which only matters (beyond the 10th digit) when π is within
/// 1e-6 of 1.
public struct RateRatio: Sendable, Hashable {
    /// The counts and exposures it was computed from.
    public let counts: WardCounts
    /// RR, comparison rate over baseline rate.
    public let estimate: Double
    /// The exact conditional interval of RR (lower 0 when O_c = 0).
    public let interval: ConfidenceInterval

    /// O_b/T_b, events per unit of exposure (multiply by 1,000 for per 1,000 bed days).
    public var baselineRate: Double { Double(counts.baselineCount) / counts.baselineExposure }
    /// O_c/T_c.
    public var comparisonRate: Double { Double(counts.comparisonCount) / counts.comparisonExposure }
    /// 100·(1 − RR): positive for a fall, 100 when no events remain, negative for a rise.
    public var reductionPercent: Double { 100 * (1 - estimate) }
    /// The interval of the reduction, [100·(1 − RR_upper), 100·(1 − RR_lower)] — the
    /// bounds swap because the reduction falls as RR rises.
    public var reductionInterval: ConfidenceInterval {
        ConfidenceInterval(lower: 100 * (1 - interval.upper), upper: 100 * (1 - interval.lower), level: interval.level)
    }

    /// The rate ratio of a ward's comparison window against its baseline.
    /// - Parameters:
    ///   - baselineCount: O_b, events in the baseline window (≥ 0).
    ///   - baselineExposure: T_b, bed days (or periods) of the baseline window (> 0).
    ///   - comparisonCount: O_c (≥ 0).
    ///   - comparisonExposure: T_c (> 0), in the same unit as T_b.
    ///   - level: the confidence level, 0.95 for 95%.
    /// - Returns: `nil` when O_b = 0 (no baseline events: the reduction is undefined), a
    ///   count is negative, an exposure is not positive, or the level is outside (0, 1).
    public static func compute(baselineCount: Int, baselineExposure: Double,
                               comparisonCount: Int, comparisonExposure: Double,
                               level: Double = 0.95) -> RateRatio? {
        compute(WardCounts(baselineCount: baselineCount, baselineExposure: baselineExposure,
                           comparisonCount: comparisonCount, comparisonExposure: comparisonExposure),
                level: level)
    }

    /// The rate ratio of `counts` (see `compute(baselineCount:…)`).
    public static func compute(_ counts: WardCounts, level: Double = 0.95) -> RateRatio? {
        guard let estimate = counts.rateRatioEstimate,
              let limits = Binomial.clopperPearsonLimits(successes: counts.comparisonCount,
                                                          trials: counts.baselineCount + counts.comparisonCount,
                                                          level: level)
        else { return nil }
        let exposureRatio = counts.baselineExposure / counts.comparisonExposure  // T_b/T_c
        let interval = ConfidenceInterval(lower: limits.lower.p / limits.lower.complement * exposureRatio,
                                          upper: limits.upper.p / limits.upper.complement * exposureRatio,
                                          level: level)
        return RateRatio(counts: counts, estimate: estimate, interval: interval)
    }
}
