/// The outside-limits signal every rule set adds on control charts (DESIGN.md §4.1):
/// a point strictly above its upper or strictly below its lower limit — the one place it
/// is decided, for the Anhøj, IHI and Making Data Count rules alike.
///
/// Excluded points are tested too — they are left out of estimation, not of the chart.
public enum OutsideLimits {
    /// One event per point outside its limits, in point order, with its side and phase;
    /// points in `range` only (default: all), none where `silenced` says so (a short `mdc`
    /// phase).
    public static func events(_ lines: ChartLines, layout: PhaseLayout, range: Range<Int>? = nil,
                              silenced: [Bool]? = nil) -> [SignalEvent] {
        var events: [SignalEvent] = []
        for index in range ?? 0..<lines.count where silenced?[index] != true {
            guard let side = side(lines, at: index) else { continue }
            events.append(SignalEvent(kind: .outsideLimits, points: [index], side: side,
                                      phase: layout.phaseOfPoint[index]))
        }
        return events
    }

    /// `.high` above the upper limit, `.low` below the lower limit, `nil` inside them or
    /// without a value or limit.
    public static func side(_ lines: ChartLines, at index: Int) -> SignalSide? {
        guard let value = lines.values[index] else { return nil }
        if let upper = lines.upper[index], value > upper { return .high }
        if let lower = lines.lower[index], value < lower { return .low }
        return nil
    }
}
