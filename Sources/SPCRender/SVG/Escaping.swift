import WardData

/// The one place where user-supplied text is made safe for SVG and HTML.
///
/// Every trust, ward, measure, label or title that reaches a chart or report goes
/// through this type — as XML/HTML text or attribute (`escaped`, `appendEscaped`) or as a
/// CSS string (`cssString`); nothing else writes user text into markup.
///
/// Bidirectional text (issue 17): a string with a bidirectional formatting character
/// (U+202E and the others of `Unicode.Scalar.isBidiControl`) or a right-to-left letter
/// is isolated — written between U+2068 FIRST STRONG ISOLATE and U+2069 POP DIRECTIONAL
/// ISOLATE, which is what HTML's `<bdi>` does, but works alike in SVG text, in HTML and
/// in attribute values (titles, tooltips), where no element can go — and its formatting
/// characters are shown as `\u{202E}`, so none can close the isolate early or reverse
/// what follows. A string with neither is left-to-right throughout and cannot reorder
/// the text around it: it is written as it is.
public enum Markup {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by entities, and characters XML
    /// forbids (C0 controls other than tab, LF and CR) dropped, so the result is safe in
    /// element content and in quoted attribute values alike.
    public static func escaped(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        appendEscaped(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `text`, escaped as `escaped(_:)` does, to UTF-8 `output` (the chart and
    /// report writers build their markup as bytes).
    public static func appendEscaped(_ text: String, to output: inout [UInt8]) {
        guard text.hasBidiEffect else {
            appendEscapedCharacters(text, to: &output)
            return
        }
        output.append(contentsOf: firstStrongIsolate)
        appendEscapedCharacters(text.bidiControlsShown, to: &output)
        output.append(contentsOf: popDirectionalIsolate)
    }

    /// The characters of `text` escaped as `escaped(_:)` says (bidirectional text aside).
    private static func appendEscapedCharacters(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { source in
            // Fast path: most labels need no escaping at all.
            if !source.contains(where: needsAttention) {
                output.append(contentsOf: source)
                return
            }
            var index = 0
            while index < source.count {
                let byte = source[index]
                switch byte {
                case UInt8(ascii: "&"): output.append(contentsOf: ampersand)
                case UInt8(ascii: "<"): output.append(contentsOf: lessThan)
                case UInt8(ascii: ">"): output.append(contentsOf: greaterThan)
                case UInt8(ascii: "\""): output.append(contentsOf: quote)
                case UInt8(ascii: "'"): output.append(contentsOf: apostrophe)
                case 0x09, 0x0A, 0x0D: output.append(byte)
                case 0x00..<0x20: break
                case 0xEF where index + 2 < source.count && source[index + 1] == 0xBF
                    && (source[index + 2] == 0xBE || source[index + 2] == 0xBF):
                    // U+FFFE and U+FFFF are not XML characters.
                    index += 3
                    continue
                default: output.append(byte)
                }
                index += 1
            }
        }
    }

    /// `text` as a double-quoted CSS string (for `content:` in a style sheet): every
    /// character but ASCII letters, digits and spaces becomes a hexadecimal escape, so
    /// the result cannot end the string, the rule or the `<style>` element around it.
    /// Bidirectional text is isolated and its formatting characters shown, as in markup.
    public static func cssString(_ text: String) -> String {
        var result = "\""
        for scalar in isolated(text).unicodeScalars {
            switch scalar.value {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x20: result.unicodeScalars.append(scalar)
            case 0..<0x20, 0x7F, 0xFFFE, 0xFFFF: continue
            default: result += "\\" + String(scalar.value, radix: 16) + " "
            }
        }
        return result + "\""
    }

    /// `text` with its bidirectional effect contained, as markup writes it: isolated, its
    /// formatting characters shown, when it has one; as it is when not. For text that a
    /// script puts in the page (`textContent`), which needs no entities.
    public static func isolated(_ text: String) -> String {
        text.hasBidiEffect ? "\u{2068}" + text.bidiControlsShown + "\u{2069}" : text
    }

    private static func needsAttention(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == 0xEF
    }

    /// U+2068 and U+2069 in UTF-8.
    private static let firstStrongIsolate: [UInt8] = [0xE2, 0x81, 0xA8]
    private static let popDirectionalIsolate: [UInt8] = [0xE2, 0x81, 0xA9]
    private static let ampersand = Array("&amp;".utf8)
    private static let lessThan = Array("&lt;".utf8)
    private static let greaterThan = Array("&gt;".utf8)
    private static let quote = Array("&quot;".utf8)
    private static let apostrophe = Array("&#39;".utf8)
}
