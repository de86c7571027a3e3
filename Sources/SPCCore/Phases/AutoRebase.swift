/// Which side of the current median a sustained shift must lie on (`--rebase-direction`).
public enum RebaseDirection: String, Sendable, CaseIterable, Codable {
    case below, above, both
}

/// A run that re-bases the median: from its first to its `length`-th useful point.
public struct SustainedShift: Sendable, Equatable {
    /// Point index of the run's first useful point.
    public var start: Int
    /// Point index of the run's `length`-th useful point (the run may go on past it).
    public var end: Int
    /// The median of the run's `length` useful points: the new centre from `start` on.
    public var median: Double

    public init(start: Int, end: Int, median: Double) {
        self.start = start
        self.end = end
        self.median = median
    }
}

/// Automatic re-basing of a run chart's median on sustained shifts (DESIGN.md §4.3),
/// compatible with runcharter 0.2.0.9000 (J. MacKintosh, R package `runcharter`, function
/// `runcharter(df, med_rows, runlength, direction)`).
///
/// What runcharter does, and this reproduces:
/// - baseline median = the median of the first `medianPoints` points (runcharter's
///   `median(head(y, med_rows), na.rm = TRUE)`: points without a value — and, here,
///   excluded points — are left out of the median but still count among the M);
/// - the search starts at the point after those M;
/// - a point *on* the current median, without a value, or excluded is skipped: it neither
///   counts nor breaks a run (runcharter drops `sign(y − median) == 0` rows before numbering
///   its runs);
/// - the first run of `length` useful points on the requested side is a sustained shift
///   from its first to its `length`-th useful point; a run on the other side is simply a
///   run that breaks it. With `both`, the first run of `length` on *either* side counts
///   (runcharter compares |cumulative sign| with the run length);
/// - the new median is the median of those `length` points (runcharter's right-aligned
///   rolling median of width `runlength` at the run's `length`-th point);
/// - the search restarts at the point after the shift's `length`-th useful point — not
///   after the end of the run, which may go on — against the new median; repeat until no
///   run is found.
/// Difference: runcharter drops a series with fewer than `med_rows + runlength` rows
/// altogether; here its baseline median is still returned (with no shifts, as none fits).
public enum AutoRebase {
    /// The baseline median (`nil` when none of the first `medianPoints` points has a usable
    /// value) and the sustained shifts, in order.
    public static func sustainedShifts(values: [Double?], excluded: [Bool], length: Int, medianPoints: Int,
                                       direction: RebaseDirection) -> (baselineMedian: Double?, shifts: [SustainedShift]) {
        precondition(values.count == excluded.count, "one exclusion flag per value")
        let baselineEnd = min(max(medianPoints, 0), values.count)
        let baseline = (0..<baselineEnd).compactMap { usableValue(values, excluded, $0) }
        guard let baselineMedian = median(of: baseline) else { return (nil, []) }
        guard length >= 1 else { return (baselineMedian, []) }

        var shifts: [SustainedShift] = []
        var currentMedian = baselineMedian
        var searchFrom = baselineEnd
        while let shift = firstShift(values, excluded, from: searchFrom, median: currentMedian,
                                     length: length, direction: direction) {
            shifts.append(shift)
            currentMedian = shift.median
            searchFrom = shift.end + 1
        }
        return (baselineMedian, shifts)
    }

    /// The first run of `length` useful points on the requested side at or after `start`.
    private static func firstShift(_ values: [Double?], _ excluded: [Bool], from start: Int, median: Double,
                                   length: Int, direction: RebaseDirection) -> SustainedShift? {
        var run: [Int] = []
        run.reserveCapacity(length)
        var runIsAbove = false
        for index in start..<max(start, values.count) {
            guard let value = usableValue(values, excluded, index), value != median else { continue }
            let above = value > median
            if run.isEmpty || above != runIsAbove {
                run.removeAll(keepingCapacity: true)  // a new run (one buffer for every run)
                run.append(index)
                runIsAbove = above
            } else {
                run.append(index)
            }
            guard run.count == length else { continue }
            let wanted: Bool
            switch direction {
            case .below: wanted = !runIsAbove
            case .above: wanted = runIsAbove
            case .both: wanted = true
            }
            if wanted {
                let runMedian = Self.median(of: run.map { values[$0]! })!
                return SustainedShift(start: run[0], end: index, median: runMedian)
            }
        }
        return nil
    }

    private static func usableValue(_ values: [Double?], _ excluded: [Bool], _ index: Int) -> Double? {
        excluded[index] ? nil : values[index]
    }

    /// The usual median (the mean of the middle two for an even count), as R's `median`.
    private static func median(of values: [Double]) -> Double? { Selection.median(values) }
}
