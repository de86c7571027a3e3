import Testing
@testable import SPCCore

/// The exact runs distribution and the IHI runs limits (Swed & Eisenhart 1943).
@Suite struct SwedEisenhartTests {
    @Test func test_distribution_smallCases_matchEnumeration() {
        // n₁ = n₂ = 2: AABB BBAA (2 runs), ABBA BAAB (3), ABAB BABA (4) — a third each.
        let two = SwedEisenhart.distribution(above: 2, below: 2)
        #expect(two.count == 5)
        #expect(two[0] == 0 && two[1] == 0)
        for runs in 2...4 { #expect(abs(two[runs] - 1.0 / 3) < 1e-14) }
        // n₁ = 3, n₂ = 2 (10 arrangements): R = 2: 2, R = 3: 3, R = 4: 4, R = 5: 1.
        let threeTwo = SwedEisenhart.distribution(above: 3, below: 2)
        for (runs, ways) in [(2, 2.0), (3, 3), (4, 4), (5, 1)] {
            #expect(abs(threeTwo[runs] - ways / 10) < 1e-14, "R = \(runs)")
        }
    }

    @Test(arguments: [(1, 1), (1, 9), (4, 4), (7, 3), (10, 10), (13, 29), (60, 45)])
    func test_distribution_sumsToOne_andHasTheKnownMean(above: Int, below: Int) {
        let probabilities = SwedEisenhart.distribution(above: above, below: below)
        #expect(abs(probabilities.reduce(0, +) - 1) < 1e-12)
        // E[R] = 1 + 2 n₁ n₂ / (n₁ + n₂).
        let mean = probabilities.indices.reduce(0.0) { $0 + Double($1) * probabilities[$1] }
        let total = Double(above + below)
        #expect(abs(mean - (1 + 2 * Double(above * below) / total)) < 1e-10)
    }

    @Test func test_distribution_degenerate() {
        #expect(SwedEisenhart.distribution(above: 0, below: 0) == [1])
        #expect(SwedEisenhart.distribution(above: 4, below: 0) == [0, 1, 0, 0, 0])
        #expect(SwedEisenhart.limits(above: 0, below: 0) == .init(lower: 0, upper: 0))
        #expect(SwedEisenhart.limits(above: 0, below: 7) == .init(lower: 1, upper: 1))
    }

    /// Critical values of the two-sided 5% runs test, Swed & Eisenhart (1943) as reproduced in
    /// M. F. Triola, *Elementary Statistics*, Table A-10 "Critical values for number of runs G":
    /// reject when R ≤ r_L or R ≥ r_U. Our limits say the same thing as lower = r_L + 1
    /// (too few when R < lower) and upper = r_U − 1 (too many when R > upper).
    @Test(arguments: [
        (5, 5, 2, 10), (5, 6, 3, 10), (5, 12, 4, 12), (6, 8, 3, 12), (7, 7, 3, 13), (7, 16, 6, 16),
        (8, 8, 4, 14), (8, 12, 6, 16), (9, 9, 5, 15), (9, 20, 8, 18), (10, 10, 6, 16), (10, 15, 7, 18),
        (10, 20, 9, 20),
    ])
    func test_limits_matchPublishedSwedEisenhartTable(above: Int, below: Int, criticalLow: Int, criticalHigh: Int) {
        let limits = SwedEisenhart.limits(above: above, below: below)
        #expect(limits.lower == criticalLow + 1)
        #expect(limits.upper == criticalHigh - 1)
        // The limits do not depend on which side is which.
        #expect(SwedEisenhart.limits(above: below, below: above) == limits)
    }

    @Test func test_limits_conventionAtTheBoundary() {
        // n₁ = n₂ = 10: P(R ≤ 6) = 0.0185 ≤ 0.025 < P(R ≤ 7) = 0.0513, so R = 6 is too few
        // and R = 7 is not; symmetrically R = 16 is too many and R = 15 is not.
        let limits = SwedEisenhart.limits(above: 10, below: 10)
        #expect(limits == .init(lower: 7, upper: 15))
        #expect(limits.isTooFew(6) && !limits.isTooFew(7))
        #expect(limits.isTooMany(16) && !limits.isTooMany(15))
        let probabilities = SwedEisenhart.distribution(above: 10, below: 10)
        #expect(probabilities[...6].reduce(0, +) <= 0.025)
        #expect(probabilities[...7].reduce(0, +) > 0.025)
        #expect(probabilities[16...].reduce(0, +) <= 0.025)
        #expect(probabilities[15...].reduce(0, +) > 0.025)
    }

    @Test func test_limits_exactTieAtTheTailProbability_countsAsInsideTheTail() {
        // n₁ = 3, n₂ = 14: P(R ≤ 3) = (2 + 2 + 13) / C(17, 3) = 17/680 = 0.025 exactly, so R = 3
        // is "too few" under P ≤ 0.025 (lower = 4). Triola's table prints r_L = 2 there — it
        // treats the tie as not significant; this is the only tie with n₁, n₂ ≤ 40.
        let probabilities = SwedEisenhart.distribution(above: 3, below: 14)
        #expect(abs(probabilities[...3].reduce(0, +) - 0.025) < 1e-15)
        #expect(SwedEisenhart.limits(above: 3, below: 14).lower == 4)
    }

    @Test func test_limits_largeSeries_useLogSpace_andAgreeWithTheNormalApproximation() {
        // 500 above, 500 below: C(1000, 500) overflows a Double, the log-space sums do not.
        let probabilities = SwedEisenhart.distribution(above: 500, below: 500)
        #expect(probabilities.allSatisfy { $0.isFinite && $0 >= 0 })
        #expect(abs(probabilities.reduce(0, +) - 1) < 1e-9)
        // Normal approximation: mean 501, sd² = 2n₁n₂(2n₁n₂ − N) / (N²(N − 1)) = 249.75…
        let limits = SwedEisenhart.limits(above: 500, below: 500)
        let twoN1N2: Double = 2 * 500 * 500
        let total: Double = 1000
        let sd: Double = (twoN1N2 * (twoN1N2 - total) / (total * total * (total - 1))).squareRoot()
        let lowerApproximation: Double = 501 - 1.96 * sd
        let upperApproximation: Double = 501 + 1.96 * sd
        #expect(abs(Double(limits.lower) - lowerApproximation) <= 1.5)
        #expect(abs(Double(limits.upper) - upperApproximation) <= 1.5)
        #expect(limits.lower + limits.upper == 1002, "symmetric about the mean when n₁ = n₂")
        // And a very long series still works.
        let long = SwedEisenhart.limits(above: 12_000, below: 9_000)
        #expect(long.lower > 10_000 && long.upper < 10_600)
    }
}
