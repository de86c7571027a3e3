import SPCCore

/// A JSON document with object keys kept in the order the contract lists them.
///
/// Numbers are written in full precision (shortest round-trip form); whole numbers
/// without a decimal point. Non-finite numbers cannot occur in WardSPC output and are
/// written as `null`.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.rendered() == rhs.rendered()
    }

    /// `value` or `null`.
    public static func optional<T>(_ value: T?, _ transform: (T) -> JSONValue) -> JSONValue {
        value.map(transform) ?? .null
    }

    /// The document as text; `pretty` indents by two spaces.
    public func rendered(pretty: Bool = false) -> String {
        var output = ""
        write(into: &output, pretty: pretty, indent: 0)
        return output
    }

    private func write(into output: inout String, pretty: Bool, indent: Int) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .number(let value): output += JSONValue.format(value)
        case .string(let value): JSONValue.writeString(value, into: &output)
        case .array(let values):
            if values.isEmpty { output += "[]"; return }
            output += "["
            if values.count >= JSONValue.parallelElements {
                // A long array (one element per ward or series): elements are written in
                // parallel blocks and joined in order — the same text, sooner.
                let pieces = ParallelBlocks.map(count: values.count, blockSize: 128) { range in
                    range.map { index -> String in
                        var piece = index > 0 ? "," : ""
                        if pretty { JSONValue.newline(indent + 1, into: &piece) }
                        values[index].write(into: &piece, pretty: pretty, indent: indent + 1)
                        return piece
                    }
                }
                for piece in pieces { output += piece }
            } else {
                for (index, value) in values.enumerated() {
                    if index > 0 { output += "," }
                    if pretty { JSONValue.newline(indent + 1, into: &output) }
                    value.write(into: &output, pretty: pretty, indent: indent + 1)
                }
            }
            if pretty { JSONValue.newline(indent, into: &output) }
            output += "]"
        case .object(let members):
            if members.isEmpty { output += "{}"; return }
            output += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output += "," }
                if pretty { JSONValue.newline(indent + 1, into: &output) }
                JSONValue.writeString(key, into: &output)
                output += pretty ? ": " : ":"
                value.write(into: &output, pretty: pretty, indent: indent + 1)
            }
            if pretty { JSONValue.newline(indent, into: &output) }
            output += "}"
        }
    }

    /// Arrays at least this long are written in parallel.
    static let parallelElements = 512

    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return value.description
    }

    /// A line break and `level` indents, from a table (this runs for every value).
    private static func newline(_ level: Int, into output: inout String) {
        if level < indents.count { output += indents[level] } else { output += "\n" + String(repeating: "  ", count: level) }
    }

    private static let indents: [String] = (0..<16).map { "\n" + String(repeating: "  ", count: $0) }

    static func writeString(_ value: String, into output: inout String) {
        output += "\""
        // Most strings (names, dates, labels) need no escape: copy them whole. U+2028 and
        // U+2029 start with the byte 0xE2.
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) {
            output += value
            output += "\""
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            default:
                if scalar.value < 0x20 || scalar == "\u{2028}" || scalar == "\u{2029}" {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}
