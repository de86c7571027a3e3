/// A phase plan laid over a grid of periods when the plan is the same for every series
/// (phases by date, a baseline by date, excluded dates): which window each grid column
/// belongs to, and the periods × windows weight matrix whose product with a series
/// matrix gives every series' baseline sums at once.
///
/// Window `k` is the span from the `k`-th distinct phase start to the next; its weight is 1
/// on the columns of that span that are baseline (not excluded, not after
/// `baselineUntil`) and 0 elsewhere.
public struct PhaseWindows: Sendable {
    /// The window of each grid column.
    public let windowOfColumn: [Int]
    /// Periods × windows, column-major, 0/1.
    public let weights: Matrix

    /// `nil` when the plan needs each series' own points (`baselinePoints`): then the
    /// windows are not the same for every series.
    public init?(plan: PhasePlan, periods: [Int32]) {
        guard plan.baselinePoints == nil else { return nil }
        let starts = Array(Set(plan.phaseStarts)).sorted()
        var windowOfColumn = [Int](repeating: 0, count: periods.count)
        var window = 0
        for (column, period) in periods.enumerated() {
            while window < starts.count, period >= starts[window] { window += 1 }
            windowOfColumn[column] = window
        }
        var weights = Matrix(rows: periods.count, columns: starts.count + 1)
        for (column, period) in periods.enumerated() {
            if plan.excludedPeriods.contains(period) { continue }
            if let until = plan.baselineUntil, period > until { continue }
            weights[column, windowOfColumn[column]] = 1
        }
        self.windowOfColumn = windowOfColumn
        self.weights = weights
    }

    public var count: Int { weights.columns }
}
