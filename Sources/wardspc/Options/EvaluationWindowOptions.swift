import ArgumentParser
import WardSPC

/// The baseline and comparison windows of `evaluate` and `breakdown` (DESIGN.md §4.4),
/// and the events file that can set them per ward.
struct EvaluationWindowOptions: ParsableArguments {
    @OptionGroup var baseline: BaselineOptions
    @OptionGroup var comparison: ComparisonOptions

    @Option(help: "Per-ward events file (trust, ward, date, label[, kind]): each ward's first phase event splits its baseline from its comparison (and starts a phase in evaluate's SPC view). Default: none.")
    var events: String?

    /// Adds the windows and the per-ward events (already read) to a request.
    func apply(to choices: inout RequestChoices, events wardEvents: WardEvents?) {
        choices.windows = StudyWindows(baseline, comparison)
        choices.events = wardEvents
        choices.eventsFile = events
    }
}
