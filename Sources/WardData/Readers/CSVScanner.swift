/// A byte-level RFC 4180 scanner: records and fields as byte ranges, no per-field
/// allocation.
///
/// Accepts a UTF-8 byte-order mark, CRLF or LF line ends, quoted fields with commas,
/// doubled quotes and newlines, and blank lines (skipped: they carry no data). A quote
/// inside an unquoted field is kept as a literal character, as spreadsheets write
/// `12" tube`. Structural problems are reported per record in `recordProblem`; the
/// scanner never stops early except at an unterminated quoted field, which swallows
/// the rest of the file.
public struct CSVScanner {
    /// One field of the current record: bytes `start..<end` of the buffer, quotes removed.
    public struct Field: Sendable {
        public var start: Int
        public var end: Int
        /// The field was quoted and contains `""` pairs that stand for one `"`.
        public var hasDoubledQuotes: Bool
        public var count: Int { end - start }
    }

    /// What is wrong with the current record's bytes.
    public enum Problem: Equatable, Sendable {
        case unterminatedQuote
        case textAfterClosingQuote(fieldIndex: Int)
        case fieldTooLong(fieldIndex: Int, bytes: Int)
        case tooManyFields(Int)
        case nulByte(line: Int)
        case invalidUTF8(line: Int)
    }

    /// Bounds on what one record may hold, so a hostile file cannot exhaust memory.
    public struct Limits: Sendable {
        /// Largest field, in bytes (default 1 MiB).
        public var maxFieldBytes: Int
        /// Most fields in one record (default 10,000).
        public var maxFields: Int
        public init(maxFieldBytes: Int = 1 << 20, maxFields: Int = 10_000) {
            self.maxFieldBytes = maxFieldBytes
            self.maxFields = maxFields
        }
    }

    public let bytes: UnsafeBufferPointer<UInt8>
    public let limits: Limits
    /// Fields of the current record.
    public var fields: ArraySlice<Field> { fieldStorage[..<fieldCount] }
    /// Field slots reused between records (only the first `fieldCount` are the record's).
    private var fieldStorage: [Field] = []
    private var fieldCount = 0
    /// Physical line where the current record starts (1-based).
    public private(set) var recordLine = 0
    /// Byte offset where the current record starts.
    public private(set) var recordStart = 0
    /// The first problem found in the current record, if any.
    public private(set) var recordProblem: Problem?

    private var position: Int
    private var line = 1
    /// The bytes were checked whole (no NUL, valid UTF-8): records need not be checked again.
    public var isKnownClean = false

    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let lf = UInt8(ascii: "\n")
    private static let cr = UInt8(ascii: "\r")

    public init(bytes: UnsafeBufferPointer<UInt8>, limits: Limits = Limits()) {
        self.bytes = bytes
        self.limits = limits
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        self.position = start
        fieldStorage.reserveCapacity(32)
    }

    /// Whether the current record's fields are all empty and unquoted: a row of only
    /// separators, as Excel writes for formatted but empty rows.
    public var isOnlySeparators: Bool {
        guard fieldCount > 1 else { return false }
        return fieldStorage[fieldCount - 1].end - fieldStorage[0].start == fieldCount - 1
            && fieldStorage[0].count == 0 && fieldStorage[fieldCount - 1].count == 0
    }

    /// Moves to the next non-blank record; `false` at the end of the input.
    public mutating func nextRecord() -> Bool {
        fieldCount = 0
        recordProblem = nil
        let end = bytes.count
        // Skip blank (empty or all-space) lines.
        while position < end {
            var probe = position
            while probe < end, bytes[probe] == 0x20 || bytes[probe] == 0x09 { probe += 1 }
            if probe < end, bytes[probe] == CSVScanner.lf {
                position = probe + 1; line += 1; continue
            }
            if probe < end, bytes[probe] == CSVScanner.cr {
                position = probe + 1
                if position < end, bytes[position] == CSVScanner.lf { position += 1 }
                line += 1; continue
            }
            if probe == end { position = end }
            break
        }
        guard position < end else { return false }
        recordLine = line
        recordStart = position
        scanFields()
        if !isKnownClean, let bad = CSVScanner.firstBadByte(bytes, in: recordStart..<position) {
            let badLine = lineNumber(at: bad.offset)
            setProblem(bad.isNul ? .nulByte(line: badLine) : .invalidUTF8(line: badLine))
        }
        return true
    }

    private mutating func scanFields() {
        let end = bytes.count
        while true {
            var field: Field
            if position < end, bytes[position] == CSVScanner.quote {
                let open = position
                position += 1
                var doubled = false
                var closed = false
                while position < end {
                    let byte = bytes[position]
                    if byte == CSVScanner.quote {
                        if position + 1 < end, bytes[position + 1] == CSVScanner.quote {
                            doubled = true
                            position += 2
                            continue
                        }
                        closed = true
                        break
                    }
                    if isLineBreak(at: position) { line += 1 }
                    position += 1
                }
                if !closed {
                    appendField(Field(start: open + 1, end: end, hasDoubledQuotes: doubled))
                    setProblem(.unterminatedQuote)
                    return
                }
                field = Field(start: open + 1, end: position, hasDoubledQuotes: doubled)
                position += 1  // the closing quote
                if position < end {
                    let next = bytes[position]
                    if next != CSVScanner.comma, next != CSVScanner.lf, next != CSVScanner.cr {
                        setProblem(.textAfterClosingQuote(fieldIndex: fieldCount))
                        while position < end, bytes[position] != CSVScanner.comma,
                              bytes[position] != CSVScanner.lf, bytes[position] != CSVScanner.cr {
                            position += 1
                        }
                    }
                }
            } else {
                let start = position
                position = CSVScanner.endOfUnquotedField(bytes, from: position)
                field = Field(start: start, end: position, hasDoubledQuotes: false)
            }
            if field.count > limits.maxFieldBytes {
                setProblem(.fieldTooLong(fieldIndex: fieldCount, bytes: field.count))
            }
            if fieldCount < limits.maxFields {
                appendField(field)
            } else if fieldCount == limits.maxFields {
                setProblem(.tooManyFields(limits.maxFields))
            }
            guard position < end else { return }
            let byte = bytes[position]
            position += 1
            if byte == CSVScanner.comma { continue }
            if byte == CSVScanner.cr, position < end, bytes[position] == CSVScanner.lf { position += 1 }
            line += 1
            return
        }
    }

    /// The offset of the first comma, LF or CR at or after `start` (or the end), on local
    /// copies so the loop keeps everything in registers.
    @inline(__always)
    private static func endOfUnquotedField(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return start }
        let end = bytes.count
        var index = start
        while index < end {
            let byte = base[index]
            // One compare for the usual bytes: all three stop bytes are below 0x2D.
            if byte <= comma && (byte == comma || byte == lf || byte == cr) { break }
            index += 1
        }
        return index
    }

    @inline(__always)
    private mutating func appendField(_ field: Field) {
        if fieldCount < fieldStorage.count { fieldStorage[fieldCount] = field } else { fieldStorage.append(field) }
        fieldCount += 1
    }

    private mutating func setProblem(_ problem: Problem) {
        if recordProblem == nil { recordProblem = problem }
    }

    /// The 1-based physical line of a byte offset (counts the line breaks before it).
    public func lineNumber(at offset: Int) -> Int {
        var count = 1
        var index = recordStart
        // Start from the current record's line when the offset lies in or after it.
        if offset >= recordStart { count = recordLine } else { index = 0 }
        while index < offset {
            if isLineBreak(at: index) { count += 1 }
            index += 1
        }
        return count
    }

    /// A line ends at LF, CRLF (counted at its LF) or a lone CR (old Mac exports, as
    /// editors show them), inside quoted fields too, so every line number is the one an
    /// editor shows.
    @inline(__always)
    private func isLineBreak(at index: Int) -> Bool {
        let byte = bytes[index]
        if byte == CSVScanner.lf { return true }
        return byte == CSVScanner.cr && (index + 1 == bytes.count || bytes[index + 1] != CSVScanner.lf)
    }

    /// The field's bytes with quotes unescaped; `scratch` holds them when unescaping was needed.
    @inline(__always)
    public func withBytes<R>(_ field: Field, scratch: inout [UInt8],
                             _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if !field.hasDoubledQuotes {
            return body(UnsafeBufferPointer(rebasing: bytes[field.start..<field.end]))
        }
        scratch.removeAll(keepingCapacity: true)
        var index = field.start
        while index < field.end {
            let byte = bytes[index]
            scratch.append(byte)
            index += (byte == CSVScanner.quote && index + 1 < field.end && bytes[index + 1] == CSVScanner.quote) ? 2 : 1
        }
        return scratch.withUnsafeBufferPointer(body)
    }

    /// The field as a `String` (invalid UTF-8 is repaired; it is reported separately).
    public func string(_ field: Field) -> String {
        var scratch: [UInt8] = []
        return withBytes(field, scratch: &scratch) { String(decoding: $0, as: UTF8.self) }
    }

    /// The first NUL byte or byte that breaks UTF-8 in `range`, if any.
    static func firstBadByte(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> (offset: Int, isNul: Bool)? {
        let end = range.upperBound
        var index = range.lowerBound
        guard let base = bytes.baseAddress else { return nil }
        while index < end {
            // Fast path: eight ASCII bytes with no zero byte.
            if index + 8 <= end {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                let hasHigh = word & 0x8080_8080_8080_8080 != 0
                let hasZero = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0
                if !hasHigh && !hasZero { index += 8; continue }
            }
            let byte = bytes[index]
            if byte == 0 {
                return (index, true)
            }
            if byte < 0x80 { index += 1; continue }
            let length: Int
            var minimum: UInt32 = 0
            var scalar: UInt32
            switch byte {
            case 0xC2...0xDF: length = 2; scalar = UInt32(byte & 0x1F); minimum = 0x80
            case 0xE0...0xEF: length = 3; scalar = UInt32(byte & 0x0F); minimum = 0x800
            case 0xF0...0xF4: length = 4; scalar = UInt32(byte & 0x07); minimum = 0x10000
            default: return (index, false)
            }
            var valid = index + length <= end
            if valid {
                for k in 1..<length {
                    let continuation = bytes[index + k]
                    if continuation & 0xC0 != 0x80 { valid = false; break }
                    scalar = scalar << 6 | UInt32(continuation & 0x3F)
                }
            }
            if valid, scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { valid = false }
            if !valid { return (index, false) }
            index += length
        }
        return nil
    }
}
