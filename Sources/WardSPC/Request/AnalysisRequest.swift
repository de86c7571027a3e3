import SPCCore
import Threads
import WardData

/// A request resolved once: the choices a person made (`RequestChoices`, from flags or the
/// upload page's fields) with the command's defaults (`RequestPurpose`) and the data's
/// facts filled in. The command line, `wardspc serve` and `ReportBuilder` all read their
/// settings from here, so the same choices give the same charts, windows and headline
/// wherever they were made.
public struct AnalysisRequest: Sendable {
    public var purpose: RequestPurpose
    /// The charts: kind, rules, baseline, phases, filters.
    public var analysis: AnalysisSettings
    /// The before-and-after comparison on the same baseline: `evaluate`, and the report's
    /// headline and breakdowns (whose SPC view is the comparison's chart).
    public var evaluation: EvaluationSettings
    /// The benchmark reduction in per cent.
    public var benchmark: Double { evaluation.benchmark }
    /// When the work is no longer wanted, for the charts and the comparison alike
    /// (`AnalysisSettings.deadline`).
    public var deadline: Deadline {
        get { analysis.deadline }
        set {
            analysis.deadline = newValue
            evaluation.analysis.deadline = newValue
        }
    }

    /// The request `choices` make for `purpose` on data with these `facts`.
    ///
    /// Throws when the choices contradict each other (windows that end before they start);
    /// whether the data can support the chart is checked where it is drawn
    /// (`Analyzer.checkRequest`, `Evaluator`).
    public static func resolve(_ choices: RequestChoices, purpose: RequestPurpose,
                               facts: DatasetFacts) throws(AnalysisError) -> AnalysisRequest {
        if let problem = choices.windows.problem { throw AnalysisError(problem) }
        // A chart kind for every series, or auto (`ChartAdvisor` per series; `chart` is
        // then the fallback the checks made before the series are known look at).
        let choice = choices.chart ?? (purpose == .picture ? .auto : .kind(purpose.defaultChart(facts)))
        var givenKind: ChartKind?
        if case .kind(let kind) = choice { givenKind = kind }
        let chart = givenKind ?? purpose.defaultChart(facts)
        let rules = choices.rules ?? purpose.defaultRules
        var analysis = AnalysisSettings(chart: chart, rules: rules, improvement: choices.improvement,
                                        baseline: choices.windows.baseline, events: choices.events)
        // Each measure's direction, benchmark, preferred chart and caveat: the file's, else built in.
        let catalogue = choices.catalogue ?? .builtIn
        analysis.catalogue = catalogue
        // evaluate's SPC view reads centre lines per period: auto there is its u-or-c default.
        if purpose != .comparison { choice.apply(to: &analysis, fallback: chart) }
        analysis.plotRate = choices.plotRate
        analysis.multiplier = choices.multiplier
        analysis.screenMovingRanges = choices.screenMovingRanges
        analysis.phaseStarts = choices.phaseStarts
        analysis.excludedDates = choices.excludedDates
        analysis.target = choices.target
        analysis.shiftLength = choices.shiftLength
        analysis.trendLength = choices.trendLength
        analysis.medianPoints = choices.medianPoints
        analysis.rebaseDirection = choices.rebaseDirection
        analysis.trusts = choices.filters.trusts
        analysis.wards = choices.filters.wards
        analysis.measures = choices.filters.measures
        analysis.subtypes = choices.filters.subtypes

        var evaluation = EvaluationSettings()
        evaluation.windows = WindowSettings(choices.windows)
        evaluation.windows.provisional = choices.provisional
        evaluation.events = choices.events
        evaluation.benchmark = choices.benchmark ?? EvaluationSettings.defaultBenchmark
        evaluation.catalogue = catalogue
        evaluation.minimumIncidents = choices.minimumIncidents ?? Verdict.defaultMinimumIncidents
        evaluation.groupBy = choices.groupBy
        evaluation.segmentedModel = choices.segmentedModel
        // The comparison's SPC view: for `evaluate` the chart asked for (Evaluator refuses
        // one that does not draw counts per period), for a picture's headline the charts'
        // own kind when it does, else the data's ordinary count chart; no frozen baseline of
        // its own (the baseline window freezes it) and no --auto-rebase (its own shift
        // length below).
        var view = analysis
        view.autoChart = false
        view.chart = purpose == .comparison ? (givenKind ?? facts.comparisonChart(nil)) : facts.comparisonChart(givenKind)
        view.baseline = nil
        view.autoRebaseLength = nil
        evaluation.analysis = view
        evaluation.chartGiven = true
        if purpose == .comparison {
            evaluation.autoRebaseLength = choices.autoRebase ?? EvaluationSettings.defaultAutoRebaseLength
        } else {
            analysis.autoRebaseLength = choices.autoRebase
        }
        return AnalysisRequest(purpose: purpose, analysis: analysis, evaluation: evaluation)
    }
}
