/// The Poisson distribution: probabilities, R-compatible quantiles, Spiegelhalter's
/// interpolated quantile for funnel limits, and the exact (Garwood) interval for a mean.
///
/// Everything goes through the incomplete gamma function: P(X ≤ k) = Q(k + 1, λ) and
/// P(X > k) = P(k + 1, λ) (A&S 6.5.13, 26.4.21), each tail to full relative precision.
public enum Poisson {
    /// P(X = k) for X ~ Poisson(mean) (R's `dpois`), via Loader's saddle-point form.
    /// - Returns: 0 for k < 0; `nil` for a negative or non-finite mean.
    public static func probability(_ k: Int, mean: Double) -> Double? {
        guard mean >= 0, mean.isFinite else { return nil }
        if k < 0 { return 0 }
        return Saddlepoint.poissonDensity(Double(k), mean: mean)
    }

    /// P(X ≤ k) (R's `ppois(k, mean)`), or P(X > k) with `lowerTail: false`.
    /// - Returns: `nil` for a negative or non-finite mean.
    public static func cdf(_ k: Int, mean: Double, lowerTail: Bool = true) -> Double? {
        guard mean >= 0, mean.isFinite else { return nil }
        let tails = cumulative(k, mean: mean)
        return lowerTail ? tails.atMost : tails.above
    }

    /// R's `qpois(p, mean)`: the smallest k with P(X ≤ k) ≥ p, after R ≥ 4.1.1's
    /// left-continuity fuzz p·(1 − 8ε) (as `Binomial.quantile`).
    /// - Returns: 0 for p = 0 or mean 0; `nil` for p = 1 with a positive mean (R's
    ///   `Inf`), p outside [0, 1], or a negative or non-finite mean.
    public static func quantile(_ p: Double, mean: Double) -> Int? {
        guard mean >= 0, mean.isFinite, p >= 0, p <= 1 else { return nil }
        if p == 0 || mean == 0 { return 0 }
        if p == 1 { return nil }
        return smallestReaching(p * (1 - 8 * Double.ulpOfOne), mean: mean)
    }

    /// Spiegelhalter's interpolated quantile r − α, continuous and increasing in the mean,
    /// which makes funnel limits smooth curves instead of steps.
    ///
    /// r is the smallest count with P(X ≤ r) ≥ p (no fuzz: an exact tie gives α = 0) and
    /// α = (P(X ≤ r) − p)/P(X = r) ∈ [0, 1), the linear interpolation of the cumulative
    /// probability between r − 1 and r (Spiegelhalter 2005, "Funnel plots for comparing
    /// institutional performance", Statistics in Medicine 24:1185–1202, Appendix A.1.1).
    /// For r = 0 the value is negative (p/P(X = 0) − 1): callers clamp a lower limit at 0.
    /// - Returns: `nil` for p outside (0, 1) or a non-positive or non-finite mean.
    public static func interpolatedQuantile(_ p: Double, mean: Double) -> Double? {
        guard mean > 0, mean.isFinite, p > 0, p < 1 else { return nil }
        let r = smallestReaching(p, mean: mean)
        let tails = cumulative(r, mean: mean)
        // P(X ≤ r) − p, from the upper tail when p is large so that no digits cancel.
        let excess = p < 0.5 ? tails.atMost - p : (1 - p) - tails.above
        let alpha = excess / Saddlepoint.poissonDensity(Double(r), mean: mean)
        return Double(r) - alpha
    }

    /// The exact (Garwood 1936) interval for a Poisson mean from one observed count, as
    /// R's `poisson.test(count, conf.level = level)$conf.int`:
    /// [χ²₂ₖ(α/2)/2, χ²₂₍ₖ₊₁₎(1 − α/2)/2] = [G(α/2; k), G(1 − α/2; k + 1)] with G the unit
    /// gamma quantile and α = 1 − level; the lower limit is 0 when k = 0. Divide by the
    /// exposure for a rate.
    /// - Returns: `nil` for a negative count or a level outside (0, 1).
    public static func exactInterval(count k: Int, level: Double = 0.95) -> ConfidenceInterval? {
        guard k >= 0, level > 0, level < 1 else { return nil }
        let alpha = (1 - level) / 2
        let lower = k == 0 ? 0 : Gamma.inverse(alpha, a: Double(k), lowerTail: true)
        let upper = Gamma.inverse(alpha, a: Double(k + 1), lowerTail: false)
        return ConfidenceInterval(lower: lower, upper: upper, level: level)
    }

    /// (P(X ≤ k), P(X > k)) for mean ≥ 0.
    static func cumulative(_ k: Int, mean: Double) -> (atMost: Double, above: Double) {
        if k < 0 { return (0, 1) }
        if mean == 0 { return (1, 0) }
        let tails = Gamma.regularized(a: Double(k) + 1, x: mean)
        return (tails.upper, tails.lower)
    }

    /// The smallest k with P(X ≤ k) ≥ target, 0 < target < 1, searching from the
    /// Cornish–Fisher approximation μ + σ(z + γ(z² − 1)/6), γ = 1/σ (as R's `qpois`).
    static func smallestReaching(_ target: Double, mean: Double) -> Int {
        let sigma = mean.squareRoot()
        let z = Normal.quantileUnchecked(target)
        let guess = (mean + sigma * (z + (z * z - 1) / (6 * sigma))).rounded()
        var k = guess.isFinite ? max(0, Int(min(guess, 1e15))) : 0
        if cumulative(k, mean: mean).atMost >= target {
            while k > 0, cumulative(k - 1, mean: mean).atMost >= target { k -= 1 }
        } else {
            repeat { k += 1 } while cumulative(k, mean: mean).atMost < target
        }
        return k
    }
}
