import Testing
@testable import SPCCore

@Suite struct PoissonTests {
    /// (k, mean, P(X ≤ k), P(X > k), P(X = k)) from SciPy 1.17.1
    /// `s.poisson.cdf(k, m)`, `s.poisson.sf(k, m)`, `s.poisson.pmf(k, m)`.
    static let probabilities: [(Int, Double, Double, Double, Double)] = [
        (0, 0.5, 0.6065306597126334, 0.3934693402873665, 0.6065306597126334),
        (3, 2.5, 0.7575761331330662, 0.2424238668669339, 0.21376301724973648),
        (10, 15.2, 0.10906197148254011, 0.8909380285174598, 0.04543564751159412),
        (120, 100, 0.9773306709216473, 0.022669329078352663, 0.005561064886513308),
        (950, 1000, 0.057836292955323276, 0.9421637070446768, 0.003629619066304391),
        // SciPy's pmf is 3.7e-12 off here; P(X = 5000) from mpmath 1.3 at 40 digits:
        // `mp.exp(-5100) * mp.mpf(5100)**5000 / mp.factorial(5000)`.
        (5000, 5100, 0.08143182864539492, 0.9185681713546051, 0.0021029475677758534),
    ]

    @Test func cdfAndProbability_matchScipy() {
        for (k, mean, atMost, above, exactly) in Self.probabilities {
            expectClose(Poisson.cdf(k, mean: mean), atMost, "ppois(\(k), \(mean))")
            expectClose(Poisson.cdf(k, mean: mean, lowerTail: false), above, "ppois(\(k), \(mean), lower = FALSE)")
            expectClose(Poisson.probability(k, mean: mean), exactly, "dpois(\(k), \(mean))")
        }
    }

    /// (p, mean, qpois) from SciPy 1.17.1 `s.poisson.ppf(p, m)` (R's qpois agrees: no ties here).
    static let quantiles: [(Double, Double, Int)] = [
        (0.025, 3.2, 0), (0.975, 3.2, 7), (0.001, 50, 30), (0.999, 50, 73), (0.5, 0.1, 0), (0.975, 1234.5, 1304),
    ]

    @Test func quantile_matchesScipy() {
        for (p, mean, expected) in Self.quantiles {
            #expect(Poisson.quantile(p, mean: mean) == expected, "qpois(\(p), \(mean))")
        }
    }

    @Test func quantile_ofAnExactCumulativeProbability_isThatCount() {
        for k in 0..<20 {
            let p = Poisson.cdf(k, mean: 6.5)!
            #expect(Poisson.quantile(p, mean: 6.5) == k, "k = \(k)")
        }
        #expect(Poisson.quantile(0.5, mean: 0) == 0)
        #expect(Poisson.quantile(1, mean: 2) == nil)
    }

    /// (p, mean, r − α) computed in Python from SciPy's cdf and pmf:
    /// r = smallest count with `s.poisson.cdf(r, m) >= p`, α = (cdf(r) − p)/pmf(r).
    static let interpolated: [(Double, Double, Double)] = [
        (0.025, 3.2, -0.3866867450722664), (0.975, 3.2, 6.705995824128428),
        (0.001, 50, 29.122816491481547), (0.999, 50, 72.75140851561927),
        (0.025, 0.1, -0.9723707270481088), (0.999, 987.6, 1085.6346635917546),
    ]

    @Test func interpolatedQuantile_matchesSpiegelhalterAppendix() {
        for (p, mean, expected) in Self.interpolated {
            expectClose(Poisson.interpolatedQuantile(p, mean: mean), expected, relative: 1e-12, "\(p), \(mean)")
        }
    }

    @Test func interpolatedQuantile_isContinuousInTheMean() {
        // Where r steps from 6 to 7 the interpolated value passes smoothly through 6.
        var previous = Poisson.interpolatedQuantile(0.975, mean: 1.5)!
        var mean = 1.5
        while mean < 4 {
            mean += 0.001
            let next = Poisson.interpolatedQuantile(0.975, mean: mean)!
            #expect(next >= previous && next - previous < 0.01, "jump at mean \(mean)")
            previous = next
        }
    }

    @Test func exactInterval_matchesPublishedPoissonTestOutput() {
        // R: poisson.test(10) → 4.795389 18.390356; poisson.test(137, 24.19893) →
        // 4.753125 6.692709 (R's own example, Welsh nickel workers).
        let ten = Poisson.exactInterval(count: 10)!
        #expect(abs(ten.lower - 4.795389) < 5e-7 && abs(ten.upper - 18.390356) < 5e-7)
        let nickel = Poisson.exactInterval(count: 137)!
        #expect(abs(nickel.lower / 24.19893 - 4.753125) < 5e-7)
        #expect(abs(nickel.upper / 24.19893 - 6.692709) < 5e-7)
    }

    /// (k, lower, upper) from SciPy 1.17.1 `s.chi2.ppf(0.025, 2k)/2`, `s.chi2.ppf(0.975, 2k + 2)/2`.
    static let garwood: [(Int, Double, Double)] = [
        (0, 0.0, 3.6888794541139354), (1, 0.025317807984289876, 5.571643390938898),
        (10, 4.7953886961324335, 18.39035604201778), (100, 81.36399125092314, 121.62679379242638),
        (1000, 938.9730184076952, 1063.952136016302),
    ]

    @Test func exactInterval_matchesScipy() {
        for (k, lower, upper) in Self.garwood {
            let interval = Poisson.exactInterval(count: k)!
            expectClose(interval.lower, lower, absolute: 0, "lower \(k)")
            expectClose(interval.upper, upper, "upper \(k)")
        }
        #expect(Poisson.exactInterval(count: -1) == nil)
    }
}
