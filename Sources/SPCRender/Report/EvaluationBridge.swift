import SPCCore
import WardSPC

extension ReportHeadline {
    /// The programme headline from an evaluation: per measure, the pooled ratio-of-totals
    /// reduction with its interval, a verdict on that interval against the benchmark (the
    /// same rules as a ward's), and the wards reaching 15%, 25% and 100%.
    public init(evaluation: EvaluationResult, comparison: String) {
        let measures = evaluation.programme.map { pooled -> Measure in
            let totals = pooled.ratioOfTotals
            let reaching = [Reaching(percent: 15, wards: pooled.reductions.reaching15Percent),
                            Reaching(percent: 25, wards: pooled.reductions.reaching25Percent),
                            Reaching(percent: 100, wards: pooled.reductions.reaching100Percent)]
            let name = pooled.measure + (pooled.group.map { " · \($0)" } ?? "")
            return Measure(measure: name, wards: pooled.wards, reductionPercent: totals?.reductionPercent,
                           reductionCI95: totals.map { Interval(low: $0.reductionInterval.lower, high: $0.reductionInterval.upper) },
                           verdict: Self.verdict(totals, benchmark: evaluation.benchmark).rawValue,
                           wardsWithReduction: pooled.reductions.wardsWithReduction, reaching: reaching,
                           note: pooled.measure.lowercased().contains("sexual")
                               ? "A rise in sexual-safety incidents can reflect better reporting rather than more harm." : nil)
        }
        self.init(benchmarkPercent: evaluation.benchmark, comparison: comparison, measures: measures,
                  notes: ["Pooled figures are the ratio of total incidents to total occupied bed days, comparison against baseline, with a 95% interval widened for differences between wards."])
    }

    /// A ward's verdict rules (DESIGN.md §4.4) applied to a pooled ratio.
    static func verdict(_ totals: PooledRatio?, benchmark: Double) -> Verdict {
        guard let totals, totals.totals.baselineCount > 0 else { return .insufficientData }
        if totals.interval.lower > 1 { return .significantIncrease }
        if totals.reductionInterval.lower > benchmark { return .exceeds }
        if totals.reductionPercent >= benchmark { return .meets }
        if totals.reductionPercent > 0 { return .below }
        return .noReduction
    }
}

extension FunnelPlotData {
    /// A funnel plot of one measure's wards from `FunnelData` (rates per 1,000 bed days or per period).
    public init(_ funnel: FunnelData, improvement: Improvement = .decrease) {
        let units = funnel.wards.map { ward -> Unit in
            let flag: Flag
            switch (ward.position998, ward.position95) {
            case (.above, _): flag = .above998
            case (.below, _): flag = .below998
            case (_, .above): flag = .above95
            case (_, .below): flag = .below95
            default: flag = .within
            }
            return Unit(label: "\(ward.trust) \(ward.ward)", exposure: ward.exposure, rate: ward.rate, flag: flag)
        }
        var subtitle = "Exact Poisson 95% and 99.8% limits around the pooled rate"
        if let dispersion = funnel.overdispersion, dispersion.isApplied {
            subtitle += ", widened for over-dispersion (φ = \(ValueText.reading(dispersion.phi)))"
        }
        self.init(title: "\(DisplayName.measure(funnel.measure)): wards against exposure",
                  rateUnits: funnel.exposureIsBedDays ? "per 1,000 occupied bed days" : "per period",
                  exposureUnits: funnel.exposureIsBedDays ? "occupied bed days" : "periods",
                  target: funnel.target, units: units, limits: funnel.curves, improvement: improvement, subtitle: subtitle)
    }
}
