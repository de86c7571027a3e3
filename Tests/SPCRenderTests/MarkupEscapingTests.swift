import Testing
@testable import SPCRender
import WardData

@Suite struct MarkupEscapingTests {
    @Test func escapesEveryMarkupCharacter() {
        #expect(Markup.escaped("<script>alert('x') & \"y\"</script>")
                == "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;")
    }

    @Test func dropsControlCharactersXMLForbids() {
        #expect(Markup.escaped("Ward\u{0}A\u{1B}\tB\n") == "WardA\tB\n")
    }

    @Test func keepsOrdinaryUnicode() {
        #expect(Markup.escaped("Ysbyty Gwynedd — Ward Ŵ") == "Ysbyty Gwynedd — Ward Ŵ")
    }

    // MARK: bidirectional text (issue 17)

    static let bidiControls: [Unicode.Scalar] = ["\u{061C}", "\u{200E}", "\u{200F}", "\u{202A}", "\u{202B}", "\u{202C}",
                                                 "\u{202D}", "\u{202E}", "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}"]

    @Test(arguments: bidiControls)
    func bidiControls_neverReachTheMarkupRaw_butAreShownInsideAnIsolate(_ control: Unicode.Scalar) {
        let escaped = Markup.escaped("Alder\(Character(control))redlA")
        let hex = String(control.value, radix: 16, uppercase: true)
        #expect(escaped == "\u{2068}Alder\\u{\(hex)}redlA\u{2069}")
        // Only the isolate's own two characters are formatting characters.
        #expect(escaped.unicodeScalars.filter(\.isBidiControl).map(\.value) == [0x2068, 0x2069])
    }

    @Test func aPopDirectionalIsolateInTheName_cannotCloseTheIsolateEarly() {
        let escaped = Markup.escaped("x\u{2069}\u{202E}evil")
        #expect(escaped == "\u{2068}x\\u{2069}\\u{202E}evil\u{2069}")
    }

    @Test func rightToLeftNames_areIsolated_andKeptAsWritten() {
        #expect(Markup.escaped("جناح الأمل") == "\u{2068}جناح الأمل\u{2069}")
        #expect(Markup.escaped("מחלקה 3 & <b>") == "\u{2068}מחלקה 3 &amp; &lt;b&gt;\u{2069}")
    }

    @Test func leftToRightNames_areNotWrapped() {
        #expect(Markup.escaped("Ward Ŵ 中文 Ελλάδα") == "Ward Ŵ 中文 Ελλάδα")
    }

    @Test func attributes_andCSSStrings_areIsolatedToo() {
        var writer = MarkupWriter()
        writer.start("g")
        writer.attribute("aria-label", text: "Alder\u{202E}x")
        writer.endStart()
        #expect(writer.string == "<g aria-label=\"\u{2068}Alder\\u{202E}x\u{2069}\">")
        let css = Markup.cssString("A\u{202E}")
        #expect(css == "\"\\2068 A\\5c u\\7b 202E\\7d \\2069 \"")
        let hasControl = css.unicodeScalars.contains { $0.isBidiControl }
        #expect(!hasControl)
    }
}
