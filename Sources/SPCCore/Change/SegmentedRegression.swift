import Threads
/// Segmented regression of an interrupted time series (Wagner, Soumerai, Zhang &
/// Ross-Degnan 2002, "Segmented regression analysis of interrupted time series studies in
/// medication use research", J Clin Pharm Ther 27:299–309; DESIGN.md §4.4).
///
/// y = β₀ + β₁t + β₂X + β₃(t − t₀)X + ε by unweighted OLS, t the calendar period index
/// from the first baseline period (missing periods keep their index and are absent),
/// X = 1 from the first comparison period t₀. β₂ is the change in level at t₀, β₃ the
/// change in slope per period. SEs from σ̂²(XᵀX)⁻¹ with σ̂² = RSS/(n − 4); (XᵀX)⁻¹ comes from
/// the QR factor of the same `dgels` call (`BLAS.inverseOfGram`). The Durbin–Watson
/// statistic Σ(eᵢ − eᵢ₋₁)²/Σeᵢ² over the residuals in time order (observed points, a
/// missing period bridged) says whether autocorrelation makes those SEs optimistic.
public struct SegmentedRegression: Sendable, Hashable {
    /// One ward's series: what `fit` and `fitBatch` take.
    public struct Input: Sendable, Hashable {
        /// t for each observed point, strictly increasing (0 = first baseline period).
        public var periods: [Int]
        /// y for each point (rate per 1,000 bed days, or count per period).
        public var values: [Double]
        /// t₀, the index of the first comparison period.
        public var firstComparisonPeriod: Int

        public init(periods: [Int], values: [Double], firstComparisonPeriod: Int) {
            self.periods = periods
            self.values = values
            self.firstComparisonPeriod = firstComparisonPeriod
        }
    }

    /// [β₀, β₁, β₂, β₃]: intercept, baseline slope, level change, slope change.
    public let coefficients: [Double]
    /// Their standard errors, √(σ̂²·[(XᵀX)⁻¹]ⱼⱼ).
    public let standardErrors: [Double]
    /// σ̂² = RSS/(n − 4).
    public let residualVariance: Double
    /// Durbin–Watson statistic (about 2 without autocorrelation); `nil` when the fit is
    /// exact (residuals within 1e-12 of the values' size: only rounding is left).
    public let durbinWatson: Double?
    /// n, and how many points fall before and from t₀.
    public let points: Int
    public let baselinePoints: Int
    public let comparisonPoints: Int

    public var intercept: Double { coefficients[0] }
    public var baselineSlope: Double { coefficients[1] }
    /// β₂, the step at t₀ (in y's unit).
    public var levelChange: Double { coefficients[2] }
    /// β₃, the change in slope (y's unit per period).
    public var slopeChange: Double { coefficients[3] }
    public var levelChangeStandardError: Double { standardErrors[2] }
    public var slopeChangeStandardError: Double { standardErrors[3] }

    /// The fewest points a fit takes (and there must be 2 on either side of t₀).
    public static let minimumPoints = SegmentedDesign.minimumPoints

    /// One ward's segmented regression.
    /// - Returns: `nil` for fewer than 8 points or fewer than 2 on either side of t₀,
    ///   periods not strictly increasing, a values count that differs from the periods',
    ///   or a non-finite value.
    public static func fit(periods: [Int], values: [Double], firstComparisonPeriod: Int) -> SegmentedRegression? {
        fit(Input(periods: periods, values: values, firstComparisonPeriod: firstComparisonPeriod))
    }

    /// One ward's segmented regression (see `fit(periods:values:firstComparisonPeriod:)`).
    public static func fit(_ input: Input) -> SegmentedRegression? {
        fitBatch([input])[0]
    }

    /// Many wards at once: wards with identical periods and t₀ share one design matrix and
    /// are solved together, one `dgels` call per 1,024 wards with one right-hand side per
    /// ward (the calls spread over `threads`, default every core); (XᵀX)⁻¹ is formed once
    /// per call. Each result equals the ward's own `fit` (to rounding).
    /// - Returns: one result per input, in order (`nil` where `fit` would give `nil`).
    public static func fitBatch(_ inputs: [Input], threads: Int? = nil) -> [SegmentedRegression?] {
        var results = [SegmentedRegression?](repeating: nil, count: inputs.count)
        // A design's wards go in chunks of `chunkColumns` right-hand sides, the chunks on
        // every core. Each column is solved on its own inside `dgels`, so a ward's figures
        // do not depend on its chunk, and the chunks never depend on the thread count.
        let chunks = designGroups(inputs).flatMap { design, members in
            stride(from: 0, to: members.count, by: chunkColumns).map { start in
                (design, Array(members[start..<min(start + chunkColumns, members.count)]))
            }
        }
        let fits = ParallelBlocks.mapBlocks(count: chunks.count, blockSize: 1, threads: threads) { range in
            let (design, members) = chunks[range.lowerBound]
            return fitGroup(design, values: members.map { inputs[$0].values })
        }
        for ((_, members), chunkFits) in zip(chunks, fits) {
            for (member, fit) in zip(members, chunkFits) { results[member] = fit }
        }
        return results
    }

    /// Right-hand sides per `dgels` call in `fitBatch`.
    static let chunkColumns = 1_024

    /// The valid inputs grouped by design (identical periods and t₀), each group's input
    /// indices in order, groups in order of first appearance.
    static func designGroups(_ inputs: [Input]) -> [(design: SegmentedDesign, members: [Int])] {
        var groups: [SegmentedDesign: Int] = [:]
        var result: [(design: SegmentedDesign, members: [Int])] = []
        var previous: (input: Int, group: Int)?
        for (index, input) in inputs.enumerated() {
            guard input.values.count == input.periods.count, input.values.allSatisfy(\.isFinite) else { continue }
            // Wards in a row usually share their periods: the previous ward's group then,
            // without building and hashing the design again.
            if let (last, group) = previous, inputs[last].firstComparisonPeriod == input.firstComparisonPeriod,
               inputs[last].periods == input.periods {
                result[group].members.append(index)
                previous = (index, group)
                continue
            }
            guard let design = SegmentedDesign(periods: input.periods, firstComparisonPeriod: input.firstComparisonPeriod)
            else { continue }
            if let group = groups[design] {
                result[group].members.append(index)
                previous = (index, group)
            } else {
                groups[design] = result.count
                previous = (index, result.count)
                result.append((design, [index]))
            }
        }
        return result
    }

    /// The wards of one design: one least-squares call, one (XᵀX)⁻¹, one dgemm for the
    /// fitted values.
    static func fitGroup(_ design: SegmentedDesign, values: [[Double]]) -> [SegmentedRegression?] {
        let n = design.points
        let x = design.matrix
        var y = Matrix(rows: n, columns: values.count)
        for (column, series) in values.enumerated() {
            for (row, value) in series.enumerated() { y[row, column] = value }
        }
        guard let solution = try? BLAS.leastSquaresFactored(x, y),
              let unscaled = try? BLAS.inverseOfGram(triangularFactor: solution.triangularFactor)
        else { return Array(repeating: nil, count: values.count) }
        let fitted = BLAS.multiply(x, solution.coefficients)
        let residualDegrees = Double(n - 4)

        return values.indices.map { column in
            var sumSquares = 0.0
            var sumSquaredValues = 0.0
            var sumSquaredDifferences = 0.0
            var previous = 0.0
            for row in 0..<n {
                let residual = y[row, column] - fitted[row, column]
                sumSquares += residual * residual
                sumSquaredValues += y[row, column] * y[row, column]
                if row > 0 { sumSquaredDifferences += (residual - previous) * (residual - previous) }
                previous = residual
            }
            let variance = sumSquares / residualDegrees
            return SegmentedRegression(
                coefficients: (0..<4).map { solution.coefficients[$0, column] },
                standardErrors: (0..<4).map { (variance * unscaled[$0, $0]).squareRoot() },
                residualVariance: variance,
                durbinWatson: sumSquares > 1e-24 * sumSquaredValues ? sumSquaredDifferences / sumSquares : nil,
                points: n, baselinePoints: design.baselinePoints, comparisonPoints: design.comparisonPoints)
        }
    }
}
