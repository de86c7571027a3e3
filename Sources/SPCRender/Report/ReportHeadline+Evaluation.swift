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
            // Judged against the benchmark only where the catalogue says it applies.
            let words = VerdictWords.sentence(pooled.verdict, counts: pooled.totals, rateRatioInterval: totals?.interval,
                                              benchmark: pooled.benchmarkApplies ? evaluation.benchmark : nil,
                                              minimumIncidents: evaluation.minimumIncidents)
            return Measure(measure: name, wards: pooled.wards, reductionPercent: totals?.reductionPercent,
                           reductionCI95: totals.map { Interval(low: $0.reductionInterval.lower, high: $0.reductionInterval.upper) },
                           verdict: pooled.verdict.rawValue, verdictWords: words,
                           wardsWithEstimate: pooled.reductions.wardsWithEstimate, reaching: reaching,
                           note: evaluation.catalogue.definition(of: pooled.measure).caveat,
                           benchmarkApplies: pooled.benchmarkApplies,
                           label: evaluation.catalogue.definition(of: pooled.measure).label + (pooled.group.map { " · \($0)" } ?? ""))
        }
        var notes: [String] = []
        let without = measures.filter { !$0.benchmarkApplies }.map { $0.label ?? DisplayName.measure($0.measure) }
        if !without.isEmpty {
            notes.append("The \(ValueText.reading(evaluation.benchmark))% benchmark is for restrictive practice; \(without.joined(separator: ", ")) \(without.count == 1 ? "is" : "are") judged on the interval alone.")
        }
        self.init(benchmarkPercent: evaluation.benchmark, comparison: comparison, measures: measures,
                  notes: notes + ["Pooled figures are the ratio of total incidents to total occupied bed days, comparison against baseline, with a 95% interval widened for differences between wards.",
                          VerdictWords.intervalMeaning,
                          "Wards reaching 15%, 25% and 100% are counted on their own estimates, as collaboratives report them."])
    }
}
