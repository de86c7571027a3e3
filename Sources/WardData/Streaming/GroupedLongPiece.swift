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

    /// Scans `range` of `bytes` (which starts where a series starts).
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, file: InputFile,
                       progress: (@Sendable (Int) -> Void)?,
                       process: ([WardSeries], GroupedLongReader.FileFacts) -> [Result]) {
        let piece = UnsafeBufferPointer(rebasing: bytes[range])
        if piece.count >= 3, piece[0] == 0xEF, piece[1] == 0xBB, piece[2] == 0xBF, range.lowerBound > 0 {
            fallback = "a byte-order mark inside the file"
            return
        }
        var source = PieceRows(piece, fieldCount: layout.fieldCount, limits: options.limits)
        var key: (trust: Range<Int>, ward: Range<Int>, measure: Range<Int>)?
        var series = SeriesRows(dimensions: layout.dimensions.count)
        var rowDimensions = [Range<Int>](repeating: 0..<0, count: layout.dimensions.count)
        let expectedWeekday: Weekday? = if case .week(let day) = facts.periodKind { day } else { nil }
        let isCount = layout.valueKind == .count
        var released = 0
        var dates = RecentDates()
        var sinceProgress = 0

        // With trust, ward and measure the first three columns (the usual export), a row
        // whose first three fields are the previous row's, byte for byte, is in the same
        // series: one comparison per row instead of three trims and three.
        let keyFirst = layout.trust == 0 && layout.ward == 1 && layout.measure == 2
        var previousKey = LeadingFields()
        while fallback == nil, source.next() {
            let fields = source.fields
            // A value that may be an NHS number: the whole-file reader decides whether
            // its column is one (and then refuses the file without quoting it).
            for range in fields where range.count >= 10 && range.count <= 16 {
                if NHSNumber.isNHSNumber(piece.bytes(piece.trimmedRange(range))) { fallback = "a value that may be an NHS number" }
            }
            if fallback != nil { break }
            var sameAsPrevious = false
            if keyFirst {
                let rowKey = LeadingFields(fields)
                sameAsPrevious = key != nil && rowKey.sameBytes(as: previousKey, in: piece)
                previousKey = rowKey
            }
            if sameAsPrevious {
                // Same series: rows carry on.
            } else if let trust = piece.nameRange(fields[layout.trust]), let ward = piece.nameRange(fields[layout.ward]),
                      let measure = piece.nameRange(fields[layout.measure]),
                      let current = key, piece.sameBytes(current.trust, trust), piece.sameBytes(current.ward, ward),
                      piece.sameBytes(current.measure, measure) {
                // Same series (a name written with other spaces around it): rows carry on.
            } else {
                guard let trust = piece.nameRange(fields[layout.trust]), let ward = piece.nameRange(fields[layout.ward]),
                      let measure = piece.nameRange(fields[layout.measure]) else {
                    fallback = "an empty trust, ward or measure"
                    break
                }
                if piece.isTotalsLabel(trust) || piece.isTotalsLabel(ward) || piece.isTotalsLabel(measure) {
                    fallback = "a totals row (Total or Grand total as a name)"
                    break
                }
                if let current = key { finishSeries(&series, key: current, piece: piece, process: process) }
                if fallback != nil { break }
                key = (trust, ward, measure)
                if pending.isEmpty, source.recordStart - released > 8 << 20 {
                    file.releasePages(range.lowerBound + released..<range.lowerBound + source.recordStart)
                    released = source.recordStart
                }
            }
            guard let date = dates.date(piece.bytes(fields[layout.period])) else {
                fallback = "a date that is not ISO (YYYY-MM-DD)"
                break
            }
            if let expectedWeekday {
                guard date.weekday == expectedWeekday else { fallback = "weeks that start on different weekdays"; break }
            } else if date.components.day != 1 {
                fallback = "a monthly date that is not the 1st"
                break
            }
            let numberBytes = piece.bytes(piece.trimmedRange(fields[layout.number]))
            let number: Double
            if isCount {
                guard case .success(let count) = NumberParser.parseCount(numberBytes) else {
                    fallback = "a count the whole-file reader must report"
                    break
                }
                number = Double(count)
            } else {
                guard case .success(let value) = NumberParser.parseDouble(numberBytes) else {
                    fallback = "a value the whole-file reader must report"
                    break
                }
                number = value
            }
            var denominator: Double?
            if let column = layout.denominator {
                let cell = piece.bytes(piece.trimmedRange(fields[column]))
                guard case .success(let value) = NumberParser.parseDouble(cell), value > 0,
                      DenominatorRange.contains(value, monthly: layout.monthly) else {
                    fallback = "an empty, negative, zero or out-of-range denominator"
                    break
                }
                denominator = value
            }
            for (slot, column) in layout.dimensions.enumerated() { rowDimensions[slot] = piece.trimmedRange(fields[column]) }
            if let problem = series.add(date, value: number, denominator: denominator, dimensions: rowDimensions,
                                        scope: options.denominatorScope, piece: piece) {
                fallback = problem
                break
            }
            rows += 1
            sinceProgress += 1
            if sinceProgress == 65_536 { progress?(sinceProgress); sinceProgress = 0 }
        }
        if let problem = source.problem { fallback = problem }
        guard fallback == nil else { return }
        progress?(sinceProgress)
        if let current = key { finishSeries(&series, key: current, piece: piece, process: process) }
        if fallback == nil, pending.count > 0 { flush(process) }
    }

    /// Hands the series just read to the batch (processing a full batch), or falls back.
    private mutating func finishSeries(_ rows: inout SeriesRows, key: (trust: Range<Int>, ward: Range<Int>, measure: Range<Int>),
                                       piece: UnsafeBufferPointer<UInt8>,
                                       process: ([WardSeries], GroupedLongReader.FileFacts) -> [Result]) {
        if let problem = rows.closePeriod(scope: options.denominatorScope) {
            fallback = problem
            return
        }
        func text(_ range: Range<Int>) -> String { String(decoding: piece.bytes(range), as: UTF8.self) }
        var series = WardSeries(trust: text(key.trust), ward: text(key.ward), measure: text(key.measure),
                                periods: rows.periods, values: rows.values, denominators: rows.denominators,
                                missingPeriods: [], lines: [])
        rows.removeAll()
        let span = facts.periodKind.distance(from: series.periods.first!, to: series.periods.last!) + 1
        if span != series.periods.count { series.missingPeriods = facts.periodKind.missingPeriods(in: series.periods) }
        guard span <= options.maxRowsPerSeries else { fallback = "a series is longer than --max-rows-per-series"; return }
        pending.append(series)
        pendingKeys.append(SeriesKey(series))
        if pending.count == GroupedLongReader.batchSize { flush(process) }
    }

    private mutating func flush(_ process: ([WardSeries], GroupedLongReader.FileFacts) -> [Result]) {
        let results = process(pending, facts)
        precondition(results.count == pending.count, "one result per series")
        batches.append(Batch(keys: pendingKeys, results: results))
        pending.removeAll(keepingCapacity: true)
        pendingKeys.removeAll(keepingCapacity: true)
    }

    /// The first three fields of a row as one span, with where each starts and ends in it
    /// (quotes around a field move them), so that two rows' can be compared at once.
    struct LeadingFields {
        var span = 0..<0
        var bounds: (Int, Int, Int, Int) = (0, 0, 0, 0)

        init() {}

        init(_ fields: [Range<Int>]) {
            let start = fields[0].lowerBound
            span = start..<fields[2].upperBound
            bounds = (fields[0].upperBound - start, fields[1].lowerBound - start,
                      fields[1].upperBound - start, fields[2].lowerBound - start)
        }

        /// Whether each of the three fields holds the same bytes as in `other`.
        func sameBytes(as other: LeadingFields, in piece: UnsafeBufferPointer<UInt8>) -> Bool {
            bounds == other.bounds && piece.sameBytes(span, other.span)
        }
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
}
