/// The character encoding of a CSV file (`--encoding`): UTF-8 (with or without a
/// byte-order mark), UTF-16 with a byte-order mark (Excel's "Unicode text"), or
/// Windows-1252 (Excel's plain "CSV" on Windows in the UK).
public enum TextEncoding: String, Sendable, CaseIterable {
    /// Decided from the bytes: a UTF-16 byte-order mark; else UTF-8 when every byte is;
    /// else Windows-1252 when the file has no UTF-8 at all and no byte 1252 leaves undefined.
    case auto
    case utf8 = "utf-8"
    case windows1252 = "windows-1252"
}

/// Turns the bytes of a text file into UTF-8, saying what it did.
enum TextDecoding {
    struct Decoded {
        /// UTF-8 bytes (no byte-order mark), or `nil` when the input already is UTF-8.
        var bytes: [UInt8]?
        /// What was decided, for the reader's notes (`nil` for plain UTF-8).
        var note: String?
        /// The input was checked whole: no NUL byte and no byte that breaks UTF-8.
        var isClean: Bool
    }

    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, requested: TextEncoding) -> Decoded {
        if bytes.count >= 2, requested == .auto {
            if bytes[0] == 0xFF, bytes[1] == 0xFE {
                return Decoded(bytes: utf16(bytes, littleEndian: true),
                               note: "read as UTF-16 text (little-endian, with a byte-order mark), as Excel saves Unicode text",
                               isClean: false)
            }
            if bytes[0] == 0xFE, bytes[1] == 0xFF {
                return Decoded(bytes: utf16(bytes, littleEndian: false),
                               note: "read as UTF-16 text (big-endian, with a byte-order mark)", isClean: false)
            }
        }
        if requested == .windows1252 {
            return Decoded(bytes: windows1252(bytes), note: "read as Windows-1252 text (--encoding windows-1252)", isClean: false)
        }
        guard let bad = CSVScanner.firstBadByte(bytes, in: 0..<bytes.count) else {
            return Decoded(bytes: nil, note: nil, isClean: true)
        }
        guard requested == .auto, !bad.isNul, looksLikeWindows1252(bytes) else {
            return Decoded(bytes: nil, note: nil, isClean: false)
        }
        return Decoded(bytes: windows1252(bytes),
                       note: "read as Windows-1252 text (Excel's CSV on Windows): its bytes are not UTF-8; save it as CSV UTF-8 to avoid this",
                       isClean: false)
    }

    /// No NUL byte, no byte 1252 leaves undefined, and no valid UTF-8 multi-byte sequence
    /// (a file with both UTF-8 and other bytes is ambiguous: it is left to be refused).
    static func looksLikeWindows1252(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let end = bytes.count
        while index < end {
            let byte = bytes[index]
            if byte == 0 { return false }
            if byte < 0x80 { index += 1; continue }
            if byte == 0x81 || byte == 0x8D || byte == 0x8F || byte == 0x90 || byte == 0x9D { return false }
            // A well-formed two- or three-byte UTF-8 sequence: the file has UTF-8 in it.
            if byte >= 0xC2, byte <= 0xEF, index + 1 < end, bytes[index + 1] & 0xC0 == 0x80 {
                let length = byte >= 0xE0 ? 3 : 2
                if length == 2 || (index + 2 < end && bytes[index + 2] & 0xC0 == 0x80) { return false }
            }
            index += 1
        }
        return true
    }

    /// Windows-1252's 0x80–0x9F (the rest is Latin-1, the same code points).
    private static let high: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func windows1252(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 { out.append(byte); continue }
            let scalar = byte < 0xA0 ? high[Int(byte - 0x80)] : UInt32(byte)
            out.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
        }
        return out
    }

    /// UTF-16 after its byte-order mark; an odd last byte and unpaired surrogates become U+FFFD.
    static func utf16(_ bytes: UnsafeBufferPointer<UInt8>, littleEndian: Bool) -> [UInt8] {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = 2
        while index + 1 < bytes.count {
            let (low, high) = littleEndian ? (bytes[index], bytes[index + 1]) : (bytes[index + 1], bytes[index])
            units.append(UInt16(high) << 8 | UInt16(low))
            index += 2
        }
        var text = String(decoding: units, as: UTF16.self)
        if index < bytes.count { text.append("\u{FFFD}") }
        return Array(text.utf8)
    }
}
