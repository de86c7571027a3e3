/// Small-number suppression for publication (`--suppress-below K`, DESIGN.md §5.3): the
/// one place that decides which counts are withheld.
public struct Suppression: Sendable, Equatable {
    /// Counts 1 … threshold − 1 are withheld; `nil` = off.
    public var threshold: Int?

    public init(threshold: Int? = nil) { self.threshold = threshold }

    /// Whether `count` is withheld (0 and counts ≥ the threshold are shown).
    public func hides(_ count: Int) -> Bool {
        guard let threshold else { return false }
        return count >= 1 && count < threshold
    }

    /// The count as text for tables and CSV: `*` when withheld.
    public func text(_ count: Int) -> String { hides(count) ? "*" : String(count) }
}
