/// The lines of one phase before the multiplier: one entry per point of the phase.
///
/// Chart functions return this; `ChartComputation` places it into the series' `ChartLines`
/// and applies the multiplier. `nil` means no such line or value at that point.
public struct PhaseLines: Sendable, Equatable {
    public var values: [Double?]
    /// The centre line, the same across the phase (`nil` without baseline data).
    public var centre: Double?
    public var lower: [Double?]
    public var upper: [Double?]
    public var lower2: [Double?]
    public var upper2: [Double?]
    /// Moving-range screening was given up because it would have left MR̄ = 0
    /// (`MovingRange.screenedAverage`): the limits use the unscreened σ.
    public var screeningFellBack = false

    /// Values and a centre line without limits (run charts, or limits that cannot be estimated).
    public init(values: [Double?], centre: Double?) {
        let none = [Double?](repeating: nil, count: values.count)
        self.values = values
        self.centre = centre
        lower = none
        upper = none
        lower2 = none
        upper2 = none
    }

    /// Lines at centre ± 3σᵢ (limits) and centre ± 2σᵢ (2σ lines), clamped to `bounds`.
    ///
    /// - Parameters:
    ///   - sigmas: σ at each point of the phase (constant for i, c, g; 1/√nᵢ-shaped for
    ///     u and p); a `nil` or non-finite σ gives no lines at that point (qicharts2 turns
    ///     non-finite limits into NA).
    public init(values: [Double?], centre: Double, sigmas: [Double?], bounds: LimitBounds) {
        self.values = values
        self.centre = centre
        // One pass per line, each array built once (this runs for every phase of every series).
        func line(_ multiple: Double) -> [Double?] {
            sigmas.map { sigma in
                guard let sigma, sigma.isFinite else { return nil }
                return bounds.clamp(centre + multiple * sigma)
            }
        }
        lower = line(-3)
        upper = line(3)
        lower2 = line(-2)
        upper2 = line(2)
    }
}

/// The range a chart's limits are clamped to (DESIGN.md §4.1).
public struct LimitBounds: Sendable, Equatable {
    public var floor: Double?
    public var ceiling: Double?

    public init(floor: Double? = nil, ceiling: Double? = nil) {
        self.floor = floor
        self.ceiling = ceiling
    }

    /// i charts: a negative lower limit is shown as it is.
    public static let unbounded = LimitBounds()
    /// Counts, rates and days between incidents: a lower limit below 0 is 0.
    public static let nonNegative = LimitBounds(floor: 0)
    /// Proportions: limits inside [0, 1].
    public static let unitInterval = LimitBounds(floor: 0, ceiling: 1)

    public func clamp(_ value: Double) -> Double {
        var result = value
        if let floor, result < floor { result = floor }
        if let ceiling, result > ceiling { result = ceiling }
        return result
    }
}
