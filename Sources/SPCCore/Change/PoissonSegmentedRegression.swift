#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Segmented Poisson regression of counts with a log-exposure offset: the count model
/// behind `--its poisson`.
///
/// log E[yₜ] = log(exposureₜ) + β₀ + β₁t + β₂X + β₃(t − t₀)X on the design of
/// `SegmentedRegression` (Wagner et al. 2002; Bernal, Cummins & Gasparrini 2017, "Interrupted
/// time series regression for the evaluation of public health interventions: a tutorial",
/// Int J Epidemiol 46:348–355). Fitted by iteratively reweighted least squares as R's
/// `glm(y ~ t + X + tau + offset(log(exposure)), family = poisson)`: start μ = y + 0.1,
/// then repeat z = η − offset + (y − μ)/μ, weights μ, β from the weighted least squares
/// (`BLAS.leastSquaresFactored` on √μ·X and √μ·z), until β moves less than 1e-12 relative — one
/// or two iterations past glm's deviance criterion, for full precision. SEs from the
/// Fisher information, (XᵀWX)⁻¹ at the fit (dispersion 1); `pearsonDispersion` says
/// whether a quasi-Poisson scale (multiply the SEs by its square root) is called for.
public struct PoissonSegmentedRegression: Sendable, Hashable {
    /// [β₀, β₁, β₂, β₃] on the log-rate scale.
    public let coefficients: [Double]
    /// Their standard errors from the Fisher information.
    public let standardErrors: [Double]
    /// The residual deviance 2Σ[y·ln(y/μ) − (y − μ)].
    public let deviance: Double
    /// Σ(y − μ)²/μ/(n − 4): about 1 for Poisson data, above 1 for over-dispersed counts.
    public let pearsonDispersion: Double
    /// IRLS iterations taken.
    public let iterations: Int
    public let points: Int
    public let baselinePoints: Int
    public let comparisonPoints: Int

    /// β₂ on the log scale.
    public var levelChange: Double { coefficients[2] }
    /// β₃ on the log scale, per period.
    public var slopeChange: Double { coefficients[3] }
    public var levelChangeStandardError: Double { standardErrors[2] }
    public var slopeChangeStandardError: Double { standardErrors[3] }
    /// exp(β₂): the rate at t₀ relative to the baseline trend's projection.
    public var levelRateRatio: Double { exp(coefficients[2]) }
    /// exp(β₃): the change in the per-period rate ratio.
    public var slopeRateRatio: Double { exp(coefficients[3]) }

    /// Fits one ward's counts.
    /// - Parameters:
    ///   - periods: t, strictly increasing, 0 = first baseline period.
    ///   - counts: events per period (≥ 0).
    ///   - exposures: bed days (or 1) per period (> 0).
    ///   - firstComparisonPeriod: t₀.
    /// - Returns: `nil` for fewer than 8 points or fewer than 2 on either side of t₀,
    ///   mismatched lengths, a negative count or non-positive exposure, no events before or
    ///   from t₀ (the maximum-likelihood estimate does not exist), or when IRLS does not
    ///   converge in 100 iterations (also a sign that it does not exist).
    public static func fit(periods: [Int], counts: [Int], exposures: [Double],
                           firstComparisonPeriod: Int) -> PoissonSegmentedRegression? {
        guard counts.count == periods.count, exposures.count == periods.count,
              counts.allSatisfy({ $0 >= 0 }), exposures.allSatisfy({ $0 > 0 && $0.isFinite }),
              let design = SegmentedDesign(periods: periods, firstComparisonPeriod: firstComparisonPeriod)
        else { return nil }
        let baseline = design.baselinePoints
        guard counts[..<baseline].contains(where: { $0 > 0 }),
              counts[baseline...].contains(where: { $0 > 0 }) else { return nil }

        let x = design.matrix
        let n = design.points
        let y = counts.map(Double.init)
        let offset = exposures.map { log($0) }
        var mu = y.map { $0 + 0.1 }
        var eta = mu.map { log($0) }
        var beta = [Double](repeating: 0, count: 4)

        for iteration in 1...100 {
            var weighted = Matrix(rows: n, columns: 4)
            var response = Matrix(rows: n, columns: 1)
            for row in 0..<n {
                let root = mu[row].squareRoot()
                for column in 0..<4 { weighted[row, column] = root * x[row, column] }
                response[row, 0] = root * (eta[row] - offset[row] + (y[row] - mu[row]) / mu[row])
            }
            guard let solution = try? BLAS.leastSquaresFactored(weighted, response) else { return nil }
            let next = (0..<4).map { solution.coefficients[$0, 0] }
            let moved = zip(next, beta).allSatisfy { abs($0 - $1) <= 1e-12 * max(1, abs($0)) }
            beta = next
            let linear = BLAS.multiply(x, beta)
            eta = zip(linear, offset).map { $0 + $1 }
            mu = eta.map { exp($0) }
            if moved && iteration > 1 {
                return finish(design: design, x: x, y: y, mu: mu, beta: beta, iterations: iteration)
            }
        }
        return nil
    }

    /// SEs, deviance and dispersion at the converged μ.
    private static func finish(design: SegmentedDesign, x: Matrix, y: [Double], mu: [Double],
                               beta: [Double], iterations: Int) -> PoissonSegmentedRegression? {
        let n = design.points
        var weighted = Matrix(rows: n, columns: 4)
        for row in 0..<n {
            let root = mu[row].squareRoot()
            for column in 0..<4 { weighted[row, column] = root * x[row, column] }
        }
        guard let factor = try? BLAS.leastSquaresFactored(weighted, Matrix(rows: n, columns: 1)),
              let information = try? BLAS.inverseOfGram(triangularFactor: factor.triangularFactor)
        else { return nil }
        var deviance = 0.0
        var pearson = 0.0
        for (observed, fitted) in zip(y, mu) {
            deviance += 2 * ((observed > 0 ? observed * log(observed / fitted) : 0) - (observed - fitted))
            pearson += (observed - fitted) * (observed - fitted) / fitted
        }
        return PoissonSegmentedRegression(
            coefficients: beta, standardErrors: (0..<4).map { information[$0, $0].squareRoot() },
            deviance: deviance, pearsonDispersion: pearson / Double(n - 4), iterations: iterations,
            points: n, baselinePoints: design.baselinePoints, comparisonPoints: design.comparisonPoints)
    }
}
