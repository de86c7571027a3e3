/// Over-dispersion of units' rates around a funnel's target, by Spiegelhalter's
/// winsorised estimate and additive random effects (Spiegelhalter 2005, "Funnel plots for
/// comparing institutional performance", Statistics in Medicine 24:1185–1202, §6).
///
/// zᵢ = (yᵢ − θ)/√(θ/Tᵢ) = (Oᵢ − θTᵢ)/√(θTᵢ), the Poisson z-score of rate yᵢ = Oᵢ/Tᵢ.
/// Winsorised at 10% each tail: every zᵢ clamped to the 10th and 90th percentiles of the
/// z-scores (R's default type-7 `quantile`, the convention of DescTools::Winsorize and
/// FunnelPlotR), so that the units being judged do not inflate the yardstick.
/// φ = Σ z_wᵢ²/I. When φ > 1, τ² = max(0, (Iφ − (I − 1))/(Σwᵢ − Σwᵢ²/Σwᵢ)), wᵢ = Tᵢ/θ
/// (a DerSimonian–Laird moment estimate with Iφ in place of Q), in (rate unit)²; else 0,
/// and the exact Poisson limits stand.
public struct Overdispersion: Sendable, Hashable {
    /// φ, the mean squared winsorised z-score (about 1 without over-dispersion).
    public let phi: Double
    /// τ², the between-unit variance of the rate added to the limits; 0 when φ ≤ 1 or
    /// there are fewer than 2 units.
    public let tauSquared: Double
    /// Each unit's z-score after winsorising, in input order.
    public let winsorisedZScores: [Double]
    /// The clamps: the 10th and 90th percentiles of the z-scores.
    public let lowerClamp: Double
    public let upperClamp: Double

    /// Whether the limits were widened (φ > 1 and τ² > 0).
    public var isApplied: Bool { tauSquared > 0 }

    /// The share winsorised in each tail (Spiegelhalter's 10%).
    public static let winsorisedFraction = 0.1

    /// φ and τ² of units with z-scores `zScores` and exposures `exposures` around `target`.
    static func estimate(zScores: [Double], exposures: [Double], target: Double) -> Overdispersion {
        let sorted = zScores.sorted()
        let lowerClamp = typeSevenQuantile(sorted, Self.winsorisedFraction)
        let upperClamp = typeSevenQuantile(sorted, 1 - Self.winsorisedFraction)
        let winsorised = zScores.map { min(max($0, lowerClamp), upperClamp) }
        let units = Double(zScores.count)
        let phi = winsorised.reduce(0) { $0 + $1 * $1 } / units
        var tauSquared = 0.0
        if phi > 1, zScores.count >= 2 {
            let weights = exposures.map { $0 / target }
            let sum = weights.reduce(0, +)
            let spread = sum - weights.reduce(0) { $0 + $1 * $1 } / sum
            tauSquared = max(0, (units * phi - (units - 1)) / spread)
        }
        return Overdispersion(phi: phi, tauSquared: tauSquared, winsorisedZScores: winsorised,
                              lowerClamp: lowerClamp, upperClamp: upperClamp)
    }

    /// R's type-7 quantile of sorted values: x[h] + (h − ⌊h⌋)(x[⌊h⌋ + 1] − x[⌊h⌋]),
    /// h = (n − 1)p (0-based).
    static func typeSevenQuantile(_ sorted: [Double], _ p: Double) -> Double {
        let h = Double(sorted.count - 1) * p
        let below = Int(h.rounded(.down))
        let above = min(below + 1, sorted.count - 1)
        return sorted[below] + (h - Double(below)) * (sorted[above] - sorted[below])
    }
}
