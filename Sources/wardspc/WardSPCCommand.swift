import ArgumentParser
import SPCCore
import Foundation
import WardSPC

@main
struct WardSPCCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wardspc",
        abstract: "Statistical process control charts and honest statements of change for mental-health wards' weekly safety data.",
        discussion: """
        Exit codes: 0 success, 2 bad input (a file or flag WardSPC cannot use; every problem is \
        printed as FILE:LINE:COLUMN: message), 1 any other failure.
        """,
        version: WardSPCVersion.current,
        subcommands: [ValidateCommand.self, AnalyzeCommand.self, EvaluateCommand.self, EquityCommand.self,
                      BreakdownCommand.self, FunnelCommand.self, ChartCommand.self, ReportCommand.self,
                      ServeCommand.self, SampleCommand.self]
    )

    static func main() {
        // WardSPC threads over series itself; OpenBLAS's own threads would only spin.
        BLAS.stopWorkerThreads()
        keepFreedMemory()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Self.exit(withError: exit)
        } catch {
            // Usage errors (unknown flag, bad value) are bad input: exit 2, not 64.
            let code = Self.exitCode(for: error)
            if code == .success || code == .validationFailure || code.rawValue == 64 {
                if code != .success {
                    printStandardError(Self.fullMessage(for: error))
                    Self.exit(withError: ExitCode(2))
                }
            }
            Self.exit(withError: error)
        }
    }
}

/// Tunes glibc's allocator for one large batch job: blocks of up to 64 MB come from the
/// heap instead of their own `mmap` (which `free` unmaps, so the next batch's block is
/// faulted in and zeroed again page by page), and freed memory is kept for reuse instead
/// of being handed back to the system during the run (it is all handed back at exit).
private func keepFreedMemory() {
    #if os(Linux)
    _ = glibcMallopt(-3 /* M_MMAP_THRESHOLD */, 64 << 20)
    _ = glibcMallopt(-1 /* M_TRIM_THRESHOLD */, 1 << 30)
    _ = glibcMallopt(-2 /* M_TOP_PAD */, 16 << 20)
    #endif
}

#if os(Linux)
/// glibc's `int mallopt(int, int)` (malloc.h, which the Glibc module does not export).
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif

/// Writes a line to standard error (progress, warnings and errors never go to stdout).
func printStandardError(_ text: String) {
    var standardError = StandardError()
    print(text.terminalSafe, to: &standardError)
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandle.standardError.write(Data(string.utf8))
    }
}
