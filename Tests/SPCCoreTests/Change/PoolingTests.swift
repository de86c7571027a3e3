import Testing
@testable import SPCCore

private func ward(_ ob: Int, _ tb: Double, _ oc: Int, _ tc: Double) -> WardCounts {
    WardCounts(baselineCount: ob, baselineExposure: tb, comparisonCount: oc, comparisonExposure: tc)
}

/// Reference values: Python 3.11 with NumPy 2.4.6 and SciPy 1.17.1, written out
/// formula by formula from DESIGN.md §4.4 (z = s.norm.ppf(0.975)) — see each test.
@Suite struct RatioOfTotalsTests {
    /// Three wards, hand-checkable: ΣO_b = 90, ΣT_b = 3500, ΣO_c = 59, ΣT_c = 3320,
    /// RR_T = (59/3320)/(90/3500) = 0.6910977242302544.
    static let three = [ward(30, 1000, 20, 1000), ward(50, 2000, 25, 1800), ward(10, 500, 14, 520)]

    @Test func overdispersedThreeWards() {
        // φ = Σ(O_c − nπ)²/(nπ(1 − π))/2 = 1.7517935673490102 with π = T_c·R/(T_c·R + T_b);
        // SE = √(1/90 + 1/59)·√φ; CI = exp(ln R ∓ 1.959964·SE).
        let pooled = Pooling.ratioOfTotals(Self.three)!
        expectClose(pooled.estimate, 0.6910977242302544, "RR_T")
        expectClose(pooled.dispersion, 1.7517935673490102, "φ")
        #expect(pooled.dispersionWards == 3 && pooled.wards == 3)
        expectClose(pooled.interval.lower, 0.4475264162013083, "lower")
        expectClose(pooled.interval.upper, 1.0672354684452714, "upper")
        #expect(pooled.intervalMethod == .overdispersedLogNormal)
        #expect(pooled.totals == ward(90, 3500, 59, 3320))
        expectClose(pooled.reductionInterval.lower, 100 * (1 - 1.0672354684452714), "reduction lower")
    }

    @Test func underdispersed_doesNotNarrowTheInterval() {
        // φ = 0.025870288638326598 < 1: SE = √(1/92 + 1/66) unwidened.
        let pooled = Pooling.ratioOfTotals([ward(30, 1000, 21, 1000), ward(50, 2000, 36, 2050), ward(12, 500, 9, 480)])!
        expectClose(pooled.estimate, 0.7112944943958615, "RR_T")
        expectClose(pooled.dispersion, 0.025870288638326598, relative: 1e-11, "φ")
        expectClose(pooled.interval.lower, 0.5184915617599808, "lower")
        expectClose(pooled.interval.upper, 0.9757918837492537, "upper")
    }

    @Test func zeroCounts_wardsWithNoEventsLeaveK() {
        // Wards with O_c = 0, O_b = 0 and both 0; K counts nᵢ > 0 only (4 of 5).
        let wards = [ward(30, 1000, 20, 1000), ward(8, 400, 0, 410), ward(0, 300, 3, 290), ward(0, 200, 0, 200),
                     ward(50, 2000, 25, 1800)]
        let pooled = Pooling.ratioOfTotals(wards)!
        #expect(pooled.wards == 5 && pooled.dispersionWards == 4)
        expectClose(pooled.estimate, 0.5749385749385749, "RR_T")
        expectClose(pooled.dispersion, 3.4651341568327525, "φ")
        expectClose(pooled.interval.lower, 0.2987489216625281, "lower")
        expectClose(pooled.interval.upper, 1.1064621191362802, "upper")
    }

    @Test func fewerThanTwoInformativeWards_phiIsOne() {
        // One ward with events, one with none: K = 1, φ = 1; SE = √(1/12 + 1/3).
        let pooled = Pooling.ratioOfTotals([ward(12, 182, 3, 182), ward(0, 100, 0, 90)])!
        #expect(pooled.dispersion == 1 && pooled.dispersionWards == 1)
        expectClose(pooled.estimate, 0.25919117647058826, "RR_T")
        expectClose(pooled.interval.lower, 0.07314286699070299, "lower")
        expectClose(pooled.interval.upper, 0.9184773406372861, "upper")
    }

    @Test func noComparisonEvents_fallsBackToTheExactInterval() {
        // ΣO_c = 0: RR_T = 0 and the exact conditional interval of the totals (12, 0; equal
        // exposure): upper = s.beta.isf(0.025, 1, 12)/(1 − ·) = 0.35989381728770414·(364/364).
        let pooled = Pooling.ratioOfTotals([ward(5, 91, 0, 91), ward(7, 91, 0, 91)])!
        #expect(pooled.estimate == 0 && pooled.reductionPercent == 100)
        #expect(pooled.intervalMethod == .exactConditional && pooled.dispersion == nil)
        #expect(pooled.interval.lower == 0)
        expectClose(pooled.interval.upper, 0.35989381728770414, "upper")
    }

    @Test func noBaselineEvents_orNoWards_isNil() {
        #expect(Pooling.ratioOfTotals([ward(0, 100, 4, 100), ward(0, 50, 0, 50)]) == nil)
        #expect(Pooling.ratioOfTotals([]) == nil)
        #expect(Pooling.ratioOfTotals([ward(5, 0, 4, 100)]) == nil)  // not observed in the baseline
    }

    @Test func unobservedWards_areLeftOut() {
        let withGap = Self.three + [ward(9, 0, 4, 100)]
        #expect(Pooling.ratioOfTotals(withGap) == Pooling.ratioOfTotals(Self.three))
    }
}

@Suite struct RandomEffectsTests {
    /// Hand-worked DerSimonian–Laird, three wards:
    ///   A 30/1000 → 20/1000: y = ln(2/3) = −0.405465, v = 1/30 + 1/20 = 0.083333, w = 12
    ///   B 50/2000 → 25/1800: y = ln(5/9) = −0.587787, v = 1/50 + 1/25 = 0.06, w = 16.6667
    ///   C 10/500 → 14/520:   y = ln(35/26) = 0.297252, v = 1/10 + 1/14 = 0.171429, w = 5.8333
    ///   Σw = 34.5, ȳ_w = −0.374726, Q = 3.401983, C = Σw − Σw²/Σw = 21.288245,
    ///   τ² = (3.401983 − 2)/21.288245 = 0.065857, w* = 1/(v + τ²),
    ///   ȳ = −0.325262, SE = 0.230249, I² = 1.401983/3.401983 = 0.412108.
    /// Full digits from the same steps in NumPy 2.4.6 (z = SciPy's s.norm.ppf(0.975)).
    @Test func handWorkedThreeWards() {
        let pooled = Pooling.randomEffects(RatioOfTotalsTests.three)!
        #expect(pooled.wards == 3)
        expectClose(pooled.cochranQ, 3.4019832822813676, "Q")
        expectClose(pooled.tauSquared, 0.06585715720852718, "τ²")
        expectClose(pooled.logEstimate, -0.3252623157193435, "ȳ")
        expectClose(pooled.standardError, 0.2302492659219706, "SE")
        expectClose(pooled.estimate, 0.722337848215769, "RR")
        expectClose(pooled.interval.lower, 0.45999365439243883, "lower")
        expectClose(pooled.interval.upper, 1.1343025321819828, "upper")
        expectClose(pooled.iSquared, 0.4121076342683256, "I²")
        expectClose(pooled.reductionPercent, 100 * (1 - 0.722337848215769), "reduction")
        // By hand to 6 digits.
        #expect(abs(pooled.tauSquared - 0.065857) < 1e-6 && abs(pooled.iSquared - 0.412108) < 1e-6)
    }

    @Test func zeroCounts_getHalfAndBothZeroIsLeftOut() {
        // O_c = 0 → (8.5, 0.5); O_b = 0 → (0.5, 3.5); (0, 0) dropped: K = 4.
        let wards = [ward(30, 1000, 20, 1000), ward(8, 400, 0, 410), ward(0, 300, 3, 290), ward(0, 200, 0, 200),
                     ward(50, 2000, 25, 1800)]
        let pooled = Pooling.randomEffects(wards)!
        #expect(pooled.wards == 4)
        expectClose(pooled.cochranQ, 5.547184057983724, "Q")
        expectClose(pooled.tauSquared, 0.16646354394704152, "τ²")
        expectClose(pooled.logEstimate, -0.5032633371683839, "ȳ")
        expectClose(pooled.standardError, 0.3285391112530305, "SE")
        expectClose(pooled.interval.lower, 0.3175283533530742, "lower")
        expectClose(pooled.interval.upper, 1.151034943348774, "upper")
        expectClose(pooled.iSquared, 0.45918506243140017, "I²")
    }

    @Test func identicalWards_QIsZero_IsquaredZero() {
        let wards = Array(repeating: ward(20, 1000, 10, 1000), count: 3)
        let pooled = Pooling.randomEffects(wards)!
        #expect(pooled.cochranQ < 1e-28)
        #expect(pooled.tauSquared == 0 && pooled.iSquared == 0)
        // Fixed effect: ȳ = ln ½, SE = 1/√(3/0.15).
        expectClose(pooled.logEstimate, -0.6931471805599453, relative: 1e-14, "ȳ")
        expectClose(pooled.standardError, 0.22360679774997896, "SE")
        expectClose(pooled.interval.lower, 0.3225786002138575, "lower")
        expectClose(pooled.interval.upper, 0.7750049130173527, "upper")
    }

    @Test func singleWard_isThatWardsFigures() {
        // y = ln(3/12), v = 1/12 + 1/3; τ² = I² = Q = 0.
        let pooled = Pooling.randomEffects([ward(12, 182, 3, 182), ward(0, 100, 0, 90)])!
        #expect(pooled.wards == 1)
        #expect(pooled.tauSquared == 0 && pooled.iSquared == 0 && pooled.cochranQ == 0)
        expectClose(pooled.estimate, 0.25, relative: 1e-14, "RR")
        expectClose(pooled.standardError, 0.6454972243679028, "SE")
        expectClose(pooled.interval.lower, 0.07054914830308942, "lower")
        expectClose(pooled.interval.upper, 0.8859072221749711, "upper")
    }

    @Test func noWardWithEvents_isNil() {
        #expect(Pooling.randomEffects([ward(0, 100, 0, 100)]) == nil)
        #expect(Pooling.randomEffects([]) == nil)
        #expect(Pooling.randomEffects([ward(1, 1, 1, 1)], level: 1.5) == nil)
    }
}

@Suite struct ReductionSummaryTests {
    @Test func meanMedianAndBenchmarkCounts() {
        // Reductions: 50%, 15% (exactly), 100%, 25% (exactly), −20%; O_b = 0 undefined; unobserved left out.
        let wards = [ward(20, 1, 10, 1), ward(20, 1, 17, 1), ward(6, 1, 0, 1), ward(8, 2, 6, 2), ward(10, 1, 12, 1),
                     ward(0, 1, 5, 1), ward(5, 0, 1, 1)]
        let summary = Pooling.reductions(wards, benchmarks: [15, 40, 10])
        #expect(summary.wardsWithEstimate == 5)
        expectClose(summary.meanPercent, (50 + 15 + 100 + 25 - 20) / 5.0, "mean")
        expectClose(summary.medianPercent, 25, "median")
        #expect(summary.reaching15Percent == 4)
        #expect(summary.reaching25Percent == 3)
        #expect(summary.reaching100Percent == 1)
        #expect(summary.benchmarks.map(\.wards) == [4, 2, 4])
        #expect(summary.wards(reaching: 40) == 2)
        #expect(summary.wards(reaching: 33) == nil)
    }

    @Test func noDefinedReduction() {
        let summary = Pooling.reductions([ward(0, 1, 3, 1)])
        #expect(summary.wardsWithEstimate == 0 && summary.meanPercent == nil && summary.medianPercent == nil)
        #expect(summary.reaching15Percent == 0 && summary.reaching100Percent == 0)
    }
}
