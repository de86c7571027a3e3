/// Automatic re-basing as the user asked for it (`--auto-rebase`).
public struct AutoRebaseSettings: Sendable, Equatable {
    /// Useful points on one side that make a sustained shift (runcharter's `runlength`).
    public var length: Int
    /// Points whose median is the first baseline (runcharter's `med_rows`).
    public var medianPoints: Int
    public var direction: RebaseDirection

    public init(length: Int, medianPoints: Int = 13, direction: RebaseDirection) {
        self.length = length
        self.medianPoints = medianPoints
        self.direction = direction
    }
}

/// Everything that decides how one series is analysed.
public struct AnalysisConfiguration: Sendable, Equatable {
    public var chart: ChartOptions
    public var rules: RuleParameters
    public var plan: PhasePlan
    /// A target for the assurance icon (`mdc`/`ptd` only), in the chart's units.
    public var target: Double?
    public var autoRebase: AutoRebaseSettings?

    public init(chart: ChartOptions, rules: RuleParameters, plan: PhasePlan = PhasePlan(),
                target: Double? = nil, autoRebase: AutoRebaseSettings? = nil) {
        self.chart = chart
        self.rules = rules
        self.plan = plan
        self.target = target
        self.autoRebase = autoRebase
    }

    /// The defaults of DESIGN.md §4.0 for a chart and rule set: screening per rule set,
    /// NHS England's constant on i charts under `mdc`/`ptd`.
    public static func standard(chart: ChartKind, rules: RuleSetKind, improvement: Improvement = .decrease,
                                multiplier: Double? = nil, screenMovingRanges: Bool? = nil,
                                plotRate: Bool = false) -> AnalysisConfiguration {
        AnalysisConfiguration(
            chart: ChartOptions(kind: chart, multiplier: multiplier,
                                screenMovingRanges: screenMovingRanges ?? rules.screensMovingRanges,
                                nhsEnglandConstant: rules.usesNHSEnglandConstant, plotRate: plotRate),
            rules: RuleParameters(kind: rules, improvement: improvement))
    }
}

/// One series analysed: its lines, signals, runs statistics, sustained shifts and icons.
public struct SeriesAnalysis: Sendable {
    public var layout: PhaseLayout
    public var lines: ChartLines
    public var outcome: RuleOutcome
    /// Sustained shifts found by automatic re-basing (empty without `--auto-rebase`).
    public var sustainedShifts: [SustainedShift]
    /// The first median of automatic re-basing.
    public var rebaseBaselineMedian: Double?
    public var variation: VariationIcon?
    public var assurance: AssuranceIcon?
    /// Plain-language cautions (short series, unsuitable chart …).
    public var warnings: [String]

    /// Signal names per point.
    public var pointSignals: [[SignalKind]] { outcome.pointSignals(count: lines.count) }
}

/// The single-series analysis: the function the CLI, the library façade and the batch
/// engine's tests all go through.
public enum SPCAnalysis {
    public static func analyse(_ series: Series, configuration: AnalysisConfiguration) -> SeriesAnalysis {
        let layout = configuration.plan.layout(for: series)
        let lines = ChartComputation.lines(for: series, layout: layout, options: configuration.chart)
        return finish(series, layout: layout, lines: lines, configuration: configuration)
    }

    /// The centre lines only: the layout, the lines and automatic re-basing's sustained
    /// shifts, without the rule set, warnings or icons. The same layout, centre, values and
    /// shifts as `analyse` (the rules never change them), at a fraction of the cost — for
    /// callers that read centre lines alone (evaluate's change in centre line).
    public static func centreLines(_ series: Series, configuration: AnalysisConfiguration)
        -> (layout: PhaseLayout, lines: ChartLines, sustainedShifts: [SustainedShift]) {
        let layout = configuration.plan.layout(for: series)
        let lines = ChartComputation.lines(for: series, layout: layout, options: configuration.chart)
        guard let rebase = configuration.autoRebase else { return (layout, lines, []) }
        let found = sustainedShifts(lines, layout: layout, rebase: rebase)
        return (layout, lines, found.shifts)
    }

    /// Automatic re-basing's sustained shifts alone — the same as `analyse` finds — for
    /// charts whose points plot the series' own values (c, u, u′, p, p′, i, run): computed
    /// from those values without the centre lines and limits. `nil` for mr, g and t (whose
    /// points are moving ranges, intervals or transformed) and without `autoRebase`.
    public static func sustainedShiftsAlone(_ series: Series, configuration: AnalysisConfiguration) -> [SustainedShift]? {
        guard let rebase = configuration.autoRebase else { return nil }
        let options = configuration.chart
        switch options.kind {
        case .c, .u, .up, .p, .pp, .i, .run: break
        case .mr, .g, .t: return nil
        }
        let layout = configuration.plan.layout(for: series)
        var values = ChartComputation.plottedValues(series: series, options: options)
        if options.multiplier != 1 {
            for index in values.indices { values[index] = values[index].map { $0 * options.multiplier } }
        }
        return AutoRebase.sustainedShifts(values: values, excluded: layout.excluded, length: rebase.length,
                                          medianPoints: rebase.medianPoints, direction: rebase.direction).shifts
    }

    static func sustainedShifts(_ lines: ChartLines, layout: PhaseLayout, rebase: AutoRebaseSettings)
        -> (baselineMedian: Double?, shifts: [SustainedShift]) {
        AutoRebase.sustainedShifts(values: lines.values, excluded: layout.excluded, length: rebase.length,
                                   medianPoints: rebase.medianPoints, direction: rebase.direction)
    }

    /// Everything after the lines: short-phase handling, the rule set, warnings, automatic
    /// re-basing and icons. The batch engine computes lines its own way and finishes here,
    /// so both paths share every rule.
    static func finish(_ series: Series, layout: PhaseLayout, lines computed: ChartLines,
                       configuration: AnalysisConfiguration) -> SeriesAnalysis {
        var lines = computed
        var warnings: [String] = []
        let rules = configuration.rules
        if rules.kind == .mdc {
            // One definition of a short phase (usable points: not excluded, with a value),
            // for the limits shown, the signals and this warning alike.
            let short = MakingDataCount.shortPhases(lines, layout: layout).count(where: { $0 })
            if short > 0 {
                lines = MakingDataCount.withoutLimitsForShortPhases(lines, layout: layout)
                let whole = short == layout.phases.count
                let subject = whole ? (layout.phases.count == 1 ? "the series has" : "every phase has")
                    : "\(short) phase\(short == 1 ? " has" : "s have")"
                warnings.append("\(subject) fewer than \(MakingDataCount.minimumPhasePoints) usable points (excluded points and points without a value do not count): no limits, signals or icons there (the mean is kept), as NHS England does")
            }
        }
        if lines.screeningFellBack {
            warnings.append("screening the moving ranges would have left an average moving range of 0 (nearly every value the same), so every other point would be outside the limits: the limits use all moving ranges instead")
        }
        let outcome: RuleOutcome
        switch rules.kind {
        case .anhoej: outcome = Anhoej.evaluate(lines, layout: layout, chart: configuration.chart.kind)
        case .ihi: outcome = IHI.evaluate(lines, layout: layout, parameters: rules)
        case .mdc, .ptd: outcome = MakingDataCount.evaluate(lines, layout: layout, parameters: rules)
        }
        if rules.kind.hasIcons {
            for (phase, isFrozen) in layout.isFrozen.enumerated() where isFrozen {
                let points = layout.baselineIndices(of: phase).count
                if points < MakingDataCount.minimumPhasePoints {
                    warnings.append("phase \(phase + 1)'s limits come from \(points) baseline point\(points == 1 ? "" : "s"); Making Data Count advises at least \(MakingDataCount.minimumPhasePoints) (limits from fewer are unreliable)")
                }
            }
        }
        if rules.kind == .anhoej || rules.kind == .ihi {
            for (phase, runs) in outcome.runs.enumerated() {
                guard let runs, runs.useful < 10 else { continue }
                warnings.append("phase \(phase + 1) has \(runs.useful) useful point\(runs.useful == 1 ? "" : "s") (fewer than 10): the runs test has little power")
            }
        }
        if configuration.chart.kind == .c, let denominators = series.denominators, !denominators.isEmpty {
            let mean = denominators.reduce(0, +) / Double(denominators.count)
            if mean > 0, let low = denominators.min(), let high = denominators.max(),
               low < 0.75 * mean || high > 1.25 * mean {
                warnings.append("the denominator (bed days) varies by more than ±25% around its mean; a u chart allows for that, a c chart does not")
            }
        }
        var analysis = SeriesAnalysis(layout: layout, lines: lines, outcome: outcome, sustainedShifts: [],
                                      rebaseBaselineMedian: nil, variation: nil, assurance: nil, warnings: warnings)
        if let rebase = configuration.autoRebase {
            let found = sustainedShifts(lines, layout: layout, rebase: rebase)
            analysis.sustainedShifts = found.shifts
            analysis.rebaseBaselineMedian = found.baselineMedian
        }
        if rules.kind.hasIcons {
            analysis.variation = VariationIcon.latest(outcome, lines: lines, layout: layout, parameters: rules)
            analysis.assurance = AssuranceIcon.against(target: configuration.target, lines: lines, layout: layout,
                                                       parameters: rules)
        }
        return analysis
    }
}
