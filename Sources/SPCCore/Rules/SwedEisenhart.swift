#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The exact distribution of the number of runs in a two-valued sequence, and the IHI
/// "too few / too many runs" limits drawn from it.
///
/// Source: F. S. Swed and C. Eisenhart, "Tables for testing randomness of grouping in a
/// sequence of alternatives", *Ann. Math. Statist.* 14 (1943) 66–87. With n₁ points above
/// and n₂ below the centre line, every arrangement equally likely, the number of runs R has
///
///     P(R = 2k)     = 2 · C(n₁−1, k−1) · C(n₂−1, k−1) / C(n₁+n₂, n₁)
///     P(R = 2k + 1) = [C(n₁−1, k) · C(n₂−1, k−1) + C(n₁−1, k−1) · C(n₂−1, k)] / C(n₁+n₂, n₁)
///
/// Binomial coefficients are taken in log space (a table of log-factorials, no `lgamma`,
/// whose glibc version writes a global), so thousands of points work.
///
/// **Limits convention** (two-sided 5%, 2.5% in each tail):
/// - `lower` is the largest L with P(R < L) ≤ 0.025: *too few runs* when R < `lower`;
/// - `upper` is the smallest U with P(R > U) ≤ 0.025: *too many runs* when R > `upper`.
///
/// The published Swed–Eisenhart table (and its textbook copies, e.g. Triola's "Critical
/// values for the number of runs G") lists instead the critical values themselves,
/// r_L = the largest r with P(R ≤ r) ≤ 0.025 and r_U = the smallest r with P(R ≥ r) ≤ 0.025,
/// rejecting when R ≤ r_L or R ≥ r_U; so `lower` = r_L + 1 and `upper` = r_U − 1, and the
/// two say exactly the same thing. An exact tie (P = 0.025 to within 1e-9 relative, which
/// happens at n₁ = 3, n₂ = 14, where P(R ≤ 3) = 17/680) counts as inside the 2.5% tail.
public enum SwedEisenhart {
    /// The probability left in each tail of the two-sided 5% test.
    public static let defaultTailProbability = 0.025

    /// Too few runs below `lower`, too many above `upper` (both bounds are acceptable).
    public struct Limits: Sendable, Equatable {
        public var lower: Int
        public var upper: Int

        public init(lower: Int, upper: Int) {
            self.lower = lower
            self.upper = upper
        }

        public func isTooFew(_ runs: Int) -> Bool { runs < lower }
        public func isTooMany(_ runs: Int) -> Bool { runs > upper }
    }

    /// P(R = r) for r = 0 … n₁ + n₂ (index = number of runs).
    ///
    /// With no points R = 0; with points on one side only R = 1; both with probability 1.
    public static func distribution(above: Int, below: Int) -> [Double] {
        precondition(above >= 0 && below >= 0, "point counts are never negative")
        let total = above + below
        var probabilities = [Double](repeating: 0, count: total + 1)
        if above == 0 || below == 0 {
            probabilities[total == 0 ? 0 : 1] = 1
            return probabilities
        }
        let logFactorials = logFactorialTable(upTo: total)
        func logChoose(_ n: Int, _ k: Int) -> Double {
            guard k >= 0, k <= n else { return -.infinity }
            return logFactorials[n] - logFactorials[k] - logFactorials[n - k]
        }
        let logArrangements = logChoose(total, above)
        for runs in 2...total {
            let k = runs / 2
            if runs % 2 == 0 {
                let logWays = logChoose(above - 1, k - 1) + logChoose(below - 1, k - 1)
                probabilities[runs] = logWays == -.infinity ? 0 : 2 * exp(logWays - logArrangements)
            } else {
                let first = logChoose(above - 1, k) + logChoose(below - 1, k - 1)
                let second = logChoose(above - 1, k - 1) + logChoose(below - 1, k)
                probabilities[runs] = (first == -.infinity ? 0 : exp(first - logArrangements))
                    + (second == -.infinity ? 0 : exp(second - logArrangements))
            }
        }
        return probabilities
    }

    /// P(R = runs) for `above` points above and `below` points below the centre line.
    public static func probability(ofRuns runs: Int, above: Int, below: Int) -> Double {
        let probabilities = distribution(above: above, below: below)
        return probabilities.indices.contains(runs) ? probabilities[runs] : 0
    }

    /// The two-sided limits for the number of runs (see the type's documentation).
    public static func limits(above: Int, below: Int,
                              tailProbability: Double = defaultTailProbability) -> Limits {
        let probabilities = distribution(above: above, below: below)
        // Ties at the tail probability count as inside the tail (17/680 at n₁ = 3, n₂ = 14).
        let threshold = tailProbability * (1 + 1e-9)
        // lower = the first r whose P(R ≤ r) exceeds the tail: then P(R < r) ≤ tail.
        var lower = 0
        var cumulative = 0.0
        for runs in probabilities.indices {
            cumulative += probabilities[runs]
            if cumulative > threshold { lower = runs; break }
        }
        // upper = the last r whose P(R ≥ r) exceeds the tail: then P(R > r) ≤ tail.
        var upper = probabilities.count - 1
        cumulative = 0
        for runs in probabilities.indices.reversed() {
            cumulative += probabilities[runs]
            if cumulative > threshold { upper = runs; break }
        }
        return Limits(lower: lower, upper: upper)
    }

    /// log(i!) for i = 0 … n, by summing logarithms (exact enough: the error grows like
    /// √n ulps, far below what the limits can notice).
    private static func logFactorialTable(upTo n: Int) -> [Double] {
        var table = [Double](repeating: 0, count: n + 1)
        var sum = 0.0
        if n >= 2 {
            for i in 2...n {
                sum += log(Double(i))
                table[i] = sum
            }
        }
        return table
    }
}
