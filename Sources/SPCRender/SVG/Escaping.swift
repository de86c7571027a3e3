/// The one place where user-supplied text is made safe for SVG and HTML.
///
/// Every trust, ward, measure, label or title that reaches a chart or report goes
/// through `escaped(_:)`; nothing else writes user text into markup.
public enum Markup {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by entities, and characters XML
    /// forbids (C0 controls other than tab, LF and CR) dropped, so the result is safe in
    /// element content and in quoted attribute values alike.
    public static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
