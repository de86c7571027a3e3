/// Individuals (XmR) charts: the i chart of the values and the mr chart of their moving
/// ranges (DESIGN.md §4.1).
///
/// Sources: Montgomery, *Introduction to Statistical Quality Control*, eq. 6.33
/// (σ̂ = MR̄/d₂, d₂ = 1.128); qicharts2 0.8.1 `qic.i` and `qic.mr`; NHS England's
/// Making Data Count (limits mean ± 2.66·MR̄).
public enum IndividualsChart {
    /// d₂ for subgroups of two: σ̂ = MR̄ / 1.128.
    public static let d2 = 1.128
    /// NHS England's scaling constant: limits mean ± 2.66·MR̄ (= 3/1.128 rounded).
    public static let nhsEnglandConstant = 2.66

    /// The centre and σ of an individuals chart from its baseline values.
    /// - Parameters:
    ///   - baselineValues: the baseline values in time order (missing and excluded points
    ///     already left out, so the moving ranges bridge them).
    ///   - screened: drop moving ranges ≥ 3.267·MR̄ once before estimating σ.
    ///   - nhsEnglandConstant: σ = 2.66·MR̄/3, so that ±3σ is ±2.66·MR̄ and ±2σ is
    ///     ±2.66·(2/3)·MR̄; otherwise σ = MR̄/1.128.
    /// - Returns: the mean (`nil` without values), σ (`nil` with fewer than two values) and
    ///   whether screening was given up because it would leave MR̄ = 0 (`MovingRange.screenedAverage`).
    public static func estimate(baselineValues: [Double], screened: Bool, nhsEnglandConstant useConstant: Bool)
        -> (centre: Double?, sigma: Double?, screeningFellBack: Bool) {
        let centre = Descriptive.mean(baselineValues)
        let average = MovingRange.screenedAverage(of: baselineValues, screened: screened)
        guard let averageRange = average.value else { return (centre, nil, false) }
        let sigma = useConstant ? nhsEnglandConstant * averageRange / 3 : averageRange / d2
        return (centre, sigma, average.fellBack)
    }

    /// One phase of an i chart: mean ± 3σ and ± 2σ, not clamped (a negative lower limit
    /// is shown).
    /// - Parameters:
    ///   - values: each point's value, `nil` where none.
    ///   - baseline: the phase's baseline mask.
    public static func individuals(values: [Double?], baseline: [Bool], screened: Bool,
                                   nhsEnglandConstant useConstant: Bool) -> PhaseLines {
        let (centre, sigma, fellBack) = estimate(baselineValues: Descriptive.selected(values, where: baseline),
                                                 screened: screened, nhsEnglandConstant: useConstant)
        guard let centre else { return PhaseLines(values: values, centre: nil) }
        guard let sigma else { return PhaseLines(values: values, centre: centre) }
        var lines = PhaseLines(values: values, centre: centre,
                               sigmas: Array(repeating: sigma, count: values.count), bounds: .unbounded)
        lines.screeningFellBack = fellBack
        return lines
    }

    /// One phase of an mr chart: each point's moving range, centre MR̄ (never screened),
    /// upper limit 3.267·MR̄, lower limit 0, 2σ lines (3.267/3)·2·MR̄ and 0 (qicharts2).
    ///
    /// A point's moving range is taken from the latest earlier non-excluded point of the
    /// phase that has a value (missing periods and excluded points are bridged); the
    /// first such point of the phase has none. An excluded point still gets its moving
    /// range (it is drawn and tested) but is never the "previous" point of another.
    /// MR̄ is the mean of the moving ranges at baseline points.
    /// - Parameters:
    ///   - values: each point's value, `nil` where none.
    ///   - baseline: the phase's baseline mask.
    ///   - excluded: the phase's excluded mask.
    public static func movingRanges(values: [Double?], baseline: [Bool], excluded: [Bool]) -> PhaseLines {
        var ranges = [Double?](repeating: nil, count: values.count)
        var previous: Double?
        for index in values.indices {
            guard let value = values[index] else { continue }
            if let previous { ranges[index] = abs(value - previous) }
            if !excluded[index] { previous = value }
        }
        guard let centre = Descriptive.mean(Descriptive.selected(ranges, where: baseline)) else {
            return PhaseLines(values: ranges, centre: nil)
        }
        var lines = PhaseLines(values: ranges, centre: centre)
        let upper = MovingRange.upperLimitFactor * centre
        let upper2 = MovingRange.upperLimitFactor / 3 * 2 * centre
        for index in values.indices {
            lines.lower[index] = 0
            lines.upper[index] = upper
            lines.lower2[index] = 0
            lines.upper2[index] = upper2
        }
        return lines
    }
}
