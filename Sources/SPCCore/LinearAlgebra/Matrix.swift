/// A dense matrix of `Double` stored column by column (the layout BLAS and LAPACK use).
///
/// Element (row `i`, column `j`) lives at `storage[i + j * rows]`.
public struct Matrix: Sendable, Equatable {
    public let rows: Int
    public let columns: Int
    /// Column-major elements; `rows * columns` of them.
    public var storage: [Double]

    /// A `rows × columns` matrix filled with `value`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "matrix dimensions must be non-negative")
        self.rows = rows
        self.columns = columns
        self.storage = Array(repeating: value, count: rows * columns)
    }

    /// A matrix from its rows, written the way it reads on paper.
    public init(rowMajor values: [[Double]]) {
        let rows = values.count
        let columns = values.first?.count ?? 0
        precondition(values.allSatisfy { $0.count == columns }, "every row needs the same number of columns")
        self.init(rows: rows, columns: columns)
        for (i, row) in values.enumerated() {
            for (j, value) in row.enumerated() { storage[i + j * rows] = value }
        }
    }

    public subscript(row: Int, column: Int) -> Double {
        get { storage[row + column * rows] }
        set { storage[row + column * rows] = newValue }
    }
}
