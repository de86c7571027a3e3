import Testing
@testable import SPCCore

@Suite struct GramInverseTests {
    @Test func inverseOfGram_fromTheQRFactor_matchesHandWorkedInverse() throws {
        // A = [1 0; 1 1; 1 2]: AᵀA = [3 3; 3 5], det 6, inverse [5 −3; −3 3]/6.
        let design = Matrix(rowMajor: [[1, 0], [1, 1], [1, 2]])
        let solution = try BLAS.leastSquaresFactored(design, Matrix(rowMajor: [[1], [2], [2]]))
        let inverse = try BLAS.inverseOfGram(triangularFactor: solution.triangularFactor)
        let expected = [[5.0 / 6, -3.0 / 6], [-3.0 / 6, 3.0 / 6]]
        for i in 0..<2 {
            for j in 0..<2 { #expect(abs(inverse[i, j] - expected[i][j]) < 1e-15, "[\(i), \(j)]") }
        }
        // The same single call also solved the system: slope ½, intercept 7/6.
        #expect(abs(solution.coefficients[0, 0] - 7.0 / 6) < 1e-15)
        #expect(abs(solution.coefficients[1, 0] - 0.5) < 1e-15)
    }

    @Test func inverseOfGram_ofASingularFactor_throws() {
        #expect(throws: LeastSquaresError.rankDeficient) {
            try BLAS.inverseOfGram(triangularFactor: Matrix(rowMajor: [[1, 2], [0, 0]]))
        }
    }
}
