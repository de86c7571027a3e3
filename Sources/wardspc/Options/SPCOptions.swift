import ArgumentParser
import SPCCore
import WardSPC

/// Chart, rules and phases: shared by every command that draws or analyses charts (the
/// baseline is `BaselineOptions`). Each command's defaults are in its own help.
struct SPCOptions: ParsableArguments {
    @Option(help: "Chart type: auto (per series, the chart an expert would draw: u or c for ordinary counts, calendar months or a g chart for rare events, i for values; the reason is in every output), run, i (XmR), mr, c, u (rate per bed days), up (Laney u′), p, pp (Laney p′), g or t (days between incidents; need an event-level file). Default: see the command's description.")
    var chart: ChartChoice?

    @Option(help: "Rule set: anhoej (qicharts2), ihi, mdc (NHS England Making Data Count, SQL v2.6) or ptd (NHSRplotthedots). Default: see the command's description.")
    var rules: RuleSetKind?

    @Option(help: "run, i and mr charts: plot the count, or the rate (count ÷ denominator × multiplier). u/up/p/pp always plot the rate, c the count.")
    var value: ValueChoice = .count

    @Option(help: "Multiplier for rates. Default: 1000 for u/up and --value rate (per 1,000 occupied bed days), 1 for p/pp (a proportion).")
    var multiplier: Double?

    @Flag(inversion: .prefixedNo, help: "Screen moving ranges (drop those ≥ 3.267 × the mean once) before estimating σ of i, t and Laney charts. Default: on for anhoej, ihi and ptd; off for mdc.")
    var screenMr: Bool?

    @Option(name: .customLong("phase"), help: "Start a new phase (own centre, limits and runs test) at the first point on or after this date. Repeatable.")
    var phases: [DateArgument] = []

    @Option(name: .customLong("exclude"), help: "Exclude the period containing this date from estimation and the runs test (still drawn and tested against the limits). Repeatable.")
    var excludes: [DateArgument] = []

    @Option(help: "Per-ward events file: trust, ward, date, label[, kind] with kind phase (default), exclude or note. An empty trust or ward applies to all.")
    var events: String?

    @Option(help: "Which way is better: decrease, increase or neutral. Orients signals as improvement or concern. Default: decrease.")
    var improvement: Improvement?

    @Option(help: "Target in the chart's units (after the multiplier), for the assurance icon under mdc/ptd.")
    var target: Double?

    @Option(name: .customLong("shift-length"), help: "Points on one side that make a shift. Default: 6 for ihi and mdc, 7 for ptd.")
    var shiftLength: Int?

    @Option(name: .customLong("trend-length"), help: "Points rising or falling that make a trend. Default: 5 for ihi, 6 for mdc, 7 for ptd.")
    var trendLength: Int?

    @Option(name: .customLong("auto-rebase"), help: "Find sustained shifts of this many useful points on one side of the median (runcharter's algorithm) and report each with its new median.")
    var autoRebase: Int?

    @Option(name: .customLong("median-points"), help: "With --auto-rebase: points whose median is the first baseline. Default: 13.")
    var medianPoints = 13

    @Option(name: .customLong("rebase-direction"), help: "With --auto-rebase: below, above or both. Default: below for decrease, above for increase, both for neutral.")
    var rebaseDirection: RebaseDirection?

    enum ValueChoice: String, ExpressibleByArgument, CaseIterable { case count, rate }

    func validate() throws {
        if let multiplier, !(multiplier > 0 && multiplier.isFinite) { throw ValidationError("--multiplier must be a positive number") }
        if let shiftLength, shiftLength < 2 { throw ValidationError("--shift-length must be at least 2") }
        if let trendLength, trendLength < 3 { throw ValidationError("--trend-length must be at least 3") }
        if let autoRebase, autoRebase < 2 { throw ValidationError("--auto-rebase must be at least 2") }
        if medianPoints < 1 { throw ValidationError("--median-points must be at least 1") }
        if let target, !target.isFinite { throw ValidationError("--target must be a finite number") }
    }

    /// Adds these flags' choices to a request (the library fills in what was not given).
    func apply(to choices: inout RequestChoices, events wardEvents: WardEvents?) {
        choices.chart = chart
        choices.rules = rules
        choices.plotRate = value == .rate
        choices.multiplier = multiplier
        choices.screenMovingRanges = screenMr
        choices.phaseStarts = phases.map(\.date)
        choices.excludedDates = excludes.map(\.date)
        choices.events = wardEvents
        choices.eventsFile = events
        choices.improvement = improvement
        choices.target = target
        choices.shiftLength = shiftLength
        choices.trendLength = trendLength
        choices.autoRebase = autoRebase
        choices.medianPoints = medianPoints
        choices.rebaseDirection = rebaseDirection
    }
}

/// Which series to include; each flag is repeatable, and empty means all.
struct FilterOptions: ParsableArguments {
    @Option(help: "Only this trust (repeatable). Default: every trust.") var trust: [String] = []
    @Option(help: "Only this ward (repeatable). Default: every ward.") var ward: [String] = []
    @Option(help: "Only this measure (repeatable). Default: every measure.") var measure: [String] = []
    @Option(help: "Only rows with this subtype, e.g. prone (repeatable; needs a subtype column). Default: every row.") var subtype: [String] = []

    var filters: SeriesFilters {
        SeriesFilters(trusts: Set(trust), wards: Set(ward), measures: Set(measure), subtypes: Set(subtype))
    }
}

extension ChartKind: ExpressibleByArgument {}
extension ChartChoice: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument) }
    public static var allValueStrings: [String] { allNames }
    public var defaultValueDescription: String { rawValue }
}
extension RuleSetKind: ExpressibleByArgument {}
extension Improvement: ExpressibleByArgument {}
extension RebaseDirection: ExpressibleByArgument {}
