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
        /// The pooled verdict's JSON name (`exceeds`, `meets`, `below`,
        /// `significant_reduction`, `no_clear_change`, `significant_increase`,
        /// `insufficient_data`; DESIGN.md §4.4), which styles the card.
        public var verdict: String?
        /// The verdict in plain words, with its interval ("no clear change: the interval
        /// runs from a 31% fall to a 43% rise"), as `evaluate` says it.
        public var verdictWords: String?
        /// Wards with a defined reduction estimate (the denominator of `reaching`).
        public var wardsWithEstimate: Int
        public var reaching: [Reaching]
        /// A caution for this measure, e.g. that a rise in reports can mean better reporting.
        public var note: String?

        public init(measure: String, wards: Int, reductionPercent: Double?, reductionCI95: Interval?, verdict: String?,
                    verdictWords: String? = nil, wardsWithEstimate: Int, reaching: [Reaching], note: String? = nil) {
            self.measure = measure
            self.wards = wards
            self.reductionPercent = reductionPercent
            self.reductionCI95 = reductionCI95
            self.verdict = verdict
            self.verdictWords = verdictWords
            self.wardsWithEstimate = wardsWithEstimate
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
