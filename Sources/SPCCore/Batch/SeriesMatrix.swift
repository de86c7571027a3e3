/// Many series on one grid of periods, as contiguous column-major matrices
/// (series × periods): element (series `s`, period column `w`) lives at `s + w * seriesCount`,
/// the layout BLAS reads. A period a series did not observe is masked out (`observed` is
/// 0 there and the numerator and denominator are 0), never a NaN.
///
/// The grid is the union of the series' periods in ascending order; weekly data from one
/// export usually gives every series the same grid, so building it costs one comparison
/// per point.
public struct SeriesMatrix: Sendable {
    /// Number of series (matrix rows).
    public let seriesCount: Int
    /// The grid's period keys (days since 1970-01-01), ascending: the matrix columns.
    public let periods: [Int32]
    /// Numerators (counts or values), column-major, 0 where unobserved.
    public private(set) var numerators: [Double]
    /// Denominators, column-major, 0 where unobserved or absent; `nil` when no series has any.
    public private(set) var denominators: [Double]?
    /// 1 where the series observed the period, else 0 (a `Double` mask so BLAS can use it).
    public private(set) var observed: [Double]
    /// For series `s`, its points' grid columns are `columns[pointStart[s]..<pointStart[s + 1]]`.
    public let pointStart: [Int]
    public let columns: [Int32]

    public var periodCount: Int { periods.count }

    /// Places `series` (each with ascending periods) on the union grid of their periods.
    public init(_ series: [Series]) {
        let grid = SeriesMatrix.unionGrid(series)
        var pointStart = [Int](repeating: 0, count: series.count + 1)
        for (index, one) in series.enumerated() { pointStart[index + 1] = pointStart[index] + one.count }
        var columns = [Int32](repeating: 0, count: pointStart[series.count])
        let rows = series.count
        var numerators = [Double](repeating: 0, count: rows * grid.count)
        let hasDenominators = series.contains { $0.denominators != nil }
        var denominators = hasDenominators ? [Double](repeating: 0, count: rows * grid.count) : nil
        var observed = [Double](repeating: 0, count: rows * grid.count)
        for (row, one) in series.enumerated() {
            var column = 0
            for point in 0..<one.count {
                while grid[column] < one.periods[point] { column += 1 }
                columns[pointStart[row] + point] = Int32(column)
                let slot = row + column * rows
                numerators[slot] = one.numerators[point]
                if let values = one.denominators { denominators![slot] = values[point] }
                observed[slot] = 1
            }
        }
        self.seriesCount = rows
        self.periods = grid
        self.numerators = numerators
        self.denominators = denominators
        self.observed = observed
        self.pointStart = pointStart
        self.columns = columns
    }

    /// The grid columns of series `row`'s points, in order.
    public func columns(ofSeries row: Int) -> ArraySlice<Int32> { columns[pointStart[row]..<pointStart[row + 1]] }

    /// The ascending union of every series' periods.
    static func unionGrid(_ series: [Series]) -> [Int32] {
        var grid: [Int32] = series.first?.periods ?? []
        for one in series.dropFirst() where one.periods != grid {
            var merged: [Int32] = []
            merged.reserveCapacity(grid.count + one.count)
            var i = 0, j = 0
            while i < grid.count || j < one.count {
                if j == one.count || (i < grid.count && grid[i] < one.periods[j]) {
                    merged.append(grid[i]); i += 1
                } else if i == grid.count || one.periods[j] < grid[i] {
                    merged.append(one.periods[j]); j += 1
                } else {
                    merged.append(grid[i]); i += 1; j += 1
                }
            }
            grid = merged
        }
        return grid
    }
}
