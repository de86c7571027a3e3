import ArgumentParser
import SPCRender
import WardData
import WardSPC

/// The analysis flags of `chart` and `report` — every analysis flag `analyze` takes
/// (chart, rules, baseline, phases, filters, input, progress) — and the resolved request
/// they make.
struct PictureOptions: ParsableArguments {
    @OptionGroup var spc: SPCOptions
    @OptionGroup var baseline: BaselineOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var input: InputOptions
    @OptionGroup var observed: ObservedSpanOptions
    @OptionGroup var progress: ProgressOptions

    var readOptions: ReadOptions {
        var options = input.readOptions
        observed.apply(to: &options)
        return options
    }

    /// The choices these flags make; `comparison` adds the headline's comparison window.
    func choices(events: WardEvents?, comparison: ComparisonOptions? = nil) -> RequestChoices {
        var choices = RequestChoices()
        spc.apply(to: &choices, events: events)
        choices.windows = StudyWindows(baseline, comparison)
        choices.filters = filters.filters
        return choices
    }

    /// Reads the data and events files (exit 2 on a refused file), with progress notes.
    func read(_ file: String) throws -> (WardDataset, WardEvents?) {
        if !progress.quiet { printStandardError("wardspc: reading \(file)") }
        let dataset = try readDataset(file, options: readOptions)
        let events = try WardEventsLoader.loadOrExit(spc.events, options: readOptions)
        return (dataset, events)
    }

    /// The files this run reads, never to be written over.
    func inputs(_ file: String) -> [String] { [file] + (spc.events.map { [$0] } ?? []) }
}
