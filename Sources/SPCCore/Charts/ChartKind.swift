/// The chart types of DESIGN.md §4.1.
public enum ChartKind: String, Sendable, CaseIterable, Codable {
    /// Run chart: median of the baseline, no limits.
    case run
    /// Individuals (XmR) chart.
    case i
    /// Moving-range chart.
    case mr
    /// Counts with a Poisson model.
    case c
    /// Rates (count ÷ exposure) with a Poisson model.
    case u
    /// Laney u′: u with between-period variation.
    case up
    /// Proportions (count ÷ patients) with a binomial model.
    case p
    /// Laney p′.
    case pp
    /// Days between incidents, geometric model.
    case g
    /// Time between incidents, Weibull-transformed individuals chart.
    case t

    /// u, up, p and pp plot numerator ÷ denominator and need a denominator.
    public var needsDenominator: Bool { self == .u || self == .up || self == .p || self == .pp }

    /// g and t work on the intervals between incidents, not on periodic counts.
    public var needsIncidentDates: Bool { self == .g || self == .t }

    /// The chart has control limits (every kind but `run`).
    public var hasLimits: Bool { self != .run }

    /// c, u, up, p and pp model whole counts of incidents (or patients): a `value` column
    /// (hours, scores) cannot be drawn on them.
    public var needsCounts: Bool { self == .c || self == .u || self == .up || self == .p || self == .pp }

    /// run, i, c, u and up plot one count or rate per period: the charts a before-and-after
    /// comparison of incidents can read its centre-line change from.
    public var drawsCountsPerPeriod: Bool { self == .run || self == .i || self == .c || self == .u || self == .up }
}

/// Which way is better for a measure (`--improvement`).
public enum Improvement: String, Sendable, CaseIterable, Codable {
    case decrease, increase, neutral
}
