#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import SPCCore

@Suite struct GammaTests {
    /// (a, x, P(a, x), Q(a, x)) from SciPy 1.17.1:
    /// `python3 -c "import scipy.special as sp; print(repr(sp.gammainc(a, x)), repr(sp.gammaincc(a, x)))"`.
    static let regularized: [(Double, Double, Double, Double)] = [
        (0.5, 0.1, 0.34527915398142317, 0.6547208460185768),
        (1, 1, 0.6321205588285577, 0.36787944117144245),
        (3, 2.5, 0.45618688411667035, 0.5438131158833297),
        (10, 15, 0.9301463393005901, 0.06985366069940986),
        (100, 90, 0.15822098918643007, 0.84177901081357),
        (1000, 1050, 0.9413288886226819, 0.05867111137731806),
        (1e4, 1e4, 0.5013298083399552, 0.4986701916600448),
        (1e5, 1.01e5, 0.9991915784870744, 0.0008084215129255896),
        (2.5, 30, 0.9999999999878454, 1.2154569777183007e-11),
        (50, 10, 1.8547268838698457e-19, 1.0),
        (7, 7.5, 0.6218453056765306, 0.3781546943234694),
        (0.1, 5, 0.9998560610341533, 0.00014393896584673387),
    ]

    @Test func cdf_bothTails_matchScipy() {
        for (a, x, lower, upper) in Self.regularized {
            expectClose(Gamma.cdf(x, shape: a), lower, "P(\(a), \(x))")
            expectClose(Gamma.cdf(x, shape: a, lowerTail: false), upper, "Q(\(a), \(x))")
        }
    }

    @Test func cdf_exponentialCase_isClosedForm() {
        // P(1, x) = 1 − e⁻ˣ.
        for x in [0.001, 0.5, 2.0, 40.0] {
            expectClose(Gamma.cdf(x, shape: 1, lowerTail: false), exp(-x), "Q(1, \(x))")
        }
    }

    /// (p, a, lower-tail quantile, upper-tail quantile) from SciPy 1.17.1
    /// `s.gamma.ppf(p, a)`, `s.gamma.isf(p, a)`.
    static let quantiles: [(Double, Double, Double, Double)] = [
        (0.025, 5, 1.6234863901184207, 10.241588675403696),
        (0.975, 6, 11.66833207932267, 2.201894253490851),
        (0.001, 100, 71.9213974950004, 133.7702639113786),
        (0.999, 1000, 1100.5780982933145, 905.1207909349766),
        (0.5, 0.5, 0.227468211559786, 0.2274682115597862),
        (1e-10, 2, 1.414220229082974e-05, 26.33398160553087),
        (0.025, 1, 0.025317807984289876, 3.6888794541139363),
        (0.975, 20001, 20279.133627926407, 19724.760671144322),
        (0.05, 0.2, 2.0392131101128526e-07, 1.0305257996426687),
    ]

    @Test func quantile_bothTails_matchScipy() {
        for (p, a, lower, upper) in Self.quantiles {
            expectClose(Gamma.quantile(p, shape: a), lower, "qgamma(\(p), \(a))")
            expectClose(Gamma.quantile(p, shape: a, lowerTail: false), upper, "qgamma(\(p), \(a), lower = FALSE)")
        }
    }

    @Test func quantile_invertsCdf() {
        for a in [0.3, 1, 4.5, 37, 512] {
            for p in [1e-8, 0.025, 0.5, 0.975] {
                let x = Gamma.quantile(p, shape: a)!
                expectClose(Gamma.cdf(x, shape: a), p, relative: 1e-12, "P(\(a), qgamma(\(p)))")
            }
        }
    }

    @Test func edges() {
        #expect(Gamma.quantile(0, shape: 3) == 0)
        #expect(Gamma.quantile(1, shape: 3) == .infinity)
        #expect(Gamma.quantile(0.5, shape: 0) == nil)
        #expect(Gamma.cdf(-1, shape: 2) == nil)
        #expect(Gamma.cdf(0, shape: 2) == 0)
    }
}

@Suite struct ChiSquareTests {
    @Test func quantile_publishedTableValues() {
        // χ² table values (e.g. Pearson & Hartley): 3.841458820694124 and 20.483177350807388
        // as SciPy 1.17.1 gives them (`s.chi2.ppf(0.95, 1)`, `s.chi2.ppf(0.975, 10)`).
        expectClose(ChiSquare.quantile(0.95, degreesOfFreedom: 1), 3.841458820694124, "qchisq(0.95, 1)")
        expectClose(ChiSquare.quantile(0.975, degreesOfFreedom: 10), 20.483177350807388, "qchisq(0.975, 10)")
        expectClose(ChiSquare.quantile(0.05, degreesOfFreedom: 10, lowerTail: false), 18.30703805327515, "qchisq(0.95, 10)")
    }

    @Test func cdf_matchesScipy() {
        // `s.chi2.sf(3.84, 1)` = 0.05004352124870519, `s.chi2.cdf(12.5, 7)` = 0.9147307248417308
        expectClose(ChiSquare.cdf(3.84, degreesOfFreedom: 1, lowerTail: false), 0.05004352124870519, "pchisq(3.84, 1)")
        expectClose(ChiSquare.cdf(12.5, degreesOfFreedom: 7), 0.9147307248417308, "pchisq(12.5, 7)")
    }
}
