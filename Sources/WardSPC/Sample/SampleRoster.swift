/// A made-up NHS trust of the sample programme.
public struct SampleTrust: Sendable, Equatable {
    /// Written in the `trust` column, e.g. `RX1`.
    public var code: String
    /// The trust's full (fictional) name, for documentation.
    public var name: String

    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }
}

/// A made-up ward: which trust runs it, its name and its type.
public struct SampleWard: Sendable, Equatable {
    /// The trust's code.
    public var trust: String
    /// Written in the `ward` column; unique within the trust.
    public var name: String
    public var type: WardType

    public init(trust: String, name: String, type: WardType) {
        self.trust = trust
        self.name = name
        self.type = type
    }
}

/// The default roster: 3 trusts, 36 wards (15 acute, 4 PICU, 8 older adult, 6 forensic,
/// 3 learning disability). All names are invented.
public enum SampleRoster {
    public static let trusts: [SampleTrust] = [
        SampleTrust(code: "RX1", name: "Northshire Partnership NHS Foundation Trust"),
        SampleTrust(code: "RX2", name: "Eastvale Mental Health NHS Trust"),
        SampleTrust(code: "RX3", name: "Westmoor Care NHS Foundation Trust"),
    ]

    public static let wards: [SampleWard] = [
        ward("RX1", "Alder", .acute), ward("RX1", "Aspen", .acute), ward("RX1", "Hazel", .acute),
        ward("RX1", "Linden", .acute), ward("RX1", "Rowan", .acute), ward("RX1", "Willow", .acute),
        ward("RX1", "Kestrel", .picu),
        ward("RX1", "Bluebell", .olderAdult), ward("RX1", "Heather", .olderAdult), ward("RX1", "Primrose", .olderAdult),
        ward("RX1", "Beacon", .forensic), ward("RX1", "Harbour", .forensic),
        ward("RX1", "Meadow", .learningDisability),

        ward("RX2", "Birch", .acute), ward("RX2", "Elm", .acute), ward("RX2", "Maple", .acute),
        ward("RX2", "Oak", .acute), ward("RX2", "Sycamore", .acute),
        ward("RX2", "Falcon", .picu), ward("RX2", "Merlin", .picu),
        ward("RX2", "Foxglove", .olderAdult), ward("RX2", "Poppy", .olderAdult),
        ward("RX2", "Anchor", .forensic), ward("RX2", "Lighthouse", .forensic),
        ward("RX2", "Brook", .learningDisability),

        ward("RX3", "Cedar", .acute), ward("RX3", "Hawthorn", .acute), ward("RX3", "Juniper", .acute),
        ward("RX3", "Larch", .acute),
        ward("RX3", "Osprey", .picu),
        ward("RX3", "Clover", .olderAdult), ward("RX3", "Daisy", .olderAdult), ward("RX3", "Lavender", .olderAdult),
        ward("RX3", "Moorland", .forensic), ward("RX3", "Ridgeway", .forensic),
        ward("RX3", "Riverside", .learningDisability),
    ]

    private static func ward(_ trust: String, _ name: String, _ type: WardType) -> SampleWard {
        SampleWard(trust: trust, name: name, type: type)
    }
}
