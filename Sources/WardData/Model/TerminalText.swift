extension String {
    /// The text with every character a terminal would act on instead of showing — C0
    /// controls other than line feed and tab, DEL, C1 controls, and the bidirectional
    /// overrides that reorder what is shown — written out as `\u{1B}`, so a hostile cell
    /// (`ESC]0;…BEL`, `ESC[2J`) in a message or a table cannot rewrite the user's screen.
    /// Used for everything WardSPC prints for people: messages and tables, not CSV or JSON.
    public var terminalSafe: String {
        guard unicodeScalars.contains(where: String.actsOnTerminal) else { return self }
        var result = ""
        result.reserveCapacity(utf8.count + 16)
        for scalar in unicodeScalars {
            if String.actsOnTerminal(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func actsOnTerminal(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x202A...0x202E, 0x2066...0x2069: return true  // bidirectional embeddings, overrides, isolates
        default: return false
        }
    }
}
