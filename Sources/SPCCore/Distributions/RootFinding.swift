/// The root finder of the gamma quantile (`Gamma.inverse`, and through it the chi-square
/// quantile and Garwood's Poisson limits): Newton–Raphson steps, kept inside a bracket
/// that shrinks at every step, with bisection whenever a step would leave it. (The beta
/// quantile takes Halley steps of its own, `Beta.inverse`.)
enum RootFinding {
    /// The x in [lower, upper] where an increasing function crosses zero.
    ///
    /// - Parameters:
    ///   - lower, upper: a bracket with f(lower) ≤ 0 ≤ f(upper).
    ///   - start: the first guess (moved into the bracket when outside it).
    ///   - function: the value and the slope (derivative) at x.
    /// - Returns: x to about 2ε relative, or the bracket's best end after 1,000 steps.
    static func increasingRoot(lower: Double, upper: Double, start: Double,
                               _ function: (Double) -> (value: Double, slope: Double)) -> Double {
        var low = lower
        var high = upper
        var x = (start > low && start < high) ? start : low + (high - low) / 2
        for _ in 0..<1000 {
            let (value, slope) = function(x)
            if value == 0 { return x }
            if value < 0 { low = x } else { high = x }
            var next = x - value / slope
            if !next.isFinite || next <= low || next >= high {
                next = low + (high - low) / 2
            }
            if abs(next - x) <= 2 * Double.ulpOfOne * abs(next) || next == low || next == high {
                return next
            }
            x = next
        }
        return x
    }
}
