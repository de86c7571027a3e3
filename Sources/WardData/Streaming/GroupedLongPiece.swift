#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One piece of a file on the fast path (it starts where a series starts), scanned on its
/// own thread: finished series are processed in batches as they complete.
struct Piece<Result> {
    struct Batch {
        var keys: [SeriesKey]
        var results: [Result]
    }

    let layout: GroupedLongLayout
    let facts: GroupedLongReader.FileFacts
    let options: ReadOptions
    var batches: [Batch] = []
    var fallback: String?
    var rows = 0

    private var pending: [WardSeries] = []
    private var pendingKeys: [SeriesKey] = []

    init(layout: GroupedLongLayout, facts: GroupedLongReader.FileFacts, options: ReadOptions) {
        self.layout = layout
        self.facts = facts
        self.options = options
    }

    /// Scans `range` of `bytes` (which starts at a line start).
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, file: InputFile,
                       progress: (@Sendable (Int) -> Void)?,
                       process: ([WardSeries], GroupedLongReader.FileFacts) -> [Result]) {
        let piece = UnsafeBufferPointer(rebasing: bytes[range])
        if piece.count >= 3, piece[0] == 0xEF, piece[1] == 0xBB, piece[2] == 0xBF, range.lowerBound > 0 {
            fallback = "a byte-order mark inside the file"
            return
        }
        // Bytes that are not UTF-8 text set `recordProblem` (checked per record by the scanner).
        var scanner = CSVScanner(bytes: piece, limits: options.limits)
        var scratch: [UInt8] = []
        var key: (trust: Range<Int>, ward: Range<Int>, measure: Range<Int>)?
        var periods: [CivilDate] = [], values: [Double] = [], denominators: [Double?] = []
        let expectedWeekday: Weekday? = if case .week(let day) = facts.periodKind { day } else { nil }
        let isCount = layout.valueKind == .count
        var released = 0
        var dates = RecentDates()
        var sinceProgress = 0

        /// The trimmed byte range of a text field, `nil` when it is empty or has doubled quotes.
        func textRange(_ column: Int) -> Range<Int>? {
            let field = scanner.fields[column]
            guard !field.hasDoubledQuotes else { return nil }
            let raw = UnsafeBufferPointer(rebasing: piece[field.start..<field.end])
            let trimmed = NumberParser.trimmed(raw)
            guard trimmed.count > 0, let base = piece.baseAddress, let start = trimmed.baseAddress else { return nil }
            let offset = start - base
            return offset..<(offset + trimmed.count)
        }
        /// A dimension value's trimmed byte range (it may be empty); `nil` with doubled quotes.
        func dimensionRange(_ column: Int) -> Range<Int>? {
            let field = scanner.fields[column]
            guard !field.hasDoubledQuotes, let base = piece.baseAddress else { return nil }
            let trimmed = NumberParser.trimmed(UnsafeBufferPointer(rebasing: piece[field.start..<field.end]))
            guard let start = trimmed.baseAddress else { return field.start..<field.start }
            let offset = start - base
            return offset..<(offset + trimmed.count)
        }
        func same(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
            a.count == b.count && memcmp(piece.baseAddress! + a.lowerBound, piece.baseAddress! + b.lowerBound, a.count) == 0
        }
        func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: piece[range]), as: UTF8.self) }

        // The rows of the current period (several when dimension columns split it).
        let dimensionCount = layout.dimensions.count
        var groupDimensions: [Range<Int>] = []
        var groupDenominators: [Double] = []
        var rowDimensions = [Range<Int>](repeating: 0..<0, count: dimensionCount)
        /// Sets the current period's denominator from its rows (`SeriesBuilder`'s rule:
        /// one value repeated is the ward's, different ones add up, per `--denominator-scope`).
        func closeGroup() {
            defer {
                groupDimensions.removeAll(keepingCapacity: true)
                groupDenominators.removeAll(keepingCapacity: true)
            }
            guard layout.denominator != nil, !denominators.isEmpty, let first = groupDenominators.first else { return }
            let allEqual = groupDenominators.allSatisfy { $0 == first }
            switch options.denominatorScope {
            case .auto: denominators[denominators.count - 1] = allEqual ? first : groupDenominators.reduce(0, +)
            case .row: denominators[denominators.count - 1] = groupDenominators.reduce(0, +)
            case .ward:
                guard allEqual else { fallback = "rows of one period with different denominators"; return }
                denominators[denominators.count - 1] = first
            }
        }

        func finishSeries() {
            guard let current = key else { return }
            closeGroup()
            var series = WardSeries(trust: text(current.trust), ward: text(current.ward), measure: text(current.measure),
                                    periods: periods, values: values, denominators: denominators,
                                    missingPeriods: [], lines: [])
            let span = facts.periodKind.distance(from: periods.first!, to: periods.last!) + 1
            if span != periods.count { series.missingPeriods = Piece.missing(periods, kind: facts.periodKind) }
            periods.removeAll(keepingCapacity: true)
            values.removeAll(keepingCapacity: true)
            denominators.removeAll(keepingCapacity: true)
            guard span <= options.maxRowsPerSeries else { fallback = "a series is longer than --max-rows-per-series"; return }
            pending.append(series)
            pendingKeys.append(SeriesKey(series))
            if pending.count == GroupedLongReader.batchSize { flush(process) }
        }

        while fallback == nil, scanner.nextRecord() {
            guard scanner.recordProblem == nil, scanner.fields.count == layout.fieldCount else {
                fallback = "a row the whole-file reader must report"
                break
            }
            guard let trust = textRange(layout.trust), let ward = textRange(layout.ward),
                  let measure = textRange(layout.measure) else {
                fallback = "an empty or quoted-quote name"
                break
            }
            if let current = key, same(current.trust, trust), same(current.ward, ward), same(current.measure, measure) {
                // Same series: rows carry on.
            } else {
                finishSeries()
                if fallback != nil { break }
                key = (trust, ward, measure)
                if pending.isEmpty, scanner.recordStart - released > 8 << 20 {
                    file.releasePages(range.lowerBound + released..<range.lowerBound + scanner.recordStart)
                    released = scanner.recordStart
                }
            }
            guard let date = scanner.withBytes(scanner.fields[layout.period], scratch: &scratch, { dates.date($0) }) else {
                fallback = "a date that is not ISO (YYYY-MM-DD)"
                break
            }
            if let expectedWeekday {
                guard date.weekday == expectedWeekday else { fallback = "weeks that start on different weekdays"; break }
            } else if date.components.day != 1 {
                fallback = "a monthly date that is not the 1st"
                break
            }
            let number: Double
            if isCount {
                guard case .success(let count) = scanner.withBytes(scanner.fields[layout.number], scratch: &scratch, {
                    NumberParser.parseCount(NumberParser.trimmed($0))
                }) else { fallback = "a count the whole-file reader must report"; break }
                number = Double(count)
            } else {
                guard case .success(let value) = scanner.withBytes(scanner.fields[layout.number], scratch: &scratch, {
                    NumberParser.parseDouble(NumberParser.trimmed($0))
                }) else { fallback = "a value the whole-file reader must report"; break }
                number = value
            }
            var denominator: Double?
            if let column = layout.denominator {
                guard case .success(let value) = scanner.withBytes(scanner.fields[column], scratch: &scratch, {
                    NumberParser.parseDouble(NumberParser.trimmed($0))
                }), value > 0 else {
                    fallback = "an empty, negative or zero denominator"
                    break
                }
                denominator = value
            }
            for (slot, column) in layout.dimensions.enumerated() {
                guard let range = dimensionRange(column) else { fallback = "a dimension value with doubled quotes"; break }
                rowDimensions[slot] = range
            }
            if fallback != nil { break }
            if let last = periods.last, last == date {
                // Another row of the same period: it must differ in a dimension (else it is a
                // duplicate the whole-file reader reports); counts add up.
                guard dimensionCount > 0 else { fallback = "two rows for one period"; break }
                var duplicate = false
                for start in stride(from: 0, to: groupDimensions.count, by: dimensionCount)
                    where (0..<dimensionCount).allSatisfy({ same(groupDimensions[start + $0], rowDimensions[$0]) }) {
                    duplicate = true
                }
                guard !duplicate else { fallback = "duplicate rows"; break }
                values[values.count - 1] += number
            } else {
                if let last = periods.last, !(last < date) { fallback = "rows of a series out of date order"; break }
                closeGroup()
                if fallback != nil { break }
                periods.append(date)
                values.append(number)
                denominators.append(denominator)
            }
            groupDimensions += rowDimensions
            if let denominator { groupDenominators.append(denominator) }
            rows += 1
            sinceProgress += 1
            if sinceProgress == 65_536 { progress?(sinceProgress); sinceProgress = 0 }
        }
        guard fallback == nil else { return }
        progress?(sinceProgress)
        finishSeries()
        if fallback == nil, pending.count > 0 { flush(process) }
    }

    private mutating func flush(_ process: ([WardSeries], GroupedLongReader.FileFacts) -> [Result]) {
        let results = process(pending, facts)
        precondition(results.count == pending.count, "one result per series")
        batches.append(Batch(keys: pendingKeys, results: results))
        pending.removeAll(keepingCapacity: true)
        pendingKeys.removeAll(keepingCapacity: true)
    }

    /// The last dates seen, by their bytes: a file repeats the same few hundred dates in
    /// every series, so most dates are found here instead of worked out again.
    struct RecentDates {
        private var heads = [UInt64](repeating: 0, count: 512)
        private var tails = [UInt16](repeating: 0, count: 512)
        private var days = [Int32?](repeating: nil, count: 512)

        mutating func date(_ raw: UnsafeBufferPointer<UInt8>) -> CivilDate? {
            guard raw.count == 10, let base = raw.baseAddress else { return GroupedLongLayout.isoDate(raw) }
            // The field's 10 bytes, compared exactly: the same bytes always give the same date.
            let head = UnsafeRawPointer(base).loadUnaligned(as: UInt64.self)
            let tail = UInt16(base[8]) << 8 | UInt16(base[9])
            let mixed = (head ^ UInt64(tail)) &* 0x9E37_79B9_7F4A_7C15
            let slot = Int(truncatingIfNeeded: mixed >> 55)
            if let day = days[slot], heads[slot] == head, tails[slot] == tail { return CivilDate(dayNumber: day) }
            guard let date = GroupedLongLayout.isoDate(raw) else { return nil }
            heads[slot] = head
            tails[slot] = tail
            days[slot] = date.dayNumber
            return date
        }
    }

    /// Period starts between the first and last observed one that have no row (never zeros).
    static func missing(_ periods: [CivilDate], kind: PeriodKind) -> [CivilDate] {
        var result: [CivilDate] = []
        var observed = periods.makeIterator()
        var next = observed.next()
        for period in kind.starts(from: periods.first!, through: periods.last!) {
            if period == next { next = observed.next() } else { result.append(period) }
        }
        return result
    }
}
