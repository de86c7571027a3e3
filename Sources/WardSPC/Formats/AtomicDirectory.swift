import Foundation

/// Writes a set of files as one directory (a report, a folder of charts) so that a failed
/// run never leaves half of it: everything goes into a temporary directory beside the
/// target, which is then renamed into place.
///
/// The target may be missing, empty, or a directory this writer made before (it leaves a
/// marker file, `.wardspc-output`, and replaces such a directory whole). Any other
/// non-empty directory is refused unless `force` is set; then the files are added to it
/// one by one, each atomically, and nothing else in it is touched. An input of the run is
/// never written over, and a directory holding one is refused.
public enum AtomicDirectory {
    public struct File: Sendable {
        /// A plain file name (no directories).
        public var name: String
        public var bytes: [UInt8]
        /// Flushed to disk before the directory is renamed into place. Each flush costs a
        /// disk round trip, so a report flushes its page and leaves its 200 chart copies to
        /// the operating system (they can be drawn again; the rename still shows all or none).
        public var durable: Bool

        public init(name: String, bytes: [UInt8], durable: Bool = true) {
            self.name = name
            self.bytes = bytes
            self.durable = durable
        }
    }

    /// The marker file that says this writer made the directory.
    public static let marker = ".wardspc-output"

    /// What is at the target now.
    public enum Destination: Sendable, Equatable {
        /// Missing or empty: the new directory is renamed into place.
        case new
        /// Written by this writer before: replaced whole.
        case earlierOutput
        /// Someone else's non-empty directory (allowed with `force`): files are added.
        case existing
    }

    /// Checks that `path` may be written, before any work is done. Throws the reason when
    /// it may not: an input, a directory holding an input, a file, or (without `force`) a
    /// non-empty directory this writer did not make.
    @discardableResult
    public static func check(_ path: String, protected: [String] = [], force: Bool = false) throws(AtomicFile.WriteError) -> Destination {
        let target = AtomicFile.resolved(path)
        for input in protected {
            let resolvedInput = AtomicFile.resolved(input)
            if resolvedInput == target {
                throw AtomicFile.WriteError(path: path, reason: "it is an input of this run; choose another --out directory",
                                            kind: .refused)
            }
            if resolvedInput.hasPrefix(target.hasSuffix("/") ? target : target + "/") {
                throw AtomicFile.WriteError(path: path, reason: "it holds \(input), an input of this run; choose another --out directory",
                                            kind: .refused)
            }
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            try checkParentWritable(path)
            return .new
        }
        guard isDirectory.boolValue else {
            throw AtomicFile.WriteError(path: path, reason: "it exists and is not a directory; choose another --out directory",
                                        kind: .refused)
        }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        if contents.isEmpty { return .new }
        if contents.contains(marker) { return .earlierOutput }
        guard force else {
            throw AtomicFile.WriteError(path: path, reason: "the directory is not empty and was not written by wardspc; choose a new or empty --out directory, or add --force to add the files to it")
        }
        return .existing
    }

    /// Writes `files` as the directory `path`. Files are written in order (put the page
    /// that links the others last).
    public static func write(_ files: [File], to path: String, protected: [String] = [], force: Bool = false) throws(AtomicFile.WriteError) {
        let fileManager = FileManager.default
        for file in files where file.name.isEmpty || file.name.contains("/") || file.name == "." || file.name == ".." {
            throw AtomicFile.WriteError(path: path, reason: "'\(file.name)' is not a plain file name")
        }
        let destination = try check(path, protected: protected, force: force)
        if destination == .existing {
            // Someone else's directory: add our files, each atomically, and touch nothing else.
            for file in files {
                try AtomicFile.write(bytes: file.bytes, to: path + "/" + file.name, protected: protected)
            }
            return
        }

        let url = URL(fileURLWithPath: path).standardizedFileURL
        let parent = url.deletingLastPathComponent().path
        try AtomicFile.makeDirectory(parent)
        let name = url.lastPathComponent
        let staging = parent + "/." + name + ".tmp-\(getpid())"
        try? fileManager.removeItem(atPath: staging)
        do {
            try fileManager.createDirectory(atPath: staging, withIntermediateDirectories: false)
        } catch {
            throw AtomicFile.WriteError(path: path, reason: "cannot create \(staging): \(error.localizedDescription)")
        }
        do {
            for file in files {
                try AtomicFile.write(bytes: file.bytes, to: staging + "/" + file.name, durable: file.durable)
            }
            try AtomicFile.write(bytes: Array("Written by wardspc. A later run with the same --out replaces this whole directory.\n".utf8),
                                 to: staging + "/" + marker, durable: false)
            flushDirectory(staging)
        } catch {
            try? fileManager.removeItem(atPath: staging)
            throw error
        }
        if destination == .earlierOutput {
            // Swap: the old report moves aside, the new one takes its name, the old one goes.
            let old = parent + "/." + name + ".old-\(getpid())"
            guard rename(path, old) == 0 else {
                let reason = String(cString: strerror(errno))
                try? fileManager.removeItem(atPath: staging)
                throw AtomicFile.WriteError(path: path, reason: reason)
            }
            guard rename(staging, path) == 0 else {
                let reason = String(cString: strerror(errno))
                _ = rename(old, path)
                try? fileManager.removeItem(atPath: staging)
                throw AtomicFile.WriteError(path: path, reason: reason)
            }
            try? fileManager.removeItem(atPath: old)
        } else {
            // Missing or empty: rename() replaces an empty directory in one step.
            guard rename(staging, path) == 0 else {
                let reason = String(cString: strerror(errno))
                try? fileManager.removeItem(atPath: staging)
                throw AtomicFile.WriteError(path: path, reason: reason)
            }
        }
    }

    /// A new directory's nearest existing parent must take a new entry: tried by making and
    /// removing one (so it holds for root and read-only disks alike), before any work.
    private static func checkParentWritable(_ path: String) throws(AtomicFile.WriteError) {
        var parent = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: parent.path), parent.path != "/" { parent.deleteLastPathComponent() }
        let probe = parent.path + "/.wardspc-probe-\(getpid())"
        guard mkdir(probe, 0o700) == 0 else {
            throw AtomicFile.WriteError(path: path, reason: "cannot create it in \(parent.path): \(String(cString: strerror(errno)))")
        }
        rmdir(probe)
    }

    /// Records the directory's entries on disk (fsync on the directory itself).
    private static func flushDirectory(_ path: String) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }
}
