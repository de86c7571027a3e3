#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A funnel plot of units' rates against exposure (DESIGN.md §4.5; Spiegelhalter 2005):
/// each unit's rate, its expected count and z-score under the target rate, the 95% and
/// 99.8% limits at its exposure and where it falls, and, on request, the over-dispersion
/// adjustment. Rates are events per unit of exposure: multiply values and limits by 1,000
/// for per 1,000 bed days.
public struct Funnel: Sendable, Hashable {
    /// One unit (ward) on the funnel.
    public struct Unit: Sendable, Hashable {
        public let count: Int
        public let exposure: Double
        /// count/exposure.
        public let rate: Double
        /// target·exposure, the count expected at the target rate.
        public let expected: Double
        /// (count − expected)/√expected, the Poisson z-score (before any winsorising).
        public let zScore: Double
        /// The limits at this unit's exposure (widened when over-dispersion is applied).
        public let limits: FunnelLimits
        public let position95: FunnelPosition
        public let position998: FunnelPosition
    }

    /// The target rate: the pooled rate Σcount/Σexposure unless one was given.
    public let target: Double
    /// The units, in input order.
    public let units: [Unit]
    /// The over-dispersion estimate when it was asked for, else `nil`; the limits are
    /// widened only when `overdispersion.isApplied`.
    public let overdispersion: Overdispersion?

    /// τ² in force (0 without an applied adjustment).
    public var tauSquared: Double { overdispersion?.tauSquared ?? 0 }

    /// The funnel of units with these counts and exposures.
    /// - Parameters:
    ///   - counts: events per unit (≥ 0).
    ///   - exposures: bed days (or periods) per unit (> 0), same order.
    ///   - target: the target rate per unit of exposure; `nil` for the pooled rate.
    ///   - adjustForOverdispersion: estimate φ and τ² (Spiegelhalter 2005 §6) and widen
    ///     the limits when φ > 1.
    /// - Returns: `nil` for no units, mismatched lengths, a negative count, a
    ///   non-positive exposure, or a target that is not positive (no events at all).
    public static func compute(counts: [Int], exposures: [Double], target: Double? = nil,
                               adjustForOverdispersion: Bool = false) -> Funnel? {
        guard !counts.isEmpty, counts.count == exposures.count, counts.allSatisfy({ $0 >= 0 }),
              exposures.allSatisfy({ $0 > 0 && $0.isFinite }) else { return nil }
        let theta = target ?? Double(counts.reduce(0, +)) / exposures.reduce(0, +)
        guard theta > 0, theta.isFinite else { return nil }
        let zScores = zip(counts, exposures).map { count, exposure in
            (Double(count) - theta * exposure) / (theta * exposure).squareRoot()
        }
        let overdispersion = adjustForOverdispersion
            ? Overdispersion.estimate(zScores: zScores, exposures: exposures, target: theta) : nil
        let tauSquared = overdispersion?.tauSquared ?? 0
        var units: [Unit] = []
        for (index, (count, exposure)) in zip(counts, exposures).enumerated() {
            guard let limits = FunnelLimits.compute(target: theta, exposure: exposure, tauSquared: tauSquared)
            else { return nil }
            let rate = Double(count) / exposure
            units.append(Unit(count: count, exposure: exposure, rate: rate, expected: theta * exposure,
                              zScore: zScores[index], limits: limits,
                              position95: limits.position95(of: rate), position998: limits.position998(of: rate)))
        }
        return Funnel(target: theta, units: units, overdispersion: overdispersion)
    }

    /// The limit curves at the given exposures, for drawing (with the funnel's τ²);
    /// non-positive exposures are skipped.
    public func limits(atExposures exposures: [Double]) -> [FunnelLimits] {
        exposures.compactMap { FunnelLimits.compute(target: target, exposure: $0, tauSquared: tauSquared) }
    }

    /// `points` exposures spaced evenly on a log scale from `minimum` to `maximum`
    /// inclusive — where the curves bend most, at small exposures, they are sampled most.
    /// - Returns: empty for points < 2 or bounds that are not 0 < minimum < maximum.
    public static func exposureGrid(from minimum: Double, to maximum: Double, points: Int) -> [Double] {
        guard points >= 2, minimum > 0, maximum > minimum, maximum.isFinite else { return [] }
        let ratio = maximum / minimum
        return (0..<points).map { index in
            index == points - 1 ? maximum : minimum * pow(ratio, Double(index) / Double(points - 1))
        }
    }
}
