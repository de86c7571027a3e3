/// The rows of the series being read on the fast path, one entry per period: rows of one
/// period that differ by a dimension are combined as `SeriesBuilder` combines them —
/// counts add up in file order, and the denominator follows `--denominator-scope`.
struct SeriesRows {
    private(set) var periods: [CivilDate] = []
    private(set) var values: [Double] = []
    private(set) var denominators: [Double?] = []
    private let dimensionCount: Int
    /// The current period's rows: how many, their dimension values (flattened) and denominators.
    private var periodRows = 0
    private var periodDimensions: [Range<Int>] = []
    private var periodDenominators: [Double] = []

    init(dimensions: Int) { dimensionCount = dimensions }

    /// Adds a row; returns why the whole-file reader must read the file instead, if it must.
    mutating func add(_ date: CivilDate, value: Double, denominator: Double?, dimensions: [Range<Int>],
                      scope: DenominatorScope, piece: UnsafeBufferPointer<UInt8>) -> String? {
        if let last = periods.last, last == date {
            // Another row of the same period: it must differ in a dimension (else it is a
            // duplicate the whole-file reader reports).
            guard dimensionCount > 0 else { return "two rows for one period" }
            for start in stride(from: 0, to: periodDimensions.count, by: dimensionCount)
                where (0..<dimensionCount).allSatisfy({ piece.sameBytes(periodDimensions[start + $0], dimensions[$0]) }) {
                return "duplicate rows"
            }
            values[values.count - 1] += value
        } else {
            if let last = periods.last, !(last < date) { return "rows of a series out of date order" }
            if let problem = closePeriod(scope: scope) { return problem }
            periods.append(date)
            values.append(value)
            denominators.append(denominator)
        }
        periodRows += 1
        if dimensionCount > 0 {
            periodDimensions += dimensions
            if let denominator { periodDenominators.append(denominator) }
        }
        return nil
    }

    /// Sets the current period's denominator from its rows: one value repeated is the
    /// ward's, different ones add up (per `scope`). A period of one row keeps its own.
    mutating func closePeriod(scope: DenominatorScope) -> String? {
        defer {
            if periodRows > 0 && dimensionCount > 0 {
                periodDimensions.removeAll(keepingCapacity: true)
                periodDenominators.removeAll(keepingCapacity: true)
            }
            periodRows = 0
        }
        guard periodRows > 1, !periodDenominators.isEmpty else { return nil }
        guard let combined = scope.combined(periodDenominators) else { return "rows of one period with different denominators" }
        denominators[denominators.count - 1] = combined
        return nil
    }

    mutating func removeAll() {
        periods.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
        denominators.removeAll(keepingCapacity: true)
    }
}
