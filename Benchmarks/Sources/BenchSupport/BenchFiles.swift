// The input files of the benchmarks, generated on first use and reused after: the
// long-format file of scripts/generate_big_csv.py (the same file `make bench` times the
// CLI on) and an event-level file for the g and t charts. Never committed.
//
// Where: $WARDSPC_BENCH_DIR, else ../.bench (the folder `make bench` uses; gitignored).
// The generator script is found at $WARDSPC_ROOT/scripts (default ..), run with python3.
import Foundation

public enum BenchFiles {
    public static var directory: String {
        ProcessInfo.processInfo.environment["WARDSPC_BENCH_DIR"] ?? "../.bench"
    }

    static var root: String { ProcessInfo.processInfo.environment["WARDSPC_ROOT"] ?? ".." }

    /// `SERIES` series × 156 weeks in long format (`trust,ward,measure,week_start,count,bed_days`),
    /// grouped by series: byte for byte what `scripts/generate_big_csv.py --series SERIES` writes.
    public static func long(series: Int) -> String {
        let path = "\(directory)/long-\(series).csv"
        return ensure(path) { temporary in
            try run(["python3", "\(root)/scripts/generate_big_csv.py", "--series", String(series), "--out", temporary])
        }
    }

    /// `SERIES` series of incidents (`trust,ward,measure,date`, one row per incident) over
    /// the same 156 weeks, for g and t charts: see `EventFileWriter`.
    public static func events(series: Int) -> String {
        let path = "\(directory)/events-\(series).csv"
        return ensure(path) { temporary in try EventFileWriter.write(series: series, to: temporary) }
    }

    /// Generates into a temporary name and renames, so an interrupted run leaves no half file.
    private static func ensure(_ path: String, generate: (String) throws -> Void) -> String {
        if FileManager.default.fileExists(atPath: path) { return path }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let temporary = path + ".tmp-\(getpid())"
            try generate(temporary)
            _ = try? FileManager.default.removeItem(atPath: path)
            try FileManager.default.moveItem(atPath: temporary, toPath: path)
        } catch {
            fatalError("cannot generate the benchmark input \(path): \(error)")
        }
        return path
    }

    private static func run(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw GenerationFailed(command: arguments.joined(separator: " "), status: process.terminationStatus)
        }
    }

    struct GenerationFailed: Error, CustomStringConvertible {
        var command: String
        var status: Int32
        var description: String { "`\(command)` exited with \(status)" }
    }
}
