#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one place WardSPC writes output files: to a temporary file beside the target,
/// then renamed over it, so a reader never sees half a file.
///
/// Only a regular file or a missing path is replaced that way (issue 17: `--output` onto a
/// FIFO, a device or `/dev/stdout` replaced it with a plain file — as root, `/dev/stdout`
/// itself). What is at the path decides (`Target`):
/// - missing, or a regular file: a temporary file beside it, renamed over it (a symbolic
///   link to a regular file: the file it points to is replaced, the link kept);
/// - a FIFO or a character device (`/dev/null`, a terminal, `/dev/stdout` on a pipe or a
///   terminal, a process substitution): written through, as a shell redirection would — a
///   stream has no "half a file" to avoid; so is a regular file reached through a process's
///   descriptor link (`/dev/stdout` redirected to a file: appended, as the shell opened it);
/// - anything else — a directory, a socket, a block device — is refused (`.refused`:
///   bad input, exit 2), as is an input of the run.
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible, Sendable {
        /// Whether the request itself asked for a path that may not be written (bad input,
        /// exit 2: an input of the run, a directory, a socket) or the writing failed
        /// (exit 1: a missing or read-only folder, a full disk).
        public enum Kind: Sendable, Equatable { case refused, failed }

        public var path: String
        public var reason: String
        public var kind: Kind
        public var description: String { "cannot write \(path): \(reason)" }

        public init(path: String, reason: String, kind: Kind = .failed) {
            self.path = path
            self.reason = reason
            self.kind = kind
        }
    }

    /// How an output path is written (`check`).
    public enum Target: Sendable, Equatable {
        /// A temporary file beside `path`, renamed over it.
        case replace(path: String)
        /// Opened and written in place: a FIFO, a character device, or (`append`) a regular
        /// file reached through a descriptor link such as `/dev/stdout`.
        case writeThrough(append: Bool)
    }

    /// Writes `contents` to `path` atomically. Refuses to replace any path in `protected`
    /// (the inputs of the run): the same path once symbolic links are resolved, or the
    /// same file by device and inode (a hard link, another mount of it).
    public static func write(_ contents: String, to path: String, protected: [String] = []) throws(WriteError) {
        try write(bytes: Array(contents.utf8), to: path, protected: protected)
    }

    /// Writes `bytes` to `path` atomically, as `write(_:to:protected:)` does.
    public static func write(bytes: [UInt8], to path: String, protected: [String] = [], durable: Bool = true) throws(WriteError) {
        try write(output: OutputBytes(chunks: [bytes]), to: path, protected: protected, durable: durable)
    }

    /// Writes `output`'s chunks, in order, to `path` atomically, as `write(_:to:protected:)` does.
    public static func write(output: OutputBytes, to path: String, protected: [String] = [], durable: Bool = true) throws(WriteError) {
        switch try target(of: path, protected: protected) {
        case .writeThrough(let append):
            try writeThrough(output, to: path, append: append)
        case .replace(let finalPath):
            try replace(finalPath, with: output, durable: durable, named: path)
        }
    }

    /// Checks that `path` can be written, before any work is done: what `write` would do
    /// with it, or why it cannot — an input, a directory or a socket (`.refused`), or a
    /// folder that is missing or cannot be written to (`.failed`, found by creating and
    /// removing a temporary file there, so it holds for root and read-only disks alike).
    @discardableResult
    public static func check(_ path: String, protected: [String] = []) throws(WriteError) -> Target {
        let target = try target(of: path, protected: protected)
        if case .replace(let finalPath) = target {
            let (descriptor, temporary) = try createTemporary(beside: finalPath, named: path)
            close(descriptor)
            unlink(temporary)
        }
        return target
    }

    /// What is at `path` and so how it is written; throws for what may not be written.
    static func target(of path: String, protected: [String]) throws(WriteError) -> Target {
        let resolvedPath = resolved(path)
        let targetFile = identity(path)
        if protected.contains(where: { resolved($0) == resolvedPath || (targetFile != nil && identity($0) == targetFile) }) {
            throw WriteError(path: path, reason: "it is an input of this run; choose another output path", kind: .refused)
        }
        var link = stat()
        guard lstat(path, &link) == 0 else {
            if errno == ENOENT { return .replace(path: path) }
            throw WriteError(path: path, reason: String(cString: strerror(errno)))
        }
        var info = link
        let isLink = link.st_mode & S_IFMT == S_IFLNK
        if isLink {
            guard stat(path, &info) == 0 else {
                // A link to nothing: the file it names is created.
                if errno == ENOENT { return .replace(path: path) }
                throw WriteError(path: path, reason: String(cString: strerror(errno)))
            }
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            guard isLink else { return .replace(path: path) }
            // A descriptor link (/dev/stdout, /proc/self/fd/1) names an open file, not a path to rename over.
            if isDescriptorLink(path) || !resolvedPath.hasPrefix("/") { return .writeThrough(append: true) }
            return .replace(path: resolvedPath)
        case S_IFIFO, S_IFCHR:
            return .writeThrough(append: false)
        case S_IFDIR:
            throw WriteError(path: path, reason: "it is a directory; give a file name for the output", kind: .refused)
        case S_IFSOCK:
            throw WriteError(path: path, reason: "it is a socket, not a file; give a file name for the output", kind: .refused)
        default:
            throw WriteError(path: path, reason: "it is a device that is not written as a stream; give a file name for the output",
                             kind: .refused)
        }
    }

    /// Whether following `path`'s symbolic links passes through a process's open
    /// descriptors (`/dev/stdout` → `/proc/self/fd/1`, `/dev/fd/3`).
    static func isDescriptorLink(_ path: String) -> Bool {
        var current = path
        for _ in 0..<40 {
            if current.hasPrefix("/proc/") || current.hasPrefix("/dev/fd/") { return true }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = buffer.withUnsafeMutableBufferPointer { pointer in
                pointer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: pointer.count) { readlink(current, $0, pointer.count - 1) }
            }
            guard count > 0 else { return false }
            let target = String(decoding: buffer[0..<count], as: UTF8.self)
            if target.hasPrefix("/") {
                current = target
            } else {
                let folder = current.lastIndex(of: "/").map { String(current[..<$0]) } ?? "."
                current = folder + "/" + target
            }
        }
        return false
    }

    /// A FIFO, character device or descriptor link: opened for writing and written in place.
    private static func writeThrough(_ output: OutputBytes, to path: String, append: Bool) throws(WriteError) {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC | (append ? O_APPEND : 0))
        guard descriptor >= 0, let handle = fdopen(descriptor, "wb") else {
            let reason = String(cString: strerror(errno))
            if descriptor >= 0 { close(descriptor) }
            throw WriteError(path: path, reason: reason)
        }
        let written = output.write(to: handle)
        let closed = fclose(handle) == 0
        guard written && closed else { throw WriteError(path: path, reason: "the write failed") }
    }

    /// A new temporary file beside `path`, never an existing one (nor a symbolic link
    /// planted in its place): its descriptor and name.
    private static func createTemporary(beside path: String, named shown: String) throws(WriteError) -> (Int32, String) {
        var temporary = ""
        var descriptor: Int32 = -1
        for attempt in 0..<100 {
            temporary = path + ".tmp-\(getpid())-\(attempt)"
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if descriptor >= 0 || errno != EEXIST { break }
        }
        guard descriptor >= 0 else { throw WriteError(path: shown, reason: String(cString: strerror(errno))) }
        return (descriptor, temporary)
    }

    /// A missing path or regular file: the output goes to a temporary file, renamed over it.
    private static func replace(_ path: String, with output: OutputBytes, durable: Bool, named shown: String) throws(WriteError) {
        let (descriptor, temporary) = try createTemporary(beside: path, named: shown)
        guard let handle = fdopen(descriptor, "wb") else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            unlink(temporary)
            throw WriteError(path: shown, reason: reason)
        }
        let written = output.write(to: handle)
        let flushed = written && (!durable || fsync(fileno(handle)) == 0)
        fclose(handle)
        guard flushed else {
            unlink(temporary)
            throw WriteError(path: shown, reason: "the disk write failed")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw WriteError(path: shown, reason: reason)
        }
    }

    /// Creates `path` and its parents when missing.
    public static func makeDirectory(_ path: String) throws(WriteError) {
        var current = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o755) != 0 && errno != EEXIST {
                throw WriteError(path: path, reason: String(cString: strerror(errno)))
            }
        }
    }

    /// Device and inode of an existing file, `nil` when there is none.
    static func identity(_ path: String) -> [UInt64]? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return [UInt64(info.st_dev), UInt64(info.st_ino)]
    }

    static func resolved(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }
}
