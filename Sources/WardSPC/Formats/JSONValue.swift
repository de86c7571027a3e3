import Threads
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
    public func rendered(pretty: Bool = false) -> String { renderedOutput(pretty: pretty).string }

    /// The document as UTF-8 byte chunks (long arrays are written in parallel blocks).
    /// Past `deadline` long arrays are cut short: the text is incomplete, and dropped
    /// (`Deadline`).
    public func renderedOutput(pretty: Bool = false, until deadline: Deadline = .never) -> OutputBytes {
        var output = TextBuffer()
        write(into: &output, pretty: pretty, indent: 0, deadline: deadline)
        return OutputBytes(chunks: [output.take()])
    }

    private func write(into output: inout TextBuffer, pretty: Bool, indent: Int, deadline: Deadline = .never) {
        switch self {
        case .null: output.append("null" as StaticString)
        case .bool(let value): output.append(value ? "true" as StaticString : "false" as StaticString)
        case .number(let value):
            if value.isFinite { output.append(number: value) } else { output.append("null" as StaticString) }
        case .string(let value): JSONValue.writeString(value, into: &output)
        case .array(let values):
            if values.isEmpty { output.append("[]" as StaticString); return }
            output.append(byte: 0x5B)
            if values.count >= JSONValue.parallelElements {
                // A long array (one element per ward or series): elements are written in
                // parallel blocks and joined in order — the same text, sooner.
                let pieces: [TextBuffer] = ParallelBlocks.mapBlocks(count: values.count, blockSize: 128, until: deadline) { range in
                    var piece = TextBuffer()
                    for index in range {
                        if index > 0 { piece.append(byte: 0x2C) }
                        if pretty { JSONValue.newline(indent + 1, into: &piece) }
                        values[index].write(into: &piece, pretty: pretty, indent: indent + 1, deadline: deadline)
                    }
                    return piece
                } ?? []
                for piece in pieces { output.append(piece) }
            } else {
                for (index, value) in values.enumerated() {
                    if index > 0 { output.append(byte: 0x2C) }
                    if pretty { JSONValue.newline(indent + 1, into: &output) }
                    value.write(into: &output, pretty: pretty, indent: indent + 1, deadline: deadline)
                }
            }
            if pretty { JSONValue.newline(indent, into: &output) }
            output.append(byte: 0x5D)
        case .object(let members):
            if members.isEmpty { output.append("{}" as StaticString); return }
            output.append(byte: 0x7B)
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output.append(byte: 0x2C) }
                if pretty { JSONValue.newline(indent + 1, into: &output) }
                JSONValue.writeString(key, into: &output)
                output.append(pretty ? ": " as StaticString : ":" as StaticString)
                value.write(into: &output, pretty: pretty, indent: indent + 1, deadline: deadline)
            }
            if pretty { JSONValue.newline(indent, into: &output) }
            output.append(byte: 0x7D)
        }
    }

    /// Arrays at least this long are written in parallel.
    static let parallelElements = 512

    /// A line break and `level` indents, in one append (this runs for every value).
    private static func newline(_ level: Int, into output: inout TextBuffer) {
        let length = 1 + 2 * level
        if length <= indentation.count {
            indentation.withUnsafeBufferPointer { output.append(bytes: UnsafeBufferPointer(rebasing: $0[0..<length])) }
        } else {
            output.append(byte: 0x0A)
            for _ in 0..<level { output.append("  " as StaticString) }
        }
    }

    /// A line break and 31 indents.
    private static let indentation: [UInt8] = [0x0A] + Array(repeating: 0x20, count: 62)

    static func writeString(_ value: String, into output: inout TextBuffer) {
        // Most strings (names, dates, labels, keys) need no escape: copy them whole, with
        // their quotes. U+2028 and U+2029 start with the byte 0xE2.
        var value = value
        let plain = value.withUTF8 { bytes -> Bool in
            for byte in bytes where byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2 { return false }
            output.append(byte: 0x22)
            output.append(bytes: bytes)
            output.append(byte: 0x22)
            return true
        }
        if plain { return }
        output.append(byte: 0x22)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output.append("\\\"" as StaticString)
            case "\\": output.append("\\\\" as StaticString)
            case "\n": output.append("\\n" as StaticString)
            case "\r": output.append("\\r" as StaticString)
            case "\t": output.append("\\t" as StaticString)
            default:
                if scalar.value < 0x20 || scalar == "\u{2028}" || scalar == "\u{2029}" {
                    let hex = String(scalar.value, radix: 16)
                    output.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                } else {
                    output.append(String(scalar))
                }
            }
        }
        output.append(byte: 0x22)
    }
}
