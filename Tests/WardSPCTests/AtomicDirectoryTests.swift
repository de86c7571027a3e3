import Foundation
import Testing
@testable import WardSPC

/// A directory of outputs appears whole or not at all, never over an input or someone
/// else's files.
@Suite struct AtomicDirectoryTests {
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wardspc-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func files(_ names: [String]) -> [AtomicDirectory.File] {
        names.map { AtomicDirectory.File(name: $0, bytes: Array("<\($0)>".utf8), durable: $0 == "index.html") }
    }

    @Test func newDirectory_isCreatedWithEveryFileAndTheMarker() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("nested/report").path
        try AtomicDirectory.write(Self.files(["a.svg", "index.html"]), to: out)
        let contents = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(contents == [AtomicDirectory.marker, "a.svg", "index.html"])
        #expect(try String(contentsOfFile: out + "/index.html", encoding: .utf8) == "<index.html>")
        // Nothing left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("nested").path) == ["report"])
    }

    @Test func earlierOutput_isReplacedWhole_emptyDirectoryIsUsed() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let out = root.appendingPathComponent("report").path
        try AtomicDirectory.write(Self.files(["old.svg", "index.html"]), to: out)
        #expect(try AtomicDirectory.check(out) == .earlierOutput)
        try AtomicDirectory.write(Self.files(["new.svg", "index.html"]), to: out)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == [AtomicDirectory.marker, "index.html", "new.svg"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["report"])

        let empty = root.appendingPathComponent("empty").path
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: false)
        #expect(try AtomicDirectory.check(empty) == .new)
        try AtomicDirectory.write(Self.files(["index.html"]), to: empty)
        #expect(FileManager.default.fileExists(atPath: empty + "/index.html"))
    }

    @Test func foreignDirectory_isRefused_orAddedToWithForce() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        try "keep".write(to: root.appendingPathComponent("mine.txt"), atomically: true, encoding: .utf8)
        #expect(throws: AtomicFile.WriteError.self) { try AtomicDirectory.write(Self.files(["index.html"]), to: root.path) }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("index.html").path))
        try AtomicDirectory.write(Self.files(["index.html"]), to: root.path, force: true)
        #expect(try String(contentsOf: root.appendingPathComponent("mine.txt"), encoding: .utf8) == "keep")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("index.html").path))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent(AtomicDirectory.marker).path))
    }

    @Test func inputs_fileTargets_andBadNames_areRefused() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("wards.csv")
        try "trust,ward".write(to: input, atomically: true, encoding: .utf8)
        for (target, force) in [(input.path, true), (root.path, true)] {
            do {
                try AtomicDirectory.write(Self.files(["index.html"]), to: target, protected: [input.path], force: force)
                Issue.record("wrote over or around an input: \(target)")
            } catch {
                #expect(error.reason.contains("input of this run"))
            }
        }
        #expect(try String(contentsOf: input, encoding: .utf8) == "trust,ward")
        let file = root.appendingPathComponent("plain.txt")
        try "x".write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: AtomicFile.WriteError.self) { try AtomicDirectory.write(Self.files(["index.html"]), to: file.path) }
        #expect(throws: AtomicFile.WriteError.self) {
            try AtomicDirectory.write([AtomicDirectory.File(name: "../escape.html", bytes: [])], to: root.appendingPathComponent("out").path)
        }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("escape.html").path))
    }
}
