/// A two-sided confidence interval: [lower, upper] at a confidence level (0.95 for 95%).
public struct ConfidenceInterval: Sendable, Hashable {
    public var lower: Double
    public var upper: Double
    /// The coverage asked for, a fraction in (0, 1).
    public var level: Double

    public init(lower: Double, upper: Double, level: Double) {
        self.lower = lower
        self.upper = upper
        self.level = level
    }

    /// Whether the value lies inside the closed interval.
    public func contains(_ value: Double) -> Bool { lower <= value && value <= upper }
}
