import SPCCore
import WardSPC

extension ReportHeadline {
    /// The programme headline from an evaluation: per measure, the pooled ratio-of-totals
    /// change with its interval, the pooled verdict `evaluate` gives (decided by that
    /// interval, in the same words), and the wards whose estimates reach 15%, 25% and 100%.
    public init(evaluation: EvaluationResult, comparison: String) {
        let measures = evaluation.programme.map { pooled -> Measure in
            let totals = pooled.ratioOfTotals
            let reaching = [Reaching(percent: 15, wards: pooled.reductions.reaching15Percent),
                            Reaching(percent: 25, wards: pooled.reductions.reaching25Percent),
                            Reaching(percent: 100, wards: pooled.reductions.reaching100Percent)]
            let name = pooled.measure + (pooled.group.map { " · \($0)" } ?? "")
            let words = VerdictWords.sentence(pooled.verdict, counts: pooled.totals, rateRatioInterval: totals?.interval,
                                              benchmark: evaluation.benchmark,
                                              minimumIncidents: evaluation.minimumIncidents)
            return Measure(measure: name, wards: pooled.wards, reductionPercent: totals?.reductionPercent,
                           reductionCI95: totals.map { Interval(low: $0.reductionInterval.lower, high: $0.reductionInterval.upper) },
                           verdict: pooled.verdict.rawValue, verdictWords: words,
                           wardsWithEstimate: pooled.reductions.wardsWithEstimate, reaching: reaching,
                           note: pooled.measure.lowercased().contains("sexual")
                               ? "A rise in sexual-safety incidents can reflect better reporting rather than more harm." : nil)
        }
        self.init(benchmarkPercent: evaluation.benchmark, comparison: comparison, measures: measures,
                  notes: ["Pooled figures are the ratio of total incidents to total occupied bed days, comparison against baseline, with a 95% interval widened for differences between wards.",
                          VerdictWords.intervalMeaning,
                          "Wards reaching 15%, 25% and 100% are counted on their own estimates, as collaboratives report them."])
    }
}
