#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import SPCCore

@Suite struct BetaTests {
    /// (x, a, b, Iₓ(a, b), 1 − Iₓ(a, b)) from SciPy 1.17.1:
    /// `python3 -c "import scipy.special as sp; print(repr(sp.betainc(a, b, x)), repr(sp.betaincc(a, b, x)))"`.
    static let regularized: [(Double, Double, Double, Double, Double)] = [
        (0.5, 0.5, 0.5, 0.5, 0.5),
        (0.01, 2, 200, 0.5980609754261148, 0.40193902457388586),
        (0.9, 50, 5, 0.361447139727378, 0.6385528602726219),
        (0.3, 1000, 2000, 4.0738279160507626e-05, 0.9999592617208395),
        (1e-05, 1, 1e4, 0.09516303438565249, 0.9048369656143475),
        (0.42, 17, 23, 0.4810245214626095, 0.5189754785373912),
    ]

    @Test func cdf_bothTails_matchScipy() {
        for (x, a, b, lower, upper) in Self.regularized {
            expectClose(Beta.cdf(x, a: a, b: b), lower, "I(\(x); \(a), \(b))")
            expectClose(Beta.cdf(x, a: a, b: b, lowerTail: false), upper, "1 − I(\(x); \(a), \(b))")
        }
    }

    @Test func cdf_integerParameters_equalBinomialTail() {
        // I_0.2(3, 8) = P(Bin(10, 0.2) ≥ 3) = 1 − 0.6777995264 exactly (worked by hand).
        expectClose(Beta.cdf(0.2, a: 3, b: 8), 0.3222004736, relative: 1e-14, "I(0.2; 3, 8)")
        expectClose(Beta.cdf(0.2, a: 3, b: 8, lowerTail: false), 0.6777995264, relative: 1e-14, "1 − I(0.2; 3, 8)")
        // I_x(1, b) = 1 − (1 − x)ᵇ.
        expectClose(Beta.cdf(0.05, a: 1, b: 7), 1 - 0.95 * 0.95 * 0.95 * 0.95 * 0.95 * 0.95 * 0.95, "I(0.05; 1, 7)")
    }

    /// (p, a, b, lower-tail quantile, upper-tail quantile) from SciPy 1.17.1
    /// `s.beta.ppf(p, a, b)`, `s.beta.isf(p, a, b)`.
    static let quantiles: [(Double, Double, Double, Double, Double)] = [
        (0.025, 3, 8, 0.06673951117773447, 0.5560954623076415),
        (0.975, 8, 3, 0.9332604888222655, 0.4439045376923585),
        (0.025, 500, 1501, 0.23115032377695, 0.2690733685466621),
        (0.975, 1, 1e4, 0.0003688199146187622, 2.5317775934746887e-06),
        (0.001, 2, 2, 0.01837025385881161, 0.9816297461411884),
        (0.5, 0.5, 3, 0.07903276707617297, 0.07903276707617297),
        (0.975, 1e4, 2, 0.9999757805763937, 0.999443018687453),
        (0.025, 40, 1, 0.9119026971211976, 0.9993672550679505),
    ]

    @Test func quantile_bothTails_matchScipy() {
        for (p, a, b, lower, upper) in Self.quantiles {
            expectClose(Beta.quantile(p, a: a, b: b), lower, "qbeta(\(p), \(a), \(b))")
            expectClose(Beta.quantile(p, a: a, b: b, lowerTail: false), upper, "qbeta(\(p), \(a), \(b), lower = FALSE)")
        }
    }

    @Test func quantile_keepsTheComplementsDigits() {
        // qbeta(0.025, 1e4, 2): x ≈ 0.99975; its complement 1 − x must not be x's rounding
        // residue. 1 − x = qbeta(0.975, 2, 1e4) (SciPy 1.17.1 `s.beta.ppf(0.975, 2, 1e4)`).
        let (x, complement) = Beta.inverse(0.025, a: 1e4, b: 2, lowerTail: true)
        expectClose(complement, 0.0005569813125469659, relative: 1e-12, "1 − qbeta(0.025, 1e4, 2)")
        expectClose(x, 0.999443018687453, relative: 1e-14, "qbeta(0.025, 1e4, 2)")
    }

    @Test func quantile_invertsCdf() {
        for (a, b) in [(1.0, 1.0), (2.5, 0.7), (30, 300), (700, 40)] {
            for p in [1e-9, 0.025, 0.5, 0.975, 0.999] {
                let x = Beta.quantile(p, a: a, b: b)!
                expectClose(Beta.cdf(x, a: a, b: b), p, relative: 1e-11, "I(qbeta(\(p)); \(a), \(b))")
            }
        }
    }

    @Test func edges() {
        #expect(Beta.quantile(0, a: 2, b: 3) == 0)
        #expect(Beta.quantile(1, a: 2, b: 3) == 1)
        #expect(Beta.quantile(0.5, a: 0, b: 3) == nil)
        #expect(Beta.quantile(1.5, a: 2, b: 3) == nil)
        #expect(Beta.cdf(-0.5, a: 2, b: 3) == 0)
        #expect(Beta.cdf(1.5, a: 2, b: 3) == 1)
    }
}

@Suite struct ClopperPearsonTests {
    @Test func matchesPublishedBinomTestOutput() {
        // R: binom.test(7, 20) → 95 percent confidence interval 0.1539092 0.5921885;
        // full digits from SciPy 1.17.1 `s.beta.ppf(0.025, 7, 14)`, `s.beta.ppf(0.975, 8, 13)`.
        let interval = Binomial.clopperPearson(successes: 7, trials: 20)!
        expectClose(interval.lower, 0.15390920478454118, "lower")
        expectClose(interval.upper, 0.5921885345328282, "upper")
        #expect(abs(interval.lower - 0.1539092) < 5e-8 && abs(interval.upper - 0.5921885) < 5e-8)
    }

    /// (k, n, lower, upper) from SciPy 1.17.1 beta quantiles as in `binom.test`.
    static let intervals: [(Int, Int, Double, Double)] = [
        (0, 10, 0.0, 0.3084971078187607), (10, 10, 0.6915028921812392, 1.0), (1, 1, 0.025, 1.0),
        (45, 160, 0.2131211181215564, 0.35767478410033443), (300, 1000, 0.27172111212914446, 0.329461678697366),
    ]

    @Test func edgeCountsAndLargeTrials_matchScipy() {
        for (k, n, lower, upper) in Self.intervals {
            let interval = Binomial.clopperPearson(successes: k, trials: n)!
            expectClose(interval.lower, lower, absolute: 0, "lower \(k)/\(n)")
            expectClose(interval.upper, upper, "upper \(k)/\(n)")
        }
    }

    @Test func zeroSuccesses_upperIsClosedForm() {
        // k = 0: upper = 1 − (α/2)^{1/n}, lower 0.
        let interval = Binomial.clopperPearson(successes: 0, trials: 10, level: 0.9)!
        #expect(interval.lower == 0)
        expectClose(interval.upper, 1 - pow(0.05, 0.1), relative: 1e-13, "upper")
    }

    @Test func invalidArguments_areNil() {
        #expect(Binomial.clopperPearson(successes: 0, trials: 0) == nil)
        #expect(Binomial.clopperPearson(successes: 3, trials: 2) == nil)
        #expect(Binomial.clopperPearson(successes: 1, trials: 2, level: 1) == nil)
    }
}
