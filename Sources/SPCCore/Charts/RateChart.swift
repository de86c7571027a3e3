/// u and Laney u′ charts: event rates (count ÷ exposure, e.g. bed days) under a Poisson
/// model (DESIGN.md §4.1). Lines are per unit of exposure; `ChartComputation` applies
/// the multiplier (per 1,000 bed days by default).
///
/// Sources: Montgomery, *Introduction to Statistical Quality Control*, eq. 7.19
/// (ū ± 3√(ū/nᵢ)); Laney 2002 for u′; qicharts2 0.8.1 `qic.u` and `qic.up`.
public enum RateChart {
    /// One phase of a u chart: ū = Σcount/Σexposure over the baseline, limits
    /// ū ± 3√(ū/nᵢ), 2σ lines ū ± 2√(ū/nᵢ), lower ones clamped at 0.
    /// - Parameters:
    ///   - counts: each point's count.
    ///   - exposures: each point's exposure (bed days); a point with none (≤ 0) has no
    ///     value and no limits.
    ///   - baseline: the phase's baseline mask.
    public static func u(counts: [Double], exposures: [Double], baseline: [Bool]) -> PhaseLines {
        u(counts: counts, exposures: exposures,
          centre: RatioValues.pooled(numerators: counts, denominators: exposures, baseline: baseline))
    }

    /// One phase of a u chart around a centre ū already pooled (the batch engine pools
    /// every series at once); `nil` gives values without lines.
    static func u(counts: [Double], exposures: [Double], centre: Double?) -> PhaseLines {
        let values = RatioValues.ratios(numerators: counts, denominators: exposures)
        guard let centre else { return PhaseLines(values: values, centre: nil) }
        return PhaseLines(values: values, centre: centre, sigmas: poissonSigmas(centre: centre, exposures: exposures),
                          bounds: .nonNegative)
    }

    /// One phase of a Laney u′ chart: as `u`, with σᵢ = σ_z·√(ū/nᵢ) (see `Laney`).
    public static func uPrime(counts: [Double], exposures: [Double], baseline: [Bool], screened: Bool) -> PhaseLines {
        uPrime(counts: counts, exposures: exposures, baseline: baseline, screened: screened,
               centre: RatioValues.pooled(numerators: counts, denominators: exposures, baseline: baseline))
    }

    /// One phase of a Laney u′ chart around a centre already pooled.
    static func uPrime(counts: [Double], exposures: [Double], baseline: [Bool], screened: Bool,
                       centre: Double?) -> PhaseLines {
        let values = RatioValues.ratios(numerators: counts, denominators: exposures)
        guard let centre else { return PhaseLines(values: values, centre: nil) }
        let sigmas = Laney.adjustedSigmas(values: values, baseline: baseline, centre: centre,
                                          modelSigmas: poissonSigmas(centre: centre, exposures: exposures),
                                          screened: screened)
        return PhaseLines(values: values, centre: centre, sigmas: sigmas, bounds: .nonNegative)
    }

    /// √(ū/nᵢ), `nil` where there is no exposure.
    static func poissonSigmas(centre: Double, exposures: [Double]) -> [Double?] {
        exposures.map { $0 > 0 ? (centre / $0).squareRoot() : nil }
    }
}
