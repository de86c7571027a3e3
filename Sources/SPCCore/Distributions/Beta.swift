#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The beta distribution: the regularised incomplete beta function Iₓ(a, b) and its
/// inverse, the quantiles behind the Clopper–Pearson interval.
///
/// Iₓ(a, b) = xᵃ(1 − x)ᵇ/(B(a, b)·F) with F a continued fraction — the even part of
/// A&S 26.5.8 (Numerical Recipes' `betacf`) in the form of DiDonato & Morris (1992,
/// TOMS 708), by its forward recurrence — used for x < (a + 1)/(a + b + 2) and through
/// Iₓ(a, b) = 1 − I₁₋ₓ(b, a) beyond, so that the tail it evaluates is the one it returns
/// to full precision; the prefactor is Loader's saddle-point binomial density
/// (`Prefactor`, as `Saddlepoint.binomialDensity`). About 1e-14 relative for a, b up to
/// 10⁵, tested against SciPy's `betainc` and `beta.ppf`.
public enum Beta {
    /// Iₓ(a, b) = P(X ≤ x) for X ~ Beta(a, b) (R's `pbeta(x, a, b)`), or 1 − Iₓ(a, b).
    /// - Returns: `nil` for a or b ≤ 0, or x NaN; 0 below 0 and 1 above 1 (lower tail).
    public static func cdf(_ x: Double, a: Double, b: Double, lowerTail: Bool = true) -> Double? {
        guard a > 0, b > 0, a.isFinite, b.isFinite, !x.isNaN else { return nil }
        let clamped = min(max(x, 0), 1)
        let tails = regularized(x: clamped, y: 1 - clamped, a: a, b: b)
        return lowerTail ? tails.lower : tails.upper
    }

    /// The x with Iₓ(a, b) = p (R's `qbeta(p, a, b)`), or with 1 − Iₓ(a, b) = p.
    /// - Returns: `nil` for a or b ≤ 0 or p outside [0, 1].
    public static func quantile(_ p: Double, a: Double, b: Double, lowerTail: Bool = true) -> Double? {
        guard a > 0, b > 0, a.isFinite, b.isFinite, p >= 0, p <= 1 else { return nil }
        return inverse(p, a: a, b: b, lowerTail: lowerTail).x
    }

    /// (Iₓ(a, b), 1 − Iₓ(a, b)) for x in [0, 1] with y = 1 − x given separately.
    static func regularized(x: Double, y: Double, a: Double, b: Double) -> (lower: Double, upper: Double) {
        if x <= 0 { return (0, 1) }
        if y <= 0 { return (1, 0) }
        let prefactor = Prefactor(a: a, b: b)(x: x, y: y)
        if x < (a + 1) / (a + b + 2) {
            let lower = min(1, prefactor / continuedFraction(x: x, y: y, a: a, b: b))
            return (lower, 1 - lower)
        }
        let upper = min(1, prefactor / continuedFraction(x: y, y: x, a: b, b: a))
        return (1 - upper, upper)
    }

    /// xᵃ·yᵇ/B(a, b) for one (a, b) at any x, y = 1 − x: Loader's binomial density at a of
    /// a + b trials (`Saddlepoint.binomialDensity`) times a·b/(a + b), because
    /// Γ(a + b + 1)/(Γ(a + 1)Γ(b + 1)) = (a + b)/(a·b·B(a, b)). The parts that do not depend
    /// on x — the three Stirling errors and ln √(2π·a·b/(a + b)) — are worked out once, so
    /// each x costs two deviance terms and an `exp`. Symmetric: (y, x) with (b, a) gives
    /// the same number.
    struct Prefactor {
        let a: Double, b: Double, trials: Double
        /// stirlerr(a + b) − stirlerr(a) − stirlerr(b) − ln √(2π·a·b/(a + b)).
        let logConstant: Double
        /// a·b/(a + b).
        let scale: Double

        init(a: Double, b: Double) {
            self.a = a
            self.b = b
            trials = a + b
            let stirling = Saddlepoint.stirlingError(trials) - Saddlepoint.stirlingError(a)
                - Saddlepoint.stirlingError(b)
            logConstant = stirling - 0.5 * (Saddlepoint.ln2Pi + log(a) + log1p(-a / trials))
            scale = a * b / trials
        }

        /// xᵃyᵇ/B(a, b); 0 when x or y is 0.
        func callAsFunction(x: Double, y: Double) -> Double {
            exp(logConstant - Saddlepoint.devianceTerm(a, trials * x) - Saddlepoint.devianceTerm(b, trials * y)) * scale
        }
    }

    /// The continued fraction F with Iₓ(a, b) = xᵃyᵇ/(B(a, b)·F), y = 1 − x given
    /// separately, converging fast for x < (a + 1)/(a + b + 2).
    ///
    /// (a + 1)·F = a·s + α₁/(β₁ + α₂/(β₂ + …)) with s = a·y − b·x + 1,
    /// αₘ = m(b − m)(a + m − 1)(a + b + m − 1)·x²·(a + 2m − 3)(a + 2m + 1) (the factor
    /// a + 2m − 3 read as 1 when m = 1) and βₘ = m(a + 2m − 1)(a + 2m + 1)
    /// + m(b − m)·x·(a + 2m + 1) + (a + m)(s + m(2 − x))(a + 2m − 1): the even part of
    /// A&S 26.5.8 — Numerical Recipes' `betacf`, one step here for two of its — as
    /// DiDonato & Morris write it (1992, ACM TOMS 708, `bfrac`), scaled so that no term
    /// needs a division. s is a + 1 − (a + b)·x = (a + b)·y − b + 1, taken with one
    /// rounding from whichever of x and y is the smaller (the larger may be 1 minus it,
    /// rounded), and 2 − x as 1 + y near x = 1: nothing subtracts y from 1 (`betacf`'s
    /// 1 − (a + b)x/(a + 1) did, and lost up to log₁₀((a + 1)/s) digits when x was the
    /// rounded complement of a small y). The convergents Aₘ/Bₘ come from the forward
    /// recurrence Aₘ = βₘAₘ₋₁ + αₘAₘ₋₂ (likewise Bₘ), kept in range by exact powers of 2;
    /// with positive αₘ, βₘ (m < b) they close in on F from alternate sides, so it stops
    /// once two consecutive ones agree to half an ulp. For integer b the fraction ends
    /// at m = b.
    static func continuedFraction(x: Double, y: Double, a: Double, b: Double) -> Double {
        let (shift, twoMinusX) = x <= y ? ((a + 1).addingProduct(-(a + b), x), 2 - x)
                                        : ((1 - b).addingProduct(a + b, y), 1 + y)
        var previousA = 1.0, previousB = 0.0
        var currentA = a * shift, currentB = 1.0
        var lowAbove = 1.0  // a + 2m − 3, 1 for m = 1
        var fraction = currentA
        for m in 1..<100_000 {
            let m = Double(m)
            let below = a + 2 * m - 1, above = below + 2
            let numerator = m * (b - m) * (a + m - 1) * (a + b + m - 1) * (x * x) * lowAbove * above
            let denominator = m * below * above + m * (b - m) * x * above + (a + m) * (shift + m * twoMinusX) * below
            lowAbove = below
            let nextA = denominator * currentA + numerator * previousA
            let nextB = denominator * currentB + numerator * previousB
            previousA = currentA; previousB = currentB
            currentA = nextA; currentB = nextB
            if !(abs(currentB) < 0x1p500) || abs(currentB) < 0x1p-500 {
                let scale = Double(sign: .plus, exponent: -currentB.exponent, significand: 1)
                previousA *= scale; previousB *= scale; currentA *= scale; currentB *= scale
            }
            let next = currentA / currentB
            if abs(next - fraction) <= 0x1p-53 * abs(next) {
                fraction = next
                break
            }
            fraction = next
        }
        return fraction / (a + 1)
    }

    /// The quantile x and its complement 1 − x, each to full relative precision.
    ///
    /// Solves for whichever of x and 1 − x is expected to be the smaller (by the mean),
    /// swapping a, b and the tail for 1 − x: a ratio x/(1 − x), such as the rate ratio
    /// from a binomial proportion, then keeps every digit even when x is near 1.
    static func inverse(_ p: Double, a: Double, b: Double, lowerTail: Bool) -> (x: Double, complement: Double) {
        if a / (a + b) > 0.5 {
            let swapped = inverseSmall(p, a: b, b: a, lowerTail: !lowerTail)
            return (swapped.complement, swapped.x)
        }
        return inverseSmall(p, a: a, b: b, lowerTail: lowerTail)
    }

    /// Newton steps for x in [0, 1] on the given tail (which keeps p's precision).
    private static func inverseSmall(_ p: Double, a: Double, b: Double, lowerTail: Bool) -> (x: Double, complement: Double) {
        if lowerTail ? p == 0 : p == 1 { return (0, 1) }
        if lowerTail ? p == 1 : p == 0 { return (1, 0) }
        let lowerP = lowerTail ? p : 1 - p
        let x = RootFinding.increasingRoot(lower: 0, upper: 1, start: startingValue(lowerP, a: a, b: b)) { x in
            let tails = regularized(x: x, y: 1 - x, a: a, b: b)
            let value = lowerTail ? tails.lower - p : p - tails.upper
            return (value, Prefactor(a: a, b: b)(x: x, y: 1 - x) / (x * (1 - x)))
        }
        return (x, 1 - x)
    }

    /// The normal approximation mean + z·sd, or (p·a·B(a, b))^{1/a} in the far lower tail.
    private static func startingValue(_ p: Double, a: Double, b: Double) -> Double {
        let mean = a / (a + b)
        let sd = (a * b / ((a + b) * (a + b) * (a + b + 1))).squareRoot()
        let normal = mean + Normal.quantileUnchecked(p) * sd
        let logBeta = lgamma(a) + lgamma(b) - lgamma(a + b)
        let power = exp((log(p * a) + logBeta) / a)
        if normal <= 0 || normal >= 1 || power < normal { return min(power, 0.5) }
        return normal
    }
}
