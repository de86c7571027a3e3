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

    /// Whether the bytes are a read-only mapping of a file (else held in memory).
    public var isMappedFile: Bool { isMapped }

    /// Calls `body` with the file's bytes (valid only inside `body`).
    public func withBytes<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        guard let base else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        return try body(UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: length))
    }
}

extension InputFile {
    /// Gives the pages of `range` back to the system once they have been read (a mapped
    /// file only; they are read again from the file should they be touched). Keeps a
    /// streaming read's memory bounded by what is in flight, not by the file's size.
    public func releasePages(_ range: Range<Int>) {
        withBytes { bytes in
            guard let base = bytes.baseAddress, isMappedFile else { return }
            let page = Int(sysconf(Int32(_SC_PAGESIZE)))
            let start = (range.lowerBound + page - 1) / page * page
            let end = range.upperBound / page * page
            guard end > start else { return }
            madvise(UnsafeMutableRawPointer(mutating: base + start), end - start, Int32(MADV_DONTNEED))
        }
    }
}
