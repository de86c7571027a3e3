/// The six measures of the sample programme, in the order their rows appear in the
/// file (alphabetical by name).
public enum SampleMeasure: String, CaseIterable, Sendable {
    case awol
    case rapidTranquillisation = "rapid_tranquillisation"
    case restraint
    case seclusion
    case selfHarm = "self_harm"
    case sexualSafety = "sexual_safety"

    /// The measure's name in the file.
    public var name: String { rawValue }

    /// Restrictive practices are what the collaborative sets out to reduce.
    public var isRestrictivePractice: Bool {
        self == .restraint || self == .seclusion || self == .rapidTranquillisation
    }
}

/// One value of a dimension column and the share of a measure's incidents it takes.
public struct DimensionShare: Sendable, Equatable {
    /// The value written in the dimension column, e.g. `prone`.
    public var value: String
    /// Fraction of the measure's incidents (the shares of one dimension add up to 1).
    public var share: Double

    public init(_ value: String, _ share: Double) {
        self.value = value
        self.share = share
    }
}

/// One ethnic category of the sample's equity file.
public struct SampleEthnicGroup: Sendable, Equatable {
    /// NHS Data Dictionary ethnic category code.
    public var code: String
    /// Its label (written instead of the code by the trusts in `ethnicLabelTrusts`).
    public var label: String
    /// Share of a ward's occupied bed days (before the ward's own variation).
    public var share: Double
    /// Restrictive-practice rate relative to White British patients on the same ward.
    public var relativeRate: Double

    public init(code: String, label: String, share: Double, relativeRate: Double) {
        self.code = code
        self.label = label
        self.share = share
        self.relativeRate = relativeRate
    }
}
