import Testing
@testable import SPCRender

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
}
