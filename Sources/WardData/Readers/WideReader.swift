/// Wide format (DESIGN.md §3.2): `trust, ward, week_start, <measure…>[, bed_days]`, one
/// count column per measure.
///
/// Which other columns are measures: a well-known measure name always is; a well-known
/// dimension name (`subtype`, `ethnic_group`, `context`, …) never is; any other column is
/// a measure when at least one of its values is a number — and then every value in it must
/// be a count. An empty cell is a period missing for that measure, not a zero.
enum WideReader {
    static func read(_ parser: RowParser, options: ReadOptions) throws(InputRejected) -> WardDataset {
        let header = parser.header
        var columns = ColumnPicker(header: header, issues: parser.issues)
        let trust = columns.require(ColumnNames.trust, role: "trust")
        let ward = columns.require(ColumnNames.ward, role: "ward")
        let period = columns.periodColumn(dateAllowed: true)
        let denominator = columns.optional(ColumnNames.denominator, role: "denominator")
        let candidates = columns.remaining()
        let numeric = numericColumns(candidates, parser: parser)
        let measureColumns = candidates.filter { index in
            let name = header.folded[index]
            if ColumnNames.wellKnownMeasures.contains(name) { return true }
            if ColumnNames.wellKnownDimensions.contains(name) { return false }
            return numeric.contains(index)
        }
        let dimensions = candidates.filter { !measureColumns.contains($0) }
        if measureColumns.isEmpty {
            let looksLikeAnnotations = header.folded.contains("label") || header.folded.contains("kind")
            columns.issues.error(line: 1, "no measure columns: a wide file needs one column of counts per measure",
                                 hint: looksLikeAnnotations
                                     ? "this looks like an events file (phases and annotations per ward): give it with --events, not as the data file"
                                     : "add a column such as `restraint`, or use the long format with `measure` and `count` columns")
        }
        parser.issues = columns.issues
        try parser.issues.throwIfErrors()
        guard let trust, let ward, let period else { fatalError("required columns were checked") }
        let measureIDs = measureColumns.map { parser.strings.intern(header.names[$0]) }

        let monthly = period.isMonthly(options)
        parser.keyColumns = [trust, ward]
        parser.totalColumns = measureColumns
        var rows = PeriodicRows(dimensionCount: dimensions.count, expectedRows: parser.estimatedRows)
        var dimensionValues = [Int32](repeating: 0, count: dimensions.count)
        var counts = [Double?](repeating: nil, count: measureColumns.count)
        while parser.nextRow() {
            let trustID = parser.name(trust), wardID = parser.name(ward)
            let date = parser.rawDate(period.index)
            let denominatorValue: Double?? = denominator.map { parser.denominator($0, monthly: monthly) } ?? .some(nil)
            var rowOK = true
            for (slot, column) in dimensions.enumerated() {
                if let id = parser.name(column, required: false) { dimensionValues[slot] = id } else { rowOK = false }
            }
            for (slot, column) in measureColumns.enumerated() {
                if let count = parser.count(column, allowEmpty: true) { counts[slot] = count } else { rowOK = false }
            }
            guard let trustID, let wardID, let date, let denominatorValue, rowOK else { continue }
            if let denominatorValue, denominatorValue == 0, let busiest = counts.compactMap({ $0 }).max(), busiest > 0 {
                parser.issues.row(line: parser.line, column: header.names[denominator!],
                                  "denominator is 0 but a count is \(formatCount(busiest))",
                                  hint: "a ward with incidents had bed days; correct the denominator")
                continue
            }
            for (slot, count) in counts.enumerated() {
                guard let count else { continue }
                rows.append(trust: trustID, ward: wardID, measure: measureIDs[slot], date: date, value: count,
                            denominator: denominatorValue, dimensions: dimensionValues, line: parser.line)
            }
        }
        return try rows.finish(parser: parser, format: .wide, periodColumn: header.names[period.index],
                               isWeekEnding: period.isWeekEnding, monthly: monthly,
                               valueKind: .count, hasDenominator: denominator != nil,
                               dimensionNames: dimensions.map { header.names[$0] }, options: options)
    }

    /// The columns among `candidates` with at least one numeric value (a first pass over the rows).
    private static func numericColumns(_ candidates: [Int], parser: RowParser) -> Set<Int> {
        var scanner = CSVScanner(bytes: parser.scanner.bytes, limits: parser.scanner.limits)
        _ = scanner.nextRecord()  // the header
        var undecided = Set(candidates)
        var numeric: Set<Int> = []
        var scratch: [UInt8] = []
        while !undecided.isEmpty, scanner.nextRecord() {
            for column in undecided where column < scanner.fields.count {
                let isNumber = scanner.withBytes(scanner.fields[column], scratch: &scratch) { bytes -> Bool in
                    if case .success = NumberParser.parseDouble(bytes) { return true }
                    return false
                }
                if isNumber { numeric.insert(column); undecided.remove(column) }
            }
        }
        return numeric
    }
}
