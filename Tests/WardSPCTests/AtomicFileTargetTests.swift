import Foundation
import Testing
@testable import WardSPC
#if canImport(Glibc)
import Glibc
#endif

/// Issue 17: `--output` onto a FIFO, a device node or `/dev/stdout` replaced it with a
/// plain file. Only a regular file or a missing path is renamed over; a FIFO or a character
/// device is written through; a directory or socket is refused as bad input.
@Suite struct AtomicFileTargetTests {
    final class Scratch {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wardspc-target-\(UUID().uuidString)")
        init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: url) }
        func path(_ name: String) -> String { url.appendingPathComponent(name).path }
        var names: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted() }
    }

    static func kind(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
    }

    @Test func aFIFO_isWrittenThrough_andStaysAFIFO() throws {
        let scratch = try Scratch()
        let fifo = scratch.path("out.fifo")
        #expect(mkfifo(fifo, 0o600) == 0)
        // A reader on the other end, as `cat fifo` or a process substitution would be.
        let received = LockedBytes()
        let reader = Thread {
            let descriptor = open(fifo, O_RDONLY)
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = read(descriptor, &buffer, buffer.count)
                if count <= 0 { break }
                received.append(buffer[0..<count])
            }
            close(descriptor)
            received.finish()
        }
        reader.start()
        #expect(try AtomicFile.check(fifo) == .writeThrough(append: false))
        try AtomicFile.write("trust,ward\nRX1,Alder\n", to: fifo)
        received.wait()
        #expect(received.text == "trust,ward\nRX1,Alder\n")
        #expect(Self.kind(fifo) == S_IFIFO)
        #expect(scratch.names == ["out.fifo"], "a temporary file was left")
    }

    @Test func aLinkToACharacterDevice_isWrittenThrough_notReplaced() throws {
        let scratch = try Scratch()
        let link = scratch.path("null")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/dev/null")
        #expect(try AtomicFile.check(link) == .writeThrough(append: false))
        try AtomicFile.write("anything\n", to: link)
        #expect(Self.kind(link) == S_IFLNK, "the link was replaced by a plain file")
        #expect(Self.kind("/dev/null") == S_IFCHR)
        #expect(scratch.names == ["null"])
    }

    @Test func aDescriptorLinkLikeDevStdout_onAPipe_isWrittenThrough() throws {
        let scratch = try Scratch()
        let pipe = Pipe()
        let link = scratch.path("stdout")
        // What /dev/stdout is: a link to the process's descriptor.
        try FileManager.default.createSymbolicLink(atPath: link,
                                                   withDestinationPath: "/proc/self/fd/\(pipe.fileHandleForWriting.fileDescriptor)")
        try AtomicFile.write("through the pipe\n", to: link)
        try pipe.fileHandleForWriting.close()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(text == "through the pipe\n")
        #expect(Self.kind(link) == S_IFLNK)
    }

    @Test func aDescriptorLinkToARegularFile_isAppendedTo_asTheShellOpenedIt() throws {
        let scratch = try Scratch()
        let file = scratch.path("redirected.txt")
        #expect(FileManager.default.createFile(atPath: file, contents: Data("earlier\n".utf8)))
        let handle = try #require(FileHandle(forUpdatingAtPath: file))
        defer { try? handle.close() }
        let link = scratch.path("stdout")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/proc/self/fd/\(handle.fileDescriptor)")
        #expect(try AtomicFile.check(link) == .writeThrough(append: true))
        try AtomicFile.write("later\n", to: link)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "earlier\nlater\n")
        #expect(Self.kind(link) == S_IFLNK)
    }

    @Test func aLinkToARegularFile_replacesTheFile_keepingTheLink() throws {
        let scratch = try Scratch()
        let file = scratch.path("real.csv")
        try "old\n".write(toFile: file, atomically: false, encoding: .utf8)
        let link = scratch.path("link.csv")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: file)
        try AtomicFile.write("new\n", to: link)
        #expect(Self.kind(link) == S_IFLNK)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "new\n")
        #expect(scratch.names == ["link.csv", "real.csv"])
    }

    @Test func aDirectory_andASocket_areRefusedAsBadInput() throws {
        let scratch = try Scratch()
        let folder = scratch.path("folder")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        let socketPath = scratch.path("s.sock")
        let socketDescriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socketDescriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in socketPath.utf8.prefix(raw.count - 1).enumerated() { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        #expect(bound == 0)
        for (path, word) in [(folder, "directory"), (socketPath, "socket")] {
            let attempts: [() throws -> AtomicFile.Target] = [
                { try AtomicFile.check(path) },
                { try AtomicFile.write("x\n", to: path); return .replace(path: "") },
            ]
            for attempt in attempts {
                do {
                    _ = try attempt()
                    Issue.record("\(path) was accepted as an output")
                } catch let error as AtomicFile.WriteError {
                    #expect(error.kind == .refused)
                    #expect(error.reason.contains(word))
                }
            }
        }
        #expect(Self.kind(folder) == S_IFDIR)
        #expect(Self.kind(socketPath) == S_IFSOCK)
        #expect(scratch.names == ["folder", "s.sock"])
    }

    @Test func anInput_isRefusedAsBadInput_aMissingFolderFailsInTheCheck() throws {
        let scratch = try Scratch()
        let input = scratch.path("wards.csv")
        try "trust\n".write(toFile: input, atomically: false, encoding: .utf8)
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.check(input, protected: [input]) }
        do { try AtomicFile.check(input, protected: [input]) } catch { #expect(error.kind == .refused) }
        do {
            try AtomicFile.check(scratch.path("missing/out.csv"))
            Issue.record("a missing folder passed the check")
        } catch {
            #expect(error.kind == .failed)
        }
        #expect(try AtomicFile.check(scratch.path("new.csv")) == .replace(path: scratch.path("new.csv")))
        #expect(scratch.names == ["wards.csv"], "the check left its probe behind")
    }
}

/// Bytes one thread appends and another waits for.
final class LockedBytes: @unchecked Sendable {
    private let condition = NSCondition()
    private var bytes: [UInt8] = []
    private var done = false

    func append(_ more: ArraySlice<UInt8>) { condition.lock(); bytes += more; condition.unlock() }
    func finish() { condition.lock(); done = true; condition.broadcast(); condition.unlock() }
    func wait() { condition.lock(); while !done { condition.wait() }; condition.unlock() }
    var text: String { condition.lock(); defer { condition.unlock() }; return String(decoding: bytes, as: UTF8.self) }
}
