import Foundation
import Testing

/// Runs a program the tests check outputs with (poppler's pdfinfo and pdftotext,
/// LibreOffice). `scripts/install-deps.sh` installs them; when one is missing the test
/// fails under CI=true and is passed over (with a message) on a developer's machine.
enum ExternalTool {
    static func path(_ name: String) -> String? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// The program's path, or nil after recording why (an issue under CI=true).
    static func require(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        if let found = path(name) { return found }
        let message = "\(name) is not installed (scripts/install-deps.sh installs it)"
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        } else {
            print("skipped: \(message)")
        }
        return nil
    }

    /// Runs `path` with `arguments`; returns its exit status and standard output.
    static func run(_ path: String, _ arguments: [String], in directory: URL? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// A new empty directory for one test's files.
    static func scratchDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wardspc-render-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// pdfinfo's "Pages:" figure.
    static func pageCount(pdf: URL) throws -> Int? {
        guard let pdfinfo = require("pdfinfo") else { return nil }
        let info = try run(pdfinfo, [pdf.path])
        let line = info.output.split(separator: "\n").first { $0.hasPrefix("Pages:") }
        return line.flatMap { Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces)) }
    }
}
