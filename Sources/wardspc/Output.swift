import ArgumentParser
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
            printStandardError("wardspc: \(error)")
            throw ExitCode(1)
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
        for note in dataset.readerNotes { printStandardError("note: \(note)".terminalSafe) }
        for warning in dataset.warnings { printStandardError(warning.description) }
        return dataset
    } catch {
        throw reject(error)
    }
}

/// Runs `Analyzer.analyse`, printing request-level warnings on stderr; a request the data
/// cannot answer exits 2 with its explanation.
func analyseOrExit(_ dataset: WardDataset, settings: AnalysisSettings) throws -> Analyzer.Result {
    let result: Analyzer.Result
    do { result = try Analyzer.analyse(dataset, settings: settings) } catch {
        printStandardError("wardspc: \(error)")
        throw ExitCode(2)
    }
    for warning in result.warnings { printStandardError("warning: \(warning)") }
    return result
}

/// Ends the process once a command's output is written, without releasing what the command
/// built (reports for every ward, the output text): the system reclaims it at once, where
/// freeing it object by object takes tens of milliseconds on a large file.
func exitAfterOutput() -> Never {
    fflush(nil)
    exit(0)
}
