import Foundation

/// A folder for one test's files, removed when the test lets go of it.
final class Scratch {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("wardspc-test-\(UUID().uuidString)")
    init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes `parts` one after another (so a 50 MB field is never one String).
    func file(_ name: String, _ parts: [[UInt8]]) throws -> String {
        let path = path(name)
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        for part in parts { try handle.write(contentsOf: part) }
        try handle.close()
        return path
    }

    func file(_ name: String, _ text: String) throws -> String { try file(name, [Array(text.utf8)]) }

    /// Names in the folder, to find temporary files left behind.
    var names: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted() }
}
