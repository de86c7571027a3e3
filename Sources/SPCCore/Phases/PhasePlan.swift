/// Phases, frozen baselines and exclusions as the user asked for them (DESIGN.md §4.3).
public struct PhasePlan: Sendable, Equatable {
    /// A new phase starts at the first point whose period is ≥ each of these.
    public var phaseStarts: [Int32]
    /// Freeze each phase's centre and limits on its first N non-excluded points.
    public var baselinePoints: Int?
    /// Freeze on the points whose period is ≤ this (within each phase).
    public var baselineUntil: Int32?
    /// Periods whose points are excluded from estimation and the runs test.
    public var excludedPeriods: Set<Int32>

    public init(phaseStarts: [Int32] = [], baselinePoints: Int? = nil, baselineUntil: Int32? = nil,
                excludedPeriods: Set<Int32> = []) {
        self.phaseStarts = phaseStarts
        self.baselinePoints = baselinePoints
        self.baselineUntil = baselineUntil
        self.excludedPeriods = excludedPeriods
    }

    /// Where the plan puts each point of `series`.
    public func layout(for series: Series) -> PhaseLayout {
        let count = series.count
        var excluded = series.excluded
        if !excludedPeriods.isEmpty {
            for index in 0..<count where excludedPeriods.contains(series.periods[index]) { excluded[index] = true }
        }
        // Phase boundaries: the first point at or after each start date.
        var boundaries: Set<Int> = []
        for start in phaseStarts {
            if let index = series.periods.firstIndex(where: { $0 >= start }), index > 0 { boundaries.insert(index) }
        }
        let starts = [0] + boundaries.sorted()
        var phases: [Range<Int>] = []
        for (position, start) in starts.enumerated() where count > 0 {
            let end = position + 1 < starts.count ? starts[position + 1] : count
            phases.append(start..<end)
        }
        var phaseOfPoint = [Int](repeating: 0, count: count)
        var baseline = [Bool](repeating: false, count: count)
        var frozen = [Bool](repeating: false, count: phases.count)
        for (phaseIndex, range) in phases.enumerated() {
            var taken = 0
            for index in range {
                phaseOfPoint[index] = phaseIndex
                guard !excluded[index] else { continue }
                var inBaseline = true
                if let baselinePoints { inBaseline = taken < baselinePoints }
                if let baselineUntil, series.periods[index] > baselineUntil { inBaseline = false }
                if inBaseline { baseline[index] = true; taken += 1 }
            }
            var usable = 0
            for index in range where !excluded[index] { usable += 1 }
            frozen[phaseIndex] = taken < usable
        }
        return PhaseLayout(phases: phases, phaseOfPoint: phaseOfPoint, baseline: baseline,
                           excluded: excluded, isFrozen: frozen)
    }
}

/// A plan applied to one series: which points form each phase and its baseline.
public struct PhaseLayout: Sendable, Equatable {
    /// Point index ranges, in order, covering every point.
    public var phases: [Range<Int>]

    /// One phase covering every point (the usual chart).
    public var isSinglePhase: Bool { phases.count == 1 && phases[0] == 0..<phaseOfPoint.count }
    /// The phase (0-based) of each point.
    public var phaseOfPoint: [Int]
    /// The point is in its phase's baseline (never true for an excluded point).
    public var baseline: [Bool]
    /// The point is excluded from estimation and the runs test.
    public var excluded: [Bool]
    /// The phase's baseline is shorter than the phase (its lines are frozen).
    public var isFrozen: [Bool]

    public init(phases: [Range<Int>], phaseOfPoint: [Int], baseline: [Bool], excluded: [Bool], isFrozen: [Bool]) {
        self.phases = phases
        self.phaseOfPoint = phaseOfPoint
        self.baseline = baseline
        self.excluded = excluded
        self.isFrozen = isFrozen
    }

    /// The baseline points of one phase, in order.
    public func baselineIndices(of phase: Int) -> [Int] { phases[phase].filter { baseline[$0] } }

    /// The last baseline point of a frozen phase (where an `mdc` partition ends).
    public func lastBaselineIndex(of phase: Int) -> Int? { baselineIndices(of: phase).last }
}
