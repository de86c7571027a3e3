import Threads
import SPCCore
import WardData

/// `wardspc/evaluation@2` (DESIGN.md §5.2, docs/evaluation.md): the fields the issue
/// lists, in its order, then added detail. One sign convention throughout: every
/// `*change_percent` is signed with negative = a fall; every `reduction_percent` is
/// 100·(1 − RR), positive = a fall (the benchmark's terms). Suppressed counts are `null`
/// with `"suppressed": true`, and the rates and ratios derived from them are withheld.
public enum EvaluationJSON {
    static func number(_ value: Double?) -> JSONValue { .optional(value, JSONValue.number) }

    public static let schema = "wardspc/evaluation@2"

    public static func document(_ result: EvaluationResult, suppression: Suppression = Suppression()) -> JSONValue {
        .object([
            ("schema", .string(schema)),
            ("group_by", .string(result.groupBy.rawValue)),
            ("wards", .array(ParallelBlocks.map(count: result.wards.count, blockSize: 256) { range in
                range.map { ward(result.wards[$0], dimension: result.dimension, suppression: suppression) }
            })),
            ("trusts", .array(result.trusts.map { pooled($0, dimension: result.dimension, benchmark: result.benchmark) })),
            ("programme", .array(result.programme.map { pooled($0, dimension: result.dimension, benchmark: result.benchmark) })),
            ("benchmark", .number(result.benchmark)),
            ("min_incidents", .number(Double(result.minimumIncidents))),
            ("period", .string(result.period)),
            ("exposure", .string(result.exposureIsBedDays ? "occupied_bed_days" : "periods")),
            ("rate_per", .string(result.exposureIsBedDays ? "1000 occupied bed days" : result.period)),
            ("chart", .string(result.chart.rawValue)),
            ("warnings", .array(result.warnings.map(JSONValue.string))),
        ])
    }

    static func window(_ figures: WindowFigures?, suppression: Suppression) -> JSONValue {
        guard let figures else { return .null }
        let hidden = suppression.hides(figures.count)
        var members: [(String, JSONValue)] = [
            ("start", .string(figures.start.iso)),
            ("end", .string(figures.end.iso)),
            ("count", hidden ? .null : .number(Double(figures.count))),
            ("exposure", .number(figures.exposure)),
            ("rate", hidden ? .null : number(figures.rate)),
            ("periods", .number(Double(figures.periods))),
        ]
        if hidden { members.append(("suppressed", .bool(true))) }
        return .object(members)
    }

    static func ward(_ ward: WardEvaluation, dimension: String?, suppression: Suppression) -> JSONValue {
        let withheld = [ward.baseline?.count, ward.comparison?.count].contains { $0.map(suppression.hides) ?? false }
        let ratio = withheld ? nil : ward.rateRatio
        // The centre-line change and the regression are rates and ratios of the same
        // counts (with an events file the centre change is the change exactly, which with
        // the other window's count and both exposures gives the withheld count back).
        let centreChange = withheld ? nil : ward.centreChangePercent
        let segmented = withheld ? nil : ward.its
        var members: [(String, JSONValue)] = [
            ("trust", .string(ward.trust)),
            ("ward", .string(ward.ward)),
            ("measure", .string(ward.measure)),
        ]
        if let dimension { members.append((dimension, .optional(ward.group, JSONValue.string))) }
        members += [
            ("baseline", window(ward.baseline, suppression: suppression)),
            ("comparison", window(ward.comparison, suppression: suppression)),
        ]
        members += ratioMembers(estimate: ratio?.estimate, interval: ratio?.interval)
        members += [
            ("verdict", .string(ward.verdict.rawValue)),
            ("centre_change_percent", number(centreChange)),
            ("its", .optional(segmented, its)),
        ]
        if withheld { members.append(("suppressed", .bool(true))) }
        members.append(("notes", .array(ward.notes.map(JSONValue.string))))
        members.append(("warnings", .array(ward.warnings.map(JSONValue.string))))
        return .object(members)
    }

    /// `rate_ratio`, `rate_ratio_ci95`, `change_percent` = 100·(RR − 1) and `change_ci95`
    /// (negative = a fall), `reduction_percent` = 100·(1 − RR) and `reduction_ci95`
    /// (positive = a fall); all `null` when RR is undefined.
    static func ratioMembers(estimate: Double?, interval: ConfidenceInterval?) -> [(String, JSONValue)] {
        [
            ("rate_ratio", number(estimate)),
            ("rate_ratio_ci95", .optional(interval) { .array([.number($0.lower), .number($0.upper)]) }),
            ("change_percent", number(estimate.map { 100 * ($0 - 1) })),
            ("change_ci95", .optional(interval) { .array([.number(100 * ($0.lower - 1)), .number(100 * ($0.upper - 1))]) }),
            ("reduction_percent", number(estimate.map { 100 * (1 - $0) })),
            ("reduction_ci95", .optional(interval) { .array([.number(100 * (1 - $0.upper)), .number(100 * (1 - $0.lower))]) }),
        ]
    }

    static func its(_ its: InterruptedTimeSeries) -> JSONValue {
        .object([
            ("level_change", .number(its.levelChange)),
            ("level_change_se", .number(its.levelChangeStandardError)),
            ("slope_change", .number(its.slopeChange)),
            ("slope_change_se", .number(its.slopeChangeStandardError)),
            ("durbin_watson", number(its.durbinWatson)),
            ("model", .string(its.model.rawValue)),
            ("points", .number(Double(its.points))),
        ])
    }

    static func pooled(_ pooled: PooledEvaluation, dimension: String?, benchmark: Double) -> JSONValue {
        var members: [(String, JSONValue)] = []
        if let trust = pooled.trust { members.append(("trust", .string(trust))) }
        members.append(("measure", .string(pooled.measure)))
        if let dimension { members.append((dimension, .optional(pooled.group, JSONValue.string))) }
        members += [
            ("wards", .number(Double(pooled.wards))),
            ("wards_with_estimate", .number(Double(pooled.reductions.wardsWithEstimate))),
            ("verdict", .string(pooled.verdict.rawValue)),
            ("wards_by_verdict", .object(Verdict.allCases.compactMap { verdict in
                pooled.wardsByVerdict[verdict].map { (verdict.rawValue, .number(Double($0))) }
            })),
            ("ratio_of_totals", .optional(pooled.ratioOfTotals) { totals in
                .object(ratioMembers(estimate: totals.estimate, interval: totals.interval)
                        + [("dispersion", number(totals.dispersion))])
            }),
            ("mean_reduction_percent", number(pooled.reductions.meanPercent)),
            ("median_reduction_percent", number(pooled.reductions.medianPercent)),
            ("random_effects", .optional(pooled.randomEffects) { effects in
                .object(ratioMembers(estimate: effects.estimate, interval: effects.interval)
                        + [("tau2", .number(effects.tauSquared)), ("i2", .number(effects.iSquared))])
            }),
            ("wards_reaching", wardsReaching(pooled.reductions, benchmark: benchmark)),
        ]
        return .object(members)
    }

    static func wardsReaching(_ reductions: ReductionSummary, benchmark: Double) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("15", .number(Double(reductions.reaching15Percent))),
            ("25", .number(Double(reductions.reaching25Percent))),
            ("100", .number(Double(reductions.reaching100Percent))),
        ]
        if ![15.0, 25.0, 100.0].contains(benchmark), let count = reductions.wards(reaching: benchmark) {
            members.append((CSVCell.number(benchmark), .number(Double(count))))
        }
        return .object(members)
    }
}
