import CBLAS

extension BLAS {
    /// (AᵀA)⁻¹ from the triangular factor R of A = QR (`LAPACKE_dpotri`): since
    /// AᵀA = RᵀR, R serves as the Cholesky factor (the signs of its rows do not matter), and
    /// dpotri forms R⁻¹R⁻ᵀ. This is the unscaled covariance of least-squares coefficients,
    /// with about half the digits lost that forming and inverting AᵀA would lose.
    /// - Parameter r: `p × p` upper triangular (its lower triangle is ignored).
    /// - Returns: the symmetric `p × p` inverse.
    /// - Throws: `rankDeficient` when a diagonal element of R is zero.
    public static func inverseOfGram(triangularFactor r: Matrix) throws(LeastSquaresError) -> Matrix {
        precondition(r.rows == r.columns, "R must be square, not \(r.rows) × \(r.columns)")
        let p = r.rows
        var storage = r.storage
        guard p > 0 else { return r }
        let info = storage.withUnsafeMutableBufferPointer { buffer in
            LAPACKE_dpotri(LAPACK_COL_MAJOR, Int8(UInt8(ascii: "U")), Int32(p), buffer.baseAddress, Int32(p))
        }
        if info > 0 { throw .rankDeficient }
        if info < 0 { throw .invalidArgument(Int(-info)) }
        var inverse = Matrix(rows: p, columns: p)
        for column in 0..<p {
            for row in 0...column {
                inverse[row, column] = storage[row + column * p]
                inverse[column, row] = storage[row + column * p]
            }
        }
        return inverse
    }
}
