/// The kinds of signal a rule set can raise (names as in the JSON contract, DESIGN.md §5.1).
public enum SignalKind: String, Sendable, CaseIterable, Codable, Comparable {
    case outsideLimits = "outside_limits"
    case longRun = "long_run"
    case shift
    case trend
    case twoOfThree = "two_of_three"
    case tooFewRuns = "too_few_runs"
    case tooManyRuns = "too_many_runs"
    /// Phase-level (Anhøj): fewer crossings of the centre line than expected; on no point.
    case fewCrossings = "few_crossings"

    public static func < (lhs: SignalKind, rhs: SignalKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Which side of the centre line a signal lies on.
public enum SignalSide: String, Sendable, Codable {
    case high, low
}

/// What a signal means given the improvement direction.
public enum SignalOrientation: String, Sendable, Codable {
    case improvement, concern
    case neutralHigh = "neutral_high"
    case neutralLow = "neutral_low"

    /// The orientation of a signal on `side` when `improvement` says which way is better.
    public init(side: SignalSide, improvement: Improvement) {
        switch (improvement, side) {
        case (.decrease, .low), (.increase, .high): self = .improvement
        case (.decrease, .high), (.increase, .low): self = .concern
        case (.neutral, .high): self = .neutralHigh
        case (.neutral, .low): self = .neutralLow
        }
    }
}

/// One fired rule and the points that make it up.
public struct SignalEvent: Sendable, Equatable {
    public var kind: SignalKind
    /// Point indices (ascending); empty for phase-level signals.
    public var points: [Int]
    /// The side of the centre line, when the rule has one (`nil` for runs-count signals).
    public var side: SignalSide?
    /// The phase (0-based) the signal belongs to.
    public var phase: Int

    public init(kind: SignalKind, points: [Int], side: SignalSide?, phase: Int) {
        self.kind = kind
        self.points = points
        self.side = side
        self.phase = phase
    }
}

/// The runs statistics of one phase (Anhøj; IHI adds the number of runs and its limits).
public struct RunsStatistics: Sendable, Equatable {
    /// Non-excluded points not on the centre line.
    public var useful: Int
    public var longestRun: Int
    /// Anhøj: round(log₂ useful) + 3; IHI: the shift length − 1 (a run longer than this signals).
    public var longestRunLimit: Int
    public var crossings: Int
    /// Anhøj: the 5% lower quantile of Binomial(useful − 1, 0.5); `nil` when not used.
    public var crossingsLimit: Int?
    /// IHI: number of runs and the two-sided 5% limits (Swed–Eisenhart); `nil` otherwise.
    public var runs: Int?
    public var runsLowerLimit: Int?
    public var runsUpperLimit: Int?
    /// The runs test signals: a long run or too few crossings (Anhøj); a shift, too few or
    /// too many runs (IHI).
    public var signal: Bool

    public init(useful: Int, longestRun: Int, longestRunLimit: Int, crossings: Int, crossingsLimit: Int?,
                runs: Int? = nil, runsLowerLimit: Int? = nil, runsUpperLimit: Int? = nil, signal: Bool) {
        self.useful = useful
        self.longestRun = longestRun
        self.longestRunLimit = longestRunLimit
        self.crossings = crossings
        self.crossingsLimit = crossingsLimit
        self.runs = runs
        self.runsLowerLimit = runsLowerLimit
        self.runsUpperLimit = runsUpperLimit
        self.signal = signal
    }
}

/// The per-point classification of NHS Making Data Count (`mdc` field, DESIGN.md §4.2).
public enum PointCategory: String, Sendable, Codable {
    case commonCause = "common_cause"
    case specialCauseImprovement = "special_cause_improvement"
    case specialCauseConcern = "special_cause_concern"
    case specialCauseNeutralHigh = "special_cause_neutral_high"
    case specialCauseNeutralLow = "special_cause_neutral_low"
}

/// Everything a rule set found in one chart.
public struct RuleOutcome: Sendable, Equatable {
    public var events: [SignalEvent]
    /// Runs statistics per phase (`nil` where the rule set has none, e.g. `mdc`).
    public var runs: [RunsStatistics?]
    /// Per point, `mdc`/`ptd` only.
    public var categories: [PointCategory]?

    public init(events: [SignalEvent], runs: [RunsStatistics?], categories: [PointCategory]? = nil) {
        self.events = events
        self.runs = runs
        self.categories = categories
    }

    /// Signal names per point, sorted, each once.
    public func pointSignals(count: Int) -> [[SignalKind]] {
        var sets = [Set<SignalKind>](repeating: [], count: count)
        for event in events { for point in event.points { sets[point].insert(event.kind) } }
        return sets.map { $0.sorted() }
    }
}
