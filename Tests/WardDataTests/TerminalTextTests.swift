import Testing
@testable import WardData

/// What is printed for people never carries a character the terminal acts on (issue 17:
/// U+200F, U+061C, U+2028/9, U+FEFF and U+200B were sent raw).
@Suite("Terminal text: controls, bidirectional and invisible characters shown escaped")
struct TerminalTextTests {
    @Test(arguments: [0x1B, 0x07, 0x7F, 0x9B, 0x061C, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2028, 0x2029,
                      0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2060, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF,
                      0x180E, 0xFFF9] as [UInt32])
    func character_isShownEscaped(_ value: UInt32) {
        let scalar = Unicode.Scalar(value)!
        let shown = "Alder\(Character(scalar))Ward".terminalSafe
        #expect(shown == "Alder\\u{\(String(value, radix: 16, uppercase: true))}Ward")
        #expect(!shown.unicodeScalars.contains(scalar))
    }

    @Test func ordinaryText_isUnchanged_rightToLeftLettersIncluded() {
        for text in ["Ysbyty Gwynedd — Ward Ŵ", "جناح الأمل", "מחלקה", "line\nnext\ttab", "中文"] {
            #expect(text.terminalSafe == text)
        }
    }

    @Test func bidiControlsShown_escapesOnlyTheFormattingCharacters() {
        #expect("a\u{202E}b\u{200B}c\u{061C}".bidiControlsShown == "a\\u{202E}b\u{200B}c\\u{61C}")
        #expect("جناح".bidiControlsShown == "جناح")
    }

    @Test func bidiEffect_isFoundForRightToLeftLettersAndFormattingCharacters_only() {
        #expect("جناح".hasBidiEffect)
        #expect("a\u{200E}".hasBidiEffect)
        #expect(!"Ward Ŵ 中文 Ελλάδα \u{200B}".hasBidiEffect)
    }
}
