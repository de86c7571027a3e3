import Testing
@testable import SPCCore

/// Reference values: Python 3.11, NumPy 2.4.6, SciPy 1.17.1, by these steps: θ = ΣO/ΣT; exact limit_p = max(0, r − (F(r) − p)/f(r))/T with
/// r = smallest count with `s.poisson.cdf(r, θT) >= p`, f = `s.poisson.pmf`;
/// z = (O − θT)/√(θT); clamps `np.percentile(z, [10, 90])` (linear = R type 7);
/// φ = mean(clip(z)²); τ² = (Iφ − (I − 1))/(Σw − Σw²/Σw), w = T/θ;
/// adjusted limits θ ± `s.norm.ppf(0.975 | 0.999)`·√(θ/T + τ²), floored at 0.
@Suite struct FunnelTests {
    static let counts = [12, 30, 4, 64, 21, 9, 40, 2, 18, 26]
    static let bedDays: [Double] = [2100, 5200, 1500, 6100, 3900, 2600, 4300, 900, 2000, 7000]

    @Test func exactLimits_targetAndPositions() {
        let funnel = Funnel.compute(counts: Self.counts, exposures: Self.bedDays)!
        expectClose(funnel.target, 0.006348314606741573, relative: 1e-15, "θ = 565/89000")
        #expect(funnel.overdispersion == nil && funnel.tauSquared == 0)
        // Unit 3: 64 in 6100 bed days, above both; unit 6 above 95% only; unit 9 below 95% only.
        let three = funnel.units[3]
        expectClose(three.rate, 64.0 / 6100, relative: 1e-15, "rate")
        expectClose(three.expected, 0.006348314606741573 * 6100, "expected")
        expectClose(three.zScore, 4.0616439776233495, "z")
        expectClose(three.limits.lower95, 0.004342019482800581, "lower95")
        expectClose(three.limits.upper95, 0.00834207390343088, "upper95")
        expectClose(three.limits.lower998, 0.0033505331767899513, "lower998")
        expectClose(three.limits.upper998, 0.009646047699927643, "upper998")
        #expect(funnel.units.map(\.position95)
                == [.inside, .inside, .inside, .above, .inside, .inside, .above, .inside, .inside, .below])
        #expect(funnel.units.map(\.position998)
                == [.inside, .inside, .inside, .above, .inside, .inside, .inside, .inside, .inside, .inside])
        let seven = funnel.units[7].limits  // 900 bed days: the 99.8% lower limit is floored at 0
        expectClose(seven.lower95, 0.0011696298673457611, "lower95 @900")
        #expect(seven.lower998 == 0)
        expectClose(seven.upper998, 0.015460734795470332, "upper998 @900")
    }

    @Test func limitCurves_atGivenExposures() {
        let funnel = Funnel.compute(counts: Self.counts, exposures: Self.bedDays)!
        let curves = funnel.limits(atExposures: [100, 1000, 10000, 0])
        #expect(curves.map(\.exposure) == [100, 1000, 10000])
        let expected: [[Double]] = [
            [0, 0.02075035752291986, 0, 0.038629296298586906],
            [0.0013444026011994947, 0.011264423358442147, 0, 0.014940726042664621],
            [0.004784511886647862, 0.00790602858810248, 0.00398267576461347, 0.008897751179952012],
        ]
        for (curve, values) in zip(curves, expected) {
            for (actual, value) in zip([curve.lower95, curve.upper95, curve.lower998, curve.upper998], values) {
                expectClose(actual, value, relative: 1e-12, absolute: 0, "exposure \(curve.exposure)")
            }
        }
    }

    @Test func limitCurves_areContinuous_andNarrowOverall() {
        // Interpolation removes the steps of r_p/T (a jump of 1/T, 25% of the limit at
        // 200 bed days here) — though within a step the rate limit may rise slightly
        // with exposure, so only continuity and the overall narrowing are asserted.
        let funnel = Funnel.compute(counts: Self.counts, exposures: Self.bedDays)!
        let curves = funnel.limits(atExposures: Funnel.exposureGrid(from: 200, to: 20000, points: 400))
        for (previous, next) in zip(curves, curves.dropFirst()) {
            for (a, b) in [(previous.upper95, next.upper95), (previous.upper998, next.upper998),
                           (previous.lower95, next.lower95), (previous.lower998, next.lower998)] {
                #expect(abs(b - a) <= 0.03 * max(a, b, funnel.target), "step at exposure \(next.exposure)")
            }
        }
        #expect(curves.last!.upper95 - curves.last!.lower95 < 0.25 * (curves[0].upper95 - curves[0].lower95))
    }

    @Test func overdispersion_winsorisedPhiAndTau_widenTheLimits() {
        let funnel = Funnel.compute(counts: Self.counts, exposures: Self.bedDays, adjustForOverdispersion: true)!
        let adjustment = funnel.overdispersion!
        expectClose(adjustment.lowerClamp, -1.9392892953351062, "10th percentile")
        expectClose(adjustment.upperClamp, 2.594226384048933, "90th percentile")
        // The two extreme z-scores (4.06 and −2.77) are pulled in to the clamps.
        expectClose(adjustment.winsorisedZScores[3], 2.594226384048933, "z₃ winsorised")
        expectClose(adjustment.winsorisedZScores[9], -1.9392892953351062, "z₉ winsorised")
        expectClose(adjustment.winsorisedZScores[6], 2.4311799847628874, "z₆ unchanged")
        expectClose(adjustment.phi, 2.862423253827275, "φ")
        expectClose(adjustment.tauSquared, 4.0239131118779526e-06, relative: 1e-11, "τ²")
        #expect(adjustment.isApplied)
        let three = funnel.units[3].limits
        expectClose(three.lower95, 0.001937472192530442, relative: 1e-11, "lower95")
        expectClose(three.upper95, 0.010759157020952703, relative: 1e-11, "upper95")
        #expect(three.lower998 == 0)
        expectClose(three.upper998, 0.013302793277434673, relative: 1e-11, "upper998")
        #expect(funnel.units.allSatisfy { $0.position95 == .inside && $0.position998 == .inside })
        // The drawing curves use the same τ².
        expectClose(funnel.limits(atExposures: [6100])[0].upper95, 0.010759157020952703, relative: 1e-11, "curve")
    }

    @Test func overdispersion_phiAtMostOne_keepsExactLimits() {
        // Every unit exactly on target: z = 0, φ = 0, no widening.
        let funnel = Funnel.compute(counts: [5, 10, 20], exposures: [1000, 2000, 4000], adjustForOverdispersion: true)!
        #expect(funnel.overdispersion?.phi == 0 && funnel.overdispersion?.isApplied == false)
        #expect(funnel.units[1].limits == FunnelLimits.compute(target: 0.005, exposure: 2000))
    }

    @Test func exactLimit_handWorkedAtSmallMean() {
        // θT = 1: F(0) = e⁻¹ = 0.3679 ≥ 0.025, so r = 0 and the lower limit is floored at 0;
        // upper 97.5%: F(3) = 0.98101 ≥ 0.975 > F(2) = 0.91970, α = (0.98101 − 0.975)/f(3)
        // with f(3) = e⁻¹/6 = 0.061313: 3 − 0.098014 = 2.901986 events (per unit exposure).
        let limits = FunnelLimits.compute(target: 1, exposure: 1)!
        #expect(limits.lower95 == 0)
        let e = 0.36787944117144233
        let f3 = e / 6, cdf3 = e * (1 + 1 + 0.5 + 1.0 / 6)
        expectClose(limits.upper95, 3 - (cdf3 - 0.975) / f3, relative: 1e-13, "upper95")
    }

    @Test func givenTarget_isUsed() {
        let funnel = Funnel.compute(counts: Self.counts, exposures: Self.bedDays, target: 0.005)!
        #expect(funnel.target == 0.005)
        expectClose(funnel.units[0].expected, 10.5, relative: 1e-15, "expected")
    }

    @Test func invalidInput_isNil() {
        #expect(Funnel.compute(counts: [], exposures: []) == nil)
        #expect(Funnel.compute(counts: [1, 2], exposures: [10]) == nil)
        #expect(Funnel.compute(counts: [1, -2], exposures: [10, 10]) == nil)
        #expect(Funnel.compute(counts: [1, 2], exposures: [10, 0]) == nil)
        #expect(Funnel.compute(counts: [0, 0], exposures: [10, 10]) == nil)  // pooled target 0
        #expect(FunnelLimits.compute(target: 0, exposure: 1) == nil)
    }

    @Test func exposureGrid_isGeometric() {
        let grid = Funnel.exposureGrid(from: 10, to: 1000, points: 3)
        #expect(grid.count == 3 && grid[0] == 10 && grid[2] == 1000)
        expectClose(grid[1], 100, relative: 1e-14, "middle")
        #expect(Funnel.exposureGrid(from: 10, to: 5, points: 3).isEmpty)
    }
}
