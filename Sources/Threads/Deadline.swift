/// The moment after which a piece of work is no longer wanted — `wardspc serve` gives each
/// upload one, so that the analysis behind a 503 stops instead of running on unseen.
///
/// Work that takes a deadline looks at it between series and inside its long loops, and
/// once it has passed stops early: it returns at once with results that are incomplete,
/// which the caller must throw away (`hasPassed` is still true when it looks). Nothing is
/// interrupted part-way through a series, so an early stop never leaves anything in a state
/// the rest of the work could trip over. `never`, the default everywhere, never passes: the
/// command line's results are always whole.
public struct Deadline: Sendable {
    /// `nil`: never.
    private let moment: ContinuousClock.Instant?

    private init(moment: ContinuousClock.Instant?) {
        self.moment = moment
    }

    /// A deadline that never passes.
    public static let never = Deadline(moment: nil)

    /// The deadline at `moment`.
    public static func at(_ moment: ContinuousClock.Instant) -> Deadline {
        Deadline(moment: moment)
    }

    /// The deadline `seconds` from now.
    public static func after(seconds: Double) -> Deadline {
        Deadline(moment: .now + .milliseconds(Int64((seconds * 1000).rounded(.up))))
    }

    /// Whether the moment has come: the work should stop. One clock read (tens of
    /// nanoseconds), so it can be asked once per series.
    public var hasPassed: Bool {
        guard let moment else { return false }
        return ContinuousClock.now >= moment
    }

    /// How long ago the moment came (zero before it, and for `never`): how late work that
    /// looks now has run past its deadline.
    public var overrun: Duration {
        guard let moment else { return .zero }
        return max(.zero, .now - moment)
    }

    /// The time left (zero once passed); `nil` for `never`.
    public var remaining: Duration? {
        guard let moment else { return nil }
        return max(.zero, moment - .now)
    }
}
