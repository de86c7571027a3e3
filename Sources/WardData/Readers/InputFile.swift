#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of an input file, memory-mapped read-only (or held in memory for
/// uploads and tests). The mapping lives as long as this object.
public final class InputFile: @unchecked Sendable {
    /// The name used in messages (the path as the user gave it).
    public let name: String
    private let base: UnsafeMutableRawPointer?
    private let length: Int
    private let isMapped: Bool

    /// Maps the file at `path`. Throws an `InputIssue` naming the file when it cannot be read.
    public init(path: String) throws(InputIssue) {
        name = path
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            throw InputIssue(.error, file: path, message: "cannot open the file: \(reason)")
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw InputIssue(.error, file: path, message: "cannot read the file's size")
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw InputIssue(.error, file: path, message: "is a folder, not a CSV file")
        }
        length = Int(info.st_size)
        if length == 0 {
            base = nil
            isMapped = false
            return
        }
        let mapped = mmap(nil, length, PROT_READ, MAP_PRIVATE, descriptor, 0)
        if let mapped, mapped != MAP_FAILED {
            base = mapped
            isMapped = true
            return
        }
        // Not mappable (a pipe or special file): read it.
        throw InputIssue(.error, file: path, message: "cannot map the file into memory; give a regular file")
    }

    /// Bytes held in memory (an upload, a test).
    public init(name: String, bytes: [UInt8]) {
        self.name = name
        length = bytes.count
        isMapped = false
        if length == 0 {
            base = nil
        } else {
            let count = bytes.count
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: count, alignment: 16)
            bytes.withUnsafeBytes { buffer.copyMemory(from: $0.baseAddress!, byteCount: count) }
            base = buffer
        }
    }

    deinit {
        guard let base else { return }
        if isMapped { munmap(base, length) } else { base.deallocate() }
    }

    public var count: Int { length }

    /// Calls `body` with the file's bytes (valid only inside `body`).
    public func withBytes<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        guard let base else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        return try body(UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: length))
    }
}
