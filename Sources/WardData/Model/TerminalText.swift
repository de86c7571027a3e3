extension String {
    /// The text with every character a terminal would act on instead of showing written
    /// out as `\u{1B}`, so a hostile cell (`ESC]0;…BEL`, `ESC[2J`, a right-to-left override
    /// that reverses the rest of the line) in a message or a table cannot rewrite or
    /// disguise what the user sees: C0 controls other than line feed and tab, DEL, C1
    /// controls, the bidirectional formatting characters (`isBidiControl`), the line and
    /// paragraph separators U+2028/U+2029 (line breaks to some terminals), and the
    /// invisible characters that hide or join text: zero-width space, non-joiner and
    /// joiner U+200B–U+200D, U+2060–U+2064, the byte-order mark U+FEFF, U+180E and the
    /// interlinear annotation marks U+FFF9–U+FFFB.
    /// Used for everything WardSPC prints for people: messages and tables, not CSV or JSON.
    public var terminalSafe: String {
        guard unicodeScalars.contains(where: String.actsOnTerminal) else { return self }
        return escapingScalars(where: String.actsOnTerminal)
    }

    /// The text with every bidirectional formatting character written out as `\u{202E}`:
    /// visible, and inert. SVG and HTML show user text this way (SPCRender's `Markup`).
    public var bidiControlsShown: String {
        guard unicodeScalars.contains(where: \.isBidiControl) else { return self }
        return escapingScalars(where: \.isBidiControl)
    }

    /// The text with each scalar for which `shouldEscape` holds written as `\u{HEX}`.
    private func escapingScalars(where shouldEscape: (Unicode.Scalar) -> Bool) -> String {
        var result = ""
        result.reserveCapacity(utf8.count + 16)
        for scalar in unicodeScalars {
            if shouldEscape(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func actsOnTerminal(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isBidiControl { return true }
        switch scalar.value {
        case 0x0A, 0x09: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x200B...0x200D, 0x2028, 0x2029, 0x2060...0x2064, 0xFEFF, 0x180E, 0xFFF9...0xFFFB: return true
        default: return false
        }
    }

    /// Whether the text has a right-to-left letter or a bidirectional formatting
    /// character: then, beside other text, it can reorder what is shown around it.
    public var hasBidiEffect: Bool {
        // Every such scalar is encoded from a lead byte of 0xD6 or above: most text is
        // decided by one pass over its bytes.
        guard utf8.contains(where: { $0 >= 0xD6 }) else { return false }
        return unicodeScalars.contains { $0.isBidiControl || $0.isRightToLeft }
    }
}

extension Unicode.Scalar {
    /// The bidirectional formatting characters of Unicode's bidirectional algorithm
    /// (UAX #9): the Arabic letter mark U+061C, the left-to-right and right-to-left marks
    /// U+200E/U+200F, the embeddings, pop and overrides U+202A–U+202E, and the isolates
    /// U+2066–U+2069. In a name they only ever disguise it.
    public var isBidiControl: Bool {
        switch value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// Whether the scalar lies in a block of right-to-left scripts: Hebrew, Arabic,
    /// Syriac, Thaana, NKo, Samaritan, Mandaic (U+0590–U+08FF), their presentation forms
    /// (U+FB1D–U+FDFF, U+FE70–U+FEFE), and the right-to-left blocks of the
    /// supplementary planes (U+10800–U+10FFF, U+1E800–U+1EFFF). By block, not by each
    /// character's bidirectional class: a digit or mark in those blocks counts too, which
    /// only ever isolates a string that did not need it.
    public var isRightToLeft: Bool {
        switch value {
        case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFE, 0x10800...0x10FFF, 0x1E800...0x1EFFF: return true
        default: return false
        }
    }
}
