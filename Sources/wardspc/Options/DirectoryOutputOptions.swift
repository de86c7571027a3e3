import ArgumentParser
import WardSPC

/// Where a command that writes many files puts them: one directory, written atomically.
struct DirectoryOutputOptions: ParsableArguments {
    @Option(help: "Directory to write (created if missing; a directory an earlier wardspc run wrote is replaced whole).")
    var out: String

    @Flag(help: "Also write into a non-empty directory wardspc did not create: the files are added, nothing else in it is touched.")
    var force = false

    /// Fails early when `--out` may not be written, before any work is done: exit 2 for an
    /// input of the run (or a folder holding one) or a file in its place, else exit 1.
    func check(inputs: [String]) throws {
        do {
            try AtomicDirectory.check(out, protected: inputs, force: force)
        } catch {
            throw failure(error)
        }
    }

    /// Writes `files` into `--out`, never over an input (exit 2 or 1 on failure, as `check`).
    func write(_ files: [AtomicDirectory.File], inputs: [String]) throws {
        do {
            try AtomicDirectory.write(files, to: out, protected: inputs, force: force)
        } catch {
            throw failure(error)
        }
    }

    private func failure(_ error: AtomicFile.WriteError) -> ExitCode {
        printStandardError("wardspc: \(error)")
        return ExitCode(error.kind == .refused ? 2 : 1)
    }
}
