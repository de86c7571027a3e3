/// Event-level format (DESIGN.md §3.3): one row per incident, `trust, ward, measure,
/// date[, dimensions…]`.
enum EventReader {
    static func read(_ parser: RowParser, options: ReadOptions) throws(InputRejected) -> WardDataset {
        let header = parser.header
        var columns = ColumnPicker(header: header, issues: parser.issues)
        let trust = columns.require(ColumnNames.trust, role: "trust")
        let ward = columns.require(ColumnNames.ward, role: "ward")
        let measure = columns.require(ColumnNames.measure, role: "measure")
        let date = columns.require(ColumnNames.eventDate, role: "incident date")
        let dimensions = columns.remaining()
        parser.issues = columns.issues
        try parser.issues.throwIfErrors()
        guard let trust, let ward, let measure, let date else { fatalError("required columns were checked") }

        parser.keyColumns = [trust, ward, measure]
        var pending = EventTable(dimensionCount: dimensions.count)
        var rawDates: [RawDate] = []
        var dimensionValues = [Int32](repeating: 0, count: dimensions.count)
        while parser.nextRow() {
            let trustID = parser.name(trust), wardID = parser.name(ward), measureID = parser.name(measure)
            let raw = parser.rawDate(date)
            var dimensionsOK = true
            for (slot, column) in dimensions.enumerated() {
                if let id = parser.name(column, required: false) { dimensionValues[slot] = id } else { dimensionsOK = false }
            }
            guard let trustID, let wardID, let measureID, let raw, dimensionsOK else { continue }
            pending.append(trust: trustID, ward: wardID, measure: measureID, date: CivilDate(dayNumber: 0),
                           dimensions: dimensionValues, line: parser.line)
            rawDates.append(raw)
        }
        var issues = parser.issues
        let dimensionNames = dimensions.map { header.names[$0] }
        let events = datedEvents(pending, rawDates: rawDates, column: header.names[date], options: options, issues: &issues)
        try issues.throwIfErrors()
        return try EventAggregation.dataset(events: events, strings: parser.strings, dimensionNames: dimensionNames,
                                            format: .events, options: options, issues: &issues)
    }

    /// Gives each pending event its date, dropping those whose date is not a real day (row errors).
    static func datedEvents(_ pending: EventTable, rawDates: [RawDate], column: String, options: ReadOptions,
                            issues: inout IssueCollector) -> EventTable {
        guard let dates = PeriodChecks.resolveDates(rawDates, lines: pending.line, column: column,
                                                    requested: options.dateOrder, issues: &issues) else { return pending }
        var events = EventTable(dimensionCount: pending.dimensions.count)
        for index in 0..<pending.count {
            guard let day = dates[index] else { continue }
            events.append(trust: pending.trust[index], ward: pending.ward[index], measure: pending.measure[index],
                          date: day, dimensions: pending.dimensions.map { $0[index] }, line: Int(pending.line[index]))
        }
        return events
    }
}
