import SPCCore
import WardData

/// Pooled figures per trust × measure and per programme measure (DESIGN.md §4.4,
/// "Pooled"): the ratio of totals with its verdict, the wards' verdicts, random effects
/// and the spread of the wards' own estimates.
extension Evaluator {
    static func pool(_ wards: [WardEvaluation], byTrust: Bool, settings: EvaluationSettings) -> [PooledEvaluation] {
        let benchmark = settings.benchmark
        struct Key: Hashable { var trust: String?, measure: String, group: String? }
        var order: [Key] = []
        var members: [Key: [WardEvaluation]] = [:]
        for ward in wards {
            let key = Key(trust: byTrust ? ward.trust : nil, measure: ward.measure, group: ward.group)
            if members[key] == nil { order.append(key) }
            members[key, default: []].append(ward)
        }
        let extra = [15.0, 25.0, 100.0].contains(benchmark) ? [] : [benchmark]
        return order.map { key in
            let group = members[key]!
            let counts = group.compactMap(\.counts)
            let totals = Pooling.ratioOfTotals(counts)
            var verdicts: [Verdict: Int] = [:]
            for ward in group { verdicts[ward.verdict, default: 0] += 1 }
            return PooledEvaluation(trust: key.trust, measure: key.measure, group: key.group, wards: group.count,
                                    totals: Pooling.totals(counts), ratioOfTotals: totals,
                                    verdict: Verdict(pooled: totals, benchmark: benchmark,
                                                     minimumIncidents: settings.minimumIncidents),
                                    wardsByVerdict: verdicts,
                                    randomEffects: Pooling.randomEffects(counts),
                                    reductions: Pooling.reductions(counts, benchmarks: extra))
        }
    }
}
