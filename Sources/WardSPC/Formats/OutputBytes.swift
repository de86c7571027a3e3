#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A command's output as UTF-8 byte chunks, in order. Large outputs (every point of
/// 10,000 series is about 170 MB of CSV) are built in pieces on several threads and
/// written one piece after another, never joined into one `String` (which would copy and
/// re-validate every byte twice).
public struct OutputBytes: Sendable {
    public private(set) var chunks: [[UInt8]]

    public init(chunks: [[UInt8]]) { self.chunks = chunks.filter { !$0.isEmpty } }

    public init(_ text: String) { self.init(chunks: [Array(text.utf8)]) }

    /// Total size in bytes.
    public var count: Int { chunks.reduce(0) { $0 + $1.count } }

    public var endsWithNewline: Bool { chunks.last?.last == 0x0A }

    /// The output with a final line break added when it lacks one (text files end in one).
    public func terminated() -> OutputBytes {
        guard !endsWithNewline else { return self }
        var copy = self
        copy.chunks.append([0x0A])
        return copy
    }

    /// The whole output as text (for tests and small outputs).
    public var string: String { String(decoding: chunks.joined(), as: UTF8.self) }

    /// Writes every chunk to `stream` in order; `false` when a write failed.
    public func write(to stream: UnsafeMutablePointer<FILE>) -> Bool {
        for chunk in chunks {
            let written = chunk.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, stream) }
            guard written == chunk.count else { return false }
        }
        return fflush(stream) == 0
    }

    /// Writes every chunk to the file descriptor (standard output is 1) in order, after
    /// flushing any text the C streams hold; `false` when a write failed.
    public func write(toDescriptor descriptor: Int32) -> Bool {
        fflush(nil)
        for chunk in chunks {
            let complete = chunk.withUnsafeBytes { raw -> Bool in
                var offset = 0
                while offset < raw.count {
                    let written = systemWrite(descriptor, raw.baseAddress! + offset, raw.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        return false
                    }
                    offset += written
                }
                return true
            }
            guard complete else { return false }
        }
        return true
    }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif
