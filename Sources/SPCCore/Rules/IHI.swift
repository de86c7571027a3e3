/// The IHI run-chart rules (DESIGN.md §4.2, `--rules ihi`).
///
/// Source: R. J. Perla, L. P. Provost and S. K. Murray, "The run chart: a simple analytical
/// tool for learning from variation in healthcare processes", *BMJ Qual Saf* 20 (2011)
/// 46–51; L. P. Provost and S. K. Murray, *The Health Care Data Guide* (2011), ch. 3.
///
/// Everything is per phase (a phase boundary ends every run and trend):
/// - **useful points** are non-excluded points with a value and a centre, not *on* the
///   centre line. Points that are not useful neither extend nor break a run.
/// - **shift**: `shiftLength` (6) or more consecutive useful points on one side of the
///   centre; the event holds those useful points and the side.
/// - **trend**: `trendLength` (5) or more points each higher (side `high`) or each lower
///   (side `low`) than the previous. The trend looks at every non-excluded point with a
///   value — the centre line plays no part, so a point *on* the median can be in a trend.
///   A point equal to its predecessor neither makes nor breaks a trend: only the first of
///   equal consecutive values is counted (Perla et al.: "ignore the like points"). So
///   1, 2, 2, 3, 4, 5 is a rising trend of five counted points (six points marked), and
///   6, 5, 5, 4, 4, 3 only four falling counted points, no trend.
///   The event holds the counted points and the tied repeats between the first and the
///   last counted point (a tie after the last counted point is not part of it). A peak can
///   end a rising trend and start a falling one.
/// - **too few / too many runs**: the number of runs among the useful points against the
///   exact two-sided 5% limits given the numbers above and below (`SwedEisenhart`). The
///   JSON puts these names on points, so the event holds every useful point of the phase
///   (side `nil`).
/// - **outside limits** (charts with limits): every point strictly beyond its upper or lower
///   limit, excluded points included (they are drawn and tested against the limits), one
///   event per point with its side.
/// - The "astronomical point" is a judgement, not a rule: not implemented.
///
/// A shift or trend length below 2 switches that rule off. `RunsStatistics` reports, per
/// phase, the useful points, the longest run with limit `shiftLength − 1`, the crossings
/// (runs − 1), the runs and their limits; its `signal` is true for a shift or too few or
/// too many runs (a trend is not a runs-test signal).
public enum IHI {
    public static func evaluate(_ lines: ChartLines, layout: PhaseLayout, parameters: RuleParameters) -> RuleOutcome {
        var events: [SignalEvent] = []
        var statistics: [RunsStatistics?] = []
        for (phase, range) in layout.phases.enumerated() {
            // Useful points and their runs, as the Anhøj rules count them.
            let scan = CentreLineRuns.scan(lines, range: range, excluded: layout.excluded)

            events += OutsideLimits.events(lines, layout: layout, range: range)

            // Small counts (`RunChances`): each side's shift as unlikely by chance as the nominal one.
            let shiftLengths = lines.runChances.map {
                (high: $0.runLength(nominal: parameters.shiftLength, side: .high, points: scan.useful, givenOffCentre: true),
                 low: $0.runLength(nominal: parameters.shiftLength, side: .low, points: scan.useful, givenOffCentre: true))
            } ?? (high: parameters.shiftLength, low: parameters.shiftLength)
            func shiftLength(_ side: SignalSide) -> Int { side == .high ? shiftLengths.high : shiftLengths.low }
            if parameters.shiftLength >= 2 {
                for run in scan.runs.indices where scan.runs[run].length >= shiftLength(scan.runs[run].side) {
                    events.append(SignalEvent(kind: .shift, points: scan.points(ofRun: run), side: scan.runs[run].side,
                                              phase: phase))
                }
            }

            if parameters.trendLength >= 2 {
                let observed = range.compactMap { index -> ValuedPoint? in
                    guard !layout.excluded[index], let value = lines.values[index] else { return nil }
                    return ValuedPoint(index: index, value: value)
                }
                for trend in trends(in: observed, length: parameters.trendLength) {
                    events.append(SignalEvent(kind: .trend, points: trend.points, side: trend.side, phase: phase))
                }
            }

            let above = scan.runs.reduce(0) { $0 + ($1.side == .high ? $1.length : 0) }
            let limits = SwedEisenhart.limits(above: above, below: scan.useful.count - above)
            let runCount = scan.runs.count
            let usefulIndices = scan.useful
            let tooFew = limits.isTooFew(runCount)
            let tooMany = limits.isTooMany(runCount)
            if tooFew { events.append(SignalEvent(kind: .tooFewRuns, points: usefulIndices, side: nil, phase: phase)) }
            if tooMany { events.append(SignalEvent(kind: .tooManyRuns, points: usefulIndices, side: nil, phase: phase)) }

            let longest = scan.longestRun
            let longestRun = longest.map { scan.runs[$0].length } ?? 0
            let longestShiftLength = longest.map { shiftLength(scan.runs[$0].side) } ?? parameters.shiftLength
            let longestRunLimit = longestShiftLength == Int.max ? Int.max : max(longestShiftLength - 1, 0)
            let shift = parameters.shiftLength >= 2 && longestRun > longestRunLimit
            statistics.append(RunsStatistics(
                useful: scan.useful.count, longestRun: longestRun, longestRunLimit: longestRunLimit,
                crossings: max(runCount - 1, 0), crossingsLimit: nil,
                runs: runCount, runsLowerLimit: limits.lower, runsUpperLimit: limits.upper,
                signal: shift || tooFew || tooMany))
        }
        events.sort { ($0.phase, $0.kind, $0.points.first ?? -1) < ($1.phase, $1.kind, $1.points.first ?? -1) }
        return RuleOutcome(events: events, runs: statistics)
    }
}

extension IHI {
    /// A point that takes part in the trend rule.
    struct ValuedPoint: Equatable {
        var index: Int
        var value: Double
    }

    /// A trend: its points and direction.
    struct Stretch: Equatable {
        var points: [Int]
        var side: SignalSide
    }

    /// Trends of at least `length` counted points (see the type's documentation for ties).
    static func trends(in points: [ValuedPoint], length: Int) -> [Stretch] {
        guard length >= 2, !points.isEmpty else { return [] }
        // Positions (in `points`) of the counted points: the first of each block of equal values.
        var counted: [Int] = [0]
        for position in 1..<points.count where points[position].value != points[position - 1].value {
            counted.append(position)
        }
        var trends: [Stretch] = []
        // Walk maximal stretches of steps between counted points that go the same way; a
        // stretch of s steps holds s + 1 counted points, and a turning point belongs to both
        // the stretch it ends and the one it starts.
        var first = 0
        while first + 1 < counted.count {
            let rising = points[counted[first + 1]].value > points[counted[first]].value
            var last = first + 1
            while last + 1 < counted.count,
                  (points[counted[last + 1]].value > points[counted[last]].value) == rising {
                last += 1
            }
            if last - first + 1 >= length {
                trends.append(Stretch(points: points[counted[first]...counted[last]].map(\.index),
                                      side: rising ? .high : .low))
            }
            first = last
        }
        return trends
    }
}
