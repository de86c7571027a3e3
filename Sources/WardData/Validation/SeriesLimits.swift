/// Bounds on the rows the series of a file will have, checked before the series are
/// built (DESIGN.md §3.6; docs/input.md "Limits").
///
/// A series has a row for every period from its first to its last, missing ones
/// included, and event-level data gives every ward × measure every period of the
/// observation window. So a few rows dated centuries apart, or many wards over a long
/// window, would make far more rows than the file has lines: these limits refuse such a
/// file up front, naming the lines whose dates stretch it, instead of exhausting memory.
enum SeriesLimits {
    private struct Key: Hashable { var trust: Int32, ward: Int32, measure: Int32 }
    private struct Span { var first: CivilDate, firstLine: Int32, last: CivilDate, lastLine: Int32 }

    /// Periodic (long or wide) rows: each series from its first to its last dated row.
    static func check(_ table: RecordTable, dates: [CivilDate?], periodKind: PeriodKind, strings: StringPool,
                      column: String, options: ReadOptions, issues: inout IssueCollector) {
        var spans: [Key: Span] = [:]
        var order: [Key] = []
        // Rows usually arrive grouped by series: one dictionary look-up per run of a series.
        var currentKey: Key?
        var current = Span(first: CivilDate(dayNumber: 0), firstLine: 0, last: CivilDate(dayNumber: 0), lastLine: 0)
        for index in 0..<table.count {
            guard let date = dates[index] else { continue }
            let key = Key(trust: table.trust[index], ward: table.ward[index], measure: table.measure[index])
            let line = table.line[index]
            if key != currentKey {
                if let currentKey { spans[currentKey] = current }
                currentKey = key
                if let known = spans[key] {
                    current = known
                } else {
                    current = Span(first: date, firstLine: line, last: date, lastLine: line)
                    order.append(key)
                }
            }
            if date < current.first { current.first = date; current.firstLine = line }
            if date > current.last { current.last = date; current.lastLine = line }
        }
        if let currentKey { spans[currentKey] = current }
        var total = 0
        for key in order {
            let span = spans[key]!
            let rows = periodKind.distance(from: span.first, to: span.last) + 1
            total += rows
            guard rows > options.maxRowsPerSeries else { continue }
            issues.error(line: Int(span.lastLine), column: column,
                         "\(strings[key.trust]) · \(strings[key.ward]) · \(strings[key.measure]) runs from \(span.first.ukText) (line \(span.firstLine)) to \(span.last.ukText) (line \(span.lastLine)): \(rows) \(periodKind.name)s, more than the limit of \(options.maxRowsPerSeries) rows per series",
                         hint: "check the dates for a mistyped year; raise the limit with --max-rows-per-series")
        }
        checkTotal(total, series: order.count, options: options, issues: &issues)
    }

    /// Event-level rows: every ward × measure gets every period of the observation window.
    static func check(window: ClosedRange<CivilDate>, periodKind: PeriodKind, events: EventTable,
                      options: ReadOptions, issues: inout IssueCollector) {
        let rows = periodKind.distance(from: window.lowerBound, to: window.upperBound) + 1
        if rows > options.maxRowsPerSeries {
            let earliest = events.date.indices.min { events.date[$0] < events.date[$1] }
            let latest = events.date.indices.max { events.date[$0] < events.date[$1] }
            let fromFile = options.from == nil && options.to == nil
            var span = "the observation window \(window.lowerBound.ukText) to \(window.upperBound.ukText)"
            if fromFile, let earliest, let latest {
                span = "the incidents run from \(events.date[earliest].ukText) (line \(events.line[earliest])) to \(events.date[latest].ukText) (line \(events.line[latest])), and every ward × measure gets every \(periodKind.name) between"
            }
            issues.error(line: fromFile ? latest.map { Int(events.line[$0]) } : nil, column: nil,
                         "\(span): \(rows) \(periodKind.name)s, more than the limit of \(options.maxRowsPerSeries) rows per series",
                         hint: "check the dates for a mistyped year, or set --from and --to; raise the limit with --max-rows-per-series")
            return
        }
        var series = Set<Key>()
        for index in 0..<events.count {
            series.insert(Key(trust: events.trust[index], ward: events.ward[index], measure: events.measure[index]))
        }
        checkTotal(rows * series.count, series: series.count, options: options, issues: &issues)
    }

    private static func checkTotal(_ total: Int, series: Int, options: ReadOptions, issues: inout IssueCollector) {
        if series > options.maxSeries {
            issues.error("the file has \(series) series (trust × ward × measure), more than the limit of \(options.maxSeries)",
                         hint: "read part of the file, with fewer trusts, wards or measures; raise the limit with --max-series")
        }
        guard total > options.maxRows else { return }
        issues.error("the file's \(series) series have \(total) rows in all (one per series × period, from each series' first period to its last), more than the limit of \(options.maxRows)",
                     hint: "check the dates for a mistyped year, or read part of the file; raise the limit with --max-rows")
    }
}
