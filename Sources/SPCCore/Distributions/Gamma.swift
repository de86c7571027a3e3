#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The gamma distribution with unit scale: the regularised incomplete gamma functions
/// P(a, x) and Q(a, x) = 1 − P(a, x), and their inverse.
///
/// Both tails are computed directly, each to about 1e-14 relative for shapes up to 10⁵
/// (tested against SciPy's `gammainc`/`gammaincc`/`gamma.ppf`): the series for P when
/// x < a + 1 and Legendre's continued fraction for Q otherwise (Numerical Recipes §6.2,
/// Abramowitz & Stegun 6.5.29 and 6.5.31), with the prefactor e⁻ˣxᵃ/Γ(a + 1) in Loader's
/// saddle-point form (`Saddlepoint.poissonDensity`). For another scale θ, use x/θ.
/// These give the chi-square distribution (`ChiSquare`) and the exact Poisson limits
/// (`Poisson`).
public enum Gamma {
    /// P(a, x) = γ(a, x)/Γ(a) (`lowerTail`, R's `pgamma(x, a)`), or Q(a, x) = 1 − P(a, x).
    /// - Returns: `nil` for shape ≤ 0, a negative x, or NaN.
    public static func cdf(_ x: Double, shape a: Double, lowerTail: Bool = true) -> Double? {
        guard a > 0, a.isFinite, x >= 0 else { return nil }
        let tails = regularized(a: a, x: x)
        return lowerTail ? tails.lower : tails.upper
    }

    /// The x with P(a, x) = p (`lowerTail`, R's `qgamma(p, a)`), or Q(a, x) = p.
    ///
    /// Newton steps on the smaller tail from a Wilson–Hilferty start, safeguarded by a
    /// bracket; about 2ε relative in x beyond the error of the tail itself.
    /// - Returns: 0 for the lower tail's p = 0, +∞ for p = 1 (mirrored for the upper
    ///   tail); `nil` for shape ≤ 0 or p outside [0, 1].
    public static func quantile(_ p: Double, shape a: Double, lowerTail: Bool = true) -> Double? {
        guard a > 0, a.isFinite, p >= 0, p <= 1 else { return nil }
        return inverse(p, a: a, lowerTail: lowerTail)
    }

    /// (P(a, x), Q(a, x)), each with full relative accuracy; a > 0, x ≥ 0.
    static func regularized(a: Double, x: Double) -> (lower: Double, upper: Double) {
        if x == 0 { return (0, 1) }
        if x.isInfinite { return (1, 0) }
        let prefactor = Saddlepoint.poissonDensity(a, mean: x)  // e⁻ˣxᵃ/Γ(a + 1)
        if x < a + 1 {
            let lower = min(1, prefactor * lowerSeries(a: a, x: x))
            return (lower, 1 - lower)
        }
        let upper = min(1, a * prefactor * upperContinuedFraction(a: a, x: x))
        return (1 - upper, upper)
    }

    /// Σₙ xⁿ/((a + 1)…(a + n)), n ≥ 0 (A&S 6.5.29): P(a, x) divided by e⁻ˣxᵃ/Γ(a + 1).
    static func lowerSeries(a: Double, x: Double) -> Double {
        var term = 1.0
        var sum = 1.0
        var denominator = a
        for _ in 0..<100_000 {
            denominator += 1
            term *= x / denominator
            sum += term
            if term < sum * 1e-17 { break }
        }
        return sum
    }

    /// Legendre's continued fraction 1/(x + 1 − a − 1·(1 − a)/(x + 3 − a − …)) by the
    /// modified Lentz method (Numerical Recipes `gcf`): Q(a, x) divided by e⁻ˣxᵃ/Γ(a).
    static func upperContinuedFraction(a: Double, x: Double) -> Double {
        let tiny = 1e-300
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var fraction = d
        for i in 1..<100_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            fraction *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return fraction
    }

    /// The density xᵃ⁻¹e⁻ˣ/Γ(a), as a·(e⁻ˣxᵃ/Γ(a + 1))/x.
    static func density(a: Double, x: Double) -> Double {
        guard x > 0 else { return a < 1 ? .infinity : (a == 1 ? 1 : 0) }
        return a * Saddlepoint.poissonDensity(a, mean: x) / x
    }

    static func inverse(_ p: Double, a: Double, lowerTail: Bool) -> Double {
        let lowerP = lowerTail ? p : 1 - p  // only for the start and the end cases
        if lowerTail ? p == 0 : p == 1 { return 0 }
        if lowerTail ? p == 1 : p == 0 { return .infinity }
        // Solve on the tail that is given: it carries p's full precision.
        let start = startingValue(lowerP, a: a)
        var upperBound = max(start, a, 1)
        while residual(upperBound, a: a, p: p, lowerTail: lowerTail) < 0 { upperBound *= 2 }
        return RootFinding.increasingRoot(lower: 0, upper: upperBound, start: start) { x in
            (residual(x, a: a, p: p, lowerTail: lowerTail), density(a: a, x: x))
        }
    }

    /// P(a, x) − p, written so that it increases with x for either tail.
    private static func residual(_ x: Double, a: Double, p: Double, lowerTail: Bool) -> Double {
        let tails = regularized(a: a, x: x)
        return lowerTail ? tails.lower - p : p - tails.upper
    }

    /// Wilson–Hilferty (A&S 26.4.17), or (p·Γ(a + 1))^{1/a} in the far lower tail.
    private static func startingValue(_ p: Double, a: Double) -> Double {
        let z = Normal.quantileUnchecked(p)
        let c = 1 / (9 * a)
        let cube = 1 - c + z * c.squareRoot()
        let wilsonHilferty = a * cube * cube * cube
        let smallTail = exp((log(p) + lgamma(a + 1)) / a)
        if wilsonHilferty <= 0 || (a < 1 && p < 0.5) { return smallTail }
        return wilsonHilferty
    }
}
