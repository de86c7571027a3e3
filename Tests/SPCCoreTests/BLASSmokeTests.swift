import Testing
@testable import SPCCore

/// Proves OpenBLAS and LAPACKE are linked and really called, with answers worked by hand.
@Suite struct BLASSmokeTests {
    @Test func dgemv_multipliesMatrixByVector() {
        // [1 2 3; 4 5 6] · [1, 0, -1] = [-2, -2]
        let a = Matrix(rowMajor: [[1, 2, 3], [4, 5, 6]])
        #expect(BLAS.multiply(a, [1, 0, -1]) == [-2, -2])
    }

    @Test func dgemm_multipliesMatrices() {
        // [1 2; 3 4] · [5 6; 7 8] = [19 22; 43 50]
        let product = BLAS.multiply(Matrix(rowMajor: [[1, 2], [3, 4]]), Matrix(rowMajor: [[5, 6], [7, 8]]))
        #expect(product == Matrix(rowMajor: [[19, 22], [43, 50]]))
    }

    @Test func dgels_fitsExactLine() throws {
        // y = 2 + 3t through t = 0…3: least squares returns the exact coefficients.
        let design = Matrix(rowMajor: [[1, 0], [1, 1], [1, 2], [1, 3]])
        let y = Matrix(rowMajor: [[2], [5], [8], [11]])
        let beta = try BLAS.leastSquares(design, y)
        #expect(abs(beta[0, 0] - 2) < 1e-12)
        #expect(abs(beta[1, 0] - 3) < 1e-12)
    }

    @Test func dgels_solvesManyRightHandSidesAtOnce() throws {
        // Points (0,1), (1,2), (2,2): OLS slope 0.5, intercept 7/6 (worked by hand);
        // the second column is the first doubled, so its coefficients double too.
        let design = Matrix(rowMajor: [[1, 0], [1, 1], [1, 2]])
        let y = Matrix(rowMajor: [[1, 2], [2, 4], [2, 4]])
        let beta = try BLAS.leastSquares(design, y)
        #expect(abs(beta[0, 0] - 7.0 / 6.0) < 1e-12)
        #expect(abs(beta[1, 0] - 0.5) < 1e-12)
        #expect(abs(beta[0, 1] - 7.0 / 3.0) < 1e-12)
        #expect(abs(beta[1, 1] - 1.0) < 1e-12)
    }

    @Test func dgels_reportsRankDeficiency() {
        // Two identical columns cannot both be estimated.
        let design = Matrix(rowMajor: [[1, 1], [1, 1], [1, 1]])
        let y = Matrix(rowMajor: [[1], [2], [3]])
        #expect(throws: LeastSquaresError.rankDeficient) { try BLAS.leastSquares(design, y) }
    }

    @Test func dgels_refusesMoreColumnsThanRows() {
        let design = Matrix(rowMajor: [[1, 2, 3]])
        #expect(throws: LeastSquaresError.underdetermined(rows: 1, columns: 3)) {
            try BLAS.leastSquares(design, Matrix(rowMajor: [[1]]))
        }
    }
}
