import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import WardData
import WardSPC

/// Where a command's main output goes: stdout (default) or a file written atomically,
/// never over an input.
struct OutputOptions: ParsableArguments {
    @Option(name: .customLong("output"), help: "Write the output to this file (atomically) instead of standard output.")
    var outputPath: String?

    /// Checks `--output` before any work is done (ArgumentParser calls this once the flags
    /// are parsed): a directory or socket is refused (exit 2), a folder that is missing or
    /// cannot be written fails (exit 1) — before the analysis, not after it.
    func validate() throws {
        guard let outputPath else { return }
        do { try AtomicFile.check(outputPath) } catch { throw failure(error) }
    }

    /// Says why `--output` cannot be written; the exit code: 2 when the request asked for
    /// what may not be written (an input of the run, a directory), 1 when writing failed.
    private func failure(_ error: AtomicFile.WriteError) -> ExitCode {
        printStandardError("wardspc: \(error)")
        return ExitCode(error.kind == .refused ? 2 : 1)
    }

    func write(_ text: String, inputs: [String]) throws {
        try write(OutputBytes(text), inputs: inputs)
    }

    /// Writes `output` (with a final line break) to the file, or to standard output.
    func write(_ output: OutputBytes, inputs: [String]) throws {
        let output = output.terminated()
        guard let outputPath else {
            guard output.write(toDescriptor: 1) else {
                printStandardError("wardspc: cannot write to standard output: \(String(cString: strerror(errno)))")
                throw ExitCode(1)
            }
            return
        }
        do {
            try AtomicFile.write(output: output, to: outputPath, protected: inputs)
        } catch {
            throw failure(error)
        }
    }
}

/// Reports a rejected input on stderr (every issue with its place) and exits 2.
func reject(_ rejection: InputRejected) -> ExitCode {
    for note in rejection.notes { printStandardError("note: \(note)".terminalSafe) }
    for line in rejection.groupedLines { printStandardError(line) }
    for issue in rejection.issues where issue.severity == .warning { printStandardError(issue.description) }
    return ExitCode(2)
}

/// Reads the data file or exits 2 with every problem listed.
func readDataset(_ path: String, options: ReadOptions) throws -> WardDataset {
    do {
        let dataset = try WardDataReader.read(path: path, options: options)
        printReadingWarnings(ReadingNotes(path: .wholeFile(reason: ""), dataset: dataset))
        return dataset
    } catch {
        throw reject(error)
    }
}

/// Runs a library call on the user's files: a refused file or a request the data cannot
/// answer is bad input (exit 2), with every problem on standard error.
func exitingOnBadInput<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let rejected as InputRejected {
        throw reject(rejected)
    } catch let error as AnalysisError {
        printStandardError("wardspc: \(error)")
        throw ExitCode(2)
    }
}

/// The reader's choices as `note:` lines, then the dataset's warnings (each with its
/// place) and how many more there were.
func printReadingWarnings(_ notes: ReadingNotes) {
    for note in notes.readerNotes { printStandardError("note: \(note)".terminalSafe) }
    for warning in notes.warnings { printStandardError(warning.description) }
    if let more = UnlistedIssues.line(listed: notes.warnings.count, kept: notes.warnings.count,
                                      unreported: notes.unreportedWarnings, noun: "warnings") {
        printStandardError(more)
    }
}

/// Opens the data file (exit 2 when it cannot be read) and runs `body` with a progress
/// line that `--quiet` hides; says which reading path was taken under `--verbose`.
func withInput<T>(_ path: String, progress: ProgressOptions,
                  _ body: (InputFile, (@Sendable (Int) -> Void)?) throws -> (T, ReadingNotes)) throws -> T {
    let input = try exitingOnBadInput { try InputFile.open(path) }
    let meter = progress.meter(bytes: input.count)
    var report: (@Sendable (Int) -> Void)?
    if let meter { report = { rows in meter.add(rows: rows) } }
    let started = Date()
    let outcome: (T, ReadingNotes)
    do {
        outcome = try exitingOnBadInput { try body(input, report) }
    } catch {
        meter?.finish()
        throw error
    }
    meter?.finish()
    printReadingWarnings(outcome.1)
    progress.note("\(outcome.1.path.description) in \(String(format: "%.3f", Date().timeIntervalSince(started))) s")
    return outcome.0
}

/// Ends the process once a command's output is written, without releasing what the command
/// built (reports for every ward, the output text): the system reclaims it at once, where
/// freeing it object by object takes tens of milliseconds on a large file.
func exitAfterOutput() -> Never {
    fflush(nil)
    exit(0)
}
