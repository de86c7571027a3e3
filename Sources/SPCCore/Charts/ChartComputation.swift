/// Computes a chart's lines for a whole series: the one entry point from outside.
///
/// Per phase of the layout, the chart's centre and limits come from that phase's
/// baseline points and extend across the whole phase; every point gets its value
/// (excluded points too — they are drawn and tested against the limits). The chart
/// functions work on numerators, or numerator ÷ denominator; the multiplier is applied
/// afterwards, to values and lines alike (DESIGN.md §4, §4.1).
public enum ChartComputation {
    /// The lines of `series` as `options.kind` draws them, under `layout`.
    ///
    /// Preconditions: u, up, p, pp and `plotRate` need `series.denominators` (callers
    /// check `ChartKind.needsDenominator` first); `layout` was made for `series`.
    public static func lines(for series: Series, layout: PhaseLayout, options: ChartOptions) -> ChartLines {
        precondition(layout.phaseOfPoint.count == series.count, "the layout belongs to another series")
        var lines: ChartLines
        if layout.isSinglePhase {
            // One phase (the usual case): the series' lines are the phase's, scaled.
            lines = ChartLines(phase: phaseLines(series: series, range: 0..<series.count, layout: layout, options: options),
                               multiplier: options.multiplier)
        } else {
            lines = ChartLines(count: series.count)
            for range in layout.phases {
                let phase = phaseLines(series: series, range: range, layout: layout, options: options)
                place(phase, at: range, into: &lines, multiplier: options.multiplier)
            }
        }
        if options.probabilityLimits { lines.runChances = runChances(lines, series: series, options: options) }
        return lines
    }

    /// c and u charts with probability limits: each point's chance of lying above or below
    /// its centre, from its expected count (c̄, or ū × bed days); `nil` for other kinds.
    static func runChances(_ lines: ChartLines, series: Series, options: ChartOptions) -> RunChances? {
        let multiplier = options.multiplier != 0 ? options.multiplier : 1
        switch options.kind {
        case .c:
            return .poisson(expectedCounts: lines.centre.indices.map { index in
                lines.values[index] == nil ? nil : lines.centre[index].map { $0 / multiplier }
            }, counts: series.numerators)
        case .u:
            let exposures = requireDenominators(series, options)
            return .poisson(expectedCounts: lines.centre.indices.map { index in
                guard lines.values[index] != nil, exposures[index] > 0 else { return nil }
                return lines.centre[index].map { $0 / multiplier * exposures[index] }
            }, counts: series.numerators)
        default:
            return nil
        }
    }

    /// What each point plots before the multiplier: the numerator, or numerator ÷
    /// denominator for u/up/p/pp and for run/i/mr with `plotRate`.
    public static func plottedValues(series: Series, options: ChartOptions) -> [Double?] {
        plottedValues(series: series, options: options, range: 0..<series.count)
    }

    static func plottedValues(series: Series, options: ChartOptions, range: Range<Int>) -> [Double?] {
        let numerators = Array(series.numerators[range])
        guard plotsRatio(options) else { return numerators.map { $0 } }
        return RatioValues.ratios(numerators: numerators, denominators: Array(requireDenominators(series, options)[range]))
    }

    static func plotsRatio(_ options: ChartOptions) -> Bool {
        switch options.kind {
        case .u, .up, .p, .pp: return true
        case .run, .i, .mr: return options.plotRate
        case .c, .g, .t: return false
        }
    }

    static func requireDenominators(_ series: Series, _ options: ChartOptions) -> [Double] {
        guard let denominators = series.denominators else {
            preconditionFailure("a \(options.kind.rawValue) chart\(options.plotRate ? " of rates" : "") needs denominators")
        }
        return denominators
    }

    /// One phase's lines, before the multiplier, from the chart function of its kind.
    static func phaseLines(series: Series, range: Range<Int>, layout: PhaseLayout, options: ChartOptions) -> PhaseLines {
        let baseline = Array(layout.baseline[range])
        let screened = options.screenMovingRanges
        let counts = Array(series.numerators[range])
        var values: [Double?] { plottedValues(series: series, options: options, range: range) }
        var denominators: [Double] { Array(requireDenominators(series, options)[range]) }
        switch options.kind {
        case .run:
            return RunChart.phase(values: values, baseline: baseline)
        case .i:
            return IndividualsChart.individuals(values: values, baseline: baseline, screened: screened,
                                                nhsEnglandConstant: options.nhsEnglandConstant)
        case .mr:
            return IndividualsChart.movingRanges(values: values, baseline: baseline, excluded: Array(layout.excluded[range]))
        case .c:
            if options.probabilityLimits { return PoissonLimits.c(values: values, baseline: baseline) }
            return CountChart.phase(values: values, baseline: baseline)
        case .u:
            if options.probabilityLimits { return PoissonLimits.u(counts: counts, exposures: denominators, baseline: baseline) }
            return RateChart.u(counts: counts, exposures: denominators, baseline: baseline)
        case .up:
            return RateChart.uPrime(counts: counts, exposures: denominators, baseline: baseline, screened: screened)
        case .p:
            return ProportionChart.p(counts: counts, patients: denominators, baseline: baseline)
        case .pp:
            return ProportionChart.pPrime(counts: counts, patients: denominators, baseline: baseline, screened: screened)
        case .g:
            return RareEventChart.g(values: values, baseline: baseline)
        case .t:
            return RareEventChart.t(values: values, baseline: baseline, screened: screened)
        }
    }

    /// Copies one phase into the series' lines, multiplied.
    static func place(_ phase: PhaseLines, at range: Range<Int>, into lines: inout ChartLines, multiplier: Double) {
        func scaled(_ value: Double?) -> Double? { value.map { $0 * multiplier } }
        let centre = scaled(phase.centre)
        if phase.screeningFellBack { lines.screeningFellBack = true }
        for (offset, index) in range.enumerated() {
            lines.values[index] = scaled(phase.values[offset])
            lines.centre[index] = centre
            lines.lower[index] = scaled(phase.lower[offset])
            lines.upper[index] = scaled(phase.upper[offset])
            lines.lower2[index] = scaled(phase.lower2[offset])
            lines.upper2[index] = scaled(phase.upper2[offset])
        }
    }
}
