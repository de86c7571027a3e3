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
    public init(phase: PhaseLines, multiplier: Double) {
        func scaled(_ value: Double?) -> Double? { value.map { $0 * multiplier } }
        func all(_ line: [Double?]) -> [Double?] { multiplier == 1 ? line : line.map(scaled) }
        values = all(phase.values)
        centre = Array(repeating: scaled(phase.centre), count: phase.values.count)
        lower = all(phase.lower)
        upper = all(phase.upper)
        lower2 = all(phase.lower2)
        upper2 = all(phase.upper2)
    }

    public var count: Int { values.count }

    /// True when the point's value lies strictly above its upper or below its lower limit.
    public func isOutsideLimits(_ index: Int) -> Bool {
        guard let value = values[index] else { return false }
        if let upper = upper[index], value > upper { return true }
        if let lower = lower[index], value < lower { return true }
        return false
    }
}
