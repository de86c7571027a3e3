import SPCCore
import WardData

/// `--chart auto`: each series gets the chart `ChartAdvisor` chooses for it, and every
/// output its `chart_reason`. Series go one by one (their configurations differ), each in
/// time linear in its points: the u/c charts of ordinary counts, weekly rare counts summed
/// to calendar months (`MonthlyAggregation`, partial months drawn but left out of
/// estimation and the run rules), g charts from incident dates, and too-sparse series
/// drawn with their centre line and no limits or signals.
extension Analyzer {
    static func analyseAuto(_ data: WardDataset, settings: AnalysisSettings) throws(AnalysisError) -> [SeriesReport] {
        let include = settings.includes
        let built = SeriesBuilder.build(data, include: include)
        if let problem = built.issues.first { throw AnalysisError(problem.description) }
        let context = SeriesContext(data)
        let hasIncidentDates = data.events != nil
        var intervalsByKey: [String: IncidentIntervals]?
        var reports: [SeriesReport] = []
        reports.reserveCapacity(built.series.count)
        for series in built.series {
            if settings.deadline.hasPassed { return [] }  // no longer wanted (`Deadline`)
            let facts = SeriesFacts(series, valueKind: data.valueKind, periodKind: data.periodKind,
                                    hasIncidentDates: hasIncidentDates,
                                    preferredChart: settings.catalogue.definition(of: series.measure).preferredChart)
            let advice = ChartAdvisor.advise(facts)
            var report: SeriesReport
            switch advice.periods {
            case .incidents:
                if intervalsByKey == nil {
                    intervalsByKey = [:]
                    for intervals in IncidentIntervals.build(data, include: include) ?? [] {
                        intervalsByKey![key(intervals.trust, intervals.ward, intervals.measure)] = intervals
                    }
                }
                guard let intervals = intervalsByKey?[key(series.trust, series.ward, series.measure)] else { continue }
                var gSettings = settings
                gSettings.chart = .g
                report = try analyseIntervals(intervals, settings: gSettings)
            case .asRecorded:
                report = try analyseAuto(series, advice: advice, context: context, partial: nil, settings: settings)
            case .calendarMonths:
                let monthly = MonthlyAggregation.aggregate(series, useBedDays: facts.periodsWithDenominator > 0)
                let monthContext = SeriesContext(file: context.file, periodKind: .month, valueKind: context.valueKind)
                report = try analyseAuto(monthly.series, advice: advice, context: monthContext, partial: monthly.partial,
                                         settings: settings)
                let partialMonths = monthly.partial.filter { $0 }.count
                if partialMonths > 0 {
                    report.warnings.append("\(partialMonths) partial month\(partialMonths == 1 ? "" : "s") (a week missing, or the series starting or ending mid-month) drawn hollow and left out of the centre, limits and run rules")
                }
            }
            report.chartReason = advice.reason
            report.drawnWithoutSignals = !advice.showsSignals
            reports.append(report)
        }
        return reports
    }

    private static func key(_ trust: String, _ ward: String, _ measure: String) -> String {
        "\(trust)\u{1F}\(ward)\u{1F}\(measure)"
    }

    /// One periodic series (as recorded, or summed to months) under its advised chart.
    /// - Parameters:
    /// - Parameter partial: per period of `series`, left out of estimation and the run rules.
    private static func analyseAuto(_ series: WardSeries, advice: ChartAdvice, context: SeriesContext, partial: [Bool]?,
                                    settings: AnalysisSettings) throws(AnalysisError) -> SeriesReport {
        var chosen = settings
        chosen.chart = advice.chart
        chosen.plotRate = false
        var prepared = try prepare(series, context: context, settings: chosen)
        prepared.configuration.chart.probabilityLimits = advice.probabilityLimits
        if let length = ChartAdvisor.shiftLength(advice, points: prepared.spc.count, rules: prepared.configuration.rules) {
            prepared.configuration.rules.shiftLength = length
        }

        if let partial {
            prepared.spc.excluded = prepared.kept.map { partial[$0] }
        }
        var analysis = SPCAnalysis.analyse(prepared.spc, configuration: prepared.configuration)
        if !advice.showsSignals { analysis.silence() }
        var report = report(prepared, analysis: analysis, context: context)
        if let partial {
            for (position, index) in prepared.kept.enumerated() { report.points[position].partial = partial[index] }
        }
        return report
    }
}

extension SeriesAnalysis {
    /// The series drawn with its values and centre line only: no limits, signals, runs
    /// verdict or icons (a series too sparse for any chart to tell change from chance).
    mutating func silence() {
        for index in 0..<lines.count {
            lines.lower[index] = nil
            lines.upper[index] = nil
            lines.lower2[index] = nil
            lines.upper2[index] = nil
        }
        outcome.events = []
        outcome.runs = outcome.runs.map { $0.map { var runs = $0; runs.signal = false; return runs } }
        if let categories = outcome.categories {
            outcome.categories = Array(repeating: .commonCause, count: categories.count)
        }
        variation = nil
        assurance = nil
    }
}

extension Improvement {
    /// The other way round (neutral stays neutral): days between incidents rise when incidents fall.
    public var reversed: Improvement {
        switch self {
        case .decrease: return .increase
        case .increase: return .decrease
        case .neutral: return .neutral
        }
    }
}
