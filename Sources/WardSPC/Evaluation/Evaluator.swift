import SPCCore
import WardData

/// The library façade for `wardspc evaluate`: change against baseline per ward, pooled
/// per trust and programme-wide, against the benchmark (DESIGN.md §4.4).
public enum Evaluator {
    public static func evaluate(_ dataset: WardDataset, settings: EvaluationSettings) throws(AnalysisError) -> EvaluationResult {
        let context = Context(dataset)
        let analysis = try analysisSettings(context, settings: settings)
        let data = try analysis.selectingSubtypes(of: dataset)
        var wards: [WardEvaluation] = []
        var regressions = SegmentedRegressionQueue()
        for (group, groupData) in try groups(of: data, by: settings.groupBy) {
            let built = SeriesBuilder.build(groupData, include: analysis.includes)
            if let problem = built.issues.first { throw AnalysisError(problem.description) }
            for series in built.series {
                let (ward, regression) = evaluateWard(series, context: context, group: group, analysis: analysis,
                                                      settings: settings)
                regressions.append(regression, ward: wards.count)
                wards.append(ward)
            }
        }
        try FilterCheck.check(analysis, in: dataset, matched: wards.count)
        return finish(consume wards, regressions: regressions, context: context, chart: analysis.chart, settings: settings)
    }

    /// What evaluating a ward needs to know of its file.
    struct Context: Sendable {
        var file: String
        var periodKind: PeriodKind
        var hasDenominator: Bool
        var valueKind: ValueKind

        init(_ dataset: WardDataset) {
            self.init(file: dataset.file, periodKind: dataset.periodKind, hasDenominator: dataset.hasDenominator,
                      valueKind: dataset.valueKind)
        }

        init(file: String, periodKind: PeriodKind, hasDenominator: Bool, valueKind: ValueKind) {
            self.file = file
            self.periodKind = periodKind
            self.hasDenominator = hasDenominator
            self.valueKind = valueKind
        }
    }

    /// The SPC settings of the evaluation's centre-line view, or the error that says why
    /// the data cannot be evaluated.
    static func analysisSettings(_ context: Context, settings: EvaluationSettings) throws(AnalysisError) -> AnalysisSettings {
        guard context.valueKind == .count else {
            throw AnalysisError("evaluate compares incident counts, and \(context.file) has a `value` column (a non-count measure)")
        }
        var analysis = settings.analysis
        if !settings.chartGiven { analysis.chart = DatasetFacts.countChart(hasDenominator: context.hasDenominator) }
        guard analysis.chart.drawsCountsPerPeriod else {
            throw AnalysisError("evaluate's SPC view needs a chart of counts or rates per period (u, up, c, i or run), not \(analysis.chart.rawValue)")
        }
        if analysis.chart.needsDenominator && !context.hasDenominator {
            throw AnalysisError("a \(analysis.chart.rawValue) chart needs occupied bed days, and \(context.file) has no denominator column")
        }
        return analysis
    }

    /// The evaluation from every ward's figures (in file order): segmented regressions
    /// solved in batches, pooling per trust and programme, warnings.
    static func finish(_ evaluated: consuming [WardEvaluation], regressions: SegmentedRegressionQueue, context: Context,
                       chart: ChartKind, settings: EvaluationSettings) -> EvaluationResult {
        var wards = evaluated  // taken over, not copied, when the caller hands its array in with `consume`
        regressions.solve(into: &wards)
        var warnings: [String] = []
        if wards.isEmpty { warnings.append("\(context.file) holds no series to evaluate") }
        let unevaluated = wards.filter { $0.baseline == nil || $0.comparison == nil }.count
        if unevaluated > 0 {
            warnings.append("\(unevaluated) series could not be evaluated (fewer than \(settings.windows.minimumPeriods) observed periods or an empty window); their figures are null")
        }
        return EvaluationResult(
            wards: wards,
            trusts: pool(wards, byTrust: settings.groupBy != .measure, benchmark: settings.benchmark),
            programme: pool(wards, byTrust: false, benchmark: settings.benchmark),
            benchmark: settings.benchmark, period: context.periodKind.name,
            exposureIsBedDays: context.hasDenominator, chart: chart, warnings: warnings)
    }

    /// The dataset once (group `nil`), or once per value of the subtype/context column.
    private static func groups(of dataset: WardDataset, by grouping: PoolingGroup) throws(AnalysisError) -> [(String?, WardDataset)] {
        if grouping == .ethnicGroup { return try EquityAnalysis.ethnicGroups(of: dataset) }
        guard grouping == .subtype || grouping == .context else { return [(nil, dataset)] }
        let name = grouping.rawValue
        guard let column = dataset.dimensionNames.firstIndex(where: { Header.fold($0) == name }) else {
            throw AnalysisError("--group-by \(name) needs a `\(name)` column, and \(dataset.file) has none")
        }
        var seen: [Int32] = []
        var known: Set<Int32> = []
        for id in dataset.records.dimensions[column] where known.insert(id).inserted { seen.append(id) }
        if let events = dataset.events {
            for id in events.dimensions[column] where known.insert(id).inserted { seen.append(id) }
        }
        let values = seen.map { dataset.strings[$0] }
        var result: [(String?, WardDataset)] = values.filter { !$0.isEmpty }.sorted().map { value in
            (value, dataset.keeping(dimension: name, values: [value]))
        }
        // Rows without a value (a measure that has no subtype or context) are evaluated
        // and pooled as they are, not dropped.
        if values.contains("") { result.insert((nil, dataset.keeping(dimension: name, values: [""])), at: 0) }
        return result
    }

    // MARK: One ward

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
            evaluation.verdict = Verdict(rateRatio: evaluation.rateRatio, benchmark: settings.benchmark)
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

    // MARK: Pooling

    static func pool(_ wards: [WardEvaluation], byTrust: Bool, benchmark: Double) -> [PooledEvaluation] {
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
            return PooledEvaluation(trust: key.trust, measure: key.measure, group: key.group, wards: group.count,
                                    ratioOfTotals: Pooling.ratioOfTotals(counts),
                                    randomEffects: Pooling.randomEffects(counts),
                                    reductions: Pooling.reductions(counts, benchmarks: extra))
        }
    }
}

/// Segmented regressions waiting to be solved: wards sharing observed periods and
/// intervention go to LAPACK together (`SegmentedRegression.fitBatch`).
struct SegmentedRegressionQueue {
    /// One ward's model: a linear model's input (solved later, in a batch) or a Poisson fit.
    enum Entry: Sendable {
        case linear(SegmentedRegression.Input)
        case poisson(PoissonSegmentedRegression?)
    }

    private var linear: [(ward: Int, input: SegmentedRegression.Input)] = []
    private var poisson: [(ward: Int, fit: PoissonSegmentedRegression?)] = []

    /// Queues ward number `ward`'s model (nothing when it has none).
    mutating func append(_ entry: Entry?, ward: Int) {
        switch entry {
        case .linear(let input)?: linear.append((ward, input))
        case .poisson(let fit)?: poisson.append((ward, fit))
        case nil: break
        }
    }

    /// The model of one ward's baseline and comparison windows; `nil` when a window is empty.
    static func entry(_ series: WardSeries, baseline: [Int], comparison: [Int], kind: PeriodKind, bedDays: Bool,
                      model: SegmentedModel) -> Entry? {
        guard let first = baseline.first, let firstComparison = comparison.first else { return nil }
        let indices = sortedUnion(baseline, comparison)
        let origin = series.periods[first]
        let periods = indices.map { kind.distance(from: origin, to: series.periods[$0]) }
        let t0 = kind.distance(from: origin, to: series.periods[firstComparison])
        switch model {
        case .linear:
            let values = indices.map { index -> Double in
                bedDays ? series.values[index] / (series.denominators[index] ?? .nan) * 1000 : series.values[index]
            }
            return .linear(SegmentedRegression.Input(periods: periods, values: values, firstComparisonPeriod: t0))
        case .poisson:
            let exposures = indices.map { bedDays ? (series.denominators[$0] ?? 0) : 1 }
            return .poisson(PoissonSegmentedRegression.fit(periods: periods, counts: indices.map { Int(series.values[$0]) },
                                                           exposures: exposures, firstComparisonPeriod: t0))
        }
    }

    /// The indices of both windows, ascending, each once (a merge when both are ascending,
    /// as the windows are; a sort otherwise).
    static func sortedUnion(_ a: [Int], _ b: [Int]) -> [Int] {
        func ascending(_ x: [Int]) -> Bool { zip(x, x.dropFirst()).allSatisfy { $0 < $1 } }
        guard ascending(a), ascending(b) else { return Array(Set(a + b)).sorted() }
        var result: [Int] = []
        result.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i] < b[j]) {
                result.append(a[i]); i += 1
            } else if i == a.count || b[j] < a[i] {
                result.append(b[j]); j += 1
            } else {
                result.append(a[i]); i += 1; j += 1
            }
        }
        return result
    }

    /// Solves the queued linear models in batches and writes every result into its ward.
    func solve(into wards: inout [WardEvaluation]) {
        let fits = SegmentedRegression.fitBatch(linear.map(\.input))
        for (entry, fit) in zip(linear, fits) {
            guard let fit else { continue }
            wards[entry.ward].its = InterruptedTimeSeries(
                model: .linear, levelChange: fit.levelChange, levelChangeStandardError: fit.levelChangeStandardError,
                slopeChange: fit.slopeChange, slopeChangeStandardError: fit.slopeChangeStandardError,
                durbinWatson: fit.durbinWatson, points: fit.points)
        }
        for entry in poisson {
            guard let fit = entry.fit else { continue }
            wards[entry.ward].its = InterruptedTimeSeries(
                model: .poisson, levelChange: fit.levelChange, levelChangeStandardError: fit.levelChangeStandardError,
                slopeChange: fit.slopeChange, slopeChangeStandardError: fit.slopeChangeStandardError,
                durbinWatson: nil, points: fit.points)
        }
    }
}
