#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The rows of one piece of a file as field byte ranges (quotes removed), for the fast
/// path. Text without a quote character — the usual export — is split at line ends with
/// `memchr` and at commas by a plain loop, checked for UTF-8 a few megabytes ahead of the
/// rows read (so the file's pages are touched once, in order, and can be given back);
/// from the first stretch with a quote on, the piece goes through `CSVScanner`. Anything
/// either would have to report (a bad byte, a short row, a lone CR, a doubled quote, a
/// field over the limit) sets `problem`, and the caller falls back to the whole-file reader.
struct PieceRows {
    private let piece: UnsafeBufferPointer<UInt8>
    private var scanner: CSVScanner?
    /// Where the scanner's bytes start in the piece (it takes over at a line start).
    private var scannerOffset = 0
    private var position = 0
    /// Bytes before this offset are known to be UTF-8 without a quote.
    private var checkedUpTo = 0
    /// How far ahead the text is checked at a time (4 MB; tests make it tiny).
    private let checkAheadBytes: Int
    private let limits: CSVScanner.Limits
    private let fieldCount: Int
    private let maxFieldBytes: Int
    /// The current row's fields: byte ranges of the piece.
    private(set) var fields: [Range<Int>]
    /// Where the current row starts in the piece.
    private(set) var recordStart = 0
    private(set) var problem: String?

    init(_ piece: UnsafeBufferPointer<UInt8>, fieldCount: Int, limits: CSVScanner.Limits, checkAhead: Int = 4 << 20) {
        checkAheadBytes = checkAhead
        self.piece = piece
        self.fieldCount = fieldCount
        self.maxFieldBytes = limits.maxFieldBytes
        self.limits = limits
        fields = Array(repeating: 0..<0, count: fieldCount)
    }

    /// Checks the next stretch of text (up to a line end) for a quote and for bytes that
    /// are not UTF-8; from a quote on, `CSVScanner` reads the rest of the piece.
    private mutating func checkAhead(from lineStart: Int) {
        guard let base = piece.baseAddress else { return }
        let end = piece.count
        var stop = min(end, checkedUpTo + checkAheadBytes)
        if stop < end {
            stop = memchr(base + stop, 0x0A, end - stop).map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base + 1 } ?? end
        }
        if memchr(base + checkedUpTo, Int32(UInt8(ascii: "\"")), stop - checkedUpTo) != nil {
            scannerOffset = lineStart
            scanner = CSVScanner(bytes: UnsafeBufferPointer(rebasing: piece[lineStart...]), limits: limits)
            return
        }
        if CSVScanner.firstBadByte(piece, in: checkedUpTo..<stop) != nil {
            problem = "bytes that are not UTF-8 text"
            return
        }
        checkedUpTo = stop
    }

    /// Moves to the next non-blank row; `false` at the end or at a problem.
    mutating func next() -> Bool {
        guard problem == nil else { return false }
        if scanner != nil { return nextQuoted() }
        guard let base = piece.baseAddress else { return false }
        let end = piece.count
        while position < end {
            // `checkedUpTo` is a line start, so a line starting before it ends before it.
            if position >= checkedUpTo {
                checkAhead(from: position)
                if problem != nil { return false }
                if scanner != nil { return nextQuoted() }
            }
            let start = position
            let split = fields.withUnsafeMutableBufferPointer { fields in
                PieceRows.split(base, from: start, end: end, into: fields, maxFieldBytes: maxFieldBytes)
            }
            guard !split.tooLong else { problem = "a field longer than --max-field-bytes"; return false }
            var stop = split.lineEnd
            position = split.lineEnd + 1
            if split.sawCR {
                if stop > start, base[stop - 1] == 0x0D { stop -= 1 }
                if memchr(base + start, 0x0D, stop - start) != nil {
                    problem = "a line break the whole-file reader counts (a lone CR)"
                    return false
                }
                // The CR ending the line was split into the last field: take it off.
                if split.fieldCount > 0, split.fieldCount <= fields.count, fields[split.fieldCount - 1].upperBound > stop {
                    fields[split.fieldCount - 1] = fields[split.fieldCount - 1].lowerBound..<stop
                }
            }
            // Blank (empty or all-space) lines carry no data, as CSVScanner skips them.
            var probe = start
            while probe < stop, base[probe] == 0x20 || base[probe] == 0x09 { probe += 1 }
            if probe == stop { continue }
            recordStart = start
            guard split.fieldCount <= fieldCount else { problem = "a row with more fields than the header"; return false }
            guard split.fieldCount == fieldCount else { problem = "a row with fewer fields than the header"; return false }
            // The longest field as split (the last one with its CR, if any): exact without a CR.
            if split.longest > maxFieldBytes {
                for range in fields where range.count > maxFieldBytes {
                    problem = "a field longer than --max-field-bytes"
                    return false
                }
            }
            return true
        }
        return false
    }

    /// Splits the line starting at `start` at its commas, eight bytes at a time: the
    /// fields' ranges go into `fields` (as many as fit; `fieldCount` counts them all, so
    /// a row with too many shows), up to the line feed (or `end`) at `lineEnd`. `sawCR`
    /// says a carriage return is in the line (the caller then works out where it is).
    @inline(__always)
    /// `tooLong` says a field ran past `maxFieldBytes` (found without reading the rest of
    /// the line, however long); `longest` is the longest field's length as split.
    static func split(_ base: UnsafePointer<UInt8>, from start: Int, end: Int,
                      into fields: UnsafeMutableBufferPointer<Range<Int>>, maxFieldBytes: Int = .max)
        -> (lineEnd: Int, fieldCount: Int, sawCR: Bool, tooLong: Bool, longest: Int) {
        var count = 0
        var fieldStart = start
        var sawCR = false
        var longest = 0
        @inline(__always) func close(at position: Int) {
            if count < fields.count { fields[count] = fieldStart..<position }
            count += 1
            longest = max(longest, position - fieldStart)
            fieldStart = position + 1
        }
        var index = start
        while index + 8 <= end {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            var commas = zeroBytes(word ^ 0x2C2C_2C2C_2C2C_2C2C)
            let feeds = zeroBytes(word ^ 0x0A0A_0A0A_0A0A_0A0A)
            var returns = zeroBytes(word ^ 0x0D0D_0D0D_0D0D_0D0D)
            if feeds != 0 {
                let below = (feeds & (~feeds &+ 1)) &- 1  // the bits below the first line feed
                commas &= below
                returns &= below
            }
            sawCR = sawCR || returns != 0
            while commas != 0 {
                close(at: index + commas.trailingZeroBitCount >> 3)
                commas &= commas &- 1
            }
            if feeds != 0 {
                let lineEnd = index + feeds.trailingZeroBitCount >> 3
                close(at: lineEnd)
                return (lineEnd, count, sawCR, false, longest)
            }
            index += 8
            // (One byte of room for a CR that a line feed may follow.)
            if index - fieldStart > maxFieldBytes &+ 1 { return (index, count, sawCR, true, longest) }
        }
        while index < end, base[index] != 0x0A {
            if base[index] == 0x2C { close(at: index) }
            if base[index] == 0x0D { sawCR = true }
            index += 1
        }
        close(at: index)
        return (index, count, sawCR, false, longest)
    }

    /// 0x80 in each byte of `word` that is zero, 0 elsewhere (exact: no borrow between bytes).
    @inline(__always)
    static func zeroBytes(_ word: UInt64) -> UInt64 {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((word & low7) &+ low7) | word | low7)
    }

    private mutating func nextQuoted() -> Bool {
        guard scanner!.nextRecord() else { return false }
        let record = scanner!
        guard record.recordProblem == nil, record.fields.count == fieldCount else {
            problem = "a row the whole-file reader must report"
            return false
        }
        for (index, field) in record.fields.enumerated() {
            guard !field.hasDoubledQuotes else { problem = "a quoted field with a doubled quote"; return false }
            fields[index] = (scannerOffset + field.start)..<(scannerOffset + field.end)
        }
        recordStart = scannerOffset + record.recordStart
        return true
    }
}
