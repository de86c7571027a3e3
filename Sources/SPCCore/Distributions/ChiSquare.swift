/// The chi-square distribution, as a gamma distribution: χ²ₖ = 2·Gamma(k/2).
///
/// Kept for the formulas that are written with it — Garwood's exact Poisson limits
/// χ²₂ₒ(α/2)/2 and χ²₂₍ₒ₊₁₎(1 − α/2)/2, and tests of Cochran's Q.
public enum ChiSquare {
    /// P(χ²ₖ ≤ x) = P(k/2, x/2) (R's `pchisq`), or its upper tail.
    /// - Returns: `nil` for degrees of freedom ≤ 0, a negative x, or NaN.
    public static func cdf(_ x: Double, degreesOfFreedom k: Double, lowerTail: Bool = true) -> Double? {
        Gamma.cdf(x / 2, shape: k / 2, lowerTail: lowerTail)
    }

    /// The x with P(χ²ₖ ≤ x) = p (R's `qchisq`), or with P(χ²ₖ > x) = p.
    /// - Returns: `nil` for degrees of freedom ≤ 0 or p outside [0, 1].
    public static func quantile(_ p: Double, degreesOfFreedom k: Double, lowerTail: Bool = true) -> Double? {
        Gamma.quantile(p, shape: k / 2, lowerTail: lowerTail).map { 2 * $0 }
    }
}
