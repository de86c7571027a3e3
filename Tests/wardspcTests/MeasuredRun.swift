import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs `wardspc` as `CLIRunner.run` does, and also measures the child alone: its wall
/// time and its peak resident memory (its `VmHWM`, read from /proc while it runs: the
/// `ru_maxrss` that `wait4` reports starts from the spawning process's own peak, which is
/// the test runner's, often hundreds of MB). Output goes to
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
        var highWaterKiB: Int?
        // Poll so a hung child is killed at the time limit instead of hanging the suite,
        // reading its high-water mark each time (it only grows, so the last reading before
        // exit holds the peak up to then).
        while true {
            if let reading = highWaterMark(pid) { highWaterKiB = max(highWaterKiB ?? 0, reading) }
            let reaped = wait4(pid, &status, WNOHANG, &usage)
            if reaped == pid { break }
            if reaped < 0 && errno != EINTR { throw POSIXError(.ECHILD) }
            if Date().timeIntervalSince(started) > timeLimit { kill(pid, SIGKILL) }
            usleep(2_000)
        }
        let seconds = Date().timeIntervalSince(started)
        let exited = status & 0x7f == 0
        return MeasuredRun(
            status: exited ? (status >> 8) & 0xff : -(status & 0x7f),
            stdout: String(decoding: readAll(outPath), as: UTF8.self),
            stderr: String(decoding: readAll(errPath), as: UTF8.self),
            seconds: seconds,
            peakMemoryMiB: Double(highWaterKiB ?? usage.ru_maxrss) / 1024,  // both in KiB
            signalled: !exited)
    }

    /// The `VmHWM` line of /proc/PID/status in KiB; `nil` before the child has execed
    /// `wardspc` (the spawning process's mark) and once it has exited.
    private static func highWaterMark(_ pid: pid_t) -> Int? {
        let text = String(decoding: readAll("/proc/\(pid)/status"), as: UTF8.self)
        guard text.contains("Name:\twardspc") else { return nil }
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return nil }
        return Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces).dropLast(3).trimmingCharacters(in: .whitespaces))
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
