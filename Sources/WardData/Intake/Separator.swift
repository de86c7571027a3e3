/// What separates the fields of a CSV file (`--separator`): Excel writes commas in the
/// UK, semicolons where the comma is the decimal mark, and tabs for "Unicode text".
public enum Separator: String, Sendable, CaseIterable {
    /// Decided from the header row: the one of the three it has most of (a tie is refused).
    case auto
    case comma, semicolon, tab

    var byte: UInt8 {
        switch self {
        case .auto, .comma: UInt8(ascii: ",")
        case .semicolon: UInt8(ascii: ";")
        case .tab: 0x09
        }
    }

    var name: String {
        switch self {
        case .auto, .comma: "commas"
        case .semicolon: "semicolons"
        case .tab: "tabs"
        }
    }

    /// The separator of the header row (the first non-blank record, quotes respected),
    /// or `nil` when two of them are equally frequent there (and present).
    static func detect(_ bytes: UnsafeBufferPointer<UInt8>) -> Separator? {
        var counts: [Separator: Int] = [.comma: 0, .semicolon: 0, .tab: 0]
        var index = 0
        var quoted = false
        var started = false
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "\"") { quoted.toggle(); started = true; continue }
            if quoted { continue }
            if byte == 0x0A || byte == 0x0D {
                if started { break }
                continue
            }
            if byte != 0x20 { started = true }
            switch byte {
            case UInt8(ascii: ","): counts[.comma]! += 1
            case UInt8(ascii: ";"): counts[.semicolon]! += 1
            case 0x09: counts[.tab]! += 1
            default: break
            }
        }
        let best = counts.values.max() ?? 0
        if best == 0 { return .comma }
        let leaders = counts.filter { $0.value == best }.map(\.key)
        return leaders.count == 1 ? leaders[0] : nil
    }
}

/// Rewrites CSV text as the readers take it: comma-separated, with trailing columns
/// that have no name and no value anywhere left out. Every line break is kept where it
/// was, so line numbers stay those of the original file.
enum CSVRewriter {
    struct Result {
        var bytes: [UInt8]
        /// The columns at the right were left out (not when one of them had a value).
        var dropped: Bool
    }

    /// `keptColumns`: the columns to keep (the header's named ones), `nil` to keep all.
    static func rewrite(_ bytes: UnsafeBufferPointer<UInt8>, separator: UInt8, keptColumns: Int?) -> Result {
        if let keptColumns, let result = pass(bytes, separator: separator, keptColumns: keptColumns) {
            return Result(bytes: result, dropped: true)
        }
        return Result(bytes: pass(bytes, separator: separator, keptColumns: nil)!, dropped: false)
    }

    /// One pass; `nil` when a left-out column turns out to hold a value.
    private static func pass(_ bytes: UnsafeBufferPointer<UInt8>, separator: UInt8, keptColumns: Int?) -> [UInt8]? {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 64)
        var index = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        let end = bytes.count
        var column = 0
        var afterSeparator = false
        while index < end || afterSeparator {
            afterSeparator = false
            // One field: its original bytes, from `start` to the separator or line end.
            let start = index
            var hasComma = false, hasQuote = false
            if index < end, bytes[index] == quote {
                index += 1
                while index < end {
                    if bytes[index] == quote {
                        if index + 1 < end, bytes[index + 1] == quote { index += 2; continue }
                        index += 1
                        break
                    }
                    index += 1
                }
                // Text after the closing quote stays as it was (the reader reports it).
                while index < end, bytes[index] != separator, bytes[index] != lf, bytes[index] != cr { index += 1 }
            } else {
                while index < end, bytes[index] != separator, bytes[index] != lf, bytes[index] != cr {
                    if bytes[index] == comma { hasComma = true } else if bytes[index] == quote { hasQuote = true }
                    index += 1
                }
            }
            let dropped = keptColumns.map { column >= $0 } ?? false
            if dropped {
                if index > start { return nil }
            } else {
                if column > 0 { out.append(comma) }
                if hasComma {
                    out.append(quote)
                    for position in start..<index {
                        out.append(bytes[position])
                        if hasQuote, bytes[position] == quote { out.append(quote) }
                    }
                    out.append(quote)
                } else {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                }
            }
            guard index < end else { break }
            if bytes[index] == separator { index += 1; column += 1; afterSeparator = true; continue }
            // A line break ends the record: kept as written.
            out.append(bytes[index])
            if bytes[index] == cr, index + 1 < end, bytes[index + 1] == lf { out.append(lf); index += 1 }
            index += 1
            column = 0
        }
        return out
    }
}
