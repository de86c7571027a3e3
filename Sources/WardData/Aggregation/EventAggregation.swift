/// Cuts incidents into periods over the observation window (DESIGN.md §3.3): every
/// ward × measure present gets every period of the window, and a period with no
/// incident is zero.
enum EventAggregation {
    static func dataset(events: EventTable, strings: StringPool, dimensionNames: [String], format: InputFormat,
                        options: ReadOptions, issues: inout IssueCollector) throws(InputRejected) -> WardDataset {
        let periodKind: PeriodKind = options.period == .month ? .month : .week(startingOn: options.weekStart ?? .monday)
        guard let earliest = events.date.min(), let latest = events.date.max() else {
            issues.error("the file has a header but no incidents", hint: "export the data again with its rows")
            try issues.throwIfErrors()
            fatalError("unreachable")
        }
        let from = options.from ?? earliest
        let to = options.to ?? latest
        if to < from {
            issues.error("the observation window is empty: --to \(to.iso) is before \(options.from != nil ? "--from" : "the first incident") \(from.iso)")
        }
        try issues.throwIfErrors()
        let firstPeriod = periodKind.start(of: from)
        let lastPeriod = periodKind.start(of: to)
        SeriesLimits.check(window: firstPeriod...lastPeriod, periodKind: periodKind, events: events,
                           options: options, issues: &issues)
        try issues.throwIfErrors()

        struct Key: Hashable {
            var trust: Int32, ward: Int32, measure: Int32, period: CivilDate
            var dimensions: [Int32]
        }
        var tallies: [Key: (count: Int, line: Int32)] = [:]
        var before = 0, after = 0
        for index in 0..<events.count {
            let date = events.date[index]
            if date < from { before += 1; continue }
            if date > to { after += 1; continue }
            let key = Key(trust: events.trust[index], ward: events.ward[index], measure: events.measure[index],
                          period: periodKind.start(of: date), dimensions: events.dimensions.map { $0[index] })
            tallies[key, default: (0, events.line[index])].count += 1
        }
        if before > 0 {
            issues.warning("\(before) incident\(before == 1 ? "" : "s") dated before \(from.ukText) (--from) left out of the counts")
        }
        if after > 0 {
            issues.warning("\(after) incident\(after == 1 ? "" : "s") dated after \(to.ukText) (--to) left out of the counts")
        }
        let keys = tallies.keys.sorted { a, b in
            if a.trust != b.trust { return a.trust < b.trust }
            if a.ward != b.ward { return a.ward < b.ward }
            if a.measure != b.measure { return a.measure < b.measure }
            if a.period != b.period { return a.period < b.period }
            return a.dimensions.lexicographicallyPrecedes(b.dimensions)
        }
        var records = RecordTable(dimensionCount: dimensionNames.count)
        for key in keys {
            let tally = tallies[key]!
            records.append(trust: key.trust, ward: key.ward, measure: key.measure, period: key.period,
                           value: Double(tally.count), denominator: nil, dimensions: key.dimensions,
                           line: Int(tally.line))
        }
        var dataset = WardDataset(file: issues.file, format: format, periodKind: periodKind, valueKind: .count,
                                  hasDenominator: false, denominatorScope: options.denominatorScope,
                                  dimensionNames: dimensionNames, strings: strings, records: records, events: events,
                                  observationWindow: firstPeriod...lastPeriod, eventWindow: from...to, warnings: issues.warnings,
                                  skippedLines: issues.skippedLines, unreportedWarnings: issues.unreportedWarnings)
        dataset.readerNotes = issues.notes
        return dataset
    }
}
