/// The interrupted-time-series design of Wagner et al. (2002) that both segmented
/// regressions share: columns [1, t, X, (t − t₀)·X] with X = 1 from the first comparison
/// period t₀ on (DESIGN.md §4.4).
struct SegmentedDesign: Sendable, Hashable {
    /// Calendar period indices, strictly increasing (missing periods are absent).
    let periods: [Int]
    /// t₀, the first comparison period's index.
    let firstComparisonPeriod: Int

    /// The fewest points a fit takes, and the fewest on either side of t₀.
    static let minimumPoints = 8
    static let minimumPointsPerSegment = 2

    /// A design, or `nil` when the periods are not strictly increasing or there are fewer
    /// than 8 points or fewer than 2 on either side of t₀ (then the four coefficients are
    /// not all estimable with residual degrees of freedom to spare).
    init?(periods: [Int], firstComparisonPeriod: Int) {
        guard periods.count >= Self.minimumPoints,
              zip(periods, periods.dropFirst()).allSatisfy({ $0 < $1 }) else { return nil }
        let baseline = periods.prefix { $0 < firstComparisonPeriod }.count
        guard baseline >= Self.minimumPointsPerSegment,
              periods.count - baseline >= Self.minimumPointsPerSegment else { return nil }
        self.periods = periods
        self.firstComparisonPeriod = firstComparisonPeriod
    }

    var points: Int { periods.count }
    var baselinePoints: Int { periods.prefix { $0 < firstComparisonPeriod }.count }
    var comparisonPoints: Int { points - baselinePoints }

    /// The `n × 4` matrix [1, t, X, (t − t₀)·X].
    var matrix: Matrix {
        var design = Matrix(rows: points, columns: 4)
        for (row, t) in periods.enumerated() {
            let after = t >= firstComparisonPeriod
            design[row, 0] = 1
            design[row, 1] = Double(t)
            design[row, 2] = after ? 1 : 0
            design[row, 3] = after ? Double(t - firstComparisonPeriod) : 0
        }
        return design
    }
}
