import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs `wardspc` as `CLIRunner.run` does, and also measures the child alone: its wall
/// time and its peak resident memory (from `wait4`'s resource usage). Output goes to
/// temporary files, so any amount of it (a hostile file's thousand warnings) cannot
/// block the child on a full pipe. Give absolute paths: the child runs in the current folder.
struct MeasuredRun {
    var status: Int32
    var stdout: String
    var stderr: String
    /// Wall-clock seconds from spawn to exit.
    var seconds: Double
    /// Peak resident set size of the child, in MiB.
    var peakMemoryMiB: Double
    /// Ended by a signal (a crash) rather than exiting.
    var signalled: Bool

    /// Both streams, for checks that look at everything a user sees.
    var output: String { stdout + stderr }

    static func run(_ arguments: [String], timeLimit: Double = 60) throws -> MeasuredRun {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wardspc-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let outPath = directory.appendingPathComponent("stdout").path
        let errPath = directory.appendingPathComponent("stderr").path

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        let executable = CLIRunner.executable.path
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let started = Date()
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else {
            throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL)
        }
        var status: Int32 = 0
        var usage = rusage()
        // Poll so a hung child is killed at the time limit instead of hanging the suite.
        while true {
            let reaped = wait4(pid, &status, WNOHANG, &usage)
            if reaped == pid { break }
            if reaped < 0 && errno != EINTR { throw POSIXError(.ECHILD) }
            if Date().timeIntervalSince(started) > timeLimit { kill(pid, SIGKILL) }
            usleep(5_000)
        }
        let seconds = Date().timeIntervalSince(started)
        let exited = status & 0x7f == 0
        return MeasuredRun(
            status: exited ? (status >> 8) & 0xff : -(status & 0x7f),
            stdout: String(decoding: readAll(outPath), as: UTF8.self),
            stderr: String(decoding: readAll(errPath), as: UTF8.self),
            seconds: seconds,
            peakMemoryMiB: Double(usage.ru_maxrss) / 1024,  // Linux reports kilobytes
            signalled: !exited)
    }

    /// A file's bytes by plain read(2): FileManager.contents(atPath:) leaks its buffer
    /// under LeakSanitizer (swift-foundation 6.3), which would fail `make sanitize`.
    private static func readAll(_ path: String) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return [] }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            bytes += chunk[0..<count]
        }
        return bytes
    }
}
