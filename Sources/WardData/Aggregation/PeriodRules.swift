/// The two ingestion rules every reader applies when it builds a series — the whole-file
/// `SeriesBuilder` and the streaming `SeriesRows`/`GroupedLongPiece` alike — decided here once.
extension DenominatorScope {
    /// The denominator of one ward × period × measure from its rows' denominators (in file
    /// order, at least one): under `auto` one value repeated on every row is the ward's and
    /// counts once, different values add up; `row` always adds up; `ward` takes the value
    /// the rows share. `nil` under `ward` when the rows differ (the caller reports it).
    public func combined<Values: Collection<Double>>(_ values: Values) -> Double? {
        guard let first = values.first else { return nil }
        let allEqual = values.allSatisfy { $0 == first }
        switch self {
        case .auto: return allEqual ? first : values.reduce(0, +)
        case .row: return values.reduce(0, +)
        case .ward: return allEqual ? first : nil
        }
    }
}

extension PeriodKind {
    /// The period starts from the first to the last of `periods` (ascending) that are not
    /// among them: the series' missing periods, shown as gaps and never as zeros.
    public func missingPeriods(in periods: [CivilDate]) -> [CivilDate] {
        guard let first = periods.first, let last = periods.last else { return [] }
        var result: [CivilDate] = []
        var observed = periods.makeIterator()
        var next = observed.next()
        for period in starts(from: first, through: last) {
            if period == next { next = observed.next() } else { result.append(period) }
        }
        return result
    }
}
