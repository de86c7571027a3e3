#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import SPCCore

/// `Beta.inverse` (Halley steps, DiDonato–Morris continued fraction) against the
/// implementation it replaced, kept verbatim below as `PreviousBeta`, and against exact
/// quantiles far out in the tails.
@Suite struct BetaInverseAgreementTests {
    static let levels = [0.8, 0.9, 0.95, 0.99, 0.999]

    /// Every k for a few n, then random (k, n) with n up to 100,000 (fixed seed).
    static let pairs: [(k: Int, n: Int)] = {
        var pairs: [(k: Int, n: Int)] = []
        for n in [1, 2, 3, 5, 10, 50, 200, 1000] {
            for k in 0...n { pairs.append((k, n)) }
        }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {  // 64-bit LCG (Knuth's MMIX constants), top bits
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<2_000 {
            let n = 1 + next(100_000)
            pairs.append((next(n + 1), n))
        }
        return pairs
    }()

    /// The previous implementation's own error, in units of ε, where it had one (the new
    /// one is within a few ε of the exact quantiles there: `wherePreviousWasOff_…`,
    /// `closedForms_…`):
    ///
    /// 1. It solved for the side of ½ the mean a/(a + b) pointed to, so when the quantile
    ///    was on the other side (n = 1, 2 and the extreme levels) it got the small side
    ///    x by subtracting its solution x′ > ½ from 1: an error of about ε·x′/(1 − x′).
    /// 2. Above the switch point x′ ≥ (a′ + 1)/(a′ + b′ + 2) (a′, b′ the parameters of its
    ///    side) its `betacf` evaluated I at y′ = 1 − x′ and its first partial denominator
    ///    1 − (a′ + b′)y′/(b′ + 1) cancelled, so the tail carried a relative error of about
    ///    ε/|1 − (a′ + b′)y′/(b′ + 1)|; a relative error η in the tail moves the quantile
    ///    by η·tail/(x′·density(x′)). This is the upper limit for small k and large n
    ///    (k = 2, n = 75,205 at 80%: 5,207 ε off; see `wherePreviousWasOff_…`).
    ///
    /// The comparison allows 4e-15 (18 ε) plus 3× this estimate; the largest excess over
    /// 4e-15 seen is 2.1× it, and outside the two regions the largest difference is 6 ε.
    static func previousError(a: Double, b: Double, x: Double, complement: Double) -> Double {
        let swapped = a > b  // its side by the mean
        let (a1, b1, x1, y1) = swapped ? (b, a, complement, x) : (a, b, x, complement)
        var error = 0.0
        if x1 > 0.5 { error += x1 / (1 - x1) }
        if x1 >= (a1 + 1) / (a1 + b1 + 2) && x1 < 1 {
            let upperTail = Beta.cdf(x1, a: a1, b: b1, lowerTail: false)!
            let sensitivity = upperTail * y1 / Beta.Prefactor(a: a1, b: b1)(x: x1, y: y1)  // tail/(x·density)
            error += sensitivity / abs(1 - (a1 + b1) * y1 / (b1 + 1))
        }
        return error
    }

    static func relativeDifference(_ u: Double, _ v: Double) -> Double {
        u == v ? 0 : abs(u - v) / max(abs(u), abs(v))
    }

    /// Both limits of every pair at every level, as `Binomial.clopperPearsonLimits` asks
    /// for them: k = 0, k = n and n = 1 included.
    @Test func clopperPearsonQuantiles_matchThePreviousImplementation() {
        var largest = (any: 0.0, plain: 0.0, explained: 0.0)  // ε; explained: excess over 4e-15 ÷ previous error
        for level in Self.levels {
            let alpha = (1 - level) / 2
            for (k, n) in Self.pairs {
                var problems: [(a: Double, b: Double, lowerTail: Bool)] = []
                if k > 0 { problems.append((Double(k), Double(n - k + 1), true)) }
                if k < n { problems.append((Double(k + 1), Double(n - k), false)) }
                for (a, b, lowerTail) in problems {
                    let new = Beta.inverse(alpha, a: a, b: b, lowerTail: lowerTail)
                    let old = PreviousBeta.inverse(alpha, a: a, b: b, lowerTail: lowerTail)
                    let difference = max(Self.relativeDifference(new.x, old.x),
                                         Self.relativeDifference(new.complement, old.complement))
                    let previous = Self.previousError(a: a, b: b, x: new.x, complement: new.complement)
                    #expect(difference <= 4e-15 + 3 * Double.ulpOfOne * previous,
                            "k = \(k), n = \(n), level \(level), \(lowerTail ? "lower" : "upper"): \(new) vs \(old)")
                    largest.any = max(largest.any, difference / Double.ulpOfOne)
                    if previous == 0 {
                        largest.plain = max(largest.plain, difference / Double.ulpOfOne)
                    } else if difference > 4e-15 {
                        largest.explained = max(largest.explained, (difference - 4e-15) / (Double.ulpOfOne * previous))
                    }
                }
            }
        }
        print("Beta.inverse vs previous: \(Self.pairs.count) (k, n) × \(Self.levels.count) levels; largest difference "
              + "\(largest.plain) ε outside the two regions, \(largest.any) ε in all (the excess over 4e-15 at most "
              + "\(largest.explained) × the previous error)")
    }

    /// The limits of k = 0, k = n and n = 1 have a = 1 or b = 1, where the quantile is in
    /// closed form: 1 − Iₓ(1, b) = (1 − x)ᵇ and Iₓ(a, 1) = xᵃ. Each formula below is good
    /// to a few ε plus the rounding of its logarithm L scaled by |L|/n (the exponential
    /// turns an absolute error in its argument into a relative one); both apply when
    /// a = b = 1, and Beta.inverse takes the first.
    @Test func closedForms_forAOrBEqualToOne() {
        let probabilities = [1e-300, 1e-100, 1e-20, 1e-10, 0.0005, 0.025, 0.5, 0.975, 1 - 1e-10, 1 - 0x1p-53]
        for n in [1.0, 2, 3, 10, 1000, 100_000] {
            for p in probabilities {
                for lowerTail in [true, false] {
                    // a = 1: ln(1 − x) = ln P(X > x)/b.
                    let logComplement = (lowerTail ? log1p(-p) : log(p)) / n
                    var tolerance = 4e-15 + Double.ulpOfOne * abs(logComplement)
                    let first = Beta.inverse(p, a: 1, b: n, lowerTail: lowerTail)
                    expectClose(first.x, -expm1(logComplement), relative: tolerance, absolute: 0, "a = 1, b = \(n), p = \(p)")
                    expectClose(first.complement, exp(logComplement), relative: tolerance, absolute: 0,
                                "1 − x, a = 1, b = \(n), p = \(p)")
                    // b = 1: ln x = ln P(X ≤ x)/a.
                    let logX = (lowerTail ? log(p) : log1p(-p)) / n
                    tolerance = 4e-15 + Double.ulpOfOne * abs(logX)
                    let second = Beta.inverse(p, a: n, b: 1, lowerTail: lowerTail)
                    expectClose(second.x, exp(logX), relative: tolerance, absolute: 0, "a = \(n), b = 1, p = \(p)")
                    expectClose(second.complement, -expm1(logX), relative: tolerance, absolute: 0, "1 − x, a = \(n), b = 1, p = \(p)")
                }
            }
        }
    }

    /// (p, a, b, lower tail, x, 1 − x) where the two implementations differ most, in the
    /// second region of `previousError`: exact quantiles from mpmath 1.3.0 at 50 digits,
    /// by bisection on the binomial tail with the smaller number of terms
    /// (1 − Iₓ(a, b) = P(Bin(a + b − 1, x) ≤ a − 1)).
    static let previousOff: [(Double, Double, Double, Bool, Double, Double)] = [
        (0.09999999999999998, 3, 75203, false, 0.000070769267698360305559, 0.99992923073230163969),  // new 0.8 ε, previous 5207 ε
        (0.09999999999999998, 98140, 4, true, 0.99993192935013153180, 0.000068070649868468201538),  // new 0.6 ε, previous 2854 ε
        (0.04999999999999999, 2, 44252, false, 0.00010719417563541619676, 0.99989280582436458380),  // new 1.1 ε, previous 1985 ε
        (0.09999999999999998, 2, 98551, false, 0.000039468129957300261102, 0.99996053187004269974),  // new 0.7 ε, previous 1070 ε
        (0.025000000000000022, 9, 74680, false, 0.00021104287172068547531, 0.99978895712827931452),  // new 0.7 ε, previous 1178 ε
        (0.09999999999999998, 5, 822, false, 0.0096540887301261840205, 0.99034591126987381598),  // new 1.1 ε, previous 66 ε
        (0.04999999999999999, 3, 998, false, 0.0062822845467234272850, 0.99371771545327657271),  // new 0.4 ε, previous 42 ε
        (0.09999999999999998, 5, 996, false, 0.0079776359629581306210, 0.99202236403704186938),  // new 1.2 ε, previous 55 ε
    ]

    @Test func wherePreviousWasOff_matchesExactQuantiles() {
        for (p, a, b, lowerTail, x, complement) in Self.previousOff {
            let result = Beta.inverse(p, a: a, b: b, lowerTail: lowerTail)
            let label = "qbeta(\(p), \(a), \(b), lower = \(lowerTail))"
            expectClose(result.x, x, relative: 4e-15, absolute: 0, label)
            expectClose(result.complement, complement, relative: 4e-15, absolute: 0, "1 − " + label)
        }
    }

    /// (p, a, b, lower tail, x, 1 − x): the exact quantiles, from mpmath 1.3.0 at 50
    /// digits — bisection on P(Bin(a + b − 1, s) ≥ a) = p for the lower tail (s = x) and
    /// P(Bin(a + b − 1, s) ≥ b) = p for the upper (s = 1 − x), summing the binomial terms.
    /// The comments give the new error and the previous implementation's, which solved
    /// on the side the mean pointed to and so lost 1 − x when x was near 1 (it returned
    /// 1 − x = 2.9e-15 for 3.6e-34 in the second row).
    static let farTail: [(Double, Double, Double, Bool, Double, Double)] = [
        (1e-300, 2, 9, true, 1.4907119849998598163e-151, 1.0000000000000000000),  // new 36 ε, previous 187 ε
        (1e-300, 2, 9, false, 1.0000000000000000000, 3.5938136638046273122e-34),  // new 29 ε, previous off by 8e+18 relative
        (1e-100, 2, 9, true, 1.4907119849998598125e-51, 1.0000000000000000000),  // new 14 ε, previous 10 ε
        (1e-100, 2, 9, false, 0.99999999999400515750, 5.9948425031930039751e-12),  // new 6 ε, previous off by 1e-05 relative
        (1e-20, 2, 9, true, 1.4907119850591190160e-11, 0.99999999998509288015),  // new 11 ε, previous 5 ε
        (1e-20, 2, 9, false, 0.99535625070947936765, 0.0046437492905206323541),  // new 1 ε, previous 59 ε
        (1e-10, 2, 9, true, 1.4907179109614894743e-6, 0.99999850928208903851),  // new 6 ε, previous 6 ε
        (1e-10, 2, 9, false, 0.93967861605778024634, 0.060321383942219753659),  // new 2 ε, previous 8 ε
        (1e-300, 3, 8, true, 2.0274006651911334119e-101, 1.0000000000000000000),  // new 99 ε, previous 28 ε
        (1e-300, 3, 8, false, 1.0000000000000000000, 1.9649361187990048452e-38),  // new 16 ε, previous off by 1e+23 relative
        (1e-100, 3, 8, true, 9.4103602888102849735e-35, 1.0000000000000000000),  // new 34 ε, previous 27 ε
        (1e-100, 3, 8, false, 0.99999999999980350639, 1.9649361187990906434e-13),  // new 3 ε, previous 0.002
        (1e-20, 3, 8, true, 4.3679026575565232393e-8, 0.99999995632097342443),  // new 3 ε, previous 5 ε
        (1e-20, 3, 8, false, 0.99803420458252318328, 0.0019657954174768167161),  // new 1 ε, previous 651 ε
        (1e-10, 3, 8, true, 0.000094119104149813253991, 0.99990588089585018675),  // new 1 ε, previous 12 ε
        (1e-10, 3, 8, false, 0.96477903544126053363, 0.035220964558739466374),  // new 2 ε, previous 43 ε
        (1e-300, 5, 996, true, 2.6103944893048537504e-63, 1.0000000000000000000),  // new 16 ε, previous 9 ε
        (1e-300, 5, 996, false, 0.51100471661471148311, 0.48899528338528851689),  // new 1 ε, previous 1 ε
        (1e-100, 5, 996, true, 2.6103944893048537477e-23, 1.0000000000000000000),  // new 24 ε, previous 1 ε
        (1e-100, 5, 996, false, 0.22094925416315223763, 0.77905074583684776237),  // new 3 ε, previous 1 ε
        (1e-20, 5, 996, true, 2.6105074977827237935e-7, 0.99999973894925022173),  // new 9 ε, previous 2 ε
        (1e-20, 5, 996, false, 0.057660955158991358953, 0.94233904484100864105),  // new 0 ε, previous 0 ε
        (1e-10, 5, 996, true, 0.000026217651502835142294, 0.99997378234849716486),  // new 4 ε, previous 2 ε
        (1e-10, 5, 996, false, 0.033575733940335012957, 0.96642426605966498704),  // new 1 ε, previous 2 ε
        (1e-300, 10, 41, true, 9.9731723167214308833e-32, 1.0000000000000000000),  // new 61 ε, previous 1 ε
        (1e-300, 10, 41, false, 0.99999997157596133736, 2.8424038662640197654e-8),  // new 6 ε, previous off by 7e-09 relative
        (1e-100, 10, 41, true, 9.9731723170831187548e-12, 0.99999999999002682768),  // new 18 ε, previous 7 ε
        (1e-100, 10, 41, false, 0.99785249281490485608, 0.0021475071850951439158),  // new 2 ε, previous 444 ε
        (1e-20, 10, 41, true, 0.0010009550358472637596, 0.99899904496415273624),  // new 5 ε, previous 6 ε
        (1e-20, 10, 41, false, 0.79872221606084029986, 0.20127778393915970014),  // new 0 ε, previous 1 ε
        (1e-10, 10, 41, true, 0.010357178972150453658, 0.98964282102784954634),  // new 0 ε, previous 1 ε
        (1e-10, 10, 41, false, 0.62872894341819372378, 0.37127105658180627622),  // new 0 ε, previous 0 ε
        (1e-300, 40, 20, true, 1.3224154207461354032e-8, 0.99999998677584579254),  // new 9 ε, previous off by 3e-08 relative
        (1e-300, 40, 20, false, 0.99999999999999983108, 1.6892125709275114165e-16),  // new 21 ε, previous 28 ε
        (1e-100, 40, 20, true, 0.0013232270887158603762, 0.99867677291128413962),  // new 2 ε, previous 979 ε
        (1e-100, 40, 20, false, 0.99999831078212979960, 1.6892178702004030612e-6),  // new 6 ε, previous 5 ε
        (1e-20, 40, 20, true, 0.14193356566199648946, 0.85806643433800351054),  // new 1 ε, previous 2 ε
        (1e-20, 40, 20, false, 0.98254706019930671999, 0.017452939800693280006),  // new 2 ε, previous 4 ε
        (1e-10, 40, 20, true, 0.27219378305583190280, 0.72780621694416809720),  // new 1 ε, previous 1 ε
        (1e-10, 40, 20, false, 0.94012189064727823480, 0.059878109352721765203),  // new 2 ε, previous 2 ε
    ]

    @Test func nearZero_matchesExactQuantiles() {
        // Loader's prefactor is the exponential of a sum of size about |ln p|, each term good
        // to a few ε absolute, so the tail carries a relative error of about ε·|ln p|; near
        // the end where the tail behaves like sᵏ (k = a for x, b for 1 − x) the quantile
        // carries 1/k of it.
        for (p, a, b, lowerTail, x, complement) in Self.farTail {
            let result = Beta.inverse(p, a: a, b: b, lowerTail: lowerTail)
            let tolerance = 4e-15 + Double.ulpOfOne * abs(log(p)) / (lowerTail ? a : b)
            let label = "qbeta(\(p), \(a), \(b), lower = \(lowerTail))"
            expectClose(result.x, x, relative: tolerance, absolute: 0, label)
            expectClose(result.complement, complement, relative: tolerance, absolute: 0, "1 − " + label)
        }
    }

    /// p near 1 on one tail is 1 − p (exact there) on the other: the residual is taken
    /// against the tail the continued fraction gives, so no digit of 1 − p is lost.
    @Test func nearOne_isTheOtherTailOfOneMinusP() {
        for (a, b) in [(2.0, 9.0), (3, 8), (10, 41), (40, 20), (5, 996), (500, 1501)] {
            for q in [1e-3, 1e-5, 1e-10, 1e-15, 3 * 0x1p-53, 0x1p-53] {
                let p = 1 - q  // 1 − p is exact (not always q)
                for lowerTail in [true, false] {
                    let nearOne = Beta.inverse(p, a: a, b: b, lowerTail: lowerTail)
                    let other = Beta.inverse(1 - p, a: a, b: b, lowerTail: !lowerTail)
                    let label = "qbeta(1 − \(1 - p), \(a), \(b), lower = \(lowerTail))"
                    expectClose(nearOne.x, other.x, relative: 4e-15, absolute: 0, label)
                    expectClose(nearOne.complement, other.complement, relative: 4e-15, absolute: 0, "1 − " + label)
                }
            }
        }
    }

    @Test func isDeterministic() {
        for (k, n) in Self.pairs.prefix(2_000) where k > 0 {
            let first = Beta.inverse(0.025, a: Double(k), b: Double(n - k + 1), lowerTail: true)
            let second = Beta.inverse(0.025, a: Double(k), b: Double(n - k + 1), lowerTail: true)
            #expect(first.x.bitPattern == second.x.bitPattern && first.complement.bitPattern == second.complement.bitPattern)
        }
    }
}

/// The beta quantile as it was before the Halley rewrite (commit 99048ba, `Beta.swift`):
/// Newton steps through `RootFinding.increasingRoot`, Numerical Recipes' `betacf`, the
/// prefactor from `Saddlepoint.binomialDensity` (copied below, since replaced by
/// `Saddlepoint.BinomialDensity`) twice on every call. Kept verbatim (only made
/// fileprivate) as the reference `clopperPearsonQuantiles_matchThePreviousImplementation`
/// compares with.
private enum PreviousBeta {
    fileprivate static func regularized(x: Double, y: Double, a: Double, b: Double) -> (lower: Double, upper: Double) {
        if x <= 0 { return (0, 1) }
        if y <= 0 { return (1, 0) }
        if x < (a + 1) / (a + b + 2) {
            let lower = min(1, prefactor(x: x, y: y, a: a, b: b) * continuedFraction(x: x, a: a, b: b) / a)
            return (lower, 1 - lower)
        }
        let upper = min(1, prefactor(x: y, y: x, a: b, b: a) * continuedFraction(x: y, a: b, b: a) / b)
        return (1 - upper, upper)
    }

    /// xᵃ·yᵇ/B(a, b) with y = 1 − x: Loader's binomial density at a of a + b trials, times
    /// a·b/(a + b) (because Γ(a + b + 1)/(Γ(a + 1)Γ(b + 1)) = (a + b)/(a·b·B(a, b))).
    fileprivate static func prefactor(x: Double, y: Double, a: Double, b: Double) -> Double {
        binomialDensity(a, trials: a + b, p: x, q: y) * (a * b / (a + b))
    }

    /// `Saddlepoint.binomialDensity` as it was (Γ(n + 1)/(Γ(x + 1)·Γ(n − x + 1))·pˣ·qⁿ⁻ˣ for
    /// real 0 ≤ x ≤ n, with q = 1 − p given separately).
    fileprivate static func binomialDensity(_ x: Double, trials n: Double, p: Double, q: Double) -> Double {
        if p == 0 { return x == 0 ? 1 : 0 }
        if q == 0 { return x == n ? 1 : 0 }
        if x == 0 {
            if n == 0 { return 1 }
            return exp(p < 0.1 ? -Saddlepoint.devianceTerm(n, n * q) - n * p : n * log(q))
        }
        if x == n {
            return exp(q < 0.1 ? -Saddlepoint.devianceTerm(n, n * p) - n * q : n * log(p))
        }
        if x < 0 || x > n { return 0 }
        let lc = Saddlepoint.stirlingError(n) - Saddlepoint.stirlingError(x) - Saddlepoint.stirlingError(n - x)
            - Saddlepoint.devianceTerm(x, n * p) - Saddlepoint.devianceTerm(n - x, n * q)
        let lf = Saddlepoint.ln2Pi + log(x) + log1p(-x / n)
        return exp(lc - 0.5 * lf)
    }

    /// The density xᵃ⁻¹yᵇ⁻¹/B(a, b), y = 1 − x, 0 < x < 1.
    fileprivate static func density(x: Double, y: Double, a: Double, b: Double) -> Double {
        prefactor(x: x, y: y, a: a, b: b) / (x * y)
    }

    /// The continued fraction of Iₓ(a, b) (Numerical Recipes `betacf`), converging fast
    /// for x < (a + 1)/(a + b + 2).
    fileprivate static func continuedFraction(x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        let sum = a + b, aPlusOne = a + 1, aMinusOne = a - 1
        var c = 1.0
        var d = 1 - sum * x / aPlusOne
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var fraction = d
        for m in 1..<100_000 {
            let m = Double(m), twoM = 2 * Double(m)
            var numerator = m * (b - m) * x / ((aMinusOne + twoM) * (a + twoM))
            d = 1 + numerator * d
            if abs(d) < tiny { d = tiny }
            c = 1 + numerator / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            fraction *= d * c
            numerator = -(a + m) * (sum + m) * x / ((a + twoM) * (aPlusOne + twoM))
            d = 1 + numerator * d
            if abs(d) < tiny { d = tiny }
            c = 1 + numerator / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            fraction *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return fraction
    }

    /// The quantile x and its complement 1 − x, each to full relative precision.
    ///
    /// Solves for whichever of x and 1 − x is expected to be the smaller (by the mean),
    /// swapping a, b and the tail for 1 − x: a ratio x/(1 − x), such as the rate ratio
    /// from a binomial proportion, then keeps every digit even when x is near 1.
    fileprivate static func inverse(_ p: Double, a: Double, b: Double, lowerTail: Bool) -> (x: Double, complement: Double) {
        if a / (a + b) > 0.5 {
            let swapped = inverseSmall(p, a: b, b: a, lowerTail: !lowerTail)
            return (swapped.complement, swapped.x)
        }
        return inverseSmall(p, a: a, b: b, lowerTail: lowerTail)
    }

    /// Newton steps for x in [0, 1] on the given tail (which keeps p's precision).
    fileprivate static func inverseSmall(_ p: Double, a: Double, b: Double, lowerTail: Bool) -> (x: Double, complement: Double) {
        if lowerTail ? p == 0 : p == 1 { return (0, 1) }
        if lowerTail ? p == 1 : p == 0 { return (1, 0) }
        let lowerP = lowerTail ? p : 1 - p
        let x = RootFinding.increasingRoot(lower: 0, upper: 1, start: startingValue(lowerP, a: a, b: b)) { x in
            let tails = regularized(x: x, y: 1 - x, a: a, b: b)
            let value = lowerTail ? tails.lower - p : p - tails.upper
            return (value, density(x: x, y: 1 - x, a: a, b: b))
        }
        return (x, 1 - x)
    }

    /// The normal approximation mean + z·sd, or (p·a·B(a, b))^{1/a} in the far lower tail.
    fileprivate static func startingValue(_ p: Double, a: Double, b: Double) -> Double {
        let mean = a / (a + b)
        let sd = (a * b / ((a + b) * (a + b) * (a + b + 1))).squareRoot()
        let normal = mean + Normal.quantileUnchecked(p) * sd
        let logBeta = lgamma(a) + lgamma(b) - lgamma(a + b)
        let power = exp((log(p * a) + logBeta) / a)
        if normal <= 0 || normal >= 1 || power < normal { return min(power, 0.5) }
        return normal
    }
}
