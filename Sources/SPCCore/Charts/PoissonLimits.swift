/// Exact Poisson probability limits for c and u charts (`--chart auto` on small counts).
///
/// ±3σ limits assume the count is roughly normal. With a mean of a few incidents a point
/// it is not: the 3σ lower limit is 0 (no fall can ever be outside it) and the chance of a
/// count above c̄ + 3√c̄ is several times the nominal 0.135% — for c̄ = 0.5 it is 1.4%, ten
/// times. Probability limits put each line where the Poisson tail has the same chance as
/// the normal tail beyond 3σ (0.135%) or 2σ (2.275%):
///
/// - upper limit = the smallest count k with P(X ≤ k) ≥ 1 − 0.00135, so a count strictly
///   above it has probability at most 0.135%; upper 2σ line likewise at 1 − 0.02275;
/// - lower limit = the smallest k with P(X ≤ k) ≥ 0.00135, so a count strictly below it
///   has probability under 0.135% (often k = 0: no count can be below it); lower 2σ line
///   likewise at 0.02275;
///
/// with X ~ Poisson(μᵢ), μᵢ = c̄ on a c chart and ūnᵢ on a u chart, and each line divided by
/// nᵢ on a u chart (so a point on a line is not beyond it, as with every other chart).
///
/// Sources: Montgomery, *Introduction to Statistical Quality Control*, §7.3 (probability
/// limits for the c chart); Ryan, *Statistical Methods for Quality Improvement*, §8.1
/// (the inflated false-alarm rate of 3σ count limits at small means); SAS/QC's RAREEVENTS
/// procedure (probability limits for rare events).
public enum PoissonLimits {
    /// The one-sided tail beyond 3σ of a normal distribution, Φ(−3).
    public static let limitTail = 0.0013498980316301
    /// The one-sided tail beyond 2σ, Φ(−2).
    public static let twoSigmaTail = 0.0227501319481792

    /// One phase of a c chart with probability limits around c̄, the mean baseline count.
    public static func c(values: [Double?], baseline: [Bool]) -> PhaseLines {
        let centre = Descriptive.mean(Descriptive.selected(values, where: baseline))
        guard let centre else { return PhaseLines(values: values, centre: nil) }
        var lines = PhaseLines(values: values, centre: centre)
        let limits = countLimits(mean: centre)
        for index in values.indices {
            lines.lower[index] = limits.lower
            lines.upper[index] = limits.upper
            lines.lower2[index] = limits.lower2
            lines.upper2[index] = limits.upper2
        }
        return lines
    }

    /// One phase of a u chart with probability limits around ū = Σcount/Σexposure over the
    /// baseline; a point without exposure (≤ 0) has no value and no lines.
    public static func u(counts: [Double], exposures: [Double], baseline: [Bool]) -> PhaseLines {
        let values = RatioValues.ratios(numerators: counts, denominators: exposures)
        let centre = RatioValues.pooled(numerators: counts, denominators: exposures, baseline: baseline)
        guard let centre else { return PhaseLines(values: values, centre: nil) }
        var lines = PhaseLines(values: values, centre: centre)
        for index in exposures.indices where exposures[index] > 0 {
            let exposure = exposures[index]
            let limits = countLimits(mean: centre * exposure)
            lines.lower[index] = limits.lower / exposure
            lines.upper[index] = limits.upper / exposure
            lines.lower2[index] = limits.lower2 / exposure
            lines.upper2[index] = limits.upper2 / exposure
        }
        return lines
    }

    /// The four lines as counts for a Poisson mean (0 for a mean of 0).
    public static func countLimits(mean: Double) -> (lower: Double, upper: Double, lower2: Double, upper2: Double) {
        func quantile(_ p: Double) -> Double { Double(Poisson.quantile(p, mean: mean) ?? 0) }
        return (quantile(limitTail), quantile(1 - limitTail), quantile(twoSigmaTail), quantile(1 - twoSigmaTail))
    }
}
