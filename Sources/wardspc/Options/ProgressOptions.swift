import ArgumentParser
import Foundation
import WardData

/// `--quiet` and `--verbose`: how much a long run says on standard error (never on
/// standard output, which stays clean for piping).
struct ProgressOptions: ParsableArguments {
    @Flag(name: .long, help: "Say nothing on standard error but errors and warnings (no progress line).")
    var quiet = false

    @Flag(name: .long, help: "Also say which reading path was taken (streaming or whole-file, and why) and the timings.")
    var verbose = false

    /// Prints a line on standard error with `--verbose`.
    func note(_ text: @autoclosure () -> String) {
        if verbose && !quiet { printStandardError("wardspc: \(text())") }
    }

    /// A progress line for reading `bytes` bytes, when standard error is a terminal and
    /// not `--quiet`; `nil` otherwise.
    func meter(bytes: Int) -> ProgressMeter? {
        guard !quiet, isatty(STDERR_FILENO) == 1, bytes > 4 << 20 else { return nil }
        return ProgressMeter(totalBytes: bytes)
    }
}

/// Rows read, rate and time left, redrawn on one standard-error line at most ten times a
/// second; `finish()` clears it. Safe to call from several reader threads.
final class ProgressMeter: @unchecked Sendable {
    private let totalBytes: Int
    private let start = Date()
    private var rows = 0
    private var lastDrawn = Date.distantPast
    private let lock = NSLock()
    /// Bytes per row, estimated from the first rows' share of the file.
    private let bytesPerRowGuess = 40.0

    init(totalBytes: Int) { self.totalBytes = totalBytes }

    func add(rows more: Int) {
        lock.lock()
        defer { lock.unlock() }
        rows += more
        let now = Date()
        guard now.timeIntervalSince(lastDrawn) >= 0.1 else { return }
        lastDrawn = now
        let elapsed = now.timeIntervalSince(start)
        let rate = elapsed > 0 ? Double(rows) / elapsed : 0
        let estimatedRows = Double(totalBytes) / bytesPerRowGuess
        let left = rate > 0 ? max(0, (estimatedRows - Double(rows)) / rate) : 0
        let line = String(format: "\rwardspc: %@ rows read, %@ rows/s, about %.0f s left   ",
                          rows.formatted(), Int(rate).formatted(), left)
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if lastDrawn != .distantPast { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
