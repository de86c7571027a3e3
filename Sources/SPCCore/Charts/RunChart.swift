/// Run chart (DESIGN.md §4.1): the median of the baseline, no limits.
///
/// Source: qicharts2 0.8.1 `qic.run` — `median(y[baseline & include])`.
public enum RunChart {
    /// One phase of a run chart.
    /// - Parameters:
    ///   - values: what each point of the phase plots (count, rate or value), `nil` where none.
    ///   - baseline: the phase's baseline mask (never true for an excluded point).
    /// - Returns: the values, the median of the baseline values as the centre (`nil`
    ///   without baseline values) and no limits.
    public static func phase(values: [Double?], baseline: [Bool]) -> PhaseLines {
        PhaseLines(values: values, centre: Descriptive.median(Descriptive.selected(values, where: baseline)))
    }
}
