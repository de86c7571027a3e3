#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Loader's saddle-point forms of the Poisson and binomial densities, the common factor
/// of every incomplete gamma and beta function here.
///
/// Writing e^{−λ}λˣ/Γ(x + 1) as exp(−stirlerr(x) − bd0(x, λ))/√(2πx) keeps full relative
/// accuracy for large x, where exp(x·ln λ − λ − lnΓ(x + 1)) loses about x·ln x·ε to
/// cancellation (1e-12 already at x ≈ 1000). Source: C. Loader (2000), "Fast and accurate
/// computation of binomial probabilities", the algorithm of R's `dpois_raw`/`dbinom_raw`
/// (`src/nmath/stirlerr.c`, `bd0.c`, `dpois.c`, `dbinom.c`). Arguments are real, not only
/// integers, so the same forms serve the incomplete gamma and beta functions.
enum Saddlepoint {
    static let lnSqrt2Pi = 0.918938533204672741780329736406  // ln √(2π)
    static let ln2Pi = 1.837877066409345483560659472811      // ln 2π

    /// The error of Stirling's formula, ln Γ(n + 1) − [(n + ½)·ln n − n + ln √(2π)], n > 0.
    ///
    /// Below 15 from `lgamma` directly (its absolute error, which is what matters in an
    /// exponent, stays a few ε); above, Stirling's series 1/(12n) − 1/(360n³) + …, as R.
    static func stirlingError(_ n: Double) -> Double {
        let s0 = 1.0 / 12, s1 = 1.0 / 360, s2 = 1.0 / 1260, s3 = 1.0 / 1680, s4 = 1.0 / 1188
        if n <= 15 {
            return lgamma(n + 1) - (n + 0.5) * log(n) + n - lnSqrt2Pi
        }
        let nn = n * n
        if n > 500 { return (s0 - s1 / nn) / n }
        if n > 80 { return (s0 - (s1 - s2 / nn) / nn) / n }
        if n > 35 { return (s0 - (s1 - (s2 - s3 / nn) / nn) / nn) / n }
        return (s0 - (s1 - (s2 - (s3 - s4 / nn) / nn) / nn) / nn) / n
    }

    /// The deviance term x·ln(x/m) + m − x ≥ 0, x ≥ 0, m > 0, without cancellation when
    /// x ≈ m (a series in v = (x − m)/(x + m) there).
    static func devianceTerm(_ x: Double, _ m: Double) -> Double {
        if abs(x - m) < 0.1 * (x + m) {
            var v = (x - m) / (x + m)
            var sum = (x - m) * v
            if abs(sum) < Double.leastNormalMagnitude { return sum }
            var term = 2 * x * v
            v *= v
            for j in 1..<1000 {
                term *= v
                let next = sum + term / Double(2 * j + 1)
                if next == sum { return next }
                sum = next
            }
            return sum
        }
        if x == 0 { return m }
        return x * log(x / m) + m - x
    }

    /// e^{−λ}·λˣ/Γ(x + 1) for real x ≥ 0, λ ≥ 0 (the Poisson density at x).
    static func poissonDensity(_ x: Double, mean lambda: Double) -> Double {
        if lambda == 0 { return x == 0 ? 1 : 0 }
        if x == 0 { return exp(-lambda) }
        if x < 0 || !lambda.isFinite { return 0 }
        if lambda < x * Double.leastNormalMagnitude {
            return exp(-lambda + x * log(lambda) - lgamma(x + 1))
        }
        return exp(-stirlingError(x) - devianceTerm(x, lambda)) / (2 * Double.pi * x).squareRoot()
    }

    /// Γ(n + 1)/(Γ(x + 1)·Γ(n − x + 1))·pˣ·qⁿ⁻ˣ for real 0 < x < n and any p, with q = 1 − p
    /// given separately so that neither loses digits near 0 or 1 (0 when p or q is 0).
    ///
    /// exp(stirlerr(n) − stirlerr(x) − stirlerr(n − x) − bd0(x, np) − bd0(n − x, nq)) over
    /// √(2πx(n − x)/n) (R's `dbinom_raw`), with the part that does not depend on p worked
    /// out once: each p then costs two deviance terms and an `exp` — the prefactor of the
    /// incomplete beta function at every step of its inverse (`Beta.Prefactor`).
    struct BinomialDensity: Sendable {
        let x: Double, trials: Double
        /// ln of Γ(n + 1)/(Γ(x + 1)Γ(n − x + 1))·xˣ(n − x)ⁿ⁻ˣ/nⁿ: the Stirling errors less
        /// ln √(2πx(n − x)/n).
        private let logConstant: Double

        init(_ x: Double, trials n: Double) {
            self.x = x
            trials = n
            logConstant = stirlingError(n) - stirlingError(x) - stirlingError(n - x)
                - 0.5 * (ln2Pi + log(x) + log1p(-x / n))
        }

        func callAsFunction(p: Double, q: Double) -> Double {
            exp(logConstant - devianceTerm(x, trials * p) - devianceTerm(trials - x, trials * q))
        }
    }
}
