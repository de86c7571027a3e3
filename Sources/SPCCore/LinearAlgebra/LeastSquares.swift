import CBLAS

/// Why a least-squares solve failed.
public enum LeastSquaresError: Error, Equatable, Sendable {
    /// The design matrix does not have full column rank (a diagonal element of R is zero
    /// or below 1e-12 of the largest).
    case rankDeficient
    /// More columns than rows: the problem is under-determined.
    case underdetermined(rows: Int, columns: Int)
    /// LAPACK rejected an argument (`info` < 0); a programming error.
    case invalidArgument(Int)
}

/// A least-squares solution together with the triangular factor of its design matrix.
public struct LeastSquaresSolution: Sendable, Equatable {
    /// The `p × k` coefficients, one column per right-hand side.
    public let coefficients: Matrix
    /// R of the design's QR factorisation (`p × p`, upper triangular; AᵀA = RᵀR), for
    /// (AᵀA)⁻¹ through `BLAS.inverseOfGram(triangularFactor:)`.
    public let triangularFactor: Matrix
}

extension BLAS {
    /// Solves min ‖A·X − B‖ for every column of `b` at once (`LAPACKE_dgels`, QR).
    ///
    /// One design matrix, many right-hand sides: this is how wards that share their
    /// observed periods are fitted together in one call.
    /// - Parameters:
    ///   - a: the `n × p` design matrix, `n ≥ p`, full column rank.
    ///   - b: `n × k` right-hand sides.
    /// - Returns: the `p × k` coefficients.
    public static func leastSquares(_ a: Matrix, _ b: Matrix) throws(LeastSquaresError) -> Matrix {
        try leastSquaresFactored(a, b).coefficients
    }

    /// As `leastSquares`, also keeping R of A = QR, from the same single `dgels` call.
    public static func leastSquaresFactored(_ a: Matrix, _ b: Matrix) throws(LeastSquaresError) -> LeastSquaresSolution {
        precondition(a.rows == b.rows, "A has \(a.rows) rows but B has \(b.rows)")
        guard a.rows >= a.columns else {
            throw .underdetermined(rows: a.rows, columns: a.columns)
        }
        var factor = a.storage
        var rhs = b.storage
        let info = factor.withUnsafeMutableBufferPointer { aBuffer in
            rhs.withUnsafeMutableBufferPointer { bBuffer in
                LAPACKE_dgels(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "N")),
                              Int32(a.rows), Int32(a.columns), Int32(b.columns),
                              aBuffer.baseAddress, Int32(max(1, a.rows)),
                              bBuffer.baseAddress, Int32(max(1, b.rows)))
            }
        }
        if info > 0 { throw .rankDeficient }
        if info < 0 { throw .invalidArgument(Int(-info)) }
        // LAPACK only flags an exactly zero diagonal of R; in floating point a collinear
        // design leaves one of order 1e-16 instead, so judge R's diagonal relative to its largest.
        let diagonal = (0..<a.columns).map { abs(factor[$0 + $0 * a.rows]) }
        if let largest = diagonal.max(), let smallest = diagonal.min(), smallest <= largest * 1e-12 {
            throw .rankDeficient
        }
        var solution = Matrix(rows: a.columns, columns: b.columns)
        for column in 0..<b.columns {
            for row in 0..<a.columns {
                solution[row, column] = rhs[row + column * b.rows]
            }
        }
        var triangular = Matrix(rows: a.columns, columns: a.columns)
        for column in 0..<a.columns {
            for row in 0...column {
                triangular[row, column] = factor[row + column * a.rows]
            }
        }
        return LeastSquaresSolution(coefficients: solution, triangularFactor: triangular)
    }
}
