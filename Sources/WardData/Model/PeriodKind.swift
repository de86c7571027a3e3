/// How time is cut into periods: weeks starting on a given day, or calendar months.
public enum PeriodKind: Hashable, Sendable {
    case week(startingOn: Weekday)
    case month

    /// `"week"` or `"month"`, as outputs name it.
    public var name: String {
        switch self {
        case .week: return "week"
        case .month: return "month"
        }
    }

    /// The first day of the period that contains `date`.
    public func start(of date: CivilDate) -> CivilDate {
        switch self {
        case .week(let startDay):
            let offset = (date.weekday.index - startDay.index + 7) % 7
            return date.adding(days: -offset)
        case .month:
            return date.firstOfMonth
        }
    }

    /// The start of the period `count` periods after the one starting at `start`.
    public func advance(_ start: CivilDate, by count: Int = 1) -> CivilDate {
        switch self {
        case .week: return start.adding(days: 7 * count)
        case .month: return start.addingMonths(count)
        }
    }

    /// Every period start from `first` to `last` inclusive (both must be period starts).
    public func starts(from first: CivilDate, through last: CivilDate) -> [CivilDate] {
        var result: [CivilDate] = []
        var current = first
        while current <= last {
            result.append(current)
            current = advance(current)
        }
        return result
    }

    /// Periods from the one starting at `first` to the one starting at `last` (0 when equal).
    public func distance(from first: CivilDate, to last: CivilDate) -> Int {
        switch self {
        case .week:
            return Int(last.dayNumber - first.dayNumber) / 7
        case .month:
            let a = first.components, b = last.components
            return (b.year - a.year) * 12 + (b.month - a.month)
        }
    }
}
