#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Pooled change over a group of wards (a trust, or the whole programme), DESIGN.md §4.4:
///
/// - `ratioOfTotals` — RR_T of the summed counts and exposures, its interval on ln RR_T
///   widened by the conditional-binomial over-dispersion φ (`PooledRatio.swift`);
/// - `randomEffects` — DerSimonian–Laird on the wards' ln RR (`RandomEffects.swift`);
/// - `reductions` — the mean and median ward reduction and how many wards reach 15%, 25%,
///   100% and any other benchmark (`ReductionSummary.swift`).
///
/// A ward that is not observed in both windows (a non-positive exposure, a negative
/// count; `WardCounts.isObserved`) takes part in none of them.
public enum Pooling {
    /// z_{1 − α/2} for a two-sided interval at `level` (1.959963984540054 for 0.95).
    static func normalMultiplier(level: Double) -> Double? {
        guard level > 0, level < 1 else { return nil }
        return Normal.quantileUnchecked(1 - (1 - level) / 2)
    }

    /// exp(y ± z·se) as an interval of a ratio.
    static func logInterval(_ y: Double, standardError: Double, z: Double, level: Double) -> ConfidenceInterval {
        ConfidenceInterval(lower: exp(y - z * standardError), upper: exp(y + z * standardError), level: level)
    }
}
