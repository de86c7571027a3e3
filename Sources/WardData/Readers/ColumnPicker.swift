/// Assigns header columns to roles, reporting missing and repeated columns at line 1.
struct ColumnPicker {
    let header: Header
    var issues: IssueCollector
    private(set) var used: Set<Int> = []

    init(header: Header, issues: IssueCollector) {
        self.header = header
        self.issues = issues
        // Identifier columns are never read (checked before any reader runs).
        used = header.identifierColumns
    }

    /// The column for a role that must be present.
    mutating func require(_ aliases: [String], role: String) -> Int? {
        if let index = optional(aliases, role: role) { return index }
        issues.error(line: 1, "missing the \(role) column",
                     hint: "name it `\(aliases[0])`\(aliases.count > 1 ? " (also accepted: \(aliases.dropFirst().joined(separator: ", ")))" : "")")
        return nil
    }

    /// The column for a role that may be absent; two columns for one role are an error.
    mutating func optional(_ aliases: [String], role: String? = nil) -> Int? {
        let matches = header.folded.indices.filter { aliases.contains(header.folded[$0]) && !used.contains($0) }
        guard let first = matches.first else { return nil }
        if matches.count > 1 {
            issues.error(line: 1, column: header.names[matches[1]],
                         "columns \(matches.map { "`\(header.names[$0])`" }.joined(separator: " and ")) both give the \(role ?? aliases[0])",
                         hint: "keep one of them")
        }
        used.formUnion(matches)
        return first
    }

    struct PeriodColumn {
        var index: Int
        var isWeekEnding: Bool
        var isMonthColumn: Bool

        func isMonthly(_ options: ReadOptions) -> Bool {
            options.period.map { $0 == .month } ?? isMonthColumn
        }
    }

    /// The period column: `week_start` and its aliases, `week_ending`, or `date` when allowed.
    mutating func periodColumn(dateAllowed: Bool) -> PeriodColumn? {
        if let index = optional(ColumnNames.periodStart, role: "period start") {
            return PeriodColumn(index: index, isWeekEnding: false, isMonthColumn: header.folded[index] == "month")
        }
        if let index = optional(ColumnNames.weekEnding, role: "week ending") {
            return PeriodColumn(index: index, isWeekEnding: true, isMonthColumn: false)
        }
        if dateAllowed, let index = optional(ColumnNames.date, role: "date") {
            return PeriodColumn(index: index, isWeekEnding: false, isMonthColumn: false)
        }
        issues.error(line: 1, "missing the period column",
                     hint: "name it `week_start` (also accepted: week, period, week_commencing, week_ending, month\(dateAllowed ? ", date" : ""))")
        return nil
    }

    /// Every column not yet given a role, in file order.
    mutating func remaining() -> [Int] {
        let rest = header.names.indices.filter { !used.contains($0) }
        used.formUnion(rest)
        return rest
    }
}
