#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Cuts a file's data rows into one piece per thread, each starting at a line start.
///
/// A cut can land inside a quoted field that spans lines; the piece before it then ends
/// in an unterminated quote, which sends the whole file to the whole-file reader, so such
/// a cut never produces wrong rows.
public enum ParallelPieces {
    /// One thread per online core.
    public static var activeCores: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// Files smaller than this are read in one piece (threads cost more than they save).
    static let minimumPieceBytes = 1 << 20

    static func split(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, into count: Int) -> [Range<Int>] {
        let length = bytes.count - start
        let pieces = max(1, min(count, length / minimumPieceBytes))
        var bounds = [start]
        for index in 1..<max(pieces, 1) {
            var cut = start + length * index / pieces
            while cut < bytes.count, bytes[cut - 1] != UInt8(ascii: "\n") { cut += 1 }
            if cut > bounds.last! && cut < bytes.count { bounds.append(cut) }
        }
        bounds.append(bytes.count)
        return zip(bounds, bounds.dropFirst()).map { $0..<$1 }
    }
}
