import SPCCore
import WardData

/// What a request's defaults depend on in the data: known from the header on the streaming
/// path, from the whole file otherwise — the same facts either way.
public struct DatasetFacts: Sendable, Equatable {
    /// The file's name as the person gave it (messages name it).
    public var file: String
    public var periodKind: PeriodKind
    public var valueKind: ValueKind
    /// A denominator column: occupied bed days (rates) or patients (proportions).
    public var hasDenominator: Bool
    /// Incident dates (event-level input or an MHSDS extract): g and t charts can be drawn.
    public var hasIncidentDates: Bool

    public init(file: String, periodKind: PeriodKind, valueKind: ValueKind, hasDenominator: Bool,
                hasIncidentDates: Bool) {
        self.file = file
        self.periodKind = periodKind
        self.valueKind = valueKind
        self.hasDenominator = hasDenominator
        self.hasIncidentDates = hasIncidentDates
    }

    public init(_ dataset: WardDataset) {
        self.init(file: dataset.file, periodKind: dataset.periodKind, valueKind: dataset.valueKind,
                  hasDenominator: dataset.hasDenominator, hasIncidentDates: dataset.events != nil)
    }

    public init(_ facts: GroupedLongReader.FileFacts) {
        self.init(file: facts.file, periodKind: facts.periodKind, valueKind: facts.valueKind,
                  hasDenominator: facts.hasDenominator, hasIncidentDates: false)
    }

    /// The chart of these data's counts or values when none is asked for, decided here
    /// once: u with a denominator (rates per 1,000 occupied bed days), c for counts
    /// without one, i (XmR) for a value column.
    public var ordinaryChart: ChartKind {
        valueKind == .value ? .i : Self.countChart(hasDenominator: hasDenominator)
    }

    /// Counts' chart: u with a denominator (occupied bed days), c without.
    public static func countChart(hasDenominator: Bool) -> ChartKind { hasDenominator ? .u : .c }

    /// The chart of a before-and-after comparison's SPC view (`evaluate`, the report's
    /// headline and breakdowns): `chart` when it draws counts or rates per period, else
    /// the data's ordinary chart of counts.
    public func comparisonChart(_ chart: ChartKind?) -> ChartKind {
        if let chart, chart.drawsCountsPerPeriod { return chart }
        return Self.countChart(hasDenominator: hasDenominator)
    }
}
