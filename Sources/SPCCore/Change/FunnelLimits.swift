/// Where a unit's rate sits against one pair of funnel limits (strictly beyond a limit
/// is outside, as on the control charts).
public enum FunnelPosition: String, Sendable, Hashable, Codable {
    case inside, above, below

    init(rate: Double, lower: Double, upper: Double) {
        self = rate > upper ? .above : (rate < lower ? .below : .inside)
    }
}

/// The 95% and 99.8% funnel limits on a rate (events per unit of exposure) at one
/// exposure, around a target rate (DESIGN.md §4.5; Spiegelhalter 2005).
///
/// Without over-dispersion they are exact Poisson limits: with m = target·exposure,
/// limit_p = (r_p − α)/exposure, Spiegelhalter's interpolated quantile of Poisson(m)
/// (`Poisson.interpolatedQuantile`, his Appendix A.1.1) at p = 0.025, 0.975 (95%) and
/// 0.001, 0.999 (99.8%), a lower limit below 0 set to 0. That makes them continuous curves
/// in the exposure instead of the sawtooth of r_p/exposure: each crossing of an integer
/// count is interpolated linearly in the cumulative probability (between crossings a rate
/// limit may still rise slightly with exposure, a property of the exact limits). With an additive random-effects variance τ² (Spiegelhalter
/// 2005 §6.2) they are target ± z_p·√(target/exposure + τ²), lower limits floored at 0
/// (z = 1.959964, 3.090232): the paper's normal form, as there is no exact one.
public struct FunnelLimits: Sendable, Hashable {
    public let exposure: Double
    public let lower95: Double
    public let upper95: Double
    public let lower998: Double
    public let upper998: Double

    public init(exposure: Double, lower95: Double, upper95: Double, lower998: Double, upper998: Double) {
        self.exposure = exposure
        self.lower95 = lower95
        self.upper95 = upper95
        self.lower998 = lower998
        self.upper998 = upper998
    }

    /// The same limits with rates multiplied by `factor` (per 1,000 bed days, say).
    public func scaled(by factor: Double) -> FunnelLimits {
        FunnelLimits(exposure: exposure, lower95: lower95 * factor, upper95: upper95 * factor,
                     lower998: lower998 * factor, upper998: upper998 * factor)
    }

    public func position95(of rate: Double) -> FunnelPosition {
        FunnelPosition(rate: rate, lower: lower95, upper: upper95)
    }

    public func position998(of rate: Double) -> FunnelPosition {
        FunnelPosition(rate: rate, lower: lower998, upper: upper998)
    }

    /// The limits around `target` at `exposure`, exact Poisson when τ² = 0.
    /// - Returns: `nil` for a non-positive or non-finite target or exposure, or a negative τ².
    public static func compute(target: Double, exposure: Double, tauSquared: Double = 0) -> FunnelLimits? {
        guard target > 0, target.isFinite, exposure > 0, exposure.isFinite, tauSquared >= 0 else { return nil }
        if tauSquared > 0 {
            let sd = (target / exposure + tauSquared).squareRoot()
            let z95 = Normal.quantileUnchecked(0.975), z998 = Normal.quantileUnchecked(0.999)
            return FunnelLimits(exposure: exposure,
                                lower95: max(0, target - z95 * sd), upper95: target + z95 * sd,
                                lower998: max(0, target - z998 * sd), upper998: target + z998 * sd)
        }
        let mean = target * exposure
        func limit(_ p: Double) -> Double {
            max(0, Poisson.interpolatedQuantile(p, mean: mean) ?? 0) / exposure
        }
        return FunnelLimits(exposure: exposure, lower95: limit(0.025), upper95: limit(0.975),
                            lower998: limit(0.001), upper998: limit(0.999))
    }
}
