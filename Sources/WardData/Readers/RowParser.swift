/// Walks the data rows of a CSV file and turns fields into typed values, reporting
/// every problem with its line and column. Shared by every reader.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

final class RowParser {
    @exclusivity(unchecked) var scanner: CSVScanner
    let header: Header
    @exclusivity(unchecked) var issues: IssueCollector
    @exclusivity(unchecked) var strings = StringPool()
    @exclusivity(unchecked) private var scratch: [UInt8] = []
    /// Per column: the bytes and id of the last interned value (rows usually repeat them).
    @exclusivity(unchecked) private var lastBytes: [[UInt8]]
    @exclusivity(unchecked) private var lastIds: [Int32]
    /// NHS numbers seen, per column (every sound row is counted, whatever the reader reads).
    @exclusivity(unchecked) private(set) var identifiers: IdentifierTally

    init(scanner: CSVScanner, header: Header, issues: IssueCollector) {
        self.scanner = scanner
        self.header = header
        self.issues = issues
        lastBytes = Array(repeating: [], count: header.names.count)
        lastIds = Array(repeating: -1, count: header.names.count)
        identifiers = IdentifierTally(columns: header.names.count, skipped: header.identifierColumns)
    }

    var line: Int { scanner.recordLine }

    /// The columns that name a series (trust, ward, measure): a row with `Total` in one of
    /// them, or with one empty and its counts the sums of the rows above, is a totals row.
    var keyColumns: [Int] = []
    /// The count columns a totals row sums.
    var totalColumns: [Int] = []
    /// Where the first data row starts (a totals row's sums are checked from there).
    private var dataStart: Int?
    /// Lines of rows of only separators, passed over.
    private var separatorRows = IssueGrouper()
    private var separatorRowCount = 0
    private var finished = false

    /// A rough number of data rows, from the file size and the header's length.
    var estimatedRows: Int {
        let rowBytes = max(16, header.names.reduce(0) { $0 + $1.utf8.count + 1 })
        return min(scanner.bytes.count / rowBytes + 16, 100_000_000)
    }

    /// Moves to the next data row whose structure is sound; structural problems are
    /// reported as row errors and the row is passed over. `false` at the end.
    func nextRow() -> Bool {
        while scanner.nextRecord() {
            if let problem = scanner.recordProblem {
                report(problem)
                if case .unterminatedQuote = problem { return false }
                continue
            }
            if scanner.isOnlySeparators {
                separatorRowCount += 1
                separatorRows.add(InputIssue(.warning, file: "", line: line, message: "only separators"))
                continue
            }
            if scanner.fields.count != header.names.count {
                let found = scanner.fields.count
                issues.row(line: line, column: nil,
                           "this row has \(found) field\(found == 1 ? "" : "s") but the header has \(header.names.count)",
                           hint: "check for an unquoted comma or a missing value; quote text that contains commas")
                continue
            }
            countIdentifiers()
            if dataStart == nil { dataStart = scanner.recordStart }
            if !keyColumns.isEmpty, isTotalsRow() { continue }
            return true
        }
        finish()
        return false
    }

    /// Counts the row's NHS-number-like fields (only fields of 10 to 16 bytes are looked at).
    @inline(__always)
    private func countIdentifiers() {
        for (column, field) in scanner.fields.enumerated() where field.count >= 10 && field.count <= 16 {
            withField(column) { identifiers.add($0, column: column) }
        }
    }

    /// The rejection to give instead of anything the rows said, when a column's values
    /// are NHS numbers: it names the columns and quotes no value (any other message might
    /// quote one). `nil` when there are none.
    func identifierRejection() -> InputRejected? {
        let columns = identifiers.identifierColumns
        guard !columns.isEmpty else { return nil }
        var collector = IssueCollector(file: issues.file, lenient: false, maxReported: issues.maxReported)
        collector.notes = issues.notes
        for column in columns {
            let count = identifiers.nhsNumbers[column]
            collector.error(line: 1, column: header.names[column],
                            "this column holds NHS numbers (\(count) value\(count == 1 ? "" : "s") with a valid NHS check digit); WardSPC does not read person-level data",
                            hint: "remove the column, or pass --allow-identifiers to read the file without it: its values are never read or shown")
        }
        return InputRejected(issues: collector.errors, groups: collector.grouper.groups, notes: collector.notes)
    }

    /// The folded names of the columns whose values are NHS numbers.
    var identifierColumnNames: Set<String> { Set(identifiers.identifierColumns.map { header.folded[$0] }) }

    /// Adds the notes of what was passed over, once, at the end of the rows.
    private func finish() {
        guard !finished else { return }
        finished = true
        guard separatorRowCount > 0, let group = separatorRows.groups.first else { return }
        let runs = group.lineRuns.map { $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound)–\($0.upperBound)" }
        let noun = separatorRowCount == 1 ? "row" : "rows"
        issues.notes.append("\(separatorRowCount) empty \(noun) of only separators ignored, \(separatorRowCount == 1 ? "line" : "lines") \(runs.joined(separator: ", "))\(group.moreLines > 0 ? " …" : "")")
    }

    /// Whether the current row is a totals row (then it is reported and passed over):
    /// a key column reads `Total` or `Grand total`, or a key column is empty, it is the
    /// last row, and every count column holds the sum of the rows above.
    private func isTotalsRow() -> Bool {
        var hasEmptyKey = false
        for column in keyColumns {
            let (label, empty) = withField(column) { (RowParser.isTotalsLabel($0), $0.isEmpty) }
            if label {
                let name = header.names[column]
                issues.warning(line: line, column: name,
                               "this is a totals row, \(name) reads \"\(text(column))\"; it was skipped, as totals are not a ward's data")
                issues.notes.append("the totals row at line \(line) skipped")
                return true
            }
            hasEmptyKey = hasEmptyKey || empty
        }
        guard hasEmptyKey, !totalColumns.isEmpty, let dataStart, isLastRow(), sumsMatch(from: dataStart) else { return false }
        issues.warning(line: line, column: nil,
                       "this looks like a totals row: a name column is empty and its counts are the sums of the rows above; it was skipped")
        issues.notes.append("the totals row at line \(line) skipped")
        return true
    }

    static func isTotalsLabel(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 5, bytes.count <= 13 else { return false }
        let first = bytes[0] | 0x20
        guard first == UInt8(ascii: "t") || first == UInt8(ascii: "g") || first == UInt8(ascii: "o") else { return false }
        let folded = Header.fold(String(decoding: bytes, as: UTF8.self))
        return ["total", "totals", "grand_total", "grand_totals", "overall_total"].contains(folded)
    }

    /// No row with a value follows the current one.
    private func isLastRow() -> Bool {
        var probe = scanner
        while probe.nextRecord() {
            if !probe.isOnlySeparators { return false }
        }
        return true
    }

    /// Every count column of the current row is the sum of that column over the rows from
    /// `start` to this one (at least one of them above zero).
    private func sumsMatch(from start: Int) -> Bool {
        var sums = [Double](repeating: 0, count: totalColumns.count)
        var rows = CSVScanner(bytes: UnsafeBufferPointer(rebasing: scanner.bytes[start..<scanner.recordStart]),
                              limits: scanner.limits)
        var buffer: [UInt8] = []
        while rows.nextRecord() {
            guard rows.recordProblem == nil, rows.fields.count == header.names.count, !rows.isOnlySeparators else { continue }
            for (slot, column) in totalColumns.enumerated() {
                let value = rows.withBytes(rows.fields[rows.fields.startIndex + column], scratch: &buffer) {
                    try? NumberParser.parseDouble(NumberParser.trimmed($0)).get()
                }
                sums[slot] += value ?? 0
            }
        }
        var positive = false
        for (slot, column) in totalColumns.enumerated() {
            guard let value = withField(column, { try? NumberParser.parseDouble($0).get() }) else { return false }
            if abs(value - sums[slot]) > 1e-9 * max(1, abs(value)) { return false }
            positive = positive || value > 0
        }
        return positive
    }

    private func report(_ problem: CSVScanner.Problem) {
        switch problem {
        case .unterminatedQuote:
            // It swallows the rest of the file, so it stops the read even with --lenient.
            issues.error(line: line, column: nil, "a quoted field starts in this row but its closing quote is never found, so the rest of the file cannot be read",
                         hint: "close the quote, or double any quote inside a quoted field (\"\")")
        case .textAfterClosingQuote(let index):
            issues.row(line: line, column: columnName(index), "text follows the closing quote of a quoted field",
                       hint: "a quote inside a quoted field must be doubled (\"\")")
        case .fieldTooLong(let index, let bytes):
            issues.row(line: line, column: columnName(index),
                       "field of \(bytes) bytes is longer than the limit of \(scanner.limits.maxFieldBytes) bytes",
                       hint: "check the file is a ward data CSV; raise the limit with --max-field-bytes")
        case .tooManyFields(let limit):
            issues.row(line: line, column: nil, "row has more than \(limit) fields",
                       hint: "check the file is a ward data CSV; raise the limit with --max-columns")
        case .nulByte(let badLine):
            issues.row(line: badLine, column: nil, "contains a NUL byte", hint: "the file looks binary or corrupted; export it again as CSV")
        case .invalidUTF8(let badLine):
            issues.row(line: badLine, column: nil, "contains bytes that are not UTF-8",
                       hint: "save the file as CSV UTF-8 (in Excel: Save As › CSV UTF-8)")
        }
    }

    func columnName(_ index: Int) -> String? {
        index < header.names.count ? header.names[index] : nil
    }

    func withField<R>(_ column: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        scanner.withBytes(scanner.fields[column], scratch: &scratch) { body(NumberParser.trimmed($0)) }
    }

    func text(_ column: Int) -> String {
        withField(column) { String(decoding: $0, as: UTF8.self) }
    }

    func isEmpty(_ column: Int) -> Bool { withField(column) { $0.isEmpty } }

    /// The interned id of a text field (trimmed); `nil` and a row error when it is empty and `required`.
    func name(_ column: Int, required: Bool = true) -> Int32? {
        let cached: Int32? = withField(column) { bytes in
            let previous = lastBytes[column]
            guard lastIds[column] >= 0, previous.count == bytes.count else { return nil }
            guard let left = previous.withUnsafeBufferPointer({ $0.baseAddress }), let right = bytes.baseAddress else {
                return lastIds[column]  // both empty
            }
            let same = memcmp(left, right, bytes.count) == 0
            return same ? lastIds[column] : nil
        }
        if let cached { return cached }
        let value = text(column)
        if value.isEmpty && required {
            issues.row(line: line, column: header.names[column], "\(header.names[column]) is empty",
                       hint: "every row needs a \(header.names[column])")
            return nil
        }
        let id = strings.intern(value)
        withField(column) { lastBytes[column] = Array($0) }
        lastIds[column] = id
        return id
    }

    /// A date field as written; `nil` and a row error when it is not a date.
    func rawDate(_ column: Int) -> RawDate? {
        if let date = withField(column, DateParser.parse) { return date }
        let name = header.names[column]
        if isEmpty(column) {
            issues.row(line: line, column: name, "\(name) is empty", hint: "every row needs a date")
        } else if withField(column, DateParser.hasTwoDigitYear) {
            issues.row(line: line, column: name, "\"\(text(column).prefix(40))\" has a two-digit year",
                       hint: "write dates as YYYY-MM-DD or DD/MM/YYYY with a four-digit year")
        } else {
            issues.row(line: line, column: name, "\"\(text(column).prefix(40))\" is not a date",
                       hint: "write dates as YYYY-MM-DD or DD/MM/YYYY")
        }
        return nil
    }

    /// A count field: a whole number ≥ 0 that fits in 64 bits.
    func count(_ column: Int, allowEmpty: Bool = false) -> Double?? {
        switch withField(column, NumberParser.parseCount) {
        case .success(let value): return .some(Double(value))
        case .failure(.empty) where allowEmpty: return .some(nil)
        case .failure(let failure):
            reportNumber(failure, column: column, what: "count")
            return nil
        }
    }

    /// A finite number; `nonNegative` for denominators.
    func number(_ column: Int, nonNegative: Bool, allowEmpty: Bool = false, what: String) -> Double?? {
        switch withField(column, NumberParser.parseDouble) {
        case .success(let value):
            if nonNegative && value < 0 {
                reportNumber(.negative, column: column, what: what)
                return nil
            }
            return .some(value)
        case .failure(.empty) where allowEmpty: return .some(nil)
        case .failure(let failure):
            reportNumber(failure, column: column, what: what)
            return nil
        }
    }

    /// A denominator field (bed days, or patients for p charts): a finite number, 0 or
    /// within `DenominatorRange` for the period; empty when `allowEmpty`.
    func denominator(_ column: Int, monthly: Bool, allowEmpty: Bool = true, what: String = "denominator") -> Double?? {
        guard let parsed = number(column, nonNegative: true, allowEmpty: allowEmpty, what: what) else { return nil }
        guard let value = parsed, !DenominatorRange.contains(value, monthly: monthly) else { return parsed }
        let name = header.names[column]
        let shown = "\"\(text(column).prefix(40))\""
        if value < DenominatorRange.smallestPositive {
            issues.row(line: line, column: name, "\(shown) is too small for a \(what): above 0 but below \(DenominatorRange.smallestPositive)",
                       hint: "occupied bed days are 0 for a closed ward, otherwise at least a hundredth of a day; check the units")
        } else {
            let period = monthly ? "month" : "week"
            let largest = DenominatorRange.text(DenominatorRange.largest(monthly: monthly))
            issues.row(line: line, column: name,
                       "\(shown) is more than a ward can have in a \(period): a \(what) is at most \(largest) (\(DenominatorRange.text(DenominatorRange.largestPerDay)) a day)",
                       hint: "check the \(what): it is one ward's occupied bed days (or patients) for the \(period)")
        }
        return nil
    }

    private func reportNumber(_ failure: NumberParser.Failure, column: Int, what: String) {
        let name = header.names[column]
        let shown = "\"\(text(column).prefix(40))\""
        switch failure {
        case .empty:
            issues.row(line: line, column: name, "\(name) is empty",
                       hint: what == "count" ? "a week with no incidents is 0; leave out a week that was not recorded" : "fill in the \(what)")
        case .notANumber:
            issues.row(line: line, column: name, "\(shown) is not a number",
                       hint: "expected a \(what) such as 12; remove thousands separators and units")
        case .notFinite:
            issues.row(line: line, column: name, "\(shown) is not a finite number", hint: "expected a \(what) such as 12")
        case .negative:
            issues.row(line: line, column: name, "\(shown) is negative", hint: "a \(what) cannot be below 0")
        case .notWhole:
            issues.row(line: line, column: name, "\(shown) is not a whole number",
                       hint: "counts are whole numbers; use a `value` column for measures such as hours")
        case .beyond64Bits:
            issues.row(line: line, column: name, "\(shown) is too large (beyond 64 bits)", hint: "check the \(what)")
        }
    }
}
