import ArgumentParser
import WardData
import WardSPC

/// The baseline, as every command that has one takes it: on a chart it freezes each
/// phase's centre and limits; in a before-and-after comparison it is the baseline window.
struct BaselineOptions: ParsableArguments {
    @Option(name: [.customLong("baseline-periods"), .customLong("baseline-points"), .customLong("baseline-weeks")],
            help: ArgumentHelp("The baseline is the first N observed periods: weeks, or months with --period month (--baseline-points and --baseline-weeks are older names). Default: none on charts (limits from every point of each phase); the first 26 periods in a comparison.", valueName: "N"))
    var baselinePeriods: Int?

    @Option(name: .customLong("baseline-until"),
            help: ArgumentHelp("The baseline is every period starting on or before this date (YYYY-MM-DD or DD/MM/YYYY).", valueName: "DATE"))
    var baselineUntil: DateArgument?

    func validate() throws {
        if let baselinePeriods, baselinePeriods < 1 { throw ValidationError("--baseline-periods must be at least 1") }
        if baselinePeriods != nil && baselineUntil != nil {
            throw ValidationError("give --baseline-periods or --baseline-until, not both")
        }
    }

    var baseline: Baseline? {
        if let baselinePeriods { return .firstPeriods(baselinePeriods) }
        return baselineUntil.map { .until($0.date) }
    }
}

/// The comparison window of a before-and-after comparison: `--from` and `--to` mean this,
/// and only this, on every command that takes them.
struct ComparisonOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Comparison window: periods starting on or after this date (YYYY-MM-DD or DD/MM/YYYY). Default: the periods after the baseline (or each ward's first phase event with --events; with neither, the last 26 periods).", valueName: "DATE"))
    var from: DateArgument?

    @Option(help: ArgumentHelp("Comparison window: periods starting on or before this date. Default: the last period.", valueName: "DATE"))
    var to: DateArgument?

    func validate() throws {
        if let from, let to, to.date < from.date { throw ValidationError("--to is before --from") }
    }
}

extension StudyWindows {
    /// The windows the baseline and comparison flags give.
    init(_ baseline: BaselineOptions, _ comparison: ComparisonOptions? = nil) {
        self.init(baseline: baseline.baseline, from: comparison?.from?.date, to: comparison?.to?.date)
    }
}
