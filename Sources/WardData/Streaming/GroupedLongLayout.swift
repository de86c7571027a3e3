/// The header of a file the fast path can read: the long format (DESIGN.md §3.1), its
/// dimension columns, and where its data rows start.
struct GroupedLongLayout: Sendable {
    var trust: Int, ward: Int, measure: Int, period: Int, number: Int
    var denominator: Int?
    /// Dimension columns (`subtype`, `context`, …): rows that differ only by them are
    /// combined into one period, as `SeriesBuilder` does.
    var dimensions: [Int]
    var fieldCount: Int
    var valueKind: ValueKind
    var monthly: Bool
    /// Byte offset of the first data row.
    var dataStart: Int

    /// `nil` when the whole-file reader should read the file (it reports why, if it is wrong).
    init?(bytes: UnsafeBufferPointer<UInt8>, file: String, options: ReadOptions) {
        var scanner = CSVScanner(bytes: bytes, limits: options.limits)
        guard scanner.nextRecord(), scanner.recordProblem == nil else { return nil }
        let header = Header(names: scanner.fields.map { scanner.string($0) })
        guard Set(header.folded).count == header.folded.count, !header.folded.contains(""),
              header.identifierColumns.isEmpty,
              WardDataReader.detectFormat(header) == .long else { return nil }
        var columns = ColumnPicker(header: header, issues: IssueCollector(file: file, lenient: false, maxReported: 1))
        let picked = LongColumns(&columns)
        let (trust, ward, measure, period) = (picked.trust, picked.ward, picked.measure, picked.period)
        let (count, value, denominator, dimensions) = (picked.count, picked.value, picked.denominator, picked.dimensions)
        // Ethnic groups are checked against the NHS codes, and bed days by group are
        // decided from the whole file (issue 8): the whole-file reader's job.
        guard !dimensions.contains(where: { ColumnNames.ethnicGroup.contains(header.folded[$0]) }) else { return nil }
        guard !columns.issues.hasErrors, (count == nil) != (value == nil),
              let trust, let ward, let measure, let period, !period.isWeekEnding else { return nil }
        guard scanner.nextRecord() else { return nil }
        self.trust = trust
        self.ward = ward
        self.measure = measure
        self.period = period.index
        self.number = count ?? value!
        self.denominator = denominator
        self.dimensions = dimensions
        self.fieldCount = header.names.count
        self.valueKind = count != nil ? .count : .value
        self.monthly = period.isMonthly(options)
        self.dataStart = scanner.recordStart
    }

    /// The first data row's date, when it is ISO.
    func firstDate(_ bytes: UnsafeBufferPointer<UInt8>) -> CivilDate? {
        var scanner = CSVScanner(bytes: UnsafeBufferPointer(rebasing: bytes[dataStart...]))
        guard scanner.nextRecord(), scanner.fields.count == fieldCount else { return nil }
        var scratch: [UInt8] = []
        return scanner.withBytes(scanner.fields[period], scratch: &scratch) { GroupedLongLayout.isoDate($0) }
    }

    /// An ISO date (`YYYY-MM-DD`, or `YYYY-MM` for months, a time of day allowed) as the
    /// whole-file reader reads it; `nil` for anything else.
    static func isoDate(_ raw: UnsafeBufferPointer<UInt8>) -> CivilDate? {
        let field = NumberParser.trimmed(raw)
        if field.count == 10, field[4] == 0x2D, field[7] == 0x2D {
            var digits = 0
            var ok = true
            for index in [0, 1, 2, 3, 5, 6, 8, 9] {
                let byte = field[index] &- 0x30
                if byte > 9 { ok = false; break }
                digits = digits * 10 + Int(byte)
            }
            if ok { return CivilDate(year: digits / 10_000, month: digits / 100 % 100, day: digits % 100) }
        }
        guard case .iso(let year, let month, let day)? = DateParser.parse(raw) else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }
}
