/// How the wards' own reductions spread: their mean and median ("the average ward fell
/// 15%", as collaboratives report it) and how many reach each benchmark, among the wards
/// whose reduction is defined (observed, O_b > 0).
public struct ReductionSummary: Sendable, Hashable {
    /// How many wards reach one benchmark.
    public struct Attainment: Sendable, Hashable {
        /// The benchmark reduction, in percent.
        public let benchmark: Double
        /// Wards whose reduction is at least the benchmark.
        public let wards: Int
    }

    /// Wards with a defined reduction estimate (observed, O_b > 0) — the denominator of
    /// every count here, whether their estimate is a fall or not.
    public let wardsWithEstimate: Int
    /// Mean of the ward reductions (%), `nil` when none is defined.
    public let meanPercent: Double?
    /// Median of the ward reductions (%), `nil` when none is defined.
    public let medianPercent: Double?
    /// Wards with a reduction ≥ 15%.
    public let reaching15Percent: Int
    /// Wards with a reduction ≥ 25%.
    public let reaching25Percent: Int
    /// Wards with a 100% reduction (events in the baseline, none in the comparison).
    public let reaching100Percent: Int
    /// One entry per benchmark asked for, in the order asked.
    public let benchmarks: [Attainment]

    /// Wards reaching `benchmark` if it was asked for, else `nil`.
    public func wards(reaching benchmark: Double) -> Int? {
        benchmarks.first { $0.benchmark == benchmark }?.wards
    }
}

extension Pooling {
    /// The mean and median ward reduction 100·(1 − RRᵢ) and the wards reaching 15%, 25%,
    /// 100% and each of `benchmarks`, among wards with a defined reduction. Reaching is
    /// decided exactly on the counts (`WardCounts.reductionReaches`).
    public static func reductions(_ wards: [WardCounts], benchmarks: [Double] = []) -> ReductionSummary {
        let defined = wards.filter(\.hasReduction)
        let percents = defined.compactMap { $0.rateRatioEstimate.map { 100 * (1 - $0) } }
        func reaching(_ percent: Double) -> Int { defined.filter { $0.reductionReaches(percent) }.count }
        return ReductionSummary(
            wardsWithEstimate: defined.count,
            meanPercent: Descriptive.mean(percents),
            medianPercent: Descriptive.median(percents),
            reaching15Percent: reaching(15),
            reaching25Percent: reaching(25),
            reaching100Percent: reaching(100),
            benchmarks: benchmarks.map { ReductionSummary.Attainment(benchmark: $0, wards: reaching($0)) })
    }
}
