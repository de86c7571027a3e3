import ArgumentParser
import WardSPC

/// The baseline and comparison windows of `evaluate` and `breakdown` (DESIGN.md §4.4),
/// and the events file that can set them per ward.
struct EvaluationWindowOptions: ParsableArguments {
    @Option(name: .customLong("baseline-until"), help: "Baseline window: periods starting on or before this date (YYYY-MM-DD or DD/MM/YYYY). Default: the first 26 observed periods, or each ward's first phase event with --events.")
    var baselineUntil: DateArgument?

    @Option(name: .customLong("baseline-weeks"), help: "Baseline window: the first N observed periods (weeks, or months with --period month). Default: 26.")
    var baselineWeeks: Int?

    @Option(help: "Comparison window: periods starting on or after this date. Default: the periods after the baseline (or the last 26).")
    var from: DateArgument?

    @Option(help: "Comparison window: periods starting on or before this date. Default: the last period.")
    var to: DateArgument?

    @Option(help: "Per-ward events file (trust, ward, date, label[, kind]): each ward's first phase event splits its baseline from its comparison (and starts a phase in evaluate's SPC view). Default: none.")
    var events: String?

    func validate() throws {
        if baselineUntil != nil && baselineWeeks != nil {
            throw ValidationError("give --baseline-until or --baseline-weeks, not both")
        }
        if let baselineWeeks, baselineWeeks < 1 { throw ValidationError("--baseline-weeks must be at least 1") }
        if let from, let to, to.date < from.date { throw ValidationError("--to is before --from") }
    }

    /// Sets the windows of `settings` (and its per-ward events, already read).
    func apply(to settings: inout EvaluationSettings, events wardEvents: WardEvents?) {
        settings.windows.baselineUntil = baselineUntil?.date
        settings.windows.baselinePeriods = baselineWeeks
        settings.windows.from = from?.date
        settings.windows.to = to?.date
        settings.events = wardEvents
    }
}
