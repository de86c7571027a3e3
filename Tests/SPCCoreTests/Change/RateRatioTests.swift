import Testing
@testable import SPCCore

@Suite struct RateRatioTests {
    @Test func matchesPublishedPoissonTestOutput() {
        // R's own example: poisson.test(c(11, 6 + 8 + 7), c(800, 1083 + 1050 + 878)) →
        // rate ratio 1.971488, 95 percent confidence interval 0.8584264 4.2772659.
        let ratio = RateRatio.compute(baselineCount: 21, baselineExposure: 3011, comparisonCount: 11, comparisonExposure: 800)!
        #expect(abs(ratio.estimate - 1.971488) < 5e-7)
        #expect(abs(ratio.interval.lower - 0.8584264) < 5e-8)
        #expect(abs(ratio.interval.upper - 4.2772659) < 5e-8)
        // Full digits: SciPy 1.17.1, p = s.beta.ppf(0.025, 11, 22), s.beta.isf(0.025, 12, 21); RR = p/(1 − p)·3011/800.
        expectClose(ratio.interval.lower, 0.8584264033916399, "lower")
        expectClose(ratio.interval.upper, 4.277265943654075, "upper")
    }

    /// (O_b, T_b, O_c, T_c, RR, lower, upper) — the same SciPy 1.17.1 computation as
    /// `poisson.test(c(O_c, O_b), c(T_c, T_b))`: n = O_b + O_c,
    /// pL = s.beta.ppf(0.025, O_c, n − O_c + 1) (0 when O_c = 0), pU = s.beta.isf(0.025, O_c + 1, O_b),
    /// limit = p/(1 − p)·T_b/T_c.
    static let cases: [(Int, Double, Int, Double, Double, Double, Double)] = [
        (40, 5200, 22, 5050, 0.5663366336633664, 0.3205753574209287, 0.9760820402054016),
        (12, 182, 0, 182, 0.0, 0.0, 0.35989381728770414),
        (5, 1000, 30, 1000, 6.0, 2.305005561205303, 19.8069871778083),
        (200, 10000, 100, 10000, 0.5, 0.38928415089933943, 0.6387865723158402),
        (20, 1, 17, 1, 0.85, 0.4181844998870787, 1.708415482178924),
        (20, 1, 20, 1, 1.0, 0.5106146672095835, 1.9584239627600566),
        (3000, 1e5, 2500, 1.1e5, 0.7575757575757577, 0.7181278402893917, 0.7991387362732151),
    ]

    @Test func estimateAndExactInterval_matchScipy() {
        for (ob, tb, oc, tc, estimate, lower, upper) in Self.cases {
            let ratio = RateRatio.compute(baselineCount: ob, baselineExposure: tb, comparisonCount: oc, comparisonExposure: tc)!
            let label = "\(ob)/\(tb) → \(oc)/\(tc)"
            expectClose(ratio.estimate, estimate, relative: 1e-14, absolute: 0, label)
            expectClose(ratio.interval.lower, lower, absolute: 0, label + " lower")
            expectClose(ratio.interval.upper, upper, label + " upper")
        }
    }

    @Test func level_isAParameter() {
        // 90%: s.beta.ppf(0.05, 22, 41), s.beta.isf(0.05, 23, 40) mapped as above.
        let ratio = RateRatio.compute(baselineCount: 40, baselineExposure: 5200, comparisonCount: 22,
                                      comparisonExposure: 5050, level: 0.9)!
        expectClose(ratio.interval.lower, 0.35041939887525514, "lower")
        expectClose(ratio.interval.upper, 0.9006369619876156, "upper")
        #expect(ratio.interval.level == 0.9)
    }

    @Test func hundredPercentReduction_hasLowerZeroAndAnHonestUpper() {
        // One baseline event, none after, equal exposure: π ~ Beta(1, 1) limits 0.025 and 0.975,
        // so RR_upper = 0.975/0.025 = 39 exactly (SciPy's p/(1 − p) gives 38.999999999999964).
        let ratio = RateRatio.compute(baselineCount: 1, baselineExposure: 7, comparisonCount: 0, comparisonExposure: 7)!
        #expect(ratio.estimate == 0)
        #expect(ratio.reductionPercent == 100)
        #expect(ratio.interval.lower == 0)
        expectClose(ratio.interval.upper, 39, relative: 1e-14, "upper")
        #expect(ratio.reductionInterval.upper == 100)
        expectClose(ratio.reductionInterval.lower, -3800, relative: 1e-14, "reduction lower")
    }

    @Test func reductionInterval_swapsTheBounds() {
        let ratio = RateRatio.compute(baselineCount: 200, baselineExposure: 10000, comparisonCount: 100, comparisonExposure: 10000)!
        expectClose(ratio.reductionPercent, 50, "reduction")
        expectClose(ratio.reductionInterval.lower, 100 * (1 - 0.6387865723158402), "reduction lower")
        expectClose(ratio.reductionInterval.upper, 100 * (1 - 0.38928415089933943), "reduction upper")
    }

    @Test func rates_areCountsOverExposure() {
        let ratio = RateRatio.compute(baselineCount: 40, baselineExposure: 5200, comparisonCount: 22, comparisonExposure: 5050)!
        #expect(ratio.baselineRate == 40.0 / 5200)
        #expect(ratio.comparisonRate == 22.0 / 5050)
    }

    @Test func noBaselineEvents_isUndefined() {
        #expect(RateRatio.compute(baselineCount: 0, baselineExposure: 100, comparisonCount: 3, comparisonExposure: 100) == nil)
        #expect(RateRatio.compute(baselineCount: 0, baselineExposure: 100, comparisonCount: 0, comparisonExposure: 100) == nil)
    }

    @Test func invalidInputs_areNil() {
        #expect(RateRatio.compute(baselineCount: 5, baselineExposure: 0, comparisonCount: 3, comparisonExposure: 100) == nil)
        #expect(RateRatio.compute(baselineCount: 5, baselineExposure: 10, comparisonCount: -1, comparisonExposure: 100) == nil)
        #expect(RateRatio.compute(baselineCount: 5, baselineExposure: 10, comparisonCount: 1, comparisonExposure: 100, level: 0) == nil)
    }
}

/// The verdicts of DESIGN.md §4.4 (`wardspc/evaluation@2`), decided by the interval, on
/// hand-worked counts; every interval quoted is R's `poisson.test(c(O_c, O_b), c(T_c, T_b))`.
@Suite struct VerdictTests {
    func verdict(_ ob: Int, _ tb: Double, _ oc: Int, _ tc: Double, benchmark: Double? = 15,
                 minimumIncidents: Int = 10) -> Verdict {
        Verdict(rateRatio: RateRatio.compute(baselineCount: ob, baselineExposure: tb, comparisonCount: oc, comparisonExposure: tc),
                benchmark: benchmark, minimumIncidents: minimumIncidents)
    }

    @Test func eachVerdict_firstMatchWins() {
        #expect(verdict(0, 100, 40, 100) == .insufficientData)        // O_b = 0: no reduction is defined
        #expect(verdict(0, 100, 0, 100) == .insufficientData)
        #expect(verdict(4, 100, 3, 100) == .insufficientData)         // 7 incidents < 10
        #expect(verdict(5, 1000, 30, 1000) == .significantIncrease)   // +500% (+131% to +1881%)
        #expect(verdict(200, 10000, 100, 10000) == .exceeds)          // −50% (−61% to −36%): reduction CI lower 36.1 > 15
        #expect(verdict(40, 5200, 22, 5050) == .meets)                // −43% (−68% to −2%): clear, estimate ≥ 15, CI lower 2.4 < 15
        #expect(verdict(9, 1, 1, 1, benchmark: 90) == .below)         // −89% (−99.7% to −20%): clear, estimate < 90
        #expect(verdict(20, 1, 18, 1) == .noClearChange)              // −10% (−55% to +79%)
        #expect(verdict(20, 1, 20, 1) == .noClearChange)              // 0%
        #expect(verdict(20, 1, 25, 1) == .noClearChange)              // a rise, CI includes no change
        #expect(verdict(12, 182, 0, 182) == .exceeds)                 // −100% (−100% to −64%)
    }

    @Test func theIssuesExamples_areNoClearChange() {
        // "RX1 Alder seclusion −23% (95% CI −79% to +251%) — meets the 15% benchmark" under
        // @1: 4 incidents over 1,000 bed days, then 8 over 2,597 (−23%, −79% to +249%).
        let alder = RateRatio.compute(baselineCount: 4, baselineExposure: 1000, comparisonCount: 8, comparisonExposure: 2597)!
        #expect(abs(alder.reductionPercent - 22.99) < 0.01)
        #expect(abs(alder.interval.lower - 0.2063) < 1e-3 && abs(alder.interval.upper - 3.4948) < 1e-3)
        #expect(verdict(4, 1000, 8, 2597) == .noClearChange)
        // "Heather 0% (−31% to +43%) — a reduction": 65 against 65 over equal exposure.
        let heather = RateRatio.compute(baselineCount: 65, baselineExposure: 100, comparisonCount: 65, comparisonExposure: 100)!
        #expect(abs(heather.interval.lower - 0.698) < 1e-3 && abs(heather.interval.upper - 1.433) < 1e-3)
        #expect(verdict(65, 100, 65, 100) == .noClearChange)
        // Large estimates on one event each way are not verdicts: 1 → 0 is −100% but too few.
        #expect(verdict(1, 7, 0, 7) == .insufficientData)
        #expect(verdict(1, 7, 0, 7, minimumIncidents: 1) == .noClearChange)  // −100% (−100% to +3800%)
    }

    @Test func minimumIncidents_countsBothWindows_andIsAParameter() {
        #expect(verdict(5, 100, 4, 100) == .insufficientData)  // 9
        #expect(verdict(5, 100, 5, 100) == .noClearChange)     // 10
        #expect(verdict(200, 10000, 100, 10000, minimumIncidents: 301) == .insufficientData)
        #expect(verdict(200, 10000, 100, 10000, minimumIncidents: 300) == .exceeds)
        #expect(Verdict.defaultMinimumIncidents == 10)
    }

    @Test func exactlyOnTheBenchmark_meetsIt() {
        // 850 of 1,000: exactly 15% (interval −23% to −7%), a clear reduction.
        #expect(verdict(1000, 1, 850, 1) == .meets)
        #expect(verdict(200, 1, 170, 1) == .noClearChange)  // 15% too, but −31% to +5%
        // 900 of 1,000 against 10%: 100·(1 − 0.9) is 9.999999999999998 in floating point,
        // yet the reduction is exactly 10% (interval −18% to −1%).
        #expect(RateRatio.compute(baselineCount: 1000, baselineExposure: 1, comparisonCount: 900, comparisonExposure: 1)!.reductionPercent < 10)
        #expect(verdict(1000, 1, 900, 1, benchmark: 10) == .meets)
        #expect(verdict(1000, 1, 900, 1, benchmark: 10.000001) == .below)
    }

    @Test func benchmark_isAParameter() {
        #expect(verdict(40, 5200, 22, 5050, benchmark: 50) == .below)
        #expect(verdict(200, 10000, 100, 10000, benchmark: 40) == .meets)  // CI lower 36.1 < 40 ≤ 50
        #expect(Verdict.defaultBenchmark == 15)
    }

    @Test func withoutABenchmark_aClearFallIsASignificantReduction() {
        #expect(verdict(200, 10000, 100, 10000, benchmark: nil) == .significantReduction)
        #expect(verdict(40, 5200, 22, 5050, benchmark: nil) == .significantReduction)
        #expect(verdict(20, 1, 18, 1, benchmark: nil) == .noClearChange)
        #expect(verdict(5, 1000, 30, 1000, benchmark: nil) == .significantIncrease)
        #expect(verdict(4, 100, 3, 100, benchmark: nil) == .insufficientData)
        #expect(Verdict.significantReduction.isClearReduction && Verdict.below.isClearReduction
                && !Verdict.noClearChange.isClearReduction && !Verdict.significantIncrease.isClearReduction)
    }

    @Test func pooled_usesTheRatioOfTotalsInterval() {
        // Two wards, 100 → 50 and 100 → 50 over equal exposure: RR_T 0.5, φ = 0, so the
        // interval is exp(ln 0.5 ± 1.96·√(1/200 + 1/100)) = 0.394 to 0.635: exceeds 15%.
        let wards = [WardCounts(baselineCount: 100, baselineExposure: 1, comparisonCount: 50, comparisonExposure: 1),
                     WardCounts(baselineCount: 100, baselineExposure: 1, comparisonCount: 50, comparisonExposure: 1)]
        let pooled = Pooling.ratioOfTotals(wards)
        #expect(abs(pooled!.interval.upper - 0.635) < 1e-3)
        #expect(Verdict(pooled: pooled, benchmark: 15) == .exceeds)
        #expect(Verdict(pooled: pooled, benchmark: 40) == .meets)
        #expect(Verdict(pooled: pooled, benchmark: 15, minimumIncidents: 301) == .insufficientData)
        #expect(Verdict(pooled: nil, benchmark: 15) == .insufficientData)
    }

    @Test func rawValues_areTheJSONNames() {
        #expect(Verdict.allCases.map(\.rawValue)
                == ["insufficient_data", "significant_increase", "exceeds", "meets", "below", "significant_reduction",
                    "no_clear_change"])
    }
}
