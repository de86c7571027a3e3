import Testing
@testable import SPCCore

@Suite struct NormalTests {
    /// (p, Φ⁻¹(p)) from SciPy 1.17.1: `python3 -c "import scipy.stats as s; print(repr(s.norm.ppf(p)))"`.
    static let quantiles: [(Double, Double)] = [
        (0.975, 1.959963984540054), (0.5, 0.0), (0.025, -1.9599639845400545),
        (0.3, -0.5244005127080409), (0.999, 3.090232306167813), (1e-10, -6.361340902404056),
        (1e-300, -37.0470962993612), (0.9999999, 5.199337582290661),
    ]

    @Test func quantile_matchesScipy() {
        for (p, expected) in Self.quantiles {
            expectClose(Normal.quantile(p), expected, relative: 1e-14, absolute: 1e-16, "qnorm(\(p))")
        }
    }

    @Test func quantile_publishedTableValues() {
        // The textbook 1.96 and 2.576 (two-sided 95%, 99%) and 3.09 (one-sided 99.9%).
        #expect(abs(Normal.quantile(0.975)! - 1.96) < 5e-5)
        #expect(abs(Normal.quantile(0.995)! - 2.5758) < 5e-5)
        #expect(abs(Normal.quantile(0.999)! - 3.0902) < 5e-5)
    }

    @Test func quantile_edges() {
        #expect(Normal.quantile(0) == -.infinity)
        #expect(Normal.quantile(1) == .infinity)
        #expect(Normal.quantile(-0.1) == nil)
        #expect(Normal.quantile(.nan) == nil)
    }

    /// (z, Φ(z), 1 − Φ(z)) from SciPy 1.17.1 `s.norm.cdf(z)`, `s.norm.sf(z)`.
    static let cumulative: [(Double, Double, Double)] = [
        (-1.96, 0.024997895148220435, 0.9750021048517795), (0.0, 0.5, 0.5),
        (1.0, 0.8413447460685429, 0.15865525393145707), (-8.0, 6.22096057427174e-16, 0.9999999999999993),
        (5.0, 0.9999997133484281, 2.866515718791933e-07),
    ]

    @Test func cdf_bothTails_matchScipy() {
        for (z, lower, upper) in Self.cumulative {
            expectClose(Normal.cdf(z), lower, relative: 1e-13, "pnorm(\(z))")
            expectClose(Normal.cdf(z, lowerTail: false), upper, relative: 1e-13, "pnorm(\(z), lower = FALSE)")
        }
        // Far tail: the C library's erfc is good to about 1e-13 there; mpmath 1.3 `mp.ncdf(-30)`.
        expectClose(Normal.cdf(-30), 4.906713927148187e-198, relative: 1e-12, "pnorm(-30)")
        #expect(Normal.cdf(.nan) == nil)
    }
}
