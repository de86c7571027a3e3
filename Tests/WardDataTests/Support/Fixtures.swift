import Foundation
import Testing
@testable import WardData

/// The one place tests load input from: CSV fixtures in `Fixtures/` (copied into the test
/// bundle) and in-memory files for bytes that git could mangle (BOM, CRLF, NUL, bad UTF-8).
enum Fixtures {
    /// The path of `Fixtures/<name>.csv` inside the test bundle (`name` with or without `.csv`).
    static func path(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let base = name.hasSuffix(".csv") ? String(name.dropLast(4)) : name
        guard let url = Bundle.module.url(forResource: base, withExtension: "csv", subdirectory: "Fixtures") else {
            Issue.record("no fixture Fixtures/\(base).csv in the test bundle", sourceLocation: sourceLocation)
            return "/nonexistent/Fixtures/\(base).csv"
        }
        return url.path
    }

    /// Reads a fixture through the public entry point, `WardDataReader.read(path:options:)`.
    static func read(_ name: String, _ options: ReadOptions = ReadOptions()) throws(InputRejected) -> WardDataset {
        try WardDataReader.read(path: path(name), options: options)
    }

    /// An input file held in memory.
    static func memory(_ text: String, name: String = "memory.csv") -> InputFile {
        InputFile(name: name, bytes: Array(text.utf8))
    }

    static func memory(bytes: [UInt8], name: String = "memory.csv") -> InputFile {
        InputFile(name: name, bytes: bytes)
    }

    /// Reads CSV text held in memory through `WardDataReader.read(_:options:)`.
    static func read(text: String, _ options: ReadOptions = ReadOptions()) throws(InputRejected) -> WardDataset {
        try WardDataReader.read(memory(text), options: options)
    }

    static func read(bytes: [UInt8], _ options: ReadOptions = ReadOptions()) throws(InputRejected) -> WardDataset {
        try WardDataReader.read(memory(bytes: bytes), options: options)
    }

    /// The `InputRejected` reading a fixture throws; records a test issue when it reads.
    static func rejection(_ name: String, _ options: ReadOptions = ReadOptions(),
                          sourceLocation: SourceLocation = #_sourceLocation) -> InputRejected {
        rejection(sourceLocation: sourceLocation) { () throws(InputRejected) in try read(name, options) }
    }

    static func rejection(text: String, _ options: ReadOptions = ReadOptions(),
                          sourceLocation: SourceLocation = #_sourceLocation) -> InputRejected {
        rejection(sourceLocation: sourceLocation) { () throws(InputRejected) in try read(text: text, options) }
    }

    static func rejection(bytes: [UInt8], _ options: ReadOptions = ReadOptions(),
                          sourceLocation: SourceLocation = #_sourceLocation) -> InputRejected {
        rejection(sourceLocation: sourceLocation) { () throws(InputRejected) in try read(bytes: bytes, options) }
    }

    /// The `InputRejected` reading any path throws (a file outside the bundle, one that is missing).
    static func rejection(path: String, _ options: ReadOptions = ReadOptions(),
                          sourceLocation: SourceLocation = #_sourceLocation) -> InputRejected {
        rejection(sourceLocation: sourceLocation) { () throws(InputRejected) in
            try WardDataReader.read(path: path, options: options)
        }
    }

    private static func rejection(sourceLocation: SourceLocation,
                                  _ body: () throws(InputRejected) -> WardDataset) -> InputRejected {
        do {
            let dataset = try body()
            Issue.record("expected the input to be refused (InputRejected), but it read \(dataset.records.count) records",
                         sourceLocation: sourceLocation)
            return InputRejected(issues: [])
        } catch {
            return error
        }
    }
}

/// Options built in one expression: `options { $0.lenient = true }`.
func options(_ change: (inout ReadOptions) -> Void) -> ReadOptions {
    var result = ReadOptions()
    change(&result)
    return result
}

/// A calendar date from its ISO form, for expectations (`day("2024-01-01")`).
func day(_ iso: String) -> CivilDate {
    let parts = iso.split(separator: "-").map { Int($0)! }
    return CivilDate(year: parts[0], month: parts[1], day: parts[2])!
}
