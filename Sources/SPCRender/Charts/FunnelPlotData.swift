import SPCCore

/// What a funnel plot shows: units (wards) as rate against exposure, a target, and
/// control limits as curves over exposure. A plain value so any computation can feed it
/// (the evaluation's `Funnel` results, or a caller's own).
public struct FunnelPlotData: Sendable {
    public struct Unit: Sendable {
        public var label: String
        /// Exposure, e.g. occupied bed days.
        public var exposure: Double
        /// Rate in display units (e.g. per 1,000 occupied bed days).
        public var rate: Double
        public var flag: Flag

        public init(label: String, exposure: Double, rate: Double, flag: Flag) {
            self.label = label
            self.exposure = exposure
            self.rate = rate
            self.flag = flag
        }
    }

    /// Where a unit lies against the limits.
    public enum Flag: String, Sendable, CaseIterable {
        case within
        case above95 = "above_95"
        case above998 = "above_99_8"
        case below95 = "below_95"
        case below998 = "below_99_8"
    }

    /// The limits at one exposure, in display units (SPCCore's exact Poisson limits).
    public typealias LimitPoint = FunnelLimits

    public var title: String
    /// e.g. "per 1,000 occupied bed days".
    public var rateUnits: String
    /// e.g. "occupied bed days".
    public var exposureUnits: String
    /// The target (usually the pooled rate), in display units.
    public var target: Double
    public var units: [Unit]
    /// Ascending exposure.
    public var limits: [LimitPoint]
    /// Which way is better: colours units above and below the limits.
    public var improvement: Improvement
    /// A line under the title, e.g. the period compared or an over-dispersion adjustment.
    public var subtitle: String?

    public init(title: String, rateUnits: String, exposureUnits: String, target: Double, units: [Unit],
                limits: [LimitPoint], improvement: Improvement = .decrease, subtitle: String? = nil) {
        self.title = title
        self.rateUnits = rateUnits
        self.exposureUnits = exposureUnits
        self.target = target
        self.units = units
        self.limits = limits
        self.improvement = improvement
        self.subtitle = subtitle
    }
}
