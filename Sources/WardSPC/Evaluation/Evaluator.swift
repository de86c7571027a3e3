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
        var leftOut: [String] = []
        for (group, groupData) in try groups(of: data, by: settings.groupBy) {
            let built = SeriesBuilder.build(groupData, include: analysis.includes)
            if let problem = built.issues.first { throw AnalysisError(problem.description) }
            for series in built.series {
                // No longer wanted (`Deadline`): the caller drops what this returns.
                if analysis.deadline.hasPassed {
                    return finish([], regressions: SegmentedRegressionQueue(), context: context, chart: analysis.chart,
                                  settings: settings)
                }
                if isProcessMeasure(series.measure, settings: settings) {
                    if !leftOut.contains(series.measure) { leftOut.append(series.measure) }
                    continue
                }
                let (ward, regression) = evaluateWard(series, context: context, group: group, analysis: analysis,
                                                      settings: settings)
                regressions.append(regression, ward: wards.count)
                wards.append(ward)
            }
        }
        if wards.isEmpty && !leftOut.isEmpty {
            throw AnalysisError(processMeasureWarnings(leftOut)[0].replacingOccurrences(of: "left out", with: "cannot be evaluated"))
        }
        try FilterCheck.check(analysis, in: dataset, matched: wards.count)
        var result = finish(consume wards, regressions: regressions, context: context, chart: analysis.chart, settings: settings)
        result.warnings += processMeasureWarnings(leftOut)
        result.warnings += settings.events?.unmatchedRows(in: dataset) ?? []
        return result
    }

    /// A process measure — the catalogue draws it as a proportion (p chart), e.g. ligature
    /// assessments completed on time of those due — is not a rate of incidents per bed day:
    /// a rate ratio and the reduction benchmark do not describe it, so evaluate leaves it
    /// out (its p chart shows its change) and says so.
    static func isProcessMeasure(_ measure: String, settings: EvaluationSettings) -> Bool {
        let preferred = settings.catalogue.definition(of: measure).preferredChart
        return preferred == .p || preferred == .pp
    }

    /// The warning for the process measures left out, one sentence (none when there are none).
    static func processMeasureWarnings(_ measures: [String]) -> [String] {
        guard !measures.isEmpty else { return [] }
        let names = measures.joined(separator: ", ")
        return ["\(names) left out: \(measures.count == 1 ? "a process measure" : "process measures") (completed of those due, drawn as a p chart by analyze, chart and report), not a rate of incidents, so no rate ratio or benchmark applies"]
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
            trusts: pool(wards, byTrust: settings.groupBy != .measure, settings: settings),
            programme: pool(wards, byTrust: false, settings: settings),
            benchmark: settings.benchmark, catalogue: settings.catalogue, minimumIncidents: settings.minimumIncidents, period: context.periodKind.name,
            exposureIsBedDays: context.hasDenominator, chart: chart, groupBy: settings.groupBy, warnings: warnings)
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
}
