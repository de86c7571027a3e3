/// The programme's headline against the benchmark — pooled reduction per measure with its
/// confidence interval and the wards reaching 15/25/100% — as the report shows it. Filled
/// from `wardspc evaluate`'s results; the report leaves the section out when it is `nil`.
public struct ReportHeadline: Sendable {
    public struct Interval: Sendable {
        public var low: Double
        public var high: Double
        public init(low: Double, high: Double) {
            self.low = low
            self.high = high
        }
    }

    /// Wards whose own reduction reaches `percent`.
    public struct Reaching: Sendable {
        public var percent: Double
        public var wards: Int
        public init(percent: Double, wards: Int) {
            self.percent = percent
            self.wards = wards
        }
    }

    public struct Measure: Sendable {
        public var measure: String
        /// Wards in the pooled figure.
        public var wards: Int
        /// Pooled reduction in per cent (positive = a fall), `nil` when undefined.
        public var reductionPercent: Double?
        public var reductionCI95: Interval?
        /// Against the benchmark: `exceeds`, `meets`, `below`, `no_reduction`,
        /// `significant_increase` or `insufficient_data` (DESIGN.md §4.4).
        public var verdict: String?
        /// Wards with a defined reduction (the denominator of `reaching`).
        public var wardsWithReduction: Int
        public var reaching: [Reaching]
        /// A caution for this measure, e.g. that a rise in reports can mean better reporting.
        public var note: String?

        public init(measure: String, wards: Int, reductionPercent: Double?, reductionCI95: Interval?, verdict: String?,
                    wardsWithReduction: Int, reaching: [Reaching], note: String? = nil) {
            self.measure = measure
            self.wards = wards
            self.reductionPercent = reductionPercent
            self.reductionCI95 = reductionCI95
            self.verdict = verdict
            self.wardsWithReduction = wardsWithReduction
            self.reaching = reaching
            self.note = note
        }
    }

    /// The benchmark in per cent (15 by default: the national collaborative's reduction).
    public var benchmarkPercent: Double
    /// What was compared with what, printed so nobody misreads it.
    public var comparison: String
    public var measures: [Measure]
    /// The pooling method and other notes, one sentence each.
    public var notes: [String]

    public init(benchmarkPercent: Double = 15, comparison: String, measures: [Measure], notes: [String] = []) {
        self.benchmarkPercent = benchmarkPercent
        self.comparison = comparison
        self.measures = measures
        self.notes = notes
    }
}
