/// One weekly series summed to calendar months: the periods long enough to hold rare
/// incidents (`--chart auto`, docs/analysis.md "Rare events").
///
/// Each week belongs to the month that holds most of its seven days — the month of its
/// fourth day (as ISO 8601 gives a week to a year by its Thursday) — so no week is split
/// and none counted twice. A month's count is the sum of its observed weeks' counts and
/// its exposure the sum of their bed days. Without bed days a month has no denominator
/// and is drawn on a c chart, as Wheeler (2011) draws monthly counts of rare events; its
/// 4 or 5 weeks differ by 25% at most, within what a c chart tolerates.
///
/// A month is **partial** when any of its weeks is missing — a gap in the data, or a week
/// outside the series' first and last week at either end. A partial month is never
/// zero-filled: its count and exposure are those of the weeks observed. It is drawn
/// (hollow, its rate from the weeks it has) but left out of estimation and of the run rules,
/// like an excluded point: a month with a week missing is not comparable in the runs, and
/// a missing week is not a zero. A week without bed days in a series that has them counts
/// as missing too (its incidents cannot be put on the month's rate).
public struct MonthlySeries: Sendable {
    /// The month series: `periods` are first days of months, `values` the summed counts,
    /// `denominators` the summed bed days (`nil` without them); `missingPeriods` are the
    /// months with no observed week between the first and last.
    public var series: WardSeries
    /// Per month of `series`: some of its weeks are missing.
    public var partial: [Bool]
    /// Per month: how many of its weeks were observed, and how many it has.
    public var weeksObserved: [Int]
    public var weeksInMonth: [Int]
}

public enum MonthlyAggregation {
    /// The month of the week starting on `start`: the month of its fourth day.
    public static func month(ofWeekStarting start: CivilDate) -> CivilDate {
        start.adding(days: 3).firstOfMonth
    }

    /// `weekly` summed to calendar months (see the type's comment). `weekly.periods` must be
    /// week starts on one weekday, ascending.
    /// - Parameter useBedDays: sum bed days as the exposure (weeks without them count as
    ///   missing); otherwise the months have no denominator.
    public static func aggregate(_ weekly: WardSeries, useBedDays: Bool) -> MonthlySeries {
        var months: [CivilDate] = [], counts: [Double] = [], exposures: [Double] = [], observed: [Int] = []
        var lines: [Int?] = []
        for index in weekly.periods.indices {
            var exposure = 0.0
            if useBedDays {
                guard let bedDays = weekly.denominators[index], bedDays > 0 else { continue }
                exposure = bedDays
            }
            let month = month(ofWeekStarting: weekly.periods[index])
            if months.last != month {
                months.append(month); counts.append(0); exposures.append(0); observed.append(0)
                lines.append(weekly.lines[index])
            }
            counts[counts.count - 1] += weekly.values[index]
            exposures[exposures.count - 1] += exposure
            observed[observed.count - 1] += 1
        }
        var inMonth: [Int] = []
        inMonth.reserveCapacity(months.count)
        if let anyWeek = weekly.periods.first {
            for month in months { inMonth.append(weeks(in: month, gridWeek: anyWeek)) }
        }
        let partial = months.indices.map { observed[$0] < inMonth[$0] }
        var missing: [CivilDate] = []
        if let first = months.first, let last = months.last {
            let present = Set(months.map(\.dayNumber))
            var current = first
            while current < last {
                if !present.contains(current.dayNumber) { missing.append(current) }
                current = current.addingMonths(1)
            }
        }
        let series = WardSeries(trust: weekly.trust, ward: weekly.ward, measure: weekly.measure, periods: months,
                                values: counts, denominators: useBedDays ? exposures.map { $0 } : exposures.map { _ in nil },
                                missingPeriods: missing,
                                lines: lines)
        return MonthlySeries(series: series, partial: partial, weeksObserved: observed, weeksInMonth: inMonth)
    }

    /// Weeks on the grid of `gridWeek` (every 7 days from it) whose fourth day falls in `month`.
    static func weeks(in month: CivilDate, gridWeek: CivilDate) -> Int {
        let next = month.addingMonths(1)
        // The first grid week whose fourth day is on or after the 1st.
        let offset = Int(month.dayNumber - gridWeek.adding(days: 3).dayNumber)
        let steps = offset >= 0 ? (offset + 6) / 7 : -((-offset) / 7)
        var fourthDay = gridWeek.adding(days: 3 + 7 * steps)
        var count = 0
        while fourthDay < next {
            if fourthDay >= month { count += 1 }
            fourthDay = fourthDay.adding(days: 7)
        }
        return count
    }
}
