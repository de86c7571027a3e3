/// NHS England's "Making Data Count" rules (DESIGN.md §4.2) as two parameter sets of one
/// implementation:
///
/// | | `mdc` (SPC SQL v2.6) | `ptd` (NHSRplotthedots 0.2.2) |
/// |---|---|---|
/// | shift / trend | 6 / 6 | 7 / 7 |
/// | trend | across phases | within a phase |
/// | 2-of-3 counts | every point beyond 2σ (also beyond 3σ) | only points between 2σ and 3σ |
/// | frozen baseline | its own partition for shift and 2-of-3 | not a partition |
/// | per-point label | improvement and concern → concern | one rule by precedence |
/// | phase < 13 points | no limits, signals or icons | (no such rule) |
///
/// Both: outside limits is strict; a shift is a run of points strictly on one side of the
/// centre (a point on the centre breaks it); a trend is a run of points each strictly above
/// (or below) the previous, endpoints included, ties break it; a 2-of-3 window is three
/// consecutive points strictly on one side of the centre of which at least two are beyond
/// that side's 2σ line, and only those are flagged; shifts and 2-of-3 stop at a phase
/// boundary.
///
/// The rules read `ChartLines` (values, centre, limits, 2σ lines) and never compute a limit.
///
/// **Excluded points** (and points without a value, such as the first point of an mr chart)
/// are tested on their own against the limits (`outside_limits`), as DESIGN.md §4.3 asks,
/// but the sequence rules — shift, trend and 2-of-3 — skip them: they neither make nor break
/// a run or a window and are never among its points. This is how the SQL treats "ghosted"
/// points (its shift, trend and 2-of-3 windows are taken over non-ghosted points only).
public enum MakingDataCount {
    /// Under `mdc`, a phase with fewer usable (non-excluded, valued) points than this has no
    /// limits, signals or icons; its centre line is kept.
    public static let minimumPhasePoints = 13

    /// Every `mdc`/`ptd` signal in one chart, and each point's category.
    ///
    /// `parameters.kind` must be `.mdc` or `.ptd`; shift and trend lengths come from
    /// `parameters` (a shift needs at least 1 point, a trend at least 2). Under `mdc`, short
    /// phases are handled here (no signal is raised in them, whatever `lines` holds), but the
    /// lines the caller shows and passes to the icons must be stripped with
    /// `withoutLimitsForShortPhases(_:layout:)` too. A short phase's points are categorised
    /// `common_cause` (`RuleOutcome.categories` has no "none").
    public static func evaluate(_ lines: ChartLines, layout: PhaseLayout, parameters: RuleParameters) -> RuleOutcome {
        precondition(parameters.kind == .mdc || parameters.kind == .ptd, "MakingDataCount evaluates the mdc and ptd rule sets only")
        precondition(layout.phaseOfPoint.count == lines.count, "one layout entry per point")
        let isMDC = parameters.kind == .mdc
        let count = lines.count
        let short = isMDC ? shortPhases(lines, layout: layout) : Array(repeating: false, count: layout.phases.count)
        let lines = isMDC ? withoutLimitsForShortPhases(lines, layout: layout) : lines
        let silenced = (0..<count).map { short[layout.phaseOfPoint[$0]] }
        let sides = (0..<count).map { side(of: $0, in: lines) }
        let beyond = (0..<count).map { beyondTwoSigma($0, in: lines, countsOutsideLimits: isMDC) }
        // Points the sequence rules look at (see the type's comment on exclusions).
        let sequenced = (0..<count).map { !layout.excluded[$0] && lines.values[$0] != nil }

        var events = OutsideLimits.events(lines, layout: layout, silenced: silenced)
        for segment in partitions(layout, baselineIsPartition: isMDC) {
            let sequence = segment.filter { sequenced[$0] && !silenced[$0] }
            events += shifts(in: sequence, sides: sides, length: max(1, parameters.shiftLength), layout: layout,
                             chances: lines.runChances)
            events += twoOfThree(in: sequence, sides: sides, beyond: beyond, layout: layout)
        }
        // mdc: one sequence over the whole chart (the SQL's trend crosses partitions); a short
        // phase's values still carry a trend through it, but its points are not flagged.
        let trendSequences = isMDC ? [Array(0..<count)] : layout.phases.map { Array($0) }
        var trendEvents: [SignalEvent] = []
        for sequence in trendSequences {
            trendEvents += trends(in: sequence.filter { sequenced[$0] }, lines: lines,
                                  length: max(2, parameters.trendLength), layout: layout)
        }
        for var event in trendEvents {
            event.points.removeAll { silenced[$0] }
            guard let last = event.points.last else { continue }
            event.phase = layout.phaseOfPoint[last]
            events.append(event)
        }
        events.sort { ($0.points.first ?? 0, $0.kind) < ($1.points.first ?? 0, $1.kind) }

        let categories = isMDC
            ? mdcCategories(events, count: count, improvement: parameters.improvement)
            : ptdCategories(events, lines: lines, layout: layout, sequenced: sequenced, improvement: parameters.improvement)
        return RuleOutcome(events: events, runs: Array(repeating: nil, count: layout.phases.count), categories: categories)
    }

    /// `mdc` only: `lines` without limits and 2σ lines in every phase with fewer than
    /// `minimumPhasePoints` usable points (centre and values kept).
    ///
    /// The caller applies it right after computing an `mdc` chart's lines, before anything
    /// reads them — the points it outputs, `evaluate`, `VariationIcon.latest` and
    /// `AssuranceIcon.against` — so that a short phase shows and reports no limits.
    public static func withoutLimitsForShortPhases(_ lines: ChartLines, layout: PhaseLayout) -> ChartLines {
        var stripped = lines
        for (phase, isShort) in shortPhases(lines, layout: layout).enumerated() where isShort {
            for index in layout.phases[phase] {
                stripped.lower[index] = nil
                stripped.upper[index] = nil
                stripped.lower2[index] = nil
                stripped.upper2[index] = nil
            }
        }
        return stripped
    }

    /// Per phase: fewer than `minimumPhasePoints` non-excluded points with a value.
    public static func shortPhases(_ lines: ChartLines, layout: PhaseLayout) -> [Bool] {
        layout.phases.map { range in
            range.filter { !layout.excluded[$0] && lines.values[$0] != nil }.count < minimumPhasePoints
        }
    }

    /// The point the icons describe: the last non-excluded point with a value (the SQL's
    /// "last non-ghosted point"); `nil` when there is none.
    static func iconPoint(_ lines: ChartLines, layout: PhaseLayout) -> Int? {
        (0..<lines.count).last { !layout.excluded[$0] && lines.values[$0] != nil }
    }
}

// MARK: - Points against the lines

extension MakingDataCount {
    /// Strictly above or below the centre; `nil` on it, or without a value or centre.
    static func side(of index: Int, in lines: ChartLines) -> SignalSide? {
        guard let value = lines.values[index], let centre = lines.centre[index] else { return nil }
        if value > centre { return .high }
        if value < centre { return .low }
        return nil
    }

    /// The side whose 2σ line the point lies strictly beyond. `mdc` counts points beyond the
    /// limits too; `ptd` only points between the 2σ line and the limit (NHSRplotthedots'
    /// `close_to_limits`).
    static func beyondTwoSigma(_ index: Int, in lines: ChartLines, countsOutsideLimits: Bool) -> SignalSide? {
        guard let value = lines.values[index] else { return nil }
        if !countsOutsideLimits && lines.isOutsideLimits(index) { return nil }
        if let upper2 = lines.upper2[index], value > upper2 { return .high }
        if let lower2 = lines.lower2[index], value < lower2 { return .low }
        return nil
    }

    /// The stretches shifts and 2-of-3 windows stay within: each phase, and under `mdc` a
    /// frozen baseline is cut off as its own stretch (the SQL's baseline partition).
    static func partitions(_ layout: PhaseLayout, baselineIsPartition: Bool) -> [Range<Int>] {
        var stretches: [Range<Int>] = []
        for (phase, range) in layout.phases.enumerated() {
            if baselineIsPartition, layout.isFrozen[phase], let last = layout.lastBaselineIndex(of: phase), last + 1 < range.upperBound {
                stretches.append(range.lowerBound..<(last + 1))
                stretches.append((last + 1)..<range.upperBound)
            } else {
                stretches.append(range)
            }
        }
        return stretches
    }
}

// MARK: - The rules

extension MakingDataCount {
    /// Maximal runs of at least `length` consecutive points of `sequence` on one side of the
    /// centre — or, with `chances`, of the length each side needs to be as unlikely by chance
    /// (`RunChances.runLength`; a point on the centre ends a run, so the chances are taken
    /// as they are).
    static func shifts(in sequence: [Int], sides: [SignalSide?], length: Int, layout: PhaseLayout,
                       chances: RunChances? = nil) -> [SignalEvent] {
        let needed: (high: Int, low: Int) = chances.map {
            ($0.runLength(nominal: length, side: .high, points: sequence, givenOffCentre: false),
             $0.runLength(nominal: length, side: .low, points: sequence, givenOffCentre: false))
        } ?? (length, length)
        var events: [SignalEvent] = []
        var start = 0
        while start < sequence.count {
            guard let side = sides[sequence[start]] else { start += 1; continue }
            var end = start + 1
            while end < sequence.count, sides[sequence[end]] == side { end += 1 }
            if end - start >= (side == .high ? needed.high : needed.low) {
                let points = Array(sequence[start..<end])
                events.append(SignalEvent(kind: .shift, points: points, side: side, phase: layout.phaseOfPoint[points[0]]))
            }
            start = end
        }
        return events
    }

    /// Maximal runs of at least `length` points of `sequence` each strictly above (side
    /// `high`) or below (`low`) the previous, endpoints included: a turning point ends a
    /// rising run and starts a falling one. The event belongs to the phase of its last point
    /// (an `mdc` trend can cross phases). With `lines.runChances` (small counts) a step
    /// between equal counts is a tie and ends the trend, whatever the bed days do to the rates.
    static func trends(in sequence: [Int], lines: ChartLines, length: Int, layout: PhaseLayout) -> [SignalEvent] {
        var events: [SignalEvent] = []
        for side in [SignalSide.high, .low] {
            func continues(_ previous: Int, _ next: Int) -> Bool {
                let (a, b) = (lines.values[previous]!, lines.values[next]!)
                if let chances = lines.runChances, chances.isTie(previous, next) { return false }
                return side == .high ? b > a : b < a
            }
            var start = 0
            while start < sequence.count {
                var end = start + 1
                while end < sequence.count, continues(sequence[end - 1], sequence[end]) { end += 1 }
                if end - start >= length {
                    let points = Array(sequence[start..<end])
                    events.append(SignalEvent(kind: .trend, points: points, side: side, phase: layout.phaseOfPoint[points.last!]))
                }
                start = end
            }
        }
        return events
    }

    /// Windows of three consecutive points of `sequence` strictly on one side of the centre
    /// with at least two beyond that side's 2σ line; the beyond points are flagged.
    /// Overlapping windows that fire make one event.
    static func twoOfThree(in sequence: [Int], sides: [SignalSide?], beyond: [SignalSide?],
                           layout: PhaseLayout) -> [SignalEvent] {
        var events: [SignalEvent] = []
        var current: (side: SignalSide, points: Set<Int>, lastWindow: Int)?
        func close() {
            if let open = current {
                let points = open.points.sorted()
                events.append(SignalEvent(kind: .twoOfThree, points: points, side: open.side, phase: layout.phaseOfPoint[points[0]]))
            }
            current = nil
        }
        guard sequence.count >= 3 else { return [] }
        for window in 0...(sequence.count - 3) {
            let points = sequence[window...(window + 2)]
            guard let side = sides[points.first!], points.allSatisfy({ sides[$0] == side }) else { continue }
            let flagged = points.filter { beyond[$0] == side }
            guard flagged.count >= 2 else { continue }
            if let open = current, window - open.lastWindow <= 2 {
                current = (side, open.points.union(flagged), window)
            } else {
                close()
                current = (side, Set(flagged), window)
            }
        }
        close()
        return events
    }
}

// MARK: - Point categories

extension MakingDataCount {
    /// `mdc`: every rule firing at a point is oriented; a point with an improvement and a
    /// concern rule is concern (the SQL's conflict rule set to 'Concern'); with a neutral
    /// direction a high rule wins over a low one (the SQL tests its high flag first).
    static func mdcCategories(_ events: [SignalEvent], count: Int, improvement: Improvement) -> [PointCategory] {
        var orientations = [Set<SignalOrientation>](repeating: [], count: count)
        for event in events {
            guard let side = event.side else { continue }
            for point in event.points { orientations[point].insert(SignalOrientation(side: side, improvement: improvement)) }
        }
        return orientations.map { found in
            if found.contains(.concern) { return .specialCauseConcern }
            if found.contains(.improvement) { return .specialCauseImprovement }
            if found.contains(.neutralHigh) { return .specialCauseNeutralHigh }
            if found.contains(.neutralLow) { return .specialCauseNeutralLow }
            return .commonCause
        }
    }

    /// `ptd`: one label per point by precedence outside limits > trend > 2-of-3 > shift, as
    /// NHSRplotthedots 0.2.2's `ptd_special_cause_type`. Every rule but the trend lies on the
    /// point's side of the mean. A trend point takes the direction of the step to the next
    /// point when that point is in a trend too, else of the step from the previous point; a
    /// tie counts as decreasing (in 0.2.2 a tie only decides there, at a point ending one
    /// trend before a flat step into another).
    static func ptdCategories(_ events: [SignalEvent], lines: ChartLines, layout: PhaseLayout, sequenced: [Bool],
                              improvement: Improvement) -> [PointCategory] {
        let count = lines.count
        var outside = [SignalSide?](repeating: nil, count: count)
        var twoOfThree = [SignalSide?](repeating: nil, count: count)
        var shift = [SignalSide?](repeating: nil, count: count)
        var inTrend = [Bool](repeating: false, count: count)
        for event in events {
            for point in event.points {
                switch event.kind {
                case .outsideLimits: outside[point] = event.side
                case .twoOfThree: twoOfThree[point] = event.side
                case .shift: shift[point] = event.side
                case .trend: inTrend[point] = true
                default: break
                }
            }
        }
        var trend = [SignalSide?](repeating: nil, count: count)
        for phase in layout.phases {
            let sequence = phase.filter { sequenced[$0] }
            for (position, point) in sequence.enumerated() where inTrend[point] {
                let step: (from: Int, to: Int)
                if position + 1 < sequence.count, inTrend[sequence[position + 1]] {
                    step = (point, sequence[position + 1])
                } else {
                    step = (sequence[max(0, position - 1)], point)
                }
                trend[point] = lines.values[step.to]! > lines.values[step.from]! ? .high : .low
            }
        }
        return (0..<count).map { point in
            guard let side = outside[point] ?? trend[point] ?? twoOfThree[point] ?? shift[point] else { return .commonCause }
            return PointCategory(SignalOrientation(side: side, improvement: improvement))
        }
    }
}

extension PointCategory {
    /// The special-cause category of a signal with this orientation.
    init(_ orientation: SignalOrientation) {
        switch orientation {
        case .improvement: self = .specialCauseImprovement
        case .concern: self = .specialCauseConcern
        case .neutralHigh: self = .specialCauseNeutralHigh
        case .neutralLow: self = .specialCauseNeutralLow
        }
    }
}
