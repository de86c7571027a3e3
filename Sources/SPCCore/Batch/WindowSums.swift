import CBLAS

/// Every series' sums over every window in one `cblas_dgemm`: the stacked matrix
/// [numerators; denominators; usable] (3S × W, masked to the usable points) times the
/// W × K window weights gives, per series and window, Σ numerator, Σ denominator and the
/// number of usable points.
public struct WindowSums: Sendable {
    public let seriesCount: Int
    public let windowCount: Int
    /// 3S × K, column-major: rows 0..<S numerator sums, S..<2S denominator sums, 2S..<3S counts.
    private let storage: [Double]

    /// - Parameters:
    ///   - usable: column-major S × W mask (1 or 0) of the points that may enter a centre:
    ///     observed ones, and for ratio charts only those with a positive denominator.
    public init(_ matrix: SeriesMatrix, usable: [Double], windows: PhaseWindows) {
        let rows = matrix.seriesCount
        let width = matrix.periodCount
        precondition(usable.count == rows * width, "one mask entry per matrix element")
        precondition(windows.weights.rows == width, "the windows belong to another grid")
        let stackedRows = 3 * rows
        var stacked = [Double](repeating: 0, count: stackedRows * width)
        let denominators = matrix.denominators
        for column in 0..<width {
            let source = column * rows
            let target = column * stackedRows
            for row in 0..<rows {
                let mask = usable[source + row]
                stacked[target + row] = matrix.numerators[source + row] * mask
                stacked[target + rows + row] = (denominators?[source + row] ?? 0) * mask
                stacked[target + 2 * rows + row] = mask
            }
        }
        let windowCount = windows.count
        var product = [Double](repeating: 0, count: stackedRows * windowCount)
        if rows > 0, width > 0 {
            stacked.withUnsafeBufferPointer { a in
                windows.weights.storage.withUnsafeBufferPointer { b in
                    product.withUnsafeMutableBufferPointer { c in
                        cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans,
                                    Int32(stackedRows), Int32(windowCount), Int32(width), 1.0,
                                    a.baseAddress, Int32(stackedRows),
                                    b.baseAddress, Int32(width), 0.0,
                                    c.baseAddress, Int32(stackedRows))
                    }
                }
            }
        }
        self.seriesCount = rows
        self.windowCount = windowCount
        self.storage = product
    }

    public func numerator(series: Int, window: Int) -> Double { storage[series + window * 3 * seriesCount] }
    public func denominator(series: Int, window: Int) -> Double { storage[seriesCount + series + window * 3 * seriesCount] }
    public func count(series: Int, window: Int) -> Double { storage[2 * seriesCount + series + window * 3 * seriesCount] }
}
