import WardData

/// How the baseline and comparison windows are chosen (DESIGN.md §4.4).
public struct WindowSettings: Sendable, Equatable {
    /// The baseline and comparison windows as the person gave them.
    public var study = StudyWindows()
    /// The last N observed periods are provisional (reporting lags): left out of the comparison.
    public var provisional = 0
    /// Periods each default window takes when nothing is given.
    public var defaultPeriods = 26
    /// Fewer observed periods than this → no evaluation.
    public var minimumPeriods = 8

    public init(_ study: StudyWindows = StudyWindows()) {
        self.study = study
    }

    /// Baseline: periods starting on or before this date.
    public var baselineUntil: CivilDate? {
        get { study.baselineUntil }
        set { study.baselineUntil = newValue }
    }
    /// Baseline: the first N observed periods.
    public var baselinePeriods: Int? {
        get { study.baselinePeriods }
        set { study.baselinePeriods = newValue }
    }
    /// Comparison: periods starting on or after this date …
    public var from: CivilDate? {
        get { study.from }
        set { study.from = newValue }
    }
    /// … and on or before this one.
    public var to: CivilDate? {
        get { study.to }
        set { study.to = newValue }
    }
}

/// One series' windows: indices into its observed periods, and what was decided.
public struct EvaluationWindows: Sendable, Equatable {
    public var baseline: [Int]
    public var comparison: [Int]
    /// Indices of provisional periods (never in the comparison).
    public var provisional: [Int]
    /// Plain-language notes on how the windows were chosen.
    public var notes: [String]

    /// Chooses the windows for a series observed at `periods` (ascending).
    ///
    /// Baseline: `baselineUntil`, else `baselinePeriods`, else the periods before the
    /// ward's intervention (its first `phase` event), else — when only the comparison is
    /// given — the periods before the comparison starts, else the first 26 observed
    /// periods. Comparison: from `from` (to `to`), else from the intervention, else —
    /// when only the baseline is given — every period after the baseline, else the last
    /// 26 observed periods. With nothing given and fewer than 52 periods, the first and
    /// second halves (the middle period, if any, in neither); `to` alone ends the series
    /// those default windows are taken from. Returns `nil` (no
    /// evaluation) for fewer than `minimumPeriods` observed periods.
    public static func choose(periods: [CivilDate], settings: WindowSettings,
                              intervention: CivilDate?) -> EvaluationWindows? {
        let count = periods.count
        guard count >= settings.minimumPeriods else { return nil }
        let provisionalCount = min(max(settings.provisional, 0), count)
        let provisional = Array((count - provisionalCount)..<count)
        let usable = count - provisionalCount
        var notes: [String] = []
        if provisionalCount > 0 {
            notes.append("the last \(provisionalCount) period\(provisionalCount == 1 ? " is" : "s are") provisional and left out of the comparison")
        }
        let all = Array(0..<usable)
        let baselineGiven = settings.baselineUntil != nil || settings.baselinePeriods != nil
        let comparisonGiven = settings.from != nil
        var baseline: [Int]
        var comparison: [Int]
        if let until = settings.baselineUntil {
            baseline = all.filter { periods[$0] <= until }
        } else if let first = settings.baselinePeriods {
            baseline = Array(all.prefix(first))
        } else if let intervention {
            baseline = all.filter { periods[$0] < intervention }
            notes.append("baseline: the periods before the ward's intervention on \(intervention.ukText)")
        } else if let from = settings.from {
            baseline = all.filter { periods[$0] < from }
            notes.append("baseline: every period before the comparison starts")
        } else {
            baseline = []
        }
        if let from = settings.from {
            comparison = all.filter { periods[$0] >= from }
        } else if let intervention {
            comparison = all.filter { periods[$0] >= intervention }
        } else if baselineGiven, let last = baseline.last {
            comparison = Array((last + 1)..<max(last + 1, usable))
            notes.append("comparison: every period after the baseline")
        } else {
            comparison = []
        }
        if let to = settings.to { comparison = comparison.filter { periods[$0] <= to } }
        if !baselineGiven && !comparisonGiven && intervention == nil {
            // `--to` alone ends the series the default windows are taken from (filtering
            // the last 26 periods by it instead would leave an empty comparison).
            let pool = settings.to.map { to in all.filter { periods[$0] <= to } } ?? all
            let size = settings.defaultPeriods
            if pool.count >= 2 * size {
                baseline = Array(pool.prefix(size))
                comparison = Array(pool.suffix(size))
            } else {
                let half = pool.count / 2
                baseline = Array(pool.prefix(half))
                comparison = Array(pool.suffix(half))
                notes.append("only \(pool.count) usable periods: the first \(half) are compared with the last \(half)\(pool.count % 2 == 1 ? " (the middle one in neither)" : "")")
            }
        }
        if baseline.isEmpty { notes.append("the baseline window holds no observed period") }
        if comparison.isEmpty { notes.append("the comparison window holds no observed period") }
        if let lastBaseline = baseline.last, let firstComparison = comparison.first, firstComparison <= lastBaseline {
            notes.append("the baseline and comparison windows overlap")
        }
        return EvaluationWindows(baseline: baseline, comparison: comparison, provisional: provisional, notes: notes)
    }
}
