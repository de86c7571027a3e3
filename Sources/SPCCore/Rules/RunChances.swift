#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Per point, the chance that a stable process puts it strictly above or strictly below
/// its centre line — what makes run rules honest on small counts (docs/analysis.md,
/// "Run rules on small counts").
///
/// Every run rule assumes a point is as likely above its centre as below it: 6 or 7 in a
/// row on one side has chance (½)⁶ or (½)⁷. A count of rare incidents is not like that.
/// With a Poisson mean μ per point, P(below) = P(X < μ) = e^−μ for μ < 1 — 0.74 for
/// μ = 0.3 — so seven zero weeks in a row happen by chance in one stretch of seven out of
/// eight. Ties matter too: P(X = μ) can be large when μ is a whole number.
///
/// The rules keep their meaning — a run as unlikely by chance as the nominal run of a
/// continuous measure — by asking for a longer run on the more likely side:
/// L_side = ⌈L · ln ½ ÷ ln p̄_side⌉, never fewer than L, where p̄_side is the geometric
/// mean of the side's chance over the phase's points (on a u chart the chance varies a
/// little with the bed days). With p = ½ on both sides this is exactly the nominal rule.
/// Rules that skip points on the centre (Anhøj, IHI) use the chances given that a point is
/// off the centre, P(side) ÷ (P(above) + P(below)); rules whose run a tie breaks (Making
/// Data Count) use them as they are. A trend on small counts steps only where the count
/// itself changes: equal counts are a tie, as equal values are on any chart.
///
/// Sources: Anhøj & Olesen (2014), "Run charts revisited" (the runs rules' false-alarm
/// rates assume a continuous measure); Wheeler, *Understanding Variation* (2000), on
/// counts with small means; the run-length probabilities follow from independence.
public struct RunChances: Sendable, Equatable {
    /// P(value > centre) per point; 0 where the point has no value or centre.
    public var above: [Double]
    /// P(value < centre) per point; 0 where the point has no value or centre.
    public var below: [Double]
    /// The counts behind the points. On a u chart two equal counts are a tie for the trend
    /// rule even when the bed days make their rates differ: a rate that falls only because
    /// the bed days rose is not a trend in incidents.
    public var counts: [Double]

    public init(above: [Double], below: [Double], counts: [Double]) {
        precondition(above.count == below.count && counts.count == above.count, "one chance per point on each side")
        self.above = above
        self.below = below
        self.counts = counts
    }

    /// The chances of Poisson counts around their expected counts (μᵢ = c̄ on a c chart,
    /// ūnᵢ on a u chart); `nil` expected counts (no value or centre) get 0 on both sides.
    public static func poisson(expectedCounts: [Double?], counts: [Double]) -> RunChances {
        var above = [Double](repeating: 0, count: expectedCounts.count)
        var below = [Double](repeating: 0, count: expectedCounts.count)
        for (index, expected) in expectedCounts.enumerated() {
            guard let expected, expected.isFinite, expected >= 0 else { continue }
            // X > μ  ⇔  X > ⌊μ⌋;  X < μ  ⇔  X ≤ ⌈μ⌉ − 1.
            above[index] = Poisson.cdf(Int(expected.rounded(.down)), mean: expected, lowerTail: false) ?? 0
            below[index] = Poisson.cdf(Int(expected.rounded(.up)) - 1, mean: expected) ?? 0
        }
        return RunChances(above: above, below: below, counts: counts)
    }

    /// The run length a rule needs on `side` among `points`, for a rule whose nominal length
    /// (on a continuous measure) is `nominal`: ⌈nominal · ln ½ ÷ ln p̄⌉, at least `nominal`.
    /// - Parameter givenOffCentre: use P(side | not on the centre) — for rules that skip
    ///   points on the centre line rather than end a run there.
    /// - Returns: `nominal` without points or when p̄ ≤ ½; `Int.max` (no run can signal)
    ///   when every point lies on that side for certain.
    public func runLength(nominal: Int, side: SignalSide, points: some Sequence<Int>, givenOffCentre: Bool) -> Int {
        guard nominal > 0 else { return nominal }
        var logSum = 0.0
        var count = 0
        for index in points {
            let chance = self.chance(side, at: index, givenOffCentre: givenOffCentre)
            guard chance > 0 else { continue }  // the point cannot be on this side: it never joins a run
            logSum += log(chance)
            count += 1
        }
        guard count > 0 else { return nominal }
        let meanLog = logSum / Double(count)
        if meanLog >= 0 { return Int.max }
        let needed = (Double(nominal) * log(0.5) / meanLog).rounded(.up)
        guard needed.isFinite, needed < Double(Int.max / 2) else { return Int.max }
        return max(nominal, Int(needed))
    }

    /// The chance of a crossing between consecutive points of `points` — P(one above and
    /// the next below, or the reverse) given both off the centre — averaged over the pairs;
    /// ½ on a continuous measure. `nil` with fewer than two points.
    public func crossingChance(points: [Int]) -> Double? {
        guard points.count >= 2 else { return nil }
        var sum = 0.0
        for pair in 1..<points.count {
            let high0 = chance(.high, at: points[pair - 1], givenOffCentre: true)
            let high1 = chance(.high, at: points[pair], givenOffCentre: true)
            sum += high0 * (1 - high1) + (1 - high0) * high1
        }
        return sum / Double(points.count - 1)
    }

    /// Whether two points hold the same count (a tie for the trend rule).
    public func isTie(_ first: Int, _ second: Int) -> Bool { counts[first] == counts[second] }

    /// P(side) at one point, optionally given that the point is off the centre.
    public func chance(_ side: SignalSide, at index: Int, givenOffCentre: Bool) -> Double {
        let chance = side == .high ? above[index] : below[index]
        guard givenOffCentre else { return chance }
        let off = above[index] + below[index]
        return off > 0 ? chance / off : 0
    }
}
