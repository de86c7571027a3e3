import Threads
import SPCCore
import WardData

/// `wardspc/evaluation@1` (DESIGN.md §5.2): the fields the issue lists, in its order,
/// then added detail. Suppressed counts are `null` with `"suppressed": true`, and the
/// rates and ratios derived from them are withheld.
public enum EvaluationJSON {
    static func number(_ value: Double?) -> JSONValue { .optional(value, JSONValue.number) }

    public static func document(_ result: EvaluationResult, suppression: Suppression = Suppression()) -> JSONValue {
        .object([
            ("schema", .string("wardspc/evaluation@1")),
            ("wards", .array(ParallelBlocks.map(count: result.wards.count, blockSize: 256) { range in
                range.map { ward(result.wards[$0], suppression: suppression) }
            })),
            ("trusts", .array(result.trusts.map { pooled($0, benchmark: result.benchmark) })),
            ("programme", .array(result.programme.map { pooled($0, benchmark: result.benchmark) })),
            ("benchmark", .number(result.benchmark)),
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

    static func ward(_ ward: WardEvaluation, suppression: Suppression) -> JSONValue {
        let withheld = [ward.baseline?.count, ward.comparison?.count].contains { $0.map(suppression.hides) ?? false }
        let ratio = withheld ? nil : ward.rateRatio
        // The centre-line change and the regression are rates and ratios of the same
        // counts (with an events file the centre change is −reduction exactly, which with
        // the other window's count and both exposures gives the withheld count back).
        let centreChange = withheld ? nil : ward.centreChangePercent
        let segmented = withheld ? nil : ward.its
        var members: [(String, JSONValue)] = [
            ("trust", .string(ward.trust)),
            ("ward", .string(ward.ward)),
            ("measure", .string(ward.measure)),
            ("baseline", window(ward.baseline, suppression: suppression)),
            ("comparison", window(ward.comparison, suppression: suppression)),
            ("rate_ratio", number(ratio?.estimate)),
            ("reduction_percent", number(ratio?.reductionPercent)),
            ("reduction_ci95", .optional(ratio?.reductionInterval) { .array([.number($0.lower), .number($0.upper)]) }),
            ("verdict", .string(ward.verdict.rawValue)),
            ("centre_change_percent", number(centreChange)),
            ("its", .optional(segmented, its)),
        ]
        if let group = ward.group { members.append(("group", .string(group))) }
        members.append(("rate_ratio_ci95", .optional(ratio?.interval) { .array([.number($0.lower), .number($0.upper)]) }))
        if withheld { members.append(("suppressed", .bool(true))) }
        members.append(("notes", .array(ward.notes.map(JSONValue.string))))
        members.append(("warnings", .array(ward.warnings.map(JSONValue.string))))
        return .object(members)
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

    static func interval(_ interval: ConfidenceInterval) -> JSONValue {
        .array([.number(interval.lower), .number(interval.upper)])
    }

    static func pooled(_ pooled: PooledEvaluation, benchmark: Double) -> JSONValue {
        var members: [(String, JSONValue)] = []
        if let trust = pooled.trust { members.append(("trust", .string(trust))) }
        members += [
            ("measure", .string(pooled.measure)),
            ("wards", .number(Double(pooled.wards))),
            ("ratio_of_totals", .optional(pooled.ratioOfTotals) { totals in
                .object([
                    ("rate_ratio", .number(totals.estimate)),
                    ("reduction_percent", .number(totals.reductionPercent)),
                    ("reduction_ci95", interval(totals.reductionInterval)),
                    ("dispersion", number(totals.dispersion)),
                ])
            }),
            ("mean_reduction_percent", number(pooled.reductions.meanPercent)),
            ("median_reduction_percent", number(pooled.reductions.medianPercent)),
            ("random_effects", .optional(pooled.randomEffects) { effects in
                .object([
                    ("rate_ratio", .number(effects.estimate)),
                    ("reduction_percent", .number(effects.reductionPercent)),
                    ("reduction_ci95", interval(effects.reductionInterval)),
                    ("tau2", .number(effects.tauSquared)),
                    ("i2", .number(effects.iSquared)),
                ])
            }),
            ("wards_reaching", wardsReaching(pooled.reductions, benchmark: benchmark)),
            ("wards_with_reduction", .number(Double(pooled.reductions.wardsWithReduction))),
        ]
        if let group = pooled.group { members.append(("group", .string(group))) }
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
