import SPCCore
import WardData

/// Evaluation as tidy CSV (docs/evaluation.md, "CSV columns"): one row per ward, then one
/// per trust × measure and one per programme measure, told apart by `level` (`ward`,
/// `trust`, `programme`); every row has the same columns, those that do not apply to its
/// level left empty. Text cells are Excel-safe, numbers never altered; suppressed counts are
/// `*`, with the rates and ratios derived from them left empty. Changes follow the one sign
/// convention: `*change*` columns negative = a fall, `reduction*` columns positive = a fall.
public enum EvaluationCSV {
    /// The columns before the dimension's (present only with `--group-by
    /// subtype|context|ethnic_group`, named after it).
    static let leading = ["level", "trust", "ward", "measure"]

    /// The columns after it, for every level.
    static let trailing = ["wards", "baseline_start", "baseline_end", "baseline_count", "baseline_exposure",
                           "baseline_rate", "comparison_start", "comparison_end", "comparison_count",
                           "comparison_exposure", "comparison_rate", "rate_ratio", "rate_ratio_ci95_low",
                           "rate_ratio_ci95_high", "change_percent", "change_ci95_low", "change_ci95_high",
                           "reduction_percent", "reduction_ci95_low", "reduction_ci95_high", "verdict",
                           "centre_change_percent", "its_level_change", "its_level_change_se", "its_slope_change",
                           "its_slope_change_se", "dispersion", "random_effects_change_percent",
                           "random_effects_change_ci95_low", "random_effects_change_ci95_high", "random_effects_i2",
                           "mean_reduction_percent", "median_reduction_percent", "wards_with_estimate",
                           "wards_reaching_15", "wards_reaching_25", "wards_reaching_100"]

    /// The header of `result`'s CSV: the dimension's column when grouped by one, and a
    /// `wards_reaching_P` column for a benchmark P other than 15, 25 and 100.
    public static func header(_ result: EvaluationResult) -> [String] {
        let dimension = result.dimension.map { [$0] } ?? []
        let extra = extraBenchmark(result).map { ["wards_reaching_\(CSVCell.number($0))"] } ?? []
        return leading + dimension + trailing + extra + ["notes"]
    }

    static func extraBenchmark(_ result: EvaluationResult) -> Double? {
        [15.0, 25.0, 100.0].contains(result.benchmark) ? nil : result.benchmark
    }

    static func number(_ value: Double?) -> String { value.map(CSVCell.number) ?? "" }

    public static func render(_ result: EvaluationResult, suppression: Suppression = Suppression()) -> String {
        var out = header(result).joined(separator: ",") + "\n"
        let grouped = result.dimension != nil
        let extra = extraBenchmark(result)
        for ward in result.wards {
            out += wardRow(ward, grouped: grouped, extra: extra, result: result, suppression: suppression)
        }
        // Under --group-by measure the trust table holds no trust (the programme's rows again).
        for pooled in result.trusts where pooled.trust != nil {
            out += pooledRow(pooled, level: "trust", grouped: grouped, extra: extra, result: result, suppression: suppression)
        }
        for pooled in result.programme {
            out += pooledRow(pooled, level: "programme", grouped: grouped, extra: extra, result: result,
                             suppression: suppression)
        }
        return out
    }

    /// rate_ratio … reduction_ci95_high of one ratio and its interval.
    static func ratioCells(_ estimate: Double?, _ interval: ConfidenceInterval?) -> [String] {
        [number(estimate), number(interval?.lower), number(interval?.upper),
         number(estimate.map { 100 * ($0 - 1) }), number(interval.map { 100 * ($0.lower - 1) }),
         number(interval.map { 100 * ($0.upper - 1) }),
         number(estimate.map { 100 * (1 - $0) }), number(interval.map { 100 * (1 - $0.upper) }),
         number(interval.map { 100 * (1 - $0.lower) })]
    }

    static func wardRow(_ ward: WardEvaluation, grouped: Bool, extra: Double?, result: EvaluationResult,
                        suppression: Suppression) -> String {
        let hidden = [ward.baseline?.count, ward.comparison?.count].contains { $0.map(suppression.hides) ?? false }
        var cells = ["ward", CSVCell.text(ward.trust), CSVCell.text(ward.ward), CSVCell.text(ward.measure)]
        if grouped { cells.append(CSVCell.text(ward.group ?? "")) }
        cells.append("")  // wards: pooled rows only
        for figures in [ward.baseline, ward.comparison] {
            cells += [figures?.start.iso ?? "", figures?.end.iso ?? "",
                      figures.map { suppression.text($0.count) } ?? "", number(figures?.exposure),
                      hidden ? "" : number(figures?.rate)]
        }
        // The centre change and the regression derive from the same counts: withheld too.
        let ratio = hidden ? nil : ward.rateRatio
        let its = hidden ? nil : ward.its
        cells += ratioCells(ratio?.estimate, ratio?.interval)
        cells += [ward.verdict.rawValue, number(hidden ? nil : ward.centreChangePercent)]
        cells += [number(its?.levelChange), number(its?.levelChangeStandardError),
                  number(its?.slopeChange), number(its?.slopeChangeStandardError)]
        cells += Array(repeating: "", count: 11 + (extra == nil ? 0 : 1))  // the pooled columns
        cells.append(CSVCell.text((ward.notes + ward.warnings).joined(separator: " | ")))
        return cells.joined(separator: ",") + "\n"
    }

    static func pooledRow(_ pooled: PooledEvaluation, level: String, grouped: Bool, extra: Double?,
                          result: EvaluationResult, suppression: Suppression) -> String {
        var cells = [level, CSVCell.text(pooled.trust ?? ""), "", CSVCell.text(pooled.measure)]
        if grouped { cells.append(CSVCell.text(pooled.group ?? "")) }
        cells.append(String(pooled.wards))
        let totals = pooled.totals
        let hidden = totals.map { suppression.hides($0.baselineCount) || suppression.hides($0.comparisonCount) } ?? false
        let ratePer = result.exposureIsBedDays ? 1000.0 : 1.0
        for (count, exposure) in [(totals?.baselineCount, totals?.baselineExposure),
                                  (totals?.comparisonCount, totals?.comparisonExposure)] {
            let rate: Double? = hidden ? nil : count.flatMap { count in
                exposure.flatMap { $0 > 0 ? Double(count) / $0 * ratePer : nil }
            }
            cells += ["", "", count.map(suppression.text) ?? "", number(exposure), number(rate)]
        }
        let ratio = hidden ? nil : pooled.ratioOfTotals
        cells += ratioCells(ratio?.estimate, ratio?.interval)
        cells += [pooled.verdict.rawValue, ""]
        cells += ["", "", "", ""]  // the segmented regression: wards only
        let effects = pooled.randomEffects
        let reductions = pooled.reductions
        cells += [number(ratio?.dispersion),
                  number(effects.map { 100 * ($0.estimate - 1) }), number(effects.map { 100 * ($0.interval.lower - 1) }),
                  number(effects.map { 100 * ($0.interval.upper - 1) }), number(effects?.iSquared),
                  number(reductions.meanPercent), number(reductions.medianPercent),
                  String(reductions.wardsWithEstimate), String(reductions.reaching15Percent),
                  String(reductions.reaching25Percent), String(reductions.reaching100Percent)]
        if let extra { cells.append(reductions.wards(reaching: extra).map(String.init) ?? "") }
        cells.append("")
        return cells.joined(separator: ",") + "\n"
    }
}
