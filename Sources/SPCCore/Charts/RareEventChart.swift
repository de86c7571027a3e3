#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// g and t charts of the time between incidents, for events too rare to count per
/// period (DESIGN.md §3.3, §4.1). One point per incident from the second on, valued at
/// the days since the previous incident.
///
/// Sources: Montgomery, *Introduction to Statistical Quality Control*, p. 319 (geometric
/// σ = √(ḡ(ḡ + 1))); Provost & Murray, *The Health Care Data Guide* (2011), ch. 7 (the t
/// chart's y^(1/3.6) transformation to near-normality); qicharts2 0.8.1 `qic.g`, `qic.t`.
public enum RareEventChart {
    /// The power that makes Weibull-like intervals nearly normal (Nelson 1994).
    public static let weibullPower = 3.6

    /// One phase of a g chart: limits ḡ ± 3√(ḡ(ḡ + 1)) and 2σ lines ḡ ± 2√(…) with ḡ the
    /// mean of the baseline intervals, lower ones clamped at 0; the centre line shown is
    /// the baseline *median* (the geometric distribution is skewed; qicharts2 does the
    /// same, and runs are tested against it).
    /// - Parameters:
    ///   - values: days since the previous incident (0 for same-day incidents), `nil` where none.
    ///   - baseline: the phase's baseline mask.
    public static func g(values: [Double?], baseline: [Bool]) -> PhaseLines {
        let baselineValues = Descriptive.selected(values, where: baseline)
        guard let mean = Descriptive.mean(baselineValues), let median = Descriptive.median(baselineValues) else {
            return PhaseLines(values: values, centre: nil)
        }
        let sigma = (mean * (mean + 1)).squareRoot()
        var lines = PhaseLines(values: values, centre: mean, sigmas: Array(repeating: sigma, count: values.count),
                               bounds: .nonNegative)
        lines.centre = median
        return lines
    }

    /// One phase of a t chart: an i chart of y^(1/3.6) whose centre, limits and 2σ lines
    /// are raised back to the power 3.6; a transformed lower line at or below 0 becomes 0.
    /// - Parameters:
    ///   - values: days since the previous incident, each > 0 (WardSPC refuses a 0
    ///     interval and suggests a g chart), `nil` where none.
    ///   - baseline: the phase's baseline mask.
    ///   - screened: screen the transformed moving ranges (as an i chart's).
    public static func t(values: [Double?], baseline: [Bool], screened: Bool) -> PhaseLines {
        let transformed = values.map { $0.map { pow($0, 1 / weibullPower) } }
        let (centre, sigma, fellBack) = IndividualsChart.estimate(
            baselineValues: Descriptive.selected(transformed, where: baseline), screened: screened,
            nhsEnglandConstant: false)
        guard let centre else { return PhaseLines(values: values, centre: nil) }
        var lines = PhaseLines(values: values, centre: backTransform(centre))
        lines.screeningFellBack = fellBack
        guard let sigma, sigma.isFinite else { return lines }
        for index in values.indices {
            lines.lower[index] = backTransform(centre - 3 * sigma)
            lines.upper[index] = backTransform(centre + 3 * sigma)
            lines.lower2[index] = backTransform(centre - 2 * sigma)
            lines.upper2[index] = backTransform(centre + 2 * sigma)
        }
        return lines
    }

    /// y^3.6 for y > 0, and 0 otherwise (a negative transformed line has no real power;
    /// qicharts2 sets that lower limit to 0).
    static func backTransform(_ transformed: Double) -> Double {
        transformed > 0 ? pow(transformed, weibullPower) : 0
    }
}
