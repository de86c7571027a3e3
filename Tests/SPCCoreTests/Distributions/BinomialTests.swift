import Testing
@testable import SPCCore

@Suite struct BinomialTests {
    /// (probability, trials, success probability, R's qbinom) — textbook values checked
    /// against exact rational arithmetic.
    static let publishedQuantiles: [(Double, Int, Double, Int)] = [
        (0.025, 100, 0.5, 40), (0.975, 100, 0.5, 60), (0.05, 100, 0.5, 42),
        (0.95, 20, 0.1, 4), (0.5, 10, 0.3, 3), (0.05, 9, 0.5, 2),
        (0.05, 1000, 0.5, 474), (0.05, 5000, 0.5, 2442),
        (0.05, 4, 0.5, 0), (0.05, 5, 0.5, 1),
    ]

    @Test func quantile_matchesPublishedQbinomValues() {
        for (probability, trials, p, expected) in Self.publishedQuantiles {
            #expect(Binomial.quantile(probability, trials: trials, successProbability: p) == expected,
                    "qbinom(\(probability), \(trials), \(p))")
        }
    }

    /// n.useful → n.crossings.min as qicharts2 0.8.1 reported them (R's qbinom(0.05, n − 1, 0.5)).
    static let qicharts2CrossingsLimits: [(Int, Int)] = [
        (14, 4), (16, 4), (18, 5), (19, 6), (21, 6), (23, 7), (27, 9), (28, 9), (30, 10), (31, 11),
        (33, 11), (34, 12), (36, 13), (38, 14), (40, 14), (42, 15), (43, 16), (45, 17), (47, 17),
        (49, 18), (52, 20), (71, 28), (74, 29), (78, 31), (81, 33), (85, 34), (90, 37), (94, 39),
        (96, 39), (100, 41), (101, 42), (104, 43),
    ]

    @Test func quantile_matchesQicharts2CrossingsLimits() {
        for (useful, expected) in Self.qicharts2CrossingsLimits {
            #expect(Binomial.quantile(0.05, trials: useful - 1, successProbability: 0.5) == expected, "n = \(useful)")
        }
    }

    @Test func quantile_edgeCasesAsInR() {
        #expect(Binomial.quantile(0.05, trials: 0, successProbability: 0.5) == 0)
        #expect(Binomial.quantile(0, trials: 10, successProbability: 0.5) == 0)
        #expect(Binomial.quantile(1, trials: 10, successProbability: 0.5) == 10)
        #expect(Binomial.quantile(0.5, trials: 10, successProbability: 0) == 0)
        #expect(Binomial.quantile(0.5, trials: 10, successProbability: 1) == 10)
        #expect(Binomial.quantile(0.5, trials: -1, successProbability: 0.5) == nil)
        #expect(Binomial.quantile(1.5, trials: 10, successProbability: 0.5) == nil)
        #expect(Binomial.quantile(.nan, trials: 10, successProbability: 0.5) == nil)
    }

    @Test func quantile_ofAnExactCumulativeProbability_isThatPoint() {
        // P(X ≤ 0) = 0.25 for Binomial(2, ½): the fuzz keeps qbinom(pbinom(k)) = k.
        #expect(Binomial.quantile(0.25, trials: 2, successProbability: 0.5) == 0)
        #expect(Binomial.quantile(0.75, trials: 2, successProbability: 0.5) == 1)
        for k in 0..<30 {
            let probability = Binomial.cdf(k, trials: 30, successProbability: 0.37)!
            #expect(Binomial.quantile(probability, trials: 30, successProbability: 0.37) == k, "k = \(k)")
        }
    }

    @Test func cdf_matchesExactValues() {
        // Σ_{k≤5} C(20, k) / 2²⁰ = 21700/1048576; P(X ≤ 3) for Binomial(10, 0.3) = 0.6496107184.
        #expect(abs(Binomial.cdf(5, trials: 20, successProbability: 0.5)! - 21700.0 / 1_048_576) < 1e-16)
        #expect(abs(Binomial.cdf(3, trials: 10, successProbability: 0.3)! - 0.6496107184) < 1e-12)
        #expect(Binomial.cdf(-1, trials: 10, successProbability: 0.3) == 0)
        #expect(Binomial.cdf(10, trials: 10, successProbability: 0.3) == 1)
    }

    @Test func cdf_largeTrials_doesNotOverflow() {
        // Symmetry: P(X ≤ n/2 − 1) + P(X ≤ n/2) = 1 for even n and p = ½.
        let lower = Binomial.cdf(4999, trials: 10_000, successProbability: 0.5)!
        let upper = Binomial.cdf(5000, trials: 10_000, successProbability: 0.5)!
        #expect(abs(lower + upper - 1) < 1e-12)
    }
}
