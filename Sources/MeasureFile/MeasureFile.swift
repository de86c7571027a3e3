import TOMLKit
import WardData
import WardSPC

/// `--measures FILE`: a small TOML file of per-measure overrides (docs/measures.md),
///
/// ```toml
/// [seclusion]
/// benchmark = true
/// improvement = "decrease"
/// label = "Seclusion"
/// ```
///
/// read into `MeasureOverrides` and applied to a catalogue. Every problem is an
/// `InputIssue` with the file and line (`FILE:LINE: message`), so a bad file exits 2.
public enum MeasureFile {
    /// The catalogue `base` with the file at `path` applied.
    public static func catalogue(path: String, base: MeasureCatalogue = .builtIn) throws(InputRejected) -> MeasureCatalogue {
        let input: InputFile
        do { input = try InputFile(path: path) } catch { throw InputRejected(issues: [error]) }
        let text = input.withBytes { String(decoding: $0, as: UTF8.self) }
        return try base.applying(overrides(text: text, file: path))
    }

    /// The tables of a measures file's text, with the line of every table and key; a file
    /// TOML cannot parse is refused with the parser's line and column.
    public static func overrides(text: String, file: String) throws(InputRejected) -> MeasureOverrides {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw InputRejected(issues: [InputIssue(.error, file: file, line: error.source.begin.line,
                                                    message: "not a TOML file here (column \(error.source.begin.column)): \(error.description)",
                                                    hint: "each measure is a table, e.g. [seclusion] on its own line, then lines like benchmark = true")])
        } catch {
            throw InputRejected(issues: [InputIssue(.error, file: file, message: "not a TOML file: \(error)")])
        }
        let lines = KeyLines(text)
        var tables: [MeasureOverrides.Table] = []
        var topLevel: [MeasureOverrides.Entry] = []
        for name in root.keys {
            guard let node = root[name] else { continue }
            if let table = node.table {
                let entries = table.keys.compactMap { key -> MeasureOverrides.Entry? in
                    guard let value = table[key] else { return nil }
                    return MeasureOverrides.Entry(key: key, value: Self.value(value),
                                                  line: lines.line(table: name, key: key) ?? lines.line(table: nil, key: name))
                }
                tables.append(MeasureOverrides.Table(measure: name, line: lines.header(name) ?? lines.line(table: nil, key: name),
                                                     entries: entries.sorted { ($0.line ?? .max) < ($1.line ?? .max) }))
            } else {
                topLevel.append(MeasureOverrides.Entry(key: name, value: Self.value(node), line: lines.line(table: nil, key: name)))
            }
        }
        tables.sort { ($0.line ?? .max) < ($1.line ?? .max) }
        topLevel.sort { ($0.line ?? .max) < ($1.line ?? .max) }
        return MeasureOverrides(file: file, tables: tables, topLevel: topLevel)
    }

    /// A TOML value as `MeasureOverrides` takes it.
    static func value(_ node: TOMLValueConvertible) -> MeasureOverrides.Value {
        switch node.type {
        case .string: return .text(node.string ?? "")
        case .bool: return .flag(node.bool ?? false)
        case .array:
            guard let array = node.array else { return .other("a list") }
            var texts: [String] = []
            for element in array {
                guard let text = element.string else { return .other("a list that is not all text") }
                texts.append(text)
            }
            return .texts(texts)
        case .int, .double: return .other("a number")
        case .date, .time, .dateTime: return .other("a date or time")
        case .table: return .other("a table")
        }
    }
}

/// Where each table header and key is in a TOML file's text (TOMLKit keeps no positions):
/// `[name]` or `["name"]` headers, and `key = …` lines under them; enough for the
/// one-level tables a measures file has.
struct KeyLines {
    private var headers: [String: Int] = [:]
    private var keys: [String: Int] = [:]

    init(_ text: String) {
        var table: String?
        var number = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let line = raw.drop { $0 == " " || $0 == "\t" }
            if line.hasPrefix("[") && !line.hasPrefix("[[") {
                guard let close = line.firstIndex(of: "]") else { continue }
                let name = Self.unquoted(line[line.index(after: line.startIndex)..<close])
                table = name
                if headers[name] == nil { headers[name] = number }
            } else if let equals = line.firstIndex(of: "="), !line.hasPrefix("#") {
                let key = Self.unquoted(line[..<equals])
                let slot = Self.slot(table, key)
                if keys[slot] == nil { keys[slot] = number }
            }
        }
    }

    func header(_ name: String) -> Int? { headers[name] }

    func line(table: String?, key: String) -> Int? { keys[Self.slot(table, key)] }

    private static func slot(_ table: String?, _ key: String) -> String { (table ?? "") + "\u{1F}" + key }

    private static func unquoted(_ text: Substring) -> String {
        var trimmed = text
        while trimmed.first == " " || trimmed.first == "\t" { trimmed = trimmed.dropFirst() }
        while trimmed.last == " " || trimmed.last == "\t" { trimmed = trimmed.dropLast() }
        if trimmed.count >= 2, let first = trimmed.first, first == "\"" || first == "'", trimmed.last == first {
            trimmed = trimmed.dropFirst().dropLast()
        }
        return String(trimmed)
    }
}
