/// c chart: counts of events per period under a Poisson model (DESIGN.md §4.1).
///
/// Source: Montgomery, *Introduction to Statistical Quality Control*, eq. 7.17
/// (c̄ ± 3√c̄); qicharts2 0.8.1 `qic.c`.
public enum CountChart {
    /// One phase of a c chart: c̄ = mean baseline count, limits c̄ ± 3√c̄ and 2σ lines
    /// c̄ ± 2√c̄, lower ones clamped at 0.
    /// - Parameters:
    ///   - values: each point's count, `nil` where none.
    ///   - baseline: the phase's baseline mask.
    public static func phase(values: [Double?], baseline: [Bool]) -> PhaseLines {
        phase(values: values, centre: Descriptive.mean(Descriptive.selected(values, where: baseline)))
    }

    /// One phase of a c chart around a centre c̄ already estimated (the batch engine).
    static func phase(values: [Double?], centre: Double?) -> PhaseLines {
        guard let centre else { return PhaseLines(values: values, centre: nil) }
        let sigma = centre.squareRoot()
        return PhaseLines(values: values, centre: centre,
                          sigmas: Array(repeating: sigma, count: values.count), bounds: .nonNegative)
    }
}
