/// Turns a date column's raw dates into calendar dates and checks that periodic data
/// is dated consistently (DESIGN.md §3.5).
enum PeriodChecks {
    /// Resolves every raw date of one column under the file-wide day/month order.
    /// Returns `nil` for the whole column when the order cannot be decided (a file-level
    /// error naming the column); a date that does not exist is a row error and `nil`.
    static func resolveDates(_ raw: [RawDate], lines: [Int32], column: String,
                             requested: DateOrder, issues: inout IssueCollector) -> [CivilDate?]? {
        var evidence = DateOrderEvidence()
        for (index, date) in raw.enumerated() { evidence.observe(date, line: Int(lines[index])) }
        let order: DateOrder
        switch evidence.decide(requested: requested) {
        case .success(let decided): order = decided
        case .failure(.ambiguous):
            issues.error(column: column,
                         "the dates in \(column) could be day-first or month-first (no day above 12), so 03/04/2024 could be 3 April or 4 March",
                         hint: "pass --date-format dmy for UK dates (DD/MM/YYYY) or --date-format mdy for US dates")
            return nil
        case .failure(.mixed(let dayLine, let monthLine)):
            issues.error(column: column,
                         "the dates in \(column) mix day-first (line \(dayLine)) and month-first (line \(monthLine)) order",
                         hint: "write every date the same way, preferably YYYY-MM-DD, or pass --date-format")
            return nil
        }
        if requested == .auto && order == .mdy {
            issues.warning(column: column, "dates in \(column) read as month-first (MM/DD/YYYY), the only order that fits them",
                           hint: "pass --date-format dmy if they are UK dates")
        }
        if let short = raw.first(where: { if case .named(_, _, _, true) = $0 { true } else { false } }),
           case .named(let year, _, _, _) = short {
            issues.notes.append("dates in \(column) with two-digit years read as Excel reads them, 00 to 29 as 2000 to 2029 (the first was \(year))")
        }
        var resolved = [CivilDate?](repeating: nil, count: raw.count)
        for (index, date) in raw.enumerated() {
            if let civil = DateOrderEvidence.resolve(date, order: order) {
                resolved[index] = civil
                continue
            }
            let line = Int(lines[index])
            if case .slashed = date, order == .iso {
                issues.row(line: line, column: column, "date is not in YYYY-MM-DD form as --date-format iso requires")
            } else {
                issues.row(line: line, column: column, "\(describe(date, order: order)) is not a day in the calendar",
                           hint: order == .dmy ? "dates are read as DD/MM/YYYY" : (order == .mdy ? "dates are read as MM/DD/YYYY" : nil))
            }
        }
        return resolved
    }

    private static func describe(_ date: RawDate, order: DateOrder) -> String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        switch date {
        case .iso(let year, let month, let day): return "\(year)-\(two(month))-\(two(day))"
        case .slashed(let first, let second, let year): return "\(two(first))/\(two(second))/\(year)"
        case .named(let year, let month, let day, _): return "\(year)-\(two(month))-\(two(day))"
        }
    }

    /// Checks that periodic dates are period starts and returns the period kind.
    ///
    /// Weekly: every date falls on one weekday (`--week-start`, or the one most dates fall
    /// on); `week_ending` dates are moved back six days first. Monthly: every date is the
    /// first of its month. Dates that break the rule are row errors (set to `nil`).
    static func alignPeriods(_ dates: inout [CivilDate?], lines: [Int32], column: String, isWeekEnding: Bool,
                             monthly: Bool, options: ReadOptions, issues: inout IssueCollector) -> PeriodKind {
        if monthly {
            for index in dates.indices {
                guard let date = dates[index], date.components.day != 1 else { continue }
                issues.row(line: Int(lines[index]), column: column, "\(date.ukText) is not the first day of a month",
                           hint: "monthly data is dated on the 1st of each month (or written YYYY-MM)")
                dates[index] = nil
            }
            return .month
        }
        if isWeekEnding {
            for index in dates.indices { dates[index] = dates[index]?.adding(days: -6) }
        }
        var tally = [Int](repeating: 0, count: 7)
        for date in dates { if let date { tally[date.weekday.index] += 1 } }
        let expected = options.weekStart ?? Weekday.allCases[tally.firstIndex(of: tally.max() ?? 0) ?? 0]
        for index in dates.indices {
            guard let date = dates[index], date.weekday != expected else { continue }
            let shown = isWeekEnding ? "week ending \(date.adding(days: 6).ukText)" : date.ukText
            let basis = options.weekStart != nil ? "--week-start says weeks start on \(expected.capitalized)"
                                                 : "most weeks in this file start on \(expected.capitalized)"
            issues.row(line: Int(lines[index]), column: column,
                       "\(shown) gives a week starting on \(date.weekday.capitalized), but \(basis)",
                       hint: "every week must start on the same weekday; correct the date, or use a week_ending column for week-ending dates")
            dates[index] = nil
        }
        return .week(startingOn: expected)
    }
}
