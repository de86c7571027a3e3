/// What a change against baseline shows, decided by its 95% interval (DESIGN.md §4.4,
/// `wardspc/evaluation@2`). The raw values are the JSON names.
///
/// A change is called clear only when the whole interval of the rate ratio lies on one
/// side of 1 (no change); an estimate whose interval includes no change is
/// `noClearChange` whatever its size — "−23% (95% CI −79% to +251%)" is not a reduction.
public enum Verdict: String, Sendable, Hashable, CaseIterable, Codable {
    /// No baseline events (O_b = 0), or fewer than the minimum incidents in both windows
    /// together: too few to judge, whatever the estimate.
    case insufficientData = "insufficient_data"
    /// The rate ratio's interval lies entirely above 1.
    case significantIncrease = "significant_increase"
    /// The reduction's interval lies entirely above the benchmark P.
    case exceeds
    /// A clear reduction (interval above 0%) whose estimate is at least P.
    case meets
    /// A clear reduction whose estimate is below P.
    case below
    /// A clear reduction of a measure judged without a benchmark (the measure catalogue
    /// says none applies): the rate ratio's interval lies entirely below 1.
    case significantReduction = "significant_reduction"
    /// The interval includes no change.
    case noClearChange = "no_clear_change"

    /// The benchmark of DESIGN.md §4.0, in percent.
    public static let defaultBenchmark = 15.0
    /// `--min-incidents`: fewer events than this in baseline and comparison together are too
    /// few to judge. Ten keeps the exact interval from spanning most of the scale: with
    /// O_b + O_c = 10 over equal exposure, even a 5-to-5 split has a rate-ratio interval of
    /// 0.23 to 4.35, and an even smaller total gives verdicts that turn on one incident.
    public static let defaultMinimumIncidents = 10

    /// The first that applies of (P = `benchmark`): `insufficientData` (O_b = 0 or
    /// O_b + O_c < `minimumIncidents`), `significantIncrease` (RR interval above 1),
    /// `exceeds` (reduction interval above P), `meets` (reduction interval above 0 and
    /// estimate ≥ P), `below` (reduction interval above 0 and estimate < P),
    /// `noClearChange`. Without a benchmark, a clear reduction is `significantReduction`
    /// and `exceeds`, `meets` and `below` are never given.
    ///
    /// "Estimate ≥ P" is decided on the counts exactly (`WardCounts.reductionReaches`), so a
    /// ward exactly on the benchmark meets it whatever the rounding of 100·(1 − RR).
    /// - Parameters:
    ///   - counts: O_b, T_b, O_c, T_c; `nil` when the windows could not be formed.
    ///   - rateRatioInterval: the interval of RR; `nil` when RR is undefined.
    ///   - benchmark: P in percent, or `nil` for a measure judged without one.
    ///   - minimumIncidents: the fewest events, both windows together, worth judging.
    public init(counts: WardCounts?, rateRatioInterval: ConfidenceInterval?, benchmark: Double?,
                minimumIncidents: Int = Verdict.defaultMinimumIncidents) {
        guard let counts, counts.hasReduction, let interval = rateRatioInterval,
              counts.baselineCount + counts.comparisonCount >= minimumIncidents else {
            self = .insufficientData
            return
        }
        if interval.lower > 1 {
            self = .significantIncrease
        } else if interval.upper < 1 {
            guard let benchmark else { self = .significantReduction; return }
            if 100 * (1 - interval.upper) > benchmark {
                self = .exceeds
            } else if counts.reductionReaches(benchmark) {
                self = .meets
            } else {
                self = .below
            }
        } else {
            self = .noClearChange
        }
    }

    /// A ward's verdict from its exact rate ratio (`nil` when O_b = 0).
    public init(rateRatio: RateRatio?, benchmark: Double?, minimumIncidents: Int = Verdict.defaultMinimumIncidents) {
        self.init(counts: rateRatio?.counts, rateRatioInterval: rateRatio?.interval, benchmark: benchmark,
                  minimumIncidents: minimumIncidents)
    }

    /// A pooled verdict from the ratio of totals and its over-dispersion-widened interval
    /// (`nil` when no ward is observed in both windows or ΣO_b = 0).
    public init(pooled: PooledRatio?, benchmark: Double?, minimumIncidents: Int = Verdict.defaultMinimumIncidents) {
        self.init(counts: pooled?.totals, rateRatioInterval: pooled?.interval, benchmark: benchmark,
                  minimumIncidents: minimumIncidents)
    }

    /// Whether the interval shows a clear fall (`exceeds`, `meets`, `below`, `significantReduction`).
    public var isClearReduction: Bool {
        switch self {
        case .exceeds, .meets, .below, .significantReduction: true
        default: false
        }
    }
}
