import Threads
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Cuts a file's data rows into pieces (a few per thread), each starting where a series starts
/// (the first row whose trust, ward or measure differs from the row before), so no
/// series — and no period of one — is split between two threads.
///
/// A cut can land inside a quoted field that spans lines; the piece before it then ends
/// in an unterminated quote, which sends the whole file to the whole-file reader, so such
/// a cut never produces wrong rows.
public enum ParallelPieces {
    /// One thread per online core.
    public static var activeCores: Int { ParallelBlocks.activeCores }

    /// Pieces per reading thread: the threads take them in turn, which evens out pieces
    /// that take longer than others.
    public static let piecesPerThread = 8

    /// Files smaller than this are read in one piece (threads cost more than they save).
    public static let minimumPieceBytes = 1 << 20

    static func split(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, into count: Int,
                      minimumPieceBytes: Int = minimumPieceBytes, keyColumns: [Int]) -> [Range<Int>] {
        let length = bytes.count - start
        let pieces = max(1, min(count, length / max(1, minimumPieceBytes)))
        var bounds = [start]
        for index in 1..<max(pieces, 1) {
            var cut = start + length * index / pieces
            // A cut inside what the last piece already covers (a long line, a long series)
            // adds nothing: skip it before any scanning.
            guard cut > bounds.last! else { continue }
            if bytes[cut - 1] != UInt8(ascii: "\n") {
                cut = memchr(bytes.baseAddress! + cut, 0x0A, bytes.count - cut)
                    .map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - bytes.baseAddress! + 1 } ?? bytes.count
            }
            guard cut > bounds.last!, cut < bytes.count else { continue }
            cut = nextSeriesStart(bytes, from: cut, keyColumns: keyColumns)
            if cut > bounds.last! && cut < bytes.count { bounds.append(cut) }
        }
        bounds.append(bytes.count)
        return zip(bounds, bounds.dropFirst()).map { $0..<$1 }
    }

    /// The start of the first row at or after the line start `cut` that begins a series:
    /// the rows from `cut` on are read until the key fields change (compared as the
    /// reader compares names: without quotes and the spaces around them).
    static func nextSeriesStart(_ bytes: UnsafeBufferPointer<UInt8>, from cut: Int, keyColumns: [Int]) -> Int {
        guard cut < bytes.count else { return bytes.count }
        var scanner = CSVScanner(bytes: UnsafeBufferPointer(rebasing: bytes[cut...]))
        guard scanner.nextRecord() else { return bytes.count }
        func key() -> [[UInt8]]? {
            let fields = scanner.fields
            guard keyColumns.allSatisfy({ $0 < fields.count }) else { return nil }
            return keyColumns.map { Array(NumberParser.trimmed(UnsafeBufferPointer(rebasing: scanner.bytes[fields[$0].start..<fields[$0].end]))) }
        }
        guard let first = key() else { return cut }
        // A row at `cut` starts a series if the row before it has another key.
        if cut > 0, let previous = lineStart(before: cut, in: bytes) {
            var before = CSVScanner(bytes: UnsafeBufferPointer(rebasing: bytes[previous..<cut]))
            if before.nextRecord(), keyColumns.allSatisfy({ $0 < before.fields.count }) {
                let earlier = keyColumns.map { Array(NumberParser.trimmed(UnsafeBufferPointer(rebasing: before.bytes[before.fields[$0].start..<before.fields[$0].end]))) }
                if earlier != first { return cut }
            }
        }
        while scanner.nextRecord() {
            guard let next = key() else { return cut }
            if next != first { return cut + scanner.recordStart }
        }
        return bytes.count
    }

    /// The start of the line that ends just before `offset` (a line start); `nil` for the
    /// first line, or a line longer than 64 KB (then the caller looks ahead instead).
    private static func lineStart(before offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = offset - 1  // the line break ending the previous line
        guard index >= 0 else { return nil }
        if index > 0, bytes[index] == UInt8(ascii: "\n"), bytes[index - 1] == UInt8(ascii: "\r") { index -= 1 }
        let limit = max(0, index - 65_536)
        while index > limit, bytes[index - 1] != UInt8(ascii: "\n") { index -= 1 }
        return index > limit || limit == 0 ? index : nil
    }
}
