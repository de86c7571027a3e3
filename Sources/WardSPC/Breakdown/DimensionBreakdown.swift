import SPCCore
import WardData

/// One measure split by a dimension — self-harm by `context` (on the ward, on agreed
/// leave, absent without leave), restraint by `subtype` (prone, supine, …) — programme-wide:
/// each value's incidents, share, rate and change against baseline.
///
/// The windows, exposures and pooled change are `evaluate --group-by context|subtype`'s
/// (each value pooled separately by the ratio of totals, DESIGN.md §4.4), so the figures
/// here and there agree. A value's rate uses the ward's own bed days: contexts and subtypes
/// split incidents, not patients.
public struct DimensionBreakdown: Sendable {
    public var measure: String
    /// `context` or `subtype`.
    public var dimension: String
    public var exposureIsBedDays: Bool
    public var rows: [Row]

    public struct Row: Sendable {
        public var value: String
        /// Wards with this value evaluated.
        public var wards: Int
        public var baselineCount: Int
        public var comparisonCount: Int
        public var baselineExposure: Double
        public var comparisonExposure: Double
        /// The value's share of the measure's incidents in each window (0–1).
        public var baselineShare: Double?
        public var comparisonShare: Double?
        /// Ratio of totals, comparison against baseline, with its 95% interval (widened
        /// for over-dispersion between wards).
        public var change: PooledRatio?

        /// Per 1,000 occupied bed days (or per period).
        public func rate(_ count: Int, _ exposure: Double, bedDays: Bool) -> Double? {
            BedDayRates.rate(count: Double(count), exposure: exposure, bedDays: bedDays)
        }
        public var isProne: Bool { value.lowercased() == "prone" }
    }

    /// Subtypes in the order of DESIGN.md §3.4, contexts as the programme lists them;
    /// anything else after them, alphabetically.
    static let knownOrder = ["on_ward", "on_leave", "awol", "prone", "standing", "restrictive_escort", "supine", "side",
                             "seated", "kneeling", "other_physical", "mechanical", "seclusion", "segregation",
                             "injection_rt", "injection_non_rt", "oral", "other_chemical"]

    /// Every measure that carries values in the `dimension` column (`.context` or
    /// `.subtype`), broken down by them; empty when the file has no such column.
    public static func compute(_ dataset: WardDataset, by dimension: PoolingGroup,
                               settings: EvaluationSettings) throws(AnalysisError) -> [DimensionBreakdown] {
        guard dimension == .context || dimension == .subtype,
              let column = dataset.dimensionNames.firstIndex(where: { Header.fold($0) == dimension.rawValue }) else { return [] }
        var measures: Set<String> = []
        for index in 0..<dataset.records.count where !dataset.strings[dataset.records.dimensions[column][index]].isEmpty {
            measures.insert(dataset.strings[dataset.records.measure[index]])
        }
        var evaluation = settings
        if !evaluation.analysis.measures.isEmpty { measures.formIntersection(evaluation.analysis.measures) }
        guard !measures.isEmpty else { return [] }
        evaluation.analysis.measures = measures
        evaluation.groupBy = dimension
        let result = try Evaluator.evaluate(dataset, settings: evaluation)
        var breakdowns: [DimensionBreakdown] = []
        for measure in measures.sorted() {
            let pooled = result.programme.filter { $0.measure == measure && $0.group != nil }
            var rows = pooled.map { group -> Row in
                let wards = result.wards.filter { $0.measure == measure && $0.group == group.group }
                let counts = wards.compactMap(\.counts)
                return Row(value: group.group!, wards: counts.count,
                           baselineCount: counts.reduce(0) { $0 + $1.baselineCount },
                           comparisonCount: counts.reduce(0) { $0 + $1.comparisonCount },
                           baselineExposure: counts.reduce(0) { $0 + $1.baselineExposure },
                           comparisonExposure: counts.reduce(0) { $0 + $1.comparisonExposure },
                           baselineShare: nil, comparisonShare: nil, change: group.ratioOfTotals)
            }
            let before = rows.reduce(0) { $0 + $1.baselineCount }, after = rows.reduce(0) { $0 + $1.comparisonCount }
            for index in rows.indices {
                rows[index].baselineShare = before > 0 ? Double(rows[index].baselineCount) / Double(before) : nil
                rows[index].comparisonShare = after > 0 ? Double(rows[index].comparisonCount) / Double(after) : nil
            }
            rows.sort { left, right in
                let l = knownOrder.firstIndex(of: left.value) ?? Int.max, r = knownOrder.firstIndex(of: right.value) ?? Int.max
                return l != r ? l < r : left.value < right.value
            }
            breakdowns.append(DimensionBreakdown(measure: measure, dimension: dimension.rawValue,
                                                 exposureIsBedDays: result.exposureIsBedDays, rows: rows))
        }
        return breakdowns
    }
}
