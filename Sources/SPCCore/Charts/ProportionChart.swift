/// p and Laney p′ charts: proportions (count ÷ patients) under a binomial model
/// (DESIGN.md §4.1). Limits are clamped to [0, 1].
///
/// Sources: Montgomery, *Introduction to Statistical Quality Control*, §7.2
/// (p̄ ± 3√(p̄(1−p̄)/nᵢ)); Laney 2002 for p′; qicharts2 0.8.1 `qic.p` and `qic.pp`.
public enum ProportionChart {
    /// One phase of a p chart: p̄ = Σcount/Σpatients over the baseline, limits
    /// p̄ ± 3√(p̄(1−p̄)/nᵢ) and 2σ lines p̄ ± 2√(…), clamped to [0, 1].
    /// - Parameters:
    ///   - counts: each point's count (of patients with the event).
    ///   - patients: each point's number of patients; a point with none (≤ 0) has no
    ///     value and no limits.
    ///   - baseline: the phase's baseline mask.
    public static func p(counts: [Double], patients: [Double], baseline: [Bool]) -> PhaseLines {
        p(counts: counts, patients: patients,
          centre: RatioValues.pooled(numerators: counts, denominators: patients, baseline: baseline))
    }

    /// One phase of a p chart around a centre p̄ already pooled (the batch engine).
    static func p(counts: [Double], patients: [Double], centre: Double?) -> PhaseLines {
        let values = RatioValues.ratios(numerators: counts, denominators: patients)
        guard let centre else { return PhaseLines(values: values, centre: nil) }
        return PhaseLines(values: values, centre: centre, sigmas: binomialSigmas(centre: centre, patients: patients),
                          bounds: .unitInterval)
    }

    /// One phase of a Laney p′ chart: as `p`, with σᵢ = σ_z·√(p̄(1−p̄)/nᵢ) (see `Laney`).
    public static func pPrime(counts: [Double], patients: [Double], baseline: [Bool], screened: Bool) -> PhaseLines {
        pPrime(counts: counts, patients: patients, baseline: baseline, screened: screened,
               centre: RatioValues.pooled(numerators: counts, denominators: patients, baseline: baseline))
    }

    /// One phase of a Laney p′ chart around a centre already pooled.
    static func pPrime(counts: [Double], patients: [Double], baseline: [Bool], screened: Bool,
                       centre: Double?) -> PhaseLines {
        let values = RatioValues.ratios(numerators: counts, denominators: patients)
        guard let centre else { return PhaseLines(values: values, centre: nil) }
        let sigmas = Laney.adjustedSigmas(values: values, baseline: baseline, centre: centre,
                                          modelSigmas: binomialSigmas(centre: centre, patients: patients),
                                          screened: screened)
        return PhaseLines(values: values, centre: centre, sigmas: sigmas, bounds: .unitInterval)
    }

    /// √(p̄(1−p̄)/nᵢ), `nil` where there are no patients.
    static func binomialSigmas(centre: Double, patients: [Double]) -> [Double?] {
        patients.map { $0 > 0 ? (centre * (1 - centre) / $0).squareRoot() : nil }
    }
}
