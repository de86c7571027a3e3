import ArgumentParser
import Foundation
import WardData
import WardSPC

/// Runs a command's streaming path with the progress line and `--verbose` notes, mapping
/// a request the data cannot support to exit 2. `body` returns `nil` (with a reason) when
/// the file needs the whole-file reader; so does a file that cannot be opened here (the
/// whole-file reader then reports why).
func runStreaming<Result>(_ path: String, progress: ProgressOptions,
                          _ body: (InputFile, (@Sendable (Int) -> Void)?) throws(AnalysisError) -> (Result?, String))
    throws -> Result? {
    guard let input = try? InputFile(path: path) else { return nil }
    let meter = progress.meter(bytes: input.count)
    var report: (@Sendable (Int) -> Void)?
    if let meter { report = { rows in meter.add(rows: rows) } }
    let started = Date()
    let outcome: (Result?, String)
    do {
        outcome = try body(input, report)
    } catch {
        meter?.finish()
        printStandardError("wardspc: \(error)")
        throw ExitCode(2)
    }
    meter?.finish()
    let seconds = String(format: "%.3f", Date().timeIntervalSince(started))
    if outcome.0 == nil {
        progress.note("reading the whole file into memory (\(outcome.1))")
    } else {
        progress.note("streamed \(outcome.1) rows grouped by series in \(seconds) s")
    }
    return outcome.0
}
