import SPCCore
import WardData

/// One ward's evaluation: its windows, their figures, the exact rate ratio and verdict,
/// and its segmented regression's input (DESIGN.md §4.4, "Per ward").
extension Evaluator {
    /// One ward's figures, and its segmented regression's input (solved later with others).
    static func evaluateWard(_ series: WardSeries, context dataset: Context, group: String?, analysis: AnalysisSettings,
                             settings: EvaluationSettings) -> (WardEvaluation, SegmentedRegressionQueue.Entry?) {
        var evaluation = WardEvaluation(trust: series.trust, ward: series.ward, measure: series.measure, group: group,
                                        baseline: nil, comparison: nil, counts: nil, rateRatio: nil,
                                        verdict: .insufficientData, centreChangePercent: nil, its: nil,
                                        notes: [], warnings: [])
        let wardEvents = settings.events?.events(trust: series.trust, ward: series.ward) ?? []
        let intervention = wardEvents.first { $0.kind == .phase }?.date
        guard let windows = EvaluationWindows.choose(periods: series.periods, settings: settings.windows,
                                                     intervention: intervention) else {
            evaluation.warnings.append("only \(series.periods.count) observed \(dataset.periodKind.name)s (fewer than \(settings.windows.minimumPeriods)): not evaluated")
            return (evaluation, nil)
        }
        evaluation.notes = windows.notes
        let bedDays = dataset.hasDenominator
        // With bed days, a period without them cannot count towards a rate.
        func usable(_ indices: [Int]) -> [Int] {
            bedDays ? indices.filter { series.denominators[$0] != nil } : indices
        }
        let baseline = usable(windows.baseline), comparison = usable(windows.comparison)
        let dropped = windows.baseline.count + windows.comparison.count - baseline.count - comparison.count
        if dropped > 0 { evaluation.notes.append("\(dropped) period\(dropped == 1 ? "" : "s") without bed days left out of the windows") }
        evaluation.baseline = figures(series, baseline, bedDays: bedDays)
        evaluation.comparison = figures(series, comparison, bedDays: bedDays)
        if let before = evaluation.baseline, let after = evaluation.comparison {
            let counts = WardCounts(baselineCount: before.count, baselineExposure: before.exposure,
                                    comparisonCount: after.count, comparisonExposure: after.exposure)
            evaluation.counts = counts
            evaluation.rateRatio = RateRatio.compute(counts)
            evaluation.verdict = Verdict(rateRatio: evaluation.rateRatio, benchmark: settings.benchmark,
                                         minimumIncidents: settings.minimumIncidents)
            if before.count == 0 {
                evaluation.notes.append("no incidents in the baseline window: a reduction is undefined")
            }
        }
        if series.measure.lowercased().contains("sexual") {
            evaluation.notes.append("a rise in sexual-safety incidents can reflect better reporting rather than more harm")
        }
        evaluation.centreChangePercent = centreChange(series, windows: baseline, dataset: dataset, analysis: analysis,
                                                      wardEvents: wardEvents, settings: settings)
        let regression = SegmentedRegressionQueue.entry(series, baseline: baseline, comparison: comparison,
                                                        kind: dataset.periodKind, bedDays: bedDays,
                                                        model: settings.segmentedModel)
        return (evaluation, regression)
    }

    static func figures(_ series: WardSeries, _ indices: [Int], bedDays: Bool) -> WindowFigures? {
        guard let first = indices.first, let last = indices.last else { return nil }
        let count = indices.reduce(0) { $0 + Int(series.values[$1]) }
        let exposure = bedDays ? indices.reduce(0.0) { $0 + (series.denominators[$1] ?? 0) } : Double(indices.count)
        let rate: Double? = exposure > 0 ? Double(count) / exposure * (bedDays ? 1000 : 1) : nil
        return WindowFigures(start: series.periods[first], end: series.periods[last], periods: indices.count,
                             count: count, exposure: exposure, rate: rate)
    }
}
