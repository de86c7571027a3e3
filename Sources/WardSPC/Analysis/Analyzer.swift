import Threads
import SPCCore
import WardData

/// The library façade for `wardspc analyze`: every trust × ward × measure of a dataset
/// through the single-series SPC analysis, with filters, per-ward events and warnings.
public enum Analyzer {
    public struct Result: Sendable {
        public var series: [SeriesReport]
        /// Problems of the request as a whole (e.g. a filter that matched nothing).
        public var warnings: [String]
    }

    /// Analyses every series of `dataset` that passes the filters.
    /// Throws `AnalysisError` when the data cannot support the chart asked for.
    public static func analyse(_ dataset: WardDataset, settings: AnalysisSettings) throws(AnalysisError) -> Result {
        var checked = settings
        if settings.autoChart {
            // auto gives each series a chart its data can take: only the rest is checked here.
            checked.chart = .run
            checked.plotRate = false
        }
        try checkRequest(dataset, settings: checked)
        let data = try settings.selectingSubtypes(of: dataset)
        let include = settings.includes
        var reports: [SeriesReport] = []
        if settings.autoChart {
            reports = try analyseAuto(data, settings: settings)
        } else if settings.chart.needsIncidentDates {
            for intervals in IncidentIntervals.build(data, include: include) ?? [] {
                if settings.deadline.hasPassed { break }
                reports.append(try analyseIntervals(intervals, settings: settings))
            }
        } else {
            let built = SeriesBuilder.build(data, include: include)
            if let problem = built.issues.first { throw AnalysisError(problem.description) }
            reports = try analysePeriodic(built.series, dataset: data, settings: settings)
        }
        // Past the deadline the reports are incomplete and dropped: nothing more to check.
        if settings.deadline.hasPassed { return Result(series: [], warnings: []) }
        try FilterCheck.check(settings, in: dataset, matched: reports.count)
        var warnings: [String] = []
        if reports.isEmpty { warnings.append("\(dataset.file) holds no series to chart") }
        warnings += settings.events?.unmatchedRows(in: dataset) ?? []
        return Result(series: reports, warnings: warnings)
    }

    static func checkRequest(_ dataset: WardDataset, settings: AnalysisSettings) throws(AnalysisError) {
        try checkRequest(file: dataset.file, hasIncidentDates: dataset.events != nil,
                         hasDenominator: dataset.hasDenominator, valueKind: dataset.valueKind, settings: settings)
    }

    /// Refuses a chart the data cannot support, saying what it needs.
    static func checkRequest(file: String, hasIncidentDates: Bool, hasDenominator: Bool, valueKind: ValueKind,
                             settings: AnalysisSettings) throws(AnalysisError) {
        let chart = settings.chart
        if chart.needsIncidentDates && !hasIncidentDates {
            throw AnalysisError("a \(chart.rawValue) chart plots the days between incidents, so it needs incident dates: give an event-level file (trust, ward, measure, date — one row per incident) or an MHSDS extract, not periodic counts")
        }
        if (chart.needsDenominator || settings.plotRate) && !hasDenominator {
            let what = chart == .p || chart == .pp ? "the number of patients" : "occupied bed days"
            throw AnalysisError("a \(chart.rawValue) chart\(settings.plotRate ? " of rates" : "") needs a denominator (\(what)), and \(file) has no denominator column (denominator, bed_days, occupied_bed_days or obd)")
        }
        if valueKind == .value && chart.needsCounts {
            throw AnalysisError("a \(chart.rawValue) chart needs counts, and \(file) has a `value` column (a non-count measure): use --chart i, mr or run")
        }
        if let baselinePoints = settings.baselinePoints, baselinePoints < 1 {
            throw AnalysisError("--baseline-points must be at least 1")
        }
    }

    /// Periodic series (weekly or monthly counts, rates or values), in order: those under
    /// the request's own plan through the batch engine together, those whose ward has its
    /// own events (phases, exclusions) one by one; reports are built in parallel.
    static func analysePeriodic(_ series: [WardSeries], dataset: WardDataset,
                                settings: AnalysisSettings) throws(AnalysisError) -> [SeriesReport] {
        let context = SeriesContext(dataset)
        var prepared: [PreparedSeries] = []
        prepared.reserveCapacity(series.count)
        for one in series {
            if settings.deadline.hasPassed { return [] }  // no longer wanted (`Deadline`)
            prepared.append(try prepare(one, context: context, settings: settings))
        }
        let analyses = analyse(prepared, context: context, settings: settings, threads: nil)
        let ready = prepared
        return ParallelBlocks.map(count: prepared.count, blockSize: 256, until: settings.deadline) { range in
            range.map { report(ready[$0], analysis: analyses[$0], context: context) }
        } ?? []
    }

    /// What the preparation of a periodic series needs to know of its file.
    struct SeriesContext: Sendable {
        var file: String
        var periodKind: PeriodKind
        var valueKind: ValueKind

        init(_ dataset: WardDataset) {
            file = dataset.file
            periodKind = dataset.periodKind
            valueKind = dataset.valueKind
        }

        init(file: String, periodKind: PeriodKind, valueKind: ValueKind) {
            self.file = file
            self.periodKind = periodKind
            self.valueKind = valueKind
        }
    }

    /// The analyses of prepared series, in order: those under the request's own plan
    /// through the batch engine together (one batch per direction), those whose ward has
    /// its own events one by one.
    static func analyse(_ prepared: [PreparedSeries], context: SeriesContext, settings: AnalysisSettings,
                        threads: Int?) -> [SeriesAnalysis] {
        var analyses = [SeriesAnalysis?](repeating: nil, count: prepared.count)
        // One batch per direction the measures take (the catalogue's, or --improvement's).
        let directions = Improvement.allCases.filter { direction in
            prepared.contains { $0.configuration.rules.improvement == direction }
        }
        for direction in directions {
            var fixed = settings
            fixed.improvement = direction
            let shared = configuration(wardEvents: [], excludedPeriod: { context.periodKind.start(of: $0) }, settings: fixed)
            let batched = prepared.indices.filter { prepared[$0].configuration == shared }
            let batch = BatchAnalysis.analyse(batched.map { prepared[$0].spc }, configuration: shared, threads: threads)
            for (position, index) in batched.enumerated() { analyses[index] = batch[position] }
        }
        for index in prepared.indices where analyses[index] == nil {
            analyses[index] = SPCAnalysis.analyse(prepared[index].spc, configuration: prepared[index].configuration)
        }
        return analyses.map { $0! }
    }

    /// One periodic series made ready for the SPC core: the points it can plot, the
    /// configuration its ward's events give, and the warnings found on the way.
    struct PreparedSeries: Sendable {
        var source: WardSeries
        var spc: Series
        /// Index in `source` of each point of `spc`.
        var kept: [Int]
        var warnings: [String]
        var wardEvents: [WardEvent]
        var configuration: AnalysisConfiguration
        /// The measure as the catalogue knows it (label and unit for the report).
        var definition: MeasureDefinition
    }

    /// Drops periods a ratio chart cannot plot (no denominator) with a warning, and
    /// refuses a p chart's count above its denominator.
    static func prepare(_ series: WardSeries, context dataset: SeriesContext,
                        settings: AnalysisSettings) throws(AnalysisError) -> PreparedSeries {
        let settings = settings.forMeasure(series.measure)
        var warnings: [String] = []
        let needsDenominator = settings.chart.needsDenominator || settings.plotRate
        var periods: [Int32] = [], numerators: [Double] = [], denominators: [Double] = []
        periods.reserveCapacity(series.periods.count)
        numerators.reserveCapacity(series.periods.count)
        denominators.reserveCapacity(series.periods.count)
        var kept: [Int] = []
        kept.reserveCapacity(series.periods.count)
        var dropped: [CivilDate] = []
        for index in series.periods.indices {
            if needsDenominator {
                guard let denominator = series.denominators[index], denominator > 0 else {
                    dropped.append(series.periods[index]); continue
                }
                denominators.append(denominator)
            } else if let denominator = series.denominators[index] {
                denominators.append(denominator)
            }
            if settings.chart == .p || settings.chart == .pp, let denominator = series.denominators[index],
               series.values[index] > denominator {
                throw AnalysisError("\(dataset.file): \(series.trust) · \(series.ward) · \(series.measure) has \(CSVCell.number(series.values[index])) in \(series.periods[index].iso), above its denominator \(CSVCell.number(denominator)); a p chart's denominator is the number of patients")
            }
            periods.append(series.periods[index].dayNumber)
            numerators.append(series.values[index])
            kept.append(index)
        }
        if !settings.autoChart, let rare = ChartAdvisor.rareWarning(
            SeriesFacts(series, valueKind: dataset.valueKind, periodKind: dataset.periodKind, hasIncidentDates: false),
            chart: settings.chart) {
            warnings.append(rare)
        }
        if !dropped.isEmpty {
            warnings.append("\(dropped.count) \(dataset.periodKind.name)\(dropped.count == 1 ? "" : "s") without a denominator left out of the chart (\(dropped.prefix(3).map(\.ukText).joined(separator: ", "))\(dropped.count > 3 ? ", …" : ""))")
        }
        let hasAllDenominators = denominators.count == periods.count && !periods.isEmpty
        let spcSeries = Series(periods: periods, numerators: numerators,
                               denominators: hasAllDenominators ? denominators : nil)
        let wardEvents = settings.events?.events(trust: series.trust, ward: series.ward) ?? []
        let configuration = configuration(wardEvents: wardEvents,
                                          excludedPeriod: { dataset.periodKind.start(of: $0) }, settings: settings)
        return PreparedSeries(source: series, spc: spcSeries, kept: kept, warnings: warnings,
                              wardEvents: wardEvents, configuration: configuration,
                              definition: settings.catalogue.definition(of: series.measure))
    }

    /// The report of a prepared periodic series: counts and denominators filled in, and
    /// the warnings of preparation and of missing periods.
    static func report(_ prepared: PreparedSeries, analysis: SeriesAnalysis, context: SeriesContext) -> SeriesReport {
        let series = prepared.source
        let periodName = context.periodKind.name
        let valueKind = context.valueKind
        var report = SeriesReport(analysis: analysis, series: prepared.spc, trust: series.trust, ward: series.ward,
                                  measure: series.measure, periodName: periodName,
                                  configuration: prepared.configuration,
                                  phaseEvents: prepared.wardEvents.filter { $0.kind == .phase },
                                  annotations: prepared.wardEvents)
        for (position, index) in prepared.kept.enumerated() {
            report.points[position].count = valueKind == .count ? series.values[index] : nil
            report.points[position].denominator = series.denominators[index]
        }
        report.warnings = prepared.warnings + report.warnings
        report.warnings += missingPeriodsWarning(series, periodName: periodName)
        report.describe(prepared.definition)
        return report
    }

    /// The summary of a prepared periodic series, without its per-point report.
    static func summary(_ prepared: PreparedSeries, analysis: SeriesAnalysis, context: SeriesContext) -> SeriesSummary {
        let series = prepared.source
        return SeriesSummary(analysis: analysis, series: prepared.spc, trust: series.trust, ward: series.ward,
                             measure: series.measure, periodName: context.periodKind.name,
                             configuration: prepared.configuration, warnings: prepared.warnings,
                             trailingWarnings: missingPeriodsWarning(series, periodName: context.periodKind.name))
    }

    static func missingPeriodsWarning(_ series: WardSeries, periodName: String) -> [String] {
        guard !series.missingPeriods.isEmpty else { return [] }
        return ["\(series.missingPeriods.count) missing \(periodName)\(series.missingPeriods.count == 1 ? "" : "s") shown as gaps (never zeros)"]
    }

    /// g and t charts: one point per incident from the second on.
    ///
    /// The improvement direction (`--improvement` or the catalogue's) speaks of the incidents;
    /// these charts plot the days between them, which rise when incidents fall, so their
    /// signals and icons use the opposite direction — decided here, once, for `--chart g`,
    /// `--chart t` and `--chart auto` alike.
    static func analyseIntervals(_ intervals: IncidentIntervals, settings: AnalysisSettings) throws(AnalysisError) -> SeriesReport {
        var settings = settings.forMeasure(intervals.measure)
        settings.improvement = settings.improvement?.reversed
        if settings.chart == .t, let zero = intervals.days.firstIndex(of: 0) {
            throw AnalysisError("\(intervals.trust) · \(intervals.ward) · \(intervals.measure): two incidents on \(intervals.dates[zero].ukText) give a 0-day interval, which a t chart cannot take (it works on days^(1/3.6)); use --chart g, which counts days between incidents and allows 0")
        }
        let spcSeries = Series(periods: intervals.dates.map(\.dayNumber), numerators: intervals.days)
        let wardEvents = settings.events?.events(trust: intervals.trust, ward: intervals.ward) ?? []
        var report = run(spcSeries, trust: intervals.trust, ward: intervals.ward, measure: intervals.measure,
                         periodName: "incident", wardEvents: wardEvents, excludedPeriod: { $0 }, settings: settings)
        if intervals.days.count < 2 {
            report.warnings.append("\(intervals.days.count + 1) incident\(intervals.days.count == 0 ? "" : "s"): too few intervals for a \(settings.chart.rawValue) chart")
        }
        return report
    }

    /// Runs the SPC analysis and turns it into a report.
    private static func run(_ series: Series, trust: String, ward: String, measure: String, periodName: String,
                            wardEvents: [WardEvent], excludedPeriod: (CivilDate) -> CivilDate,
                            settings: AnalysisSettings) -> SeriesReport {
        let configuration = configuration(wardEvents: wardEvents, excludedPeriod: excludedPeriod, settings: settings)
        let analysis = SPCAnalysis.analyse(series, configuration: configuration)
        var report = SeriesReport(analysis: analysis, series: series, trust: trust, ward: ward, measure: measure,
                                  periodName: periodName, configuration: configuration,
                                  phaseEvents: wardEvents.filter { $0.kind == .phase }, annotations: wardEvents)
        report.describe(settings.catalogue.definition(of: measure))
        return report
    }

    /// The request's configuration with the plan its ward's events add (phases from
    /// `phase` rows, exclusions from `exclude` rows, mapped to their period).
    static func configuration(wardEvents: [WardEvent], excludedPeriod: (CivilDate) -> CivilDate,
                              settings: AnalysisSettings) -> AnalysisConfiguration {
        var configuration = settings.configuration
        if wardEvents.isEmpty, settings.phaseStarts.isEmpty, settings.excludedDates.isEmpty {
            // The usual request: the same plan for every series, with nothing to map.
            configuration.plan = PhasePlan(baselinePoints: settings.baselinePoints,
                                           baselineUntil: settings.baselineUntil?.dayNumber)
            return configuration
        }
        let phaseEvents = wardEvents.filter { $0.kind == .phase }
        let phaseDates = (settings.phaseStarts + phaseEvents.map(\.date)).map(\.dayNumber)
        let excluded = (settings.excludedDates + wardEvents.filter { $0.kind == .exclude }.map(\.date))
            .map { excludedPeriod($0).dayNumber }
        configuration.plan = PhasePlan(phaseStarts: phaseDates, baselinePoints: settings.baselinePoints,
                                       baselineUntil: settings.baselineUntil?.dayNumber,
                                       excludedPeriods: Set(excluded))
        return configuration
    }
}

extension SeriesReport {
    /// The label and unit the catalogue gives the measure.
    mutating func describe(_ definition: MeasureDefinition) {
        measureLabel = definition.label
        measureUnit = definition.unit == MeasureDefinition.incidents ? nil : definition.unit
    }

    /// The report of one analysed series (counts and denominators filled by the caller).
    init(analysis: SeriesAnalysis, series: Series, trust: String, ward: String, measure: String, periodName: String,
         configuration: AnalysisConfiguration, phaseEvents: [WardEvent], annotations: [WardEvent]) {
        let lines = analysis.lines
        let layout = analysis.layout
        let signals = analysis.pointSignals
        var orientation = [SignalOrientation?](repeating: nil, count: series.count)
        for event in analysis.outcome.events {
            guard let side = event.side else { continue }
            let oriented = SignalOrientation(side: side, improvement: configuration.rules.improvement)
            for point in event.points where orientation[point] != .concern { orientation[point] = oriented }
        }
        let date = { (index: Int) in CivilDate(dayNumber: series.periods[index]) }
        points = (0..<series.count).map { index in
            Point(period: date(index), count: nil, denominator: nil, value: lines.values[index],
                  centre: lines.centre[index], lower: lines.lower[index], upper: lines.upper[index],
                  phase: layout.phaseOfPoint[index] + 1, baseline: layout.baseline[index],
                  excluded: layout.excluded[index], signals: signals[index], orientation: orientation[index],
                  category: analysis.outcome.categories?[index])
        }
        phases = layout.phases.enumerated().map { phaseIndex, range in
            let start = date(range.lowerBound)
            // The label of the events-file phase that starts here: its date falls after the
            // previous point and on or before this phase's first (a phase started by --phase,
            // or an earlier event's phase, has none).
            let label = phaseIndex == 0 ? nil
                : phaseEvents.last(where: { (series.periods[range.lowerBound - 1] + 1...series.periods[range.lowerBound]).contains($0.date.dayNumber) })?.label
            let phaseSignals = analysis.outcome.events
                .filter { $0.phase == phaseIndex && $0.points.isEmpty }.map(\.kind)
            return Phase(index: phaseIndex + 1, start: start, end: date(range.upperBound - 1),
                         baselinePoints: layout.baselineIndices(of: phaseIndex).count,
                         centre: lines.centre[range.lowerBound],
                         runs: phaseIndex < analysis.outcome.runs.count ? analysis.outcome.runs[phaseIndex] : nil,
                         label: label, signals: Array(Set(phaseSignals)).sorted())
        }
        sustainedShifts = analysis.sustainedShifts.map {
            Shift(start: date($0.start), end: date($0.end), median: $0.median)
        }
        rebaseBaselineMedian = analysis.rebaseBaselineMedian
        self.trust = trust
        self.ward = ward
        self.measure = measure
        chart = configuration.chart.kind
        rules = configuration.rules
        multiplier = configuration.chart.multiplier
        screenMovingRanges = configuration.chart.screenMovingRanges
        period = periodName
        variation = analysis.variation
        assurance = analysis.assurance
        self.annotations = annotations
        warnings = analysis.warnings
    }
}
