/// Rows of periodic (long or wide) data on their way to a dataset: collected with raw
/// dates, then dated, checked and de-duplicated in one place for both formats.
struct PeriodicRows {
    var table: RecordTable
    var rawDates: [RawDate] = []

    /// `expectedRows` is an estimate (from the file size) used to reserve memory once.
    init(dimensionCount: Int, expectedRows: Int = 0) {
        table = RecordTable(dimensionCount: dimensionCount)
        table.reserveCapacity(expectedRows)
        rawDates.reserveCapacity(expectedRows)
    }

    mutating func append(trust: Int32, ward: Int32, measure: Int32, date: RawDate, value: Double,
                         denominator: Double?, dimensions: [Int32], line: Int) {
        table.append(trust: trust, ward: ward, measure: measure, period: CivilDate(dayNumber: 0),
                     value: value, denominator: denominator, dimensions: dimensions, line: line)
        rawDates.append(date)
    }

    /// Dates the rows, checks periods, reads 0/0 rows as missing, merges identical
    /// duplicates, and returns the dataset — or throws every error found.
    func finish(parser: RowParser, format: InputFormat, periodColumn: String, isWeekEnding: Bool,
                monthly: Bool, valueKind: ValueKind, hasDenominator: Bool,
                dimensionNames: [String], options: ReadOptions) throws(InputRejected) -> WardDataset {
        var issues = parser.issues
        var table = self.table
        guard var dates = PeriodChecks.resolveDates(rawDates, lines: table.line, column: periodColumn,
                                                     requested: options.dateOrder, issues: &issues) else {
            try issues.throwIfErrors()
            fatalError("an undecidable date order is always an error")
        }
        let periodKind = PeriodChecks.alignPeriods(&dates, lines: table.line, column: periodColumn,
                                                   isWeekEnding: isWeekEnding, monthly: monthly,
                                                   options: options, issues: &issues)
        SeriesLimits.check(table, dates: dates, periodKind: periodKind, strings: parser.strings,
                           column: periodColumn, options: options, issues: &issues)
        var keep = [Bool](repeating: true, count: table.count)
        var closed = ClosedWardRows()
        for index in 0..<table.count {
            guard let date = dates[index] else { keep[index] = false; continue }
            table.period[index] = date
            if table.value[index] == 0, table.denominator[index] == 0 {
                keep[index] = false
                closed.add(index, table: table)
            }
        }
        closed.report(table: table, strings: parser.strings, periodKind: periodKind, issues: &issues)
        Duplicates.check(table, keep: &keep, strings: parser.strings, dimensionNames: dimensionNames, issues: &issues)
        try issues.throwIfErrors()
        if table.count == 0 && issues.skippedLines.isEmpty {
            issues.error("the file has a header but no data rows", hint: "export the data again with its rows")
            try issues.throwIfErrors()
        }
        var dataset = WardDataset(file: parser.issues.file, format: format, periodKind: periodKind, valueKind: valueKind,
                                  hasDenominator: hasDenominator, denominatorScope: options.denominatorScope,
                                  dimensionNames: dimensionNames, strings: parser.strings,
                                  records: keep.allSatisfy({ $0 }) ? table : table.filtered(keep),
                                  warnings: issues.warnings, skippedLines: issues.skippedLines,
                                  unreportedWarnings: issues.unreportedWarnings)
        dataset.readerNotes = issues.notes
        return dataset
    }
}

/// Rows with count 0 and denominator 0 — a ward closed that period — are read as missing
/// periods; they are reported once per ward (first line, how many rows, which periods)
/// rather than once per row, so a refurbishment does not bury other warnings.
struct ClosedWardRows {
    private struct Ward: Hashable { var trust: Int32, ward: Int32 }
    private var order: [Ward] = []
    private var rows: [Ward: [Int]] = [:]

    mutating func add(_ index: Int, table: RecordTable) {
        let ward = Ward(trust: table.trust[index], ward: table.ward[index])
        if rows[ward] == nil { order.append(ward) }
        rows[ward, default: []].append(index)
    }

    func report(table: RecordTable, strings: StringPool, periodKind: PeriodKind, issues: inout IssueCollector) {
        for ward in order {
            let indices = rows[ward]!
            let periods = Set(indices.map { table.period[$0] }).sorted()
            let name = periodKind.name
            let span = periods.count == 1 ? periods[0].ukText : "\(periods.count) \(name)s from \(periods.first!.ukText) to \(periods.last!.ukText)"
            issues.warning(line: Int(table.line[indices[0]]), column: nil,
                           "\(strings[ward.trust]) · \(strings[ward.ward]): count 0 with denominator 0 on \(indices.count) row\(indices.count == 1 ? "" : "s") (\(span)) — a closed ward? read as missing \(name)s, not zeros")
        }
    }
}
