import Testing
@testable import SPCCore

/// Exact Poisson probability limits: checked against SciPy 1.17.1's `poisson.ppf` and
/// against their defining tail probabilities.
@Suite struct PoissonLimitsTests {
    /// (mean, lower, upper, lower 2σ, upper 2σ) from `scipy.stats.poisson.ppf` at Φ(−3),
    /// 1 − Φ(−3), Φ(−2), 1 − Φ(−2).
    static let scipy: [(Double, Double, Double, Double, Double)] = [
        (0.5, 0, 4, 0, 2), (2.0, 0, 7, 0, 5), (7.3, 1, 17, 2, 13), (25.0, 11, 41, 16, 35),
    ]

    @Test func countLimits_matchSciPy() {
        for (mean, lower, upper, lower2, upper2) in Self.scipy {
            let limits = PoissonLimits.countLimits(mean: mean)
            #expect(limits.lower == lower && limits.upper == upper, "mean \(mean)")
            #expect(limits.lower2 == lower2 && limits.upper2 == upper2, "mean \(mean)")
        }
    }

    @Test func countLimits_haveTheNormalTailProbabilities() {
        for step in 1...200 {
            let mean = Double(step) * 0.07
            let limits = PoissonLimits.countLimits(mean: mean)
            // Strictly above the upper limit: at most Φ(−3); at or above it: more.
            let above = Poisson.cdf(Int(limits.upper), mean: mean, lowerTail: false)!
            let atOrAbove = Poisson.cdf(Int(limits.upper) - 1, mean: mean, lowerTail: false)!
            #expect(above <= PoissonLimits.limitTail && atOrAbove > PoissonLimits.limitTail, "mean \(mean)")
            // Strictly below the lower limit: under Φ(−3).
            if limits.lower > 0 {
                #expect(Poisson.cdf(Int(limits.lower) - 1, mean: mean)! < PoissonLimits.limitTail, "mean \(mean)")
                #expect(Poisson.cdf(Int(limits.lower), mean: mean)! >= PoissonLimits.limitTail, "mean \(mean)")
            }
        }
    }

    @Test func cChart_probabilityLimits_aCountOnTheLimitIsNotOutside() {
        // c̄ = 0.5: upper limit 4, so 4 is on the line and 5 beyond it.
        let values: [Double?] = [0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 4]
        let lines = PoissonLimits.c(values: values, baseline: Array(repeating: true, count: values.count))
        #expect(lines.centre == 10.0 / 20)
        #expect(lines.upper.allSatisfy { $0 == 5 - 1 })
        #expect(lines.lower.allSatisfy { $0 == 0 })
        var series = Series(periods: (0..<20).map(Int32.init), numerators: values.map { $0! })
        var options = ChartOptions(kind: .c)
        options.probabilityLimits = true
        let layout = PhasePlan().layout(for: series)
        #expect(!ChartComputation.lines(for: series, layout: layout, options: options).isOutsideLimits(19))
        series.numerators[19] = 5
        let raised = ChartComputation.lines(for: series, layout: PhasePlan(baselinePoints: 19).layout(for: series), options: options)
        #expect(raised.isOutsideLimits(19))
    }

    @Test func uChart_probabilityLimits_perPointExposure() {
        let counts: [Double] = [1, 0, 2, 0, 1]
        let exposures: [Double] = [200, 100, 400, 0, 300]
        let lines = PoissonLimits.u(counts: counts, exposures: exposures, baseline: Array(repeating: true, count: 5))
        let centre = 4.0 / 1000
        #expect(lines.centre == centre)
        for index in [0, 1, 2, 4] {
            let limits = PoissonLimits.countLimits(mean: centre * exposures[index])
            #expect(lines.upper[index] == limits.upper / exposures[index])
            #expect(lines.upper2[index] == limits.upper2 / exposures[index])
        }
        #expect(lines.upper[3] == nil && lines.values[3] == nil)
        // ū·n = 1.6 at 400 bed days: upper limit 6 incidents (SciPy: poisson.ppf(0.99865, 1.6) = 6).
        #expect(lines.upper[2] == 6.0 / 400)
    }
}
