/// The kind of inpatient mental-health ward: it sets the ward's size, occupancy and
/// base incident rates in the sample programme.
public enum WardType: String, CaseIterable, Sendable {
    case acute
    /// Psychiatric intensive care unit.
    case picu
    case olderAdult = "older_adult"
    case forensic
    case learningDisability = "learning_disability"
}

/// Base incident rates of a ward type, per 1,000 occupied bed days, before the ward's own
/// variation and the collaborative's effect.
public struct MeasureRates: Sendable, Equatable {
    public var awol: Double
    public var rapidTranquillisation: Double
    public var restraint: Double
    public var seclusion: Double
    public var selfHarm: Double
    public var sexualSafety: Double

    public init(restraint: Double, seclusion: Double, rapidTranquillisation: Double,
                selfHarm: Double, awol: Double, sexualSafety: Double) {
        self.restraint = restraint
        self.seclusion = seclusion
        self.rapidTranquillisation = rapidTranquillisation
        self.selfHarm = selfHarm
        self.awol = awol
        self.sexualSafety = sexualSafety
    }

    /// The rate of `measure`, per 1,000 occupied bed days.
    public subscript(measure: SampleMeasure) -> Double {
        switch measure {
        case .awol: awol
        case .rapidTranquillisation: rapidTranquillisation
        case .restraint: restraint
        case .seclusion: seclusion
        case .selfHarm: selfHarm
        case .sexualSafety: sexualSafety
        }
    }
}

/// Size, occupancy and base rates of one ward type.
public struct WardTypeProfile: Sendable, Equatable {
    /// Number of beds; each ward draws a whole number in this range.
    public var beds: ClosedRange<Int>
    /// Mean occupancy, a fraction of beds occupied; each ward draws its own in this range.
    public var occupancy: ClosedRange<Double>
    /// Base rates per 1,000 occupied bed days.
    public var rates: MeasureRates

    public init(beds: ClosedRange<Int>, occupancy: ClosedRange<Double>, rates: MeasureRates) {
        self.beds = beds
        self.occupancy = occupancy
        self.rates = rates
    }
}
