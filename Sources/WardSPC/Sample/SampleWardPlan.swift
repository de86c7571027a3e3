/// One ward's drawn characteristics in the sample programme: its size, its own rates,
/// when it joins the collaborative and how far its restrictive practice falls. The
/// weekly counts follow from these and the ward's own random stream.
public struct SampleWardPlan: Sendable, Equatable {
    public var ward: SampleWard
    /// Number of beds.
    public var beds: Int
    /// Mean occupancy, a fraction of beds occupied.
    public var occupancy: Double
    /// This ward's rate of each measure, per 1,000 occupied bed days, before the
    /// collaborative's effect (the type's base rate times the ward's own factor).
    public var rates: MeasureRates
    /// Week index (0 = the first week) at which the ward joins the collaborative.
    public var joinWeek: Int
    /// Fraction by which restrictive practice has fallen once the change is complete
    /// (0 = no change, 1 = none left).
    public var reduction: Double
    /// Weeks from joining until `reduction` is fully reached.
    public var rampWeeks: Int
    /// Rise in sexual-safety reports at its peak, a fraction of the rate before joining.
    public var sexualSafetyPeak: Double
    /// Week indices with no rows at all, ascending.
    public var missingWeeks: [Int]
    /// Week indices in which the ward is closed (rows with count 0 and bed days 0).
    public var closedWeeks: Range<Int>

    /// Multiplier of restrictive-practice rates in week `week`: 1 before joining, then
    /// falling linearly over `rampWeeks` to 1 − `reduction`.
    public func restrictivePracticeFactor(week: Int) -> Double {
        1 - reduction * rampProgress(week: week)
    }

    /// How far through its change the ward is in week `week`: 0 before joining, rising
    /// linearly to 1 over `rampWeeks`.
    public func rampProgress(week: Int) -> Double {
        min(max(Double(week - joinWeek) / Double(max(rampWeeks, 1)), 0), 1)
    }

    /// Multiplier of the sexual-safety reporting rate in week `week`: 1 before joining;
    /// then 1 + settled·(1 − e^(−s/τ)) + peak·(s/τ)·e^(1 − s/τ), s weeks after joining,
    /// τ weeks to the peak — a rise as reporting improves that settles a little above
    /// where it started.
    public func sexualSafetyFactor(week: Int, peakWeeks: Double, settledRise: Double) -> Double {
        guard week >= joinWeek else { return 1 }
        let scaled = Double(week - joinWeek) / peakWeeks
        return 1 + settledRise * (1 - PortableMath.exp(-scaled))
            + sexualSafetyPeak * scaled * PortableMath.exp(1 - scaled)
    }

    /// Whether the ward has rows for week `week`.
    public func hasRows(week: Int) -> Bool {
        !missingWeeks.contains(week)
    }
}
