import Foundation

/// `wardspc serve` running as its own process on a free loopback port, for tests that
/// talk to it as a browser or script would. Terminated when released.
final class ServeProcess {
    let process = Process()
    let base: URL
    /// What the server has said on stderr so far ("wardspc: serving the upload page at …").
    private(set) var said = ""
    private let errors = Pipe()

    init(_ options: [String] = []) throws {
        process.executableURL = CLIRunner.executable
        process.arguments = ["serve", "--port", "0"] + options
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // "wardspc: serving the upload page at http://127.0.0.1:PORT/ — …"
        let deadline = Date().addingTimeInterval(60)
        while !said.contains("/ —"), Date() < deadline, process.isRunning {
            said += String(decoding: errors.fileHandleForReading.availableData, as: UTF8.self)
        }
        guard let address = said.firstMatch(of: /http:\/\/127\.0\.0\.1:(\d+)\//) else {
            if process.isRunning { process.terminate() }
            throw ServeProcessError(said)
        }
        base = URL(string: "http://127.0.0.1:\(address.1)")!
    }

    deinit { if process.isRunning { process.terminate() } }

    /// Ctrl+C, then everything else it says until it exits; its exit status.
    func interrupt() -> Int32 {
        process.interrupt()
        process.waitUntilExit()
        said += String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return process.terminationStatus
    }
}

struct ServeProcessError: Error, CustomStringConvertible {
    var description: String
    init(_ said: String) { description = "the server gave no address; stderr: \(said)" }
}
