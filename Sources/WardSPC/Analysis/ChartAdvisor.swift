import SPCCore
import WardData

/// What `--chart auto` needs to know of one series to choose its chart.
public struct SeriesFacts: Sendable, Equatable {
    public var valueKind: ValueKind
    public var periodKind: PeriodKind
    /// Observed periods (missing ones not counted).
    public var observedPeriods: Int
    /// Observed periods that carry a denominator above 0 (bed days).
    public var periodsWithDenominator: Int
    /// Incidents over the observed periods (the sum of the counts).
    public var incidents: Double
    /// Days from the first observed period's start to the last one's end.
    public var spanDays: Int
    /// The incidents carry their dates (event-level or MHSDS input), so a g chart can be drawn.
    public var hasIncidentDates: Bool
    /// The chart the measure catalogue prefers for the measure (`MeasureDefinition.preferredChart`:
    /// p for a process measure such as ligature assessments completed on time of those due).
    public var preferredChart: ChartKind?
    /// Every observed period has a denominator above 0 and a count no larger: the counts can
    /// be a proportion of the denominator (a p chart).
    public var countsWithinDenominators: Bool

    public init(valueKind: ValueKind, periodKind: PeriodKind, observedPeriods: Int, periodsWithDenominator: Int,
                incidents: Double, spanDays: Int, hasIncidentDates: Bool, preferredChart: ChartKind? = nil,
                countsWithinDenominators: Bool = false) {
        self.preferredChart = preferredChart
        self.countsWithinDenominators = countsWithinDenominators
        self.valueKind = valueKind
        self.periodKind = periodKind
        self.observedPeriods = observedPeriods
        self.periodsWithDenominator = periodsWithDenominator
        self.incidents = incidents
        self.spanDays = spanDays
        self.hasIncidentDates = hasIncidentDates
    }

    /// The facts of a series as built from a file.
    public init(_ series: WardSeries, valueKind: ValueKind, periodKind: PeriodKind, hasIncidentDates: Bool,
                preferredChart: ChartKind? = nil) {
        var withDenominator = 0
        var within = !series.periods.isEmpty
        for (index, denominator) in series.denominators.enumerated() {
            if let denominator, denominator > 0 {
                withDenominator += 1
                if series.values[index] > denominator { within = false }
            } else {
                within = false
            }
        }
        var span = 0
        if let first = series.periods.first, let last = series.periods.last {
            span = Int(periodKind.advance(last).dayNumber - first.dayNumber)
        }
        self.init(valueKind: valueKind, periodKind: periodKind, observedPeriods: series.periods.count,
                  periodsWithDenominator: withDenominator, incidents: series.total, spanDays: span,
                  hasIncidentDates: hasIncidentDates, preferredChart: preferredChart,
                  countsWithinDenominators: within)
    }

    /// Mean incidents per observed period (0 without periods).
    public var meanPerPeriod: Double { observedPeriods > 0 ? incidents / Double(observedPeriods) : 0 }
}

/// The chart an expert would draw for one series, and why (`--chart auto`).
public struct ChartAdvice: Sendable, Equatable {
    /// The periods the chart plots.
    public enum Periods: String, Sendable, Equatable {
        /// The file's own periods (weeks or months).
        case asRecorded = "as_recorded"
        /// Weekly counts and bed days summed to calendar months (`MonthlyAggregation`).
        case calendarMonths = "calendar_months"
        /// One point per incident, the days since the previous one (g chart).
        case incidents
    }

    public var chart: ChartKind
    public var periods: Periods
    /// c and u charts: exact Poisson probability limits instead of ±3σ (`PoissonLimits`).
    public var probabilityLimits: Bool
    /// False when the series is too sparse for any chart to tell change from chance: the
    /// counts are drawn with their centre line and no limits, signals or icons.
    public var showsSignals: Bool
    /// The events are rare (fewer than `ChartAdvisor.rareMeanPerPeriod` a week).
    public var isRare: Bool
    /// One plain sentence for every output (`chart_reason`).
    public var reason: String
}

/// Decides, per series, the chart an expert would draw for `--chart auto` (docs/analysis.md,
/// "Choosing the chart"). A pure function of the series' facts:
///
/// - values (not counts) → i (XmR);
/// - ordinary counts (at least `rareMeanPerPeriod` a period on average) → u with bed days,
///   else c, with exact Poisson limits and run rules that allow for small counts
///   (`RunChances`) while the mean count per point is under `probabilityLimitsBelowMean`;
/// - **rare** counts (under `rareMeanPerPeriod` a period: most periods are zero — Wheeler
///   2011, Anhøj's *SPC for health care* ch. 12, Provost & Murray 2011 ch. 7) → a g chart of
///   the days between incidents when their dates are known and there are enough of them;
///   otherwise weekly data summed to calendar months (u with bed days, else c, exact Poisson
///   limits, small-count run rules, and shifts as long as `shiftLength` says) when that gives
///   at least `monthlyMinimum` incidents a month; otherwise too sparse: drawn, with no limits
///   or signals, and said so.
public enum ChartAdvisor {
    /// Fewer incidents than this per period on average is rare: P(a period with none) =
    /// e^−λ is over 0.6, so the chart is mostly zeros and its runs mostly runs of zeros.
    /// Chosen by the calibration (docs/analysis.md): 0.5 keeps the false alarms on stable
    /// series below normal data's and still catches 60% of real falls; 1.0 catches far fewer.
    public static let rareMeanPerPeriod = 0.5
    /// Under this many incidents a period the run rules signal by chance on a c, u or run
    /// chart drawn with ±3σ limits and the usual run lengths: an explicit chart warns.
    public static let sparseWarningBelow = 1.0
    /// A rare series summed to calendar months needs at least this many incidents a month on
    /// average to be charted with limits and signals; fewer is too sparse for any chart.
    public static let monthlyMinimum = 1.0
    /// c and u charts get exact Poisson limits while the mean count per point is below this:
    /// under it the 3σ lower limit is 0 or near it and the upper limit's chance of a false
    /// alarm is several times its nominal 0.135%.
    public static let probabilityLimitsBelowMean = 10.0
    /// A g chart needs at least this many intervals (incidents − 1): Making Data Count's
    /// minimum for limits.
    public static let minimumIntervals = MakingDataCount.minimumPhasePoints
    /// Mean days in a calendar month (365.25 / 12).
    static let daysPerMonth = 365.25 / 12

    public static func advise(_ facts: SeriesFacts) -> ChartAdvice {
        if facts.valueKind == .value {
            return ChartAdvice(chart: .i, periods: .asRecorded, probabilityLimits: false, showsSignals: true,
                               isRare: false, reason: "values, not counts: an XmR (i) chart")
        }
        if let proportion = proportionAdvice(facts) { return proportion }
        let hasBedDays = facts.periodsWithDenominator > 0
        let period = facts.periodKind.name
        let mean = facts.meanPerPeriod
        // Monthly data cannot be summed further: a monthly chart needs `monthlyMinimum` a month,
        // the same bar a weekly series summed to months must clear.
        let ordinary = facts.periodKind == .month ? mean >= monthlyMinimum : mean >= rareMeanPerPeriod
        if ordinary {
            let exact = mean < probabilityLimitsBelowMean
            let what = hasBedDays ? "counts with bed days: a u chart of the rate per 1,000 occupied bed days"
                : "counts without bed days: a c chart"
            let limits = exact ? ", with exact Poisson limits and run rules for small counts (\(amount(mean)) a \(period) is too few for ±3σ limits)" : ""
            return ChartAdvice(chart: hasBedDays ? .u : .c, periods: .asRecorded, probabilityLimits: exact,
                               showsSignals: true, isRare: false, reason: what + limits)
        }
        let rarity = "rare: \(amount(mean)) incidents a \(period) on average, so most \(period)s are zero"
        let intervals = Int(facts.incidents) - 1
        if facts.hasIncidentDates && intervals >= minimumIntervals {
            return ChartAdvice(chart: .g, periods: .incidents, probabilityLimits: false, showsSignals: true, isRare: true,
                               reason: "\(rarity); a g chart of the days between incidents, from their dates")
        }
        let months = facts.periodKind == .month ? Double(facts.observedPeriods)
            : max(1, Double(facts.spanDays) / daysPerMonth)
        let perMonth = facts.incidents / months
        let chart: ChartKind = hasBedDays ? .u : .c
        if facts.periodKind != .month && perMonth >= monthlyMinimum {
            let exposure = hasBedDays ? "counts and bed days summed" : "counts summed"
            return ChartAdvice(chart: chart, periods: .calendarMonths, probabilityLimits: true, showsSignals: true,
                               isRare: true,
                               reason: "\(rarity); \(exposure) by calendar month (\(amount(perMonth)) a month) with exact Poisson limits")
        }
        let count = Int(facts.incidents)
        return ChartAdvice(chart: chart,
                           periods: facts.periodKind == .month ? .asRecorded : .calendarMonths,
                           probabilityLimits: true, showsSignals: false, isRare: true,
                           reason: "too few incidents for an SPC chart to tell change from chance: \(count) in \(duration(days: facts.spanDays)); drawn by month without limits or signals")
    }

    /// The shift length a rare series gets under `mdc`, `ptd` and `ihi`: a run of one side
    /// must be longer than Anhøj's round(log₂ n) + 3, the longest run a stable series of n
    /// points shows by chance (Schilling 2012; Anhøj & Olesen 2014), and never shorter than
    /// the rule set's own length. The fixed 6 or 7 points are tuned to flag a share of
    /// points on any one stretch; over two or three years of sparse monthly counts they
    /// flag some run on most stable series, and a rare-event chart is read for change, not
    /// watched week by week. `RunChances` then lengthens the more likely side further.
    /// - Returns: `nil` when the series is not rare, has no signals, or the rules are Anhøj's
    ///   (already calibrated to the series' length).
    public static func shiftLength(_ advice: ChartAdvice, points: Int, rules: RuleParameters) -> Int? {
        guard advice.isRare, advice.showsSignals, advice.chart != .g, rules.kind != .anhoej,
              rules.shiftLength > 0, let limit = Anhoej.longestRunLimit(useful: points) else { return nil }
        return max(rules.shiftLength, limit + 1)
    }

    /// A process measure the catalogue draws as a proportion (p) when its data can be one:
    /// counts of those due, each period's count at most its denominator. The p chart's
    /// binomial limits need no rare-event handling here: the counts are successes out of a
    /// known number, not incidents in open time. `nil` otherwise (the data decide).
    static func proportionAdvice(_ facts: SeriesFacts) -> ChartAdvice? {
        guard let preferred = facts.preferredChart, preferred == .p || preferred == .pp, facts.valueKind == .count,
              facts.countsWithinDenominators else { return nil }
        return ChartAdvice(chart: preferred, periods: .asRecorded, probabilityLimits: false, showsSignals: true,
                           isRare: false,
                           reason: "a process measure (completed of those due): a \(preferred.rawValue) chart of the proportion each \(facts.periodKind.name)")
    }

    /// The warning an explicit c, u or run chart of counts gets when the data are rare.
    public static func rareWarning(_ facts: SeriesFacts, chart: ChartKind) -> String? {
        guard facts.valueKind == .count, [.c, .u, .up, .run, .i].contains(chart),
              facts.observedPeriods > 0, facts.meanPerPeriod < sparseWarningBelow else { return nil }
        let period = facts.periodKind.name
        return "rare events: \(amount(facts.meanPerPeriod)) incidents a \(period) on average, so most \(period)s are zero and the run rules signal by chance; --chart auto draws the chart an expert would"
    }

    /// A mean in words: two significant figures, at most two decimals.
    public static func amount(_ value: Double) -> String {
        let decimals = value >= 10 ? 0 : value >= 1 ? 1 : 2
        var text = String(Int((value * pow10(decimals)).rounded()))
        if decimals > 0 {
            while text.count <= decimals { text = "0" + text }
            text.insert(".", at: text.index(text.endIndex, offsetBy: -decimals))
        }
        return text
    }

    private static func pow10(_ exponent: Int) -> Double { exponent == 0 ? 1 : exponent == 1 ? 10 : 100 }

    /// A span in words: "two years", "18 months", "9 weeks".
    static func duration(days: Int) -> String {
        let words = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
        let years = Double(days) / 365.25
        if years >= 1.9, abs(years - years.rounded()) < 0.1 {
            let whole = Int(years.rounded())
            return "\(whole < words.count ? words[whole] : String(whole)) years"
        }
        let months = Int((Double(days) / daysPerMonth).rounded())
        if months >= 2 { return "\(months) months" }
        let weeks = max(1, Int((Double(days) / 7).rounded()))
        return weeks == 1 ? "one week" : "\(weeks) weeks"
    }
}
