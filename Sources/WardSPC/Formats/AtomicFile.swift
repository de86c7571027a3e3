#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one place WardSPC writes output files: to a temporary file beside the target,
/// then renamed over it, so a reader never sees half a file.
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var reason: String
        public var description: String { "cannot write \(path): \(reason)" }
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
        let target = resolved(path)
        let targetFile = identity(path)
        if protected.contains(where: { resolved($0) == target || (targetFile != nil && identity($0) == targetFile) }) {
            throw WriteError(path: path, reason: "it is an input of this run; choose another output path")
        }
        // A new temporary file, never an existing one (nor a symbolic link planted in its place).
        var temporary = ""
        var descriptor: Int32 = -1
        for attempt in 0..<100 {
            temporary = path + ".tmp-\(getpid())-\(attempt)"
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if descriptor >= 0 || errno != EEXIST { break }
        }
        guard descriptor >= 0, let handle = fdopen(descriptor, "wb") else {
            let reason = String(cString: strerror(errno))
            if descriptor >= 0 { close(descriptor); unlink(temporary) }
            throw WriteError(path: path, reason: reason)
        }
        let written = output.write(to: handle)
        let flushed = written && (!durable || fsync(fileno(handle)) == 0)
        fclose(handle)
        guard flushed else {
            unlink(temporary)
            throw WriteError(path: path, reason: "the disk write failed")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw WriteError(path: path, reason: reason)
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
