extension Binomial {
    /// The Clopper–Pearson ("exact") interval for a binomial proportion, as R's
    /// `binom.test(successes, trials, conf.level = level)$conf.int`.
    ///
    /// Lower = B(α/2; k, n − k + 1), 0 when k = 0; upper = B(1 − α/2; k + 1, n − k), 1
    /// when k = n; α = 1 − level, B(p; a, b) the beta quantile (Clopper & Pearson 1934).
    /// - Returns: `nil` for trials < 1, successes outside 0…trials, or a level outside (0, 1).
    public static func clopperPearson(successes k: Int, trials n: Int, level: Double = 0.95) -> ConfidenceInterval? {
        guard let limits = clopperPearsonLimits(successes: k, trials: n, level: level) else { return nil }
        return ConfidenceInterval(lower: limits.lower.p, upper: limits.upper.p, level: level)
    }

    /// The two limits, each with its complement 1 − p to full precision (`Beta.inverse`),
    /// for the rate ratio π/(1 − π).
    static func clopperPearsonLimits(successes k: Int, trials n: Int, level: Double)
        -> (lower: (p: Double, complement: Double), upper: (p: Double, complement: Double))? {
        guard n >= 1, k >= 0, k <= n, level > 0, level < 1 else { return nil }
        let alpha = (1 - level) / 2
        let lower = k == 0 ? (0.0, 1.0)
            : Beta.inverse(alpha, a: Double(k), b: Double(n - k + 1), lowerTail: true)
        let upper = k == n ? (1.0, 0.0)
            : Beta.inverse(alpha, a: Double(k + 1), b: Double(n - k), lowerTail: false)
        return ((lower.0, lower.1), (upper.0, upper.1))
    }
}
