import Testing
@testable import SPCCore

@Suite struct SegmentedRegressionTests {
    /// 52 weeks with weeks 7 and 30 missing; t₀ = 26. Two wards share these periods.
    static let periods = (0..<52).filter { $0 != 7 && $0 != 30 }
    static let wardA: [Double] = [
        5.0, 5.7245, 5.4609, 4.6686, 4.5816, 5.4006, 5.999, 4.8205, 4.9166, 5.7941, 6.2407, 5.6754, 4.9996, 5.2766,
        6.1739, 6.4502, 5.774, 5.2092, 5.6564, 6.5338, 6.6291, 5.876, 5.4511, 6.05, 6.8687, 5.281, 4.4086, 4.0657,
        4.7106, 5.0103, 4.1381, 3.9719, 4.7112, 5.229, 4.7228, 3.8902, 3.907, 4.7047, 5.0706, 4.4248, 3.6694, 3.8671,
        4.6844, 4.8799, 4.1233, 3.4791, 3.847, 4.6442, 4.6588, 3.8255,
    ]
    static let wardB: [Double] = [
        12.4863, 11.864, 11.2963, 11.0408, 11.2081, 11.7103, 12.3017, 12.6952, 12.2935, 11.669, 11.1062, 10.8603,
        11.0375, 11.5451, 12.135, 12.5203, 12.5104, 12.1005, 11.4741, 10.9163, 10.68, 10.867, 11.38, 11.9682,
        12.3456, 14.3253, 13.9075, 13.2792, 12.7265, 12.6968, 13.2149, 13.8012, 14.1706, 14.14, 13.7143, 13.0843,
        12.537, 12.3203, 12.5267, 13.0498, 13.6341, 13.9955, 13.9544, 13.521, 12.8895, 12.3476, 12.1408, 12.3569,
        12.8848, 13.4669,
    ]
    /// 20 weeks with week 3 missing, t₀ = 10: a design of its own.
    static let periodsC = (0..<20).filter { $0 != 3 }
    static let wardC: [Double] = [
        3.0, 3.445, 2.851, 3.742, 3.148, 3.613, 4.038, 3.445, 3.92, 3.435, 2.842, 3.327, 3.731, 3.139, 3.634, 4.027,
        3.436, 3.94, 4.323,
    ]

    /// (β, SE, σ̂², Durbin–Watson) computed independently in Python with mpmath 1.3 at 50
    /// digits: b = (AᵀA)⁻¹Aᵀy, e = y − Ab, σ̂² = eᵀe/(n − 4), SE = √(σ̂²·diag((AᵀA)⁻¹)),
    /// DW = Σ(Δe)²/eᵀe, A = [1, t, X, (t − t₀)X]. NumPy 2.4.6's `np.linalg.lstsq` agrees to 4e-14.
    struct Expected {
        let coefficients: [Double], standardErrors: [Double], variance: Double, durbinWatson: Double
    }
    static let expectedA = Expected(
        coefficients: [5.039938293828265, 0.04790139199463327, -1.6015241656564383, -0.07024113654543479],
        standardErrors: [0.19894195157622813, 0.013442023755150549, 0.28858051864413187, 0.019158936111830446],
        variance: 0.2585717592894047, durbinWatson: 1.5759192087466953)
    static let expectedB = Expected(
        coefficients: [11.795768101520572, -0.00906447338998211, 2.094045941597627, -0.02416774896038117],
        standardErrors: [0.24762339540598272, 0.016731310500404238, 0.3591966767617565, 0.023847161319114372],
        variance: 0.4006006882382434, durbinWatson: 0.5374237399468118)
    static let expectedC = Expected(
        coefficients: [3.056825, 0.08787083333333333, -0.8322969696969696, 0.01883219696969697],
        standardErrors: [0.19731088396161475, 0.03563015863323931, 0.28719255444623587, 0.0500054643301797],
        variance: 0.10156065633838383, durbinWatson: 3.064604802252125)

    func expectMatches(_ fit: SegmentedRegression?, _ expected: Expected, _ label: String,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        guard let fit else { Issue.record("\(label): no fit", sourceLocation: sourceLocation); return }
        for j in 0..<4 {
            // Coefficients near 0 are judged against the intercept's scale (cancellation).
            expectClose(fit.coefficients[j], expected.coefficients[j], relative: 1e-12,
                        absolute: 1e-12 * abs(expected.coefficients[0]), "\(label) β\(j)", sourceLocation: sourceLocation)
            expectClose(fit.standardErrors[j], expected.standardErrors[j], relative: 1e-12,
                        "\(label) SE\(j)", sourceLocation: sourceLocation)
        }
        expectClose(fit.residualVariance, expected.variance, relative: 1e-12, "\(label) σ̂²", sourceLocation: sourceLocation)
        expectClose(fit.durbinWatson, expected.durbinWatson, relative: 1e-12, "\(label) DW", sourceLocation: sourceLocation)
    }

    @Test func singleWard_matchesIndependentComputation() {
        let fit = SegmentedRegression.fit(periods: Self.periods, values: Self.wardA, firstComparisonPeriod: 26)
        expectMatches(fit, Self.expectedA, "A")
        #expect(fit?.points == 50 && fit?.baselinePoints == 25 && fit?.comparisonPoints == 25)
        #expect(fit?.levelChange == fit?.coefficients[2] && fit?.slopeChangeStandardError == fit?.standardErrors[3])
        expectMatches(SegmentedRegression.fit(periods: Self.periodsC, values: Self.wardC, firstComparisonPeriod: 10),
                      Self.expectedC, "C")
    }

    @Test func batch_equalsWardByWard_andMatchesIndependentComputation() {
        let inputs = [
            SegmentedRegression.Input(periods: Self.periods, values: Self.wardA, firstComparisonPeriod: 26),
            SegmentedRegression.Input(periods: Self.periodsC, values: Self.wardC, firstComparisonPeriod: 10),
            SegmentedRegression.Input(periods: Self.periods, values: Self.wardB, firstComparisonPeriod: 26),
            SegmentedRegression.Input(periods: Array(0..<7), values: Array(repeating: 1, count: 7), firstComparisonPeriod: 3),
            SegmentedRegression.Input(periods: Self.periods, values: Self.wardA.map { $0 * 2 + 1 }, firstComparisonPeriod: 26),
        ]
        // Three wards share one design (one dgels call); C has its own; the 7-point ward none.
        let groups = SegmentedRegression.designGroups(inputs)
        #expect(groups.map(\.members) == [[0, 2, 4], [1]])
        let batch = SegmentedRegression.fitBatch(inputs)
        #expect(batch.count == 5)
        #expect(batch[3] == nil)
        for (index, input) in inputs.enumerated() {
            let single = SegmentedRegression.fit(input)
            guard let single, let batched = batch[index] else {
                #expect(single == nil && batch[index] == nil, "ward \(index)")
                continue
            }
            for j in 0..<4 {
                expectClose(batched.coefficients[j], single.coefficients[j], relative: 1e-12,
                            absolute: 1e-12 * abs(single.coefficients[0]), "ward \(index) β\(j)")
                expectClose(batched.standardErrors[j], single.standardErrors[j], relative: 1e-12, "ward \(index) SE\(j)")
            }
            expectClose(batched.durbinWatson, single.durbinWatson!, relative: 1e-12, "ward \(index) DW")
        }
        expectMatches(batch[0], Self.expectedA, "batched A")
        expectMatches(batch[2], Self.expectedB, "batched B")
        expectMatches(batch[1], Self.expectedC, "batched C")
        // y → 2y + 1 doubles β₁…β₃ and their SEs; DW is unchanged.
        let scaled = batch[4]!
        expectClose(scaled.levelChange, 2 * Self.expectedA.coefficients[2], relative: 1e-12, "scaled β₂")
        expectClose(scaled.slopeChangeStandardError, 2 * Self.expectedA.standardErrors[3], relative: 1e-12, "scaled SE₃")
        expectClose(scaled.durbinWatson, Self.expectedA.durbinWatson, relative: 1e-12, "scaled DW")
    }

    @Test func designGroups_wardsInARow_andApart() {
        let a = SegmentedRegression.Input(periods: Self.periods, values: Self.wardA, firstComparisonPeriod: 26)
        let b = SegmentedRegression.Input(periods: Self.periods, values: Self.wardB, firstComparisonPeriod: 26)
        let c = SegmentedRegression.Input(periods: Self.periodsC, values: Self.wardC, firstComparisonPeriod: 10)
        let otherStart = SegmentedRegression.Input(periods: Self.periods, values: Self.wardA, firstComparisonPeriod: 30)
        let short = SegmentedRegression.Input(periods: Array(0..<7), values: Array(repeating: 1, count: 7), firstComparisonPeriod: 3)
        let nonFinite = SegmentedRegression.Input(periods: Self.periods, values: Self.wardA.map { _ in .nan }, firstComparisonPeriod: 26)
        let groups = SegmentedRegression.designGroups([a, b, c, otherStart, a, short, b, nonFinite, otherStart, c])
        #expect(groups.map(\.members) == [[0, 1, 4, 6], [2, 9], [3, 8]])
        #expect(groups.map(\.design.firstComparisonPeriod) == [26, 10, 30])
    }

    @Test func manyWards_sameFiguresWhateverTheThreads_andChunks() {
        // More wards than one dgels call takes: chunks of 1,024 spread over the threads.
        var random = SystemRandomNumberGenerator()
        let count = 2 * SegmentedRegression.chunkColumns + 37
        let inputs = (0..<count).map { ward in
            SegmentedRegression.Input(periods: Self.periods,
                                      values: Self.periods.map { Double($0 % 7) + Double(random.next() % 1_000) / 100 + Double(ward % 5) },
                                      firstComparisonPeriod: 26)
        }
        let one = SegmentedRegression.fitBatch(inputs, threads: 1)
        for threads in [2, 3] {
            #expect(SegmentedRegression.fitBatch(inputs, threads: threads) == one, "\(threads) threads")
        }
        // A ward's figures do not depend on the chunk it was solved in.
        for index in [0, 1, SegmentedRegression.chunkColumns, count - 1] {
            let alone = SegmentedRegression.fitBatch([inputs[index]])[0]
            let inBatch = one[index]
            for j in 0..<4 {
                expectClose(inBatch!.coefficients[j], alone!.coefficients[j], relative: 1e-12,
                            absolute: 1e-12 * abs(alone!.coefficients[0]), "ward \(index) β\(j)")
            }
        }
    }

    @Test func exactLine_recoversItsCoefficients_withoutDurbinWatson() {
        // y = 2 + 0.5t − 3X + 0.25(t − 10)X exactly.
        let periods = Array(0..<20)
        let values = periods.map { t -> Double in 2 + 0.5 * Double(t) + (t >= 10 ? -3 + 0.25 * Double(t - 10) : 0) }
        let fit = SegmentedRegression.fit(periods: periods, values: values, firstComparisonPeriod: 10)!
        for (actual, expected) in zip(fit.coefficients, [2, 0.5, -3, 0.25]) { #expect(abs(actual - expected) < 1e-12) }
        #expect(fit.durbinWatson == nil)
        #expect(fit.standardErrors.allSatisfy { $0 < 1e-12 })
    }

    @Test func tooFewPoints_orTooFewOnEitherSide_isNil() {
        let seven = Array(0..<7)
        #expect(SegmentedRegression.fit(periods: seven, values: seven.map(Double.init), firstComparisonPeriod: 3) == nil)
        let ten = Array(0..<10)
        let values = ten.map { Double($0 % 3) }
        #expect(SegmentedRegression.fit(periods: ten, values: values, firstComparisonPeriod: 1) == nil)  // 1 before
        #expect(SegmentedRegression.fit(periods: ten, values: values, firstComparisonPeriod: 9) == nil)  // 1 from t₀
        #expect(SegmentedRegression.fit(periods: ten, values: values, firstComparisonPeriod: 2) != nil)
        #expect(SegmentedRegression.fit(periods: ten, values: values, firstComparisonPeriod: 8) != nil)
        // t₀ falling in a gap: the first observed point after it starts the comparison.
        let gappy = [0, 1, 2, 3, 6, 7, 8, 9]
        #expect(SegmentedRegression.fit(periods: gappy, values: gappy.map { Double($0 % 4) }, firstComparisonPeriod: 5)?
                    .comparisonPoints == 4)
        #expect(SegmentedRegression.minimumPoints == 8)
    }

    @Test func malformedInput_isNil() {
        let periods = Array(0..<10)
        #expect(SegmentedRegression.fit(periods: periods, values: [1, 2, 3], firstComparisonPeriod: 5) == nil)
        #expect(SegmentedRegression.fit(periods: [0, 1, 2, 2, 4, 5, 6, 7, 8, 9], values: Array(repeating: 1, count: 10),
                                        firstComparisonPeriod: 5) == nil)
        var values = periods.map(Double.init)
        values[4] = .nan
        #expect(SegmentedRegression.fit(periods: periods, values: values, firstComparisonPeriod: 5) == nil)
    }
}

@Suite struct PoissonSegmentedRegressionTests {
    static let periods = (0..<40).filter { $0 != 5 && $0 != 22 }
    static let counts = [6, 8, 5, 4, 7, 4, 5, 8, 7, 4, 6, 9, 6, 4, 7, 9, 5, 5, 8, 5, 2, 6, 4, 1, 4, 6, 2, 1, 5, 5, 1, 2,
                         6, 4, 1, 3, 6, 2]
    static let bedDays: [Double] = [150, 187, 174, 161, 198, 172, 159, 196, 183, 170, 157, 194, 181, 168, 155, 192,
                                    179, 166, 153, 190, 177, 151, 188, 175, 162, 199, 186, 173, 160, 197, 184, 171,
                                    158, 195, 182, 169, 156, 193]

    @Test func matchesNumpyIRLS() {
        // Python, NumPy 2.4.6: μ = y + 0.1, η = ln μ; 200 times: z = η − ln e + (y − μ)/μ,
        // b = np.linalg.lstsq(A·√μ, z·√μ), η = Ab + ln e, μ = eᵑ; SE = √diag((Aᵀ diag(μ) A)⁻¹);
        // deviance 2Σ[y ln(y/μ) − (y − μ)]; Pearson Σ(y − μ)²/μ/(n − 4).
        let fit = PoissonSegmentedRegression.fit(periods: Self.periods, counts: Self.counts, exposures: Self.bedDays,
                                                 firstComparisonPeriod: 20)!
        let coefficients = [-3.4220831070389552, 0.00854445776534374, -0.5875521458864117, -0.0181118409527908]
        let standardErrors = [0.1856123586212065, 0.016122571329028265, 0.30522448440597716, 0.02707462558106947]
        for j in 0..<4 {
            expectClose(fit.coefficients[j], coefficients[j], relative: 1e-10, absolute: 1e-11, "β\(j)")
            expectClose(fit.standardErrors[j], standardErrors[j], relative: 1e-10, "SE\(j)")
        }
        expectClose(fit.deviance, 29.319940240967195, relative: 1e-10, "deviance")
        expectClose(fit.pearsonDispersion, 0.8341383670021051, relative: 1e-10, "Pearson dispersion")
        expectClose(fit.levelRateRatio, 0.5556858591763564, relative: 1e-10, "exp(β₂)")  // math.exp(β₂)
        #expect(fit.iterations < 20)
        #expect(fit.baselinePoints == 19 && fit.comparisonPoints == 19)
    }

    @Test func noEventsOnOneSide_isNil() {
        var counts = Self.counts
        for index in 19..<counts.count { counts[index] = 0 }
        #expect(PoissonSegmentedRegression.fit(periods: Self.periods, counts: counts, exposures: Self.bedDays,
                                               firstComparisonPeriod: 20) == nil)
    }

    @Test func malformedInput_isNil() {
        #expect(PoissonSegmentedRegression.fit(periods: Self.periods, counts: Self.counts,
                                               exposures: Array(Self.bedDays.dropLast()), firstComparisonPeriod: 20) == nil)
        var exposures = Self.bedDays
        exposures[3] = 0
        #expect(PoissonSegmentedRegression.fit(periods: Self.periods, counts: Self.counts, exposures: exposures,
                                               firstComparisonPeriod: 20) == nil)
        #expect(PoissonSegmentedRegression.fit(periods: Array(0..<7), counts: Array(repeating: 1, count: 7),
                                               exposures: Array(repeating: 1, count: 7), firstComparisonPeriod: 3) == nil)
    }
}
