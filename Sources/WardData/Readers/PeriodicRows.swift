/// Rows of periodic (long or wide) data on their way to a dataset: collected with raw
/// dates, then dated, checked and de-duplicated in one place for both formats.
struct PeriodicRows {
    var table: RecordTable
    var rawDates: [RawDate] = []

    init(dimensionCount: Int) { table = RecordTable(dimensionCount: dimensionCount) }

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
        var keep = [Bool](repeating: true, count: table.count)
        for index in 0..<table.count {
            guard let date = dates[index] else { keep[index] = false; continue }
            table.period[index] = date
            if table.value[index] == 0, table.denominator[index] == 0 {
                keep[index] = false
                issues.warning(line: Int(table.line[index]), column: nil,
                               "count 0 with denominator 0 (a closed ward?): read as a missing \(periodKind.name), not a zero")
            }
        }
        Duplicates.check(table, keep: &keep, strings: parser.strings, dimensionNames: dimensionNames, issues: &issues)
        try issues.throwIfErrors()
        if table.count == 0 && issues.skippedLines.isEmpty {
            issues.error("the file has a header but no data rows", hint: "export the data again with its rows")
            try issues.throwIfErrors()
        }
        return WardDataset(file: parser.issues.file, format: format, periodKind: periodKind, valueKind: valueKind,
                           hasDenominator: hasDenominator, denominatorScope: options.denominatorScope,
                           dimensionNames: dimensionNames, strings: parser.strings,
                           records: keep.allSatisfy({ $0 }) ? table : table.filtered(keep),
                           warnings: issues.warnings, skippedLines: issues.skippedLines,
                           unreportedWarnings: issues.unreportedWarnings)
    }
}
