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
/// (`Prefactor`, from `Saddlepoint.BinomialDensity`). About 1e-14 relative for a, b up to
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
    /// a + b trials times a·b/(a + b), because Γ(a + b + 1)/(Γ(a + 1)Γ(b + 1)) =
    /// (a + b)/(a·b·B(a, b)). The part that does not depend on x is worked out once
    /// (`Saddlepoint.BinomialDensity`). Symmetric up to rounding, (y, x) with (b, a) giving
    /// the same value, so the upper tail's continued fraction shares it.
    struct Prefactor {
        let density: Saddlepoint.BinomialDensity
        let scale: Double  // a·b/(a + b)

        init(a: Double, b: Double) {
            density = Saddlepoint.BinomialDensity(a, trials: a + b)
            scale = a * b / (a + b)
        }

        /// xᵃyᵇ/B(a, b); 0 when x or y is 0.
        func callAsFunction(x: Double, y: Double) -> Double {
            density(p: x, q: y) * scale
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
    /// Solves for whichever of x and 1 − x the first guess puts below ½, swapping a, b and
    /// the tail for 1 − x, and gets the other by subtraction: a ratio x/(1 − x), such as
    /// the rate ratio from a binomial proportion, then keeps every digit even when x is
    /// near 1. For a = 1 or b = 1 (the Clopper–Pearson limits of k = 0, 1, n − 1 and n)
    /// that side is in closed form. Otherwise Halley steps from the guess
    /// (`startingValue`), each from one evaluation of the continued fraction and of the
    /// prefactor, which the density shares (F′ = prefactor/(x·y), F″/F′ = (a − 1)/x −
    /// (b − 1)/y). The residual is taken on the tail that is given, or against 1 − p
    /// (exact for p ≥ ½) when the fraction gives the other, so that p keeps its digits.
    /// It stops once the error left after a step, estimated from the step and the
    /// curvature, is below a quarter of an ulp — usually after two evaluations for the
    /// Clopper–Pearson limits — and bisects should a step leave the bracket the
    /// evaluations have found.
    static func inverse(_ p: Double, a: Double, b: Double, lowerTail: Bool) -> (x: Double, complement: Double) {
        if lowerTail ? p == 0 : p == 1 { return (0, 1) }
        if lowerTail ? p == 1 : p == 0 { return (1, 0) }
        var swap = a > b  // the smaller side by the mean, a/(a + b) < ½
        var start = swap ? startingValue(p, a: b, b: a, lowerTail: !lowerTail)
                         : startingValue(p, a: a, b: b, lowerTail: lowerTail)
        if start > 0.5 {  // the guess says the quantile lies on the other side of ½
            let other = swap ? startingValue(p, a: a, b: b, lowerTail: lowerTail)
                             : startingValue(p, a: b, b: a, lowerTail: !lowerTail)
            if other < start {
                swap.toggle()
                start = other
            }
        }
        if swap {
            let swapped = solve(p, a: b, b: a, lowerTail: !lowerTail, start: start)
            return (swapped.complement, swapped.x)
        }
        return solve(p, a: a, b: b, lowerTail: lowerTail, start: start)
    }

    /// x and 1 − x for 0 < p < 1 on the given tail: in closed form for a = 1 or b = 1,
    /// otherwise the Halley steps of `inverse` from `start`.
    private static func solve(_ p: Double, a: Double, b: Double, lowerTail: Bool, start: Double) -> (x: Double, complement: Double) {
        if a == 1 {  // 1 − Iₓ(1, b) = (1 − x)ᵇ
            let logComplement = (lowerTail ? log1p(-p) : log(p)) / b
            return (-expm1(logComplement), exp(logComplement))
        }
        if b == 1 {  // Iₓ(a, 1) = xᵃ
            let logX = (lowerTail ? log(p) : log1p(-p)) / a
            return (exp(logX), -expm1(logX))
        }
        let kernel = Prefactor(a: a, b: b)
        let switchPoint = (a + 1) / (a + b + 2)
        let otherP = 1 - p  // exact for p ≥ ½
        var low = 0.0, high = 1.0
        var x = start > 0 && start < 1 ? start : 0.5
        for _ in 0..<1000 {
            let y = 1 - x
            let prefactor = kernel(x: x, y: y)
            // F(x), increasing: Iₓ(a, b) − p, or p − (1 − Iₓ(a, b)) for the upper tail, from
            // the tail the continued fraction gives to full precision.
            let value: Double
            if x < switchPoint {
                let lower = min(1, prefactor / continuedFraction(x: x, y: y, a: a, b: b))
                value = lowerTail ? lower - p : lower - otherP
            } else {
                let upper = min(1, prefactor / continuedFraction(x: y, y: x, a: b, b: a))
                value = lowerTail ? otherP - upper : p - upper
            }
            if value == 0 { break }
            if value < 0 { low = x } else { high = x }
            let newton = value / prefactor * (x * y)  // F/F′: the density F′ is prefactor/(x·y)
            let logSlope = (a - 1) / x - (b - 1) / y  // F″/F′
            let correction = 0.5 * newton * logSlope
            // The step, and the relative error expected after it: C·x²·(step/x)³ for Halley
            // with C = (F″/F′)²/12 − (F″/F′)′/6, ½·(F″/F′)·x·(step/x)² for Newton.
            var next: Double
            var remaining: Double
            if abs(correction) < 0.5 {
                let step = newton / (1 - correction)
                next = x - step
                let slope = logSlope * x, ratio = x / y, relative = step / x
                let constant = slope * slope / 12 + (abs(a - 1) + abs(b - 1) * ratio * ratio) / 6
                remaining = constant * relative * relative * abs(relative)
            } else {
                next = x - newton
                let relative = newton / x
                remaining = 0.5 * abs(logSlope * x) * relative * relative
            }
            if next == x { break }  // a step below half an ulp
            if !(next > low && next < high) {  // bisect, geometrically across orders of magnitude
                next = low == 0 ? high / 16 : high > 4 * low ? (low * high).squareRoot() : low + (high - low) / 2
                if !(next > low && next < high) { break }  // the bracket is two neighbouring doubles
                remaining = .infinity
            }
            if remaining <= 0x1p-55 { return (next, 1 - next) }
            x = next
        }
        return (x, 1 - x)
    }

    /// A first guess at x with Iₓ(a, b) = p (or 1 − Iₓ(a, b) = p): exact for a = 1 or
    /// b = 1; for a, b > 1 A&S 26.5.22, the Cornish–Fisher-type approximation AS 109 and
    /// R's `qbeta` start from (a few digits for a, b in the tens, so two Halley steps
    /// finish), with the exact normal deviate; otherwise AS 109's chi-square
    /// approximation or its power-law tail (the only case that needs ln B(a, b)).
    private static func startingValue(_ p: Double, a: Double, b: Double, lowerTail: Bool) -> Double {
        if a == 1 { return -expm1((lowerTail ? log1p(-p) : log(p)) / b) }  // Iₓ(1, b) = 1 − (1 − x)ᵇ
        if b == 1 { return exp((lowerTail ? log(p) : log1p(-p)) / a) }     // Iₓ(a, 1) = xᵃ
        // The normal deviate of the upper tail, Φ⁻¹(P(X > x)).
        let z = lowerTail ? -Normal.quantileUnchecked(p) : Normal.quantileUnchecked(p)
        if a > 1 && b > 1 {
            let r = (z * z - 3) / 6
            let s = 1 / (2 * a - 1), t = 1 / (2 * b - 1)
            let h = 2 / (s + t)
            let w = z * (h + r).squareRoot() / h - (t - s) * (r + 5.0 / 6 - 2 / (3 * h))
            return a / (a + b * exp(2 * w))
        }
        // AS 109 works with a lower-tail probability up to ½.
        if z < 0 { return 1 - startingValue(p, a: b, b: a, lowerTail: !lowerTail) }
        let logBeta = lgamma(a) + lgamma(b) - lgamma(a + b)
        var t = 1 / (9 * b)
        t = 2 * b * pow(1 - t + z * t.squareRoot(), 3)
        if t <= 0 { return -expm1(((lowerTail ? log1p(-p) : log(p)) + log(b) + logBeta) / b) }
        t = (4 * a + 2 * b - 2) / t
        if t <= 1 { return exp(((lowerTail ? log(p) : log1p(-p)) + log(a) + logBeta) / a) }
        return 1 - 2 / (t + 1)
    }
}
