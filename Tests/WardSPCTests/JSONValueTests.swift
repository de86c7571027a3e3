import Testing
@testable import WardSPC

@Suite struct JSONValueTests {
    @Test func keepsKeyOrder_writesNull_andFullPrecision() {
        let value = JSONValue.object([("b", .number(1)), ("a", .null), ("c", .number(0.1 + 0.2))])
        #expect(value.rendered() == #"{"b":1,"a":null,"c":0.30000000000000004}"#)
    }

    @Test func escapesStrings() {
        #expect(JSONValue.string("a\"b\\c\n\u{1}").rendered() == #""a\"b\\c\n\u0001""#)
    }
}
