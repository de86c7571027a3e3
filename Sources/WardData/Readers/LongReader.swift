/// Long format (DESIGN.md §3.1): one row per ward × period × measure [× dimensions],
/// with a `count` (or `value`) and an optional denominator.
enum LongReader {
    static func read(_ parser: RowParser, options: ReadOptions) throws(InputRejected) -> WardDataset {
        let header = parser.header
        var columns = ColumnPicker(header: header, issues: parser.issues)
        let picked = LongColumns(&columns)
        let (trust, ward, measure, period, denominator) = (picked.trust, picked.ward, picked.measure, picked.period, picked.denominator)
        let (countColumn, valueColumn, dimensions) = (picked.count, picked.value, picked.dimensions)
        if countColumn == nil && valueColumn == nil {
            columns.issues.error(line: 1, "missing the count column",
                                 hint: "name it `count` (or `value` for a non-count measure such as hours)")
        }
        if let countColumn, valueColumn != nil {
            columns.issues.error(line: 1, column: header.names[countColumn], "has both `count` and `value` columns",
                                 hint: "keep `count` for incident counts or `value` for other measures, not both")
        }
        parser.issues = columns.issues
        try parser.issues.throwIfErrors()
        guard let trust, let ward, let measure, let period else { fatalError("required columns were checked") }
        let numberColumn = countColumn ?? valueColumn!
        let valueKind: ValueKind = countColumn != nil ? .count : .value
        let monthly = period.isMonthly(options)

        parser.keyColumns = [trust, ward, measure]
        parser.totalColumns = [numberColumn]
        var rows = PeriodicRows(dimensionCount: dimensions.count, expectedRows: parser.estimatedRows)
        var dimensionValues = [Int32](repeating: 0, count: dimensions.count)
        while parser.nextRow() {
            let trustID = parser.name(trust), wardID = parser.name(ward), measureID = parser.name(measure)
            let date = parser.rawDate(period.index)
            let number: Double?? = valueKind == .count
                ? parser.count(numberColumn)
                : parser.number(numberColumn, nonNegative: false, what: "value")
            let denominatorValue: Double?? = denominator.map { parser.denominator($0, monthly: monthly) } ?? .some(nil)
            var dimensionsOK = true
            for (slot, column) in dimensions.enumerated() {
                if let id = parser.name(column, required: false) { dimensionValues[slot] = id } else { dimensionsOK = false }
            }
            guard let trustID, let wardID, let measureID, let date, let number, let value = number,
                  let denominatorValue, dimensionsOK else { continue }
            if let denominatorValue, denominatorValue == 0, value > 0 {
                parser.issues.row(line: parser.line, column: header.names[denominator!],
                                  "denominator is 0 but the count is \(formatCount(value))",
                                  hint: "a ward with incidents had bed days; correct the denominator")
                continue
            }
            rows.append(trust: trustID, ward: wardID, measure: measureID, date: date, value: value,
                        denominator: denominatorValue, dimensions: dimensionValues, line: parser.line)
        }
        return try rows.finish(parser: parser, format: .long, periodColumn: header.names[period.index],
                               isWeekEnding: period.isWeekEnding, monthly: monthly,
                               valueKind: valueKind, hasDenominator: denominator != nil,
                               dimensionNames: dimensions.map { header.names[$0] }, options: options)
    }
}

func formatCount(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
}
