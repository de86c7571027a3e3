/// The numbers drawn on a chart, one entry per point of the series.
///
/// Every array has one element per point. `nil` means the chart has no such line (or
/// value) at that point: a run chart has no limits, the first point of an mr chart has no
/// value, a phase with no baseline data has no centre. Values and lines are already
/// multiplied by the chart's multiplier (rates per 1,000 bed days, say).
public struct ChartLines: Sendable, Equatable {
    public var values: [Double?]
    public var centre: [Double?]
    public var lower: [Double?]
    public var upper: [Double?]
    /// 2σ lines, for display and for the 2-of-3 rule.
    public var lower2: [Double?]
    public var upper2: [Double?]
    /// Per point, the chance of lying above or below the centre by chance, where it is far
    /// from ½ (`RunChances`: c and u charts with probability limits); `nil` — the usual
    /// case — means ½ on each side, as the run rules assume.
    public var runChances: RunChances?
    /// Some phase gave up moving-range screening (`PhaseLines.screeningFellBack`).
    public var screeningFellBack = false

    public init(count: Int) {
        values = Array(repeating: nil, count: count)
        centre = Array(repeating: nil, count: count)
        lower = Array(repeating: nil, count: count)
        upper = Array(repeating: nil, count: count)
        lower2 = Array(repeating: nil, count: count)
        upper2 = Array(repeating: nil, count: count)
    }

    /// The lines of a series that is one phase: the phase's, multiplied (each array built
    /// in one pass; `ChartComputation.place` gives the same for a phase covering every point).
    /// The phase's arrays are taken over and multiplied in place (no copies).
    public init(phase: consuming PhaseLines, multiplier: Double) {
        func scale(_ line: inout [Double?]) {
            guard multiplier != 1 else { return }
            line.withUnsafeMutableBufferPointer { points in
                for index in points.indices { points[index] = points[index].map { $0 * multiplier } }
            }
        }
        centre = Array(repeating: phase.centre.map { $0 * multiplier }, count: phase.values.count)
        values = phase.values
        lower = phase.lower
        upper = phase.upper
        lower2 = phase.lower2
        upper2 = phase.upper2
        screeningFellBack = phase.screeningFellBack
        phase = PhaseLines(values: [], centre: nil)  // the arrays are ours alone now
        scale(&values)
        scale(&lower)
        scale(&upper)
        scale(&lower2)
        scale(&upper2)
    }

    public var count: Int { values.count }

    /// True when the point's value lies strictly above its upper or below its lower limit
    /// (`OutsideLimits.side`, the one definition).
    public func isOutsideLimits(_ index: Int) -> Bool { OutsideLimits.side(self, at: index) != nil }
}
