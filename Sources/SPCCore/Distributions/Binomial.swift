/// The binomial distribution: cumulative probabilities and R-compatible quantiles.
///
/// Used by the Anhøj rules for the fewest crossings expected by chance (the 5% lower
/// quantile of Binomial(useful − 1, ½), Chen 2010), which must agree with R's `qbinom`
/// exactly — the limit is an integer, so one off is a different signal.
public enum Binomial {
    /// P(X ≤ k) for X ~ Binomial(trials, successProbability) (R's `pbinom`).
    /// - Returns: 0 for k < 0, 1 for k ≥ trials; `nil` for trials < 0 or a probability
    ///   outside [0, 1].
    public static func cdf(_ k: Int, trials: Int, successProbability p: Double) -> Double? {
        guard trials >= 0, p >= 0, p <= 1 else { return nil }
        if k < 0 { return 0 }
        if k >= trials { return 1 }
        return cumulativeProbabilities(trials: trials, successProbability: p)[k]
    }

    /// R's `qbinom(probability, trials, successProbability)`: the smallest k with
    /// P(X ≤ k) ≥ probability.
    ///
    /// As in R ≥ 4.1.1 (`src/nmath/qDiscrete_search.h`), the probability is first
    /// multiplied by 1 − 8·ε (ε = 2⁻⁵²) so that a cumulative probability equal to it up
    /// to rounding still counts as reaching it (the "left continuity" fuzz).
    /// - Returns: 0 when trials is 0, the probability is 0 or successProbability is 0;
    ///   trials when the probability is 1 or successProbability is 1; `nil` for
    ///   arguments R rejects (negative trials, probabilities outside [0, 1], NaN).
    public static func quantile(_ probability: Double, trials: Int, successProbability p: Double) -> Int? {
        guard trials >= 0, p >= 0, p <= 1, probability >= 0, probability <= 1 else { return nil }
        if probability == 0 || trials == 0 || p == 0 { return 0 }
        if probability == 1 || p == 1 { return trials }
        let target = probability * (1 - 8 * Double.ulpOfOne)
        let cumulative = cumulativeProbabilities(trials: trials, successProbability: p)
        return cumulative.firstIndex { $0 >= target } ?? trials
    }

    /// P(X ≤ k) for k = 0…trials.
    ///
    /// The probabilities P(X = j) come from the ratio recurrence
    /// P(j + 1)/P(j) = (n − j)/(j + 1) · p/(1 − p) and are normalised by their sum, with
    /// rescaling on the way so that nothing overflows for large n (no (1 − p)ⁿ that would
    /// underflow). Relative error about n·2⁻⁵³: an exact tie with 0.05 cannot occur for
    /// a dyadic ½, and a near-tie closer than that is vanishingly unlikely.
    /// Requires 0 < p < 1 or returns the degenerate distribution.
    static func cumulativeProbabilities(trials: Int, successProbability p: Double) -> [Double] {
        if p <= 0 { return Array(repeating: 1, count: trials + 1) }
        if p >= 1 { return Array(repeating: 0, count: trials) + [1] }
        let odds = p / (1 - p)
        let ceiling = 0x1p900
        var terms = [Double]()
        terms.reserveCapacity(trials + 1)
        var term = 1.0
        for j in 0...trials {
            terms.append(term)
            guard j < trials else { break }
            term *= Double(trials - j) / Double(j + 1) * odds
            if term > ceiling {
                for index in terms.indices { terms[index] *= 0x1p-900 }
                term *= 0x1p-900
            }
        }
        var running = 0.0
        var cumulative = terms.map { value -> Double in
            running += value
            return running
        }
        let total = running
        for index in cumulative.indices { cumulative[index] /= total }
        return cumulative
    }
}
