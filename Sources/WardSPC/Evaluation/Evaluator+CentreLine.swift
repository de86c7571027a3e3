import SPCCore
import WardData

/// The SPC centre-line change of one ward (`centre_change_percent`, DESIGN.md §4.4): the
/// baseline window's centre against the last phase's or the latest sustained shift's.
extension Evaluator {
    /// 100·(CL_latest − CL_baseline)/CL_baseline with the chart in use: CL_baseline from the
    /// baseline window; CL_latest from the last phase when phases exist, else from the
    /// latest sustained shift; `nil` when neither exists or CL_baseline is 0.
    static func centreChange(_ series: WardSeries, windows baseline: [Int], dataset: Context,
                             analysis: AnalysisSettings, wardEvents: [WardEvent],
                             settings: EvaluationSettings) -> Double? {
        guard let lastBaseline = baseline.last else { return nil }
        let needsDenominator = analysis.chart.needsDenominator || analysis.plotRate
        var periods: [Int32] = [], numerators: [Double] = [], denominators: [Double] = []
        for index in series.periods.indices {
            if needsDenominator {
                guard let denominator = series.denominators[index], denominator > 0 else { continue }
                denominators.append(denominator)
            }
            periods.append(series.periods[index].dayNumber)
            numerators.append(series.values[index])
        }
        let spcSeries = Series(periods: periods, numerators: numerators, denominators: needsDenominator ? denominators : nil)
        var configuration = analysis.configuration
        let phaseStarts = (analysis.phaseStarts + wardEvents.filter { $0.kind == .phase }.map(\.date)).map(\.dayNumber)
        if phaseStarts.isEmpty {
            configuration.plan = PhasePlan(baselineUntil: series.periods[lastBaseline].dayNumber)
            configuration.autoRebase = AutoRebaseSettings(length: settings.autoRebaseLength,
                                                          medianPoints: analysis.medianPoints,
                                                          direction: analysis.effectiveRebaseDirection)
        } else {
            configuration.plan = PhasePlan(phaseStarts: phaseStarts)
        }
        // Without phases the latest centre is a sustained shift's: no shift, no change to
        // report, and the lines need not be drawn (most wards).
        if phaseStarts.isEmpty, let shifts = SPCAnalysis.sustainedShiftsAlone(spcSeries, configuration: configuration),
           shifts.isEmpty {
            return nil
        }
        let result = SPCAnalysis.centreLines(spcSeries, configuration: configuration)
        let baselineCentre: Double?
        if phaseStarts.isEmpty {
            // The baseline window is frozen as the first phase's baseline.
            baselineCentre = periods.firstIndex { $0 >= series.periods[baseline[0]].dayNumber }
                .flatMap { result.lines.centre[$0] }
        } else {
            // The phases split the chart at the interventions, but CL_baseline is the
            // baseline window's own centre, which is not the first phase's when
            // --baseline-until, --baseline-weeks, the default 26 periods or --phase put the
            // window elsewhere: the chart of the window's points alone gives it.
            let windowDays = Set(baseline.map { series.periods[$0].dayNumber })
            let inWindow = periods.indices.filter { windowDays.contains(periods[$0]) }
            let windowSeries = Series(periods: inWindow.map { periods[$0] }, numerators: inWindow.map { numerators[$0] },
                                      denominators: needsDenominator ? inWindow.map { denominators[$0] } : nil)
            var windowConfiguration = analysis.configuration
            windowConfiguration.plan = PhasePlan()
            baselineCentre = inWindow.isEmpty ? nil
                : SPCAnalysis.centreLines(windowSeries, configuration: windowConfiguration).lines.centre.first ?? nil
        }
        guard let baselineCentre, baselineCentre != 0 else { return nil }
        let latest: Double?
        if result.layout.phases.count > 1, let start = result.layout.phases.last?.lowerBound {
            latest = result.lines.centre[start]
        } else if let shift = result.sustainedShifts.last {
            latest = shiftCentre(spcSeries, from: shift.start, through: shift.end, chart: configuration.chart)
                ?? shift.median
        } else {
            latest = nil
        }
        guard let latest else { return nil }
        return 100 * (latest - baselineCentre) / baselineCentre
    }

    /// The chart's own centre line over a sustained shift's span: Σcount/Σbed days (× the
    /// multiplier) for u charts, the mean for c and i charts, the median for run charts —
    /// so it is comparable with the baseline's centre (a run of weekly rates' median is
    /// not: for rare incidents it is 0 even when the rate rose).
    static func shiftCentre(_ series: Series, from start: Int, through end: Int, chart: ChartOptions) -> Double? {
        guard start <= end, end < series.count else { return nil }
        let range = start...end
        let numerators = range.map { series.numerators[$0] }
        switch chart.kind {
        case .u, .up:
            guard let denominators = series.denominators else { return nil }
            let exposure = range.reduce(0.0) { $0 + denominators[$1] }
            return exposure > 0 ? chart.multiplier * numerators.reduce(0, +) / exposure : nil
        case .c, .i:
            if chart.plotRate, let denominators = series.denominators {
                return chart.multiplier * numerators.reduce(0, +) / range.reduce(0.0) { $0 + denominators[$1] }
            }
            return numerators.reduce(0, +) / Double(numerators.count)
        default:
            return nil
        }
    }
}
