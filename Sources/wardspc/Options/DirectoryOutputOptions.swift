import ArgumentParser
import WardSPC

/// Where a command that writes many files puts them: one directory, written atomically.
struct DirectoryOutputOptions: ParsableArguments {
    @Option(help: "Directory to write (created if missing; a directory an earlier wardspc run wrote is replaced whole).")
    var out: String

    @Flag(help: "Also write into a non-empty directory wardspc did not create: the files are added, nothing else in it is touched.")
    var force = false

    /// Fails early (exit 1) when `--out` may not be written, before any work is done.
    func check(inputs: [String]) throws {
        do {
            try AtomicDirectory.check(out, protected: inputs, force: force)
        } catch {
            printStandardError("wardspc: \(error)")
            throw ExitCode(1)
        }
    }

    /// Writes `files` into `--out`, never over an input (exit 1 on failure, with the reason).
    func write(_ files: [AtomicDirectory.File], inputs: [String]) throws {
        do {
            try AtomicDirectory.write(files, to: out, protected: inputs, force: force)
        } catch {
            printStandardError("wardspc: \(error)")
            throw ExitCode(1)
        }
    }
}
