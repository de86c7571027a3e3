import SPCCore
import WardData

/// A measures file (`--measures FILE`) as its reader found it, before it is checked: one
/// table per measure, each key with its value and line. The TOML reader (`MeasureFile`)
/// produces it; `MeasureCatalogue.applying` checks it and makes the catalogue, so what a
/// file may say, and every message about it, is decided here once (docs/measures.md).
public struct MeasureOverrides: Sendable, Equatable {
    /// One value as the file wrote it.
    public enum Value: Sendable, Equatable {
        case text(String)
        case flag(Bool)
        case texts([String])
        /// Any other kind of value, in words ("a number", "a date", "a table").
        case other(String)

        /// What the value is, in words for a message.
        var kindWords: String {
            switch self {
            case .text: "text"
            case .flag: "true or false"
            case .texts: "a list of text"
            case .other(let words): words
            }
        }
    }

    public struct Entry: Sendable, Equatable {
        public var key: String
        public var value: Value
        /// 1-based line of the key in the file; `nil` when not known.
        public var line: Int?

        public init(key: String, value: Value, line: Int?) {
            self.key = key
            self.value = value
            self.line = line
        }
    }

    /// `[name]` and its keys.
    public struct Table: Sendable, Equatable {
        /// The measure's name as written in the table header.
        public var measure: String
        /// 1-based line of the table header; `nil` when not known.
        public var line: Int?
        public var entries: [Entry]

        public init(measure: String, line: Int?, entries: [Entry]) {
            self.measure = measure
            self.line = line
            self.entries = entries
        }
    }

    /// The file as the person named it (every message starts with it).
    public var file: String
    public var tables: [Table]
    /// Keys outside any table (never allowed: each measure has its own table).
    public var topLevel: [Entry]

    public init(file: String, tables: [Table], topLevel: [Entry] = []) {
        self.file = file
        self.tables = tables
        self.topLevel = topLevel
    }

    /// The keys a measure's table may have, with what each takes (for messages and docs).
    public static let keys: [(key: String, takes: String)] = [
        ("label", "text: the name shown on charts and in the report"),
        ("unit", "text: what one count is, e.g. \"incidents\""),
        ("improvement", "\"decrease\", \"increase\" or \"neutral\": which way is better"),
        ("benchmark", "true or false: whether the --benchmark reduction applies"),
        ("chart", "\"auto\" or a chart kind (p for a process measure with a denominator): the chart --chart auto draws"),
        ("caveat", "text: one sentence shown with the measure's charts and verdicts (\"\" for none)"),
        ("aliases", "a list of text: other names the data may spell the measure with"),
    ]
}

extension MeasureCatalogue {
    /// This catalogue with a measures file's changes: a table for a measure the catalogue
    /// knows (by name or alias) changes only the keys it gives; any other table adds a
    /// measure, starting from `MeasureDefinition.unknown`. Throws every problem at once,
    /// each as `FILE:LINE: message` in plain words: a key outside a table, an unknown key,
    /// a value of the wrong kind, an unknown direction or chart, a measure given twice.
    public func applying(_ overrides: MeasureOverrides) throws(InputRejected) -> MeasureCatalogue {
        var catalogue = self
        var issues: [InputIssue] = []
        func problem(_ line: Int?, _ message: String, hint: String? = nil) {
            issues.append(InputIssue(.error, file: overrides.file, line: line, message: message, hint: hint))
        }
        for entry in overrides.topLevel {
            problem(entry.line, "\(entry.key) is outside any measure's table",
                    hint: "put it under the measure's name in square brackets, e.g. [seclusion]")
        }
        var seen: [String: Int?] = [:]
        let keyNames = MeasureOverrides.keys.map(\.key)
        for table in overrides.tables {
            let folded = Self.fold(table.measure)
            guard !folded.isEmpty else { problem(table.line, "a table needs a measure's name"); continue }
            var definition = catalogue.known(table.measure) ?? .unknown(table.measure)
            if seen[definition.key] != nil {
                problem(table.line, "\(table.measure) is given twice (the same measure as the table at line \(seen[definition.key]!.map(String.init) ?? "?"))")
                continue
            }
            seen[definition.key] = table.line
            var newAliases: [String] = []
            for entry in table.entries {
                func wrongKind(_ expected: String) {
                    problem(entry.line, "\(entry.key) of \(table.measure) should be \(expected), and it is \(entry.value.kindWords)")
                }
                switch entry.key {
                case "label":
                    guard case .text(let text) = entry.value else { wrongKind("text"); continue }
                    guard !text.trimmingSpaces.isEmpty else { problem(entry.line, "label of \(table.measure) is empty"); continue }
                    definition.label = text
                case "unit":
                    guard case .text(let text) = entry.value else { wrongKind("text"); continue }
                    guard !text.trimmingSpaces.isEmpty else { problem(entry.line, "unit of \(table.measure) is empty"); continue }
                    definition.unit = text
                case "improvement":
                    guard case .text(let text) = entry.value else { wrongKind("\"decrease\", \"increase\" or \"neutral\""); continue }
                    guard let improvement = Improvement(rawValue: Self.fold(text)) else {
                        problem(entry.line, "improvement of \(table.measure) is \"\(text)\", which is not a direction",
                                hint: "use \"decrease\" when lower is better, \"increase\" when higher is better, or \"neutral\"")
                        continue
                    }
                    definition.improvement = improvement
                case "benchmark":
                    guard case .flag(let applies) = entry.value else { wrongKind("true or false"); continue }
                    definition.benchmarkApplies = applies
                case "chart":
                    guard case .text(let text) = entry.value else { wrongKind("text"); continue }
                    let name = text.lowercased()
                    if name == "auto" || name.isEmpty {
                        definition.preferredChart = nil
                    } else if let kind = ChartKind(rawValue: name) {
                        definition.preferredChart = kind
                    } else {
                        problem(entry.line, "chart of \(table.measure) is \"\(text)\", which is not a chart",
                                hint: "use auto or one of \(ChartKind.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                case "caveat":
                    guard case .text(let text) = entry.value else { wrongKind("text"); continue }
                    definition.caveat = text.trimmingSpaces.isEmpty ? nil : text
                case "aliases":
                    guard case .texts(let names) = entry.value else { wrongKind("a list of text, e.g. [\"rt\"]"); continue }
                    newAliases += names
                default:
                    problem(entry.line, "\(entry.key) is not something a measure's table can set",
                            hint: "the keys are \(keyNames.joined(separator: ", "))")
                }
            }
            catalogue.set(definition)
            for alias in newAliases { catalogue.addAlias(alias, for: definition.key) }
        }
        guard issues.isEmpty else { throw InputRejected(issues: issues) }
        return catalogue
    }

    /// `alias` (folded) now names the measure `key`.
    mutating func addAlias(_ alias: String, for key: String) {
        var all = aliases
        all[Self.fold(alias)] = key
        self = MeasureCatalogue(definitions: Array(definitions.values), aliases: all)
    }
}
