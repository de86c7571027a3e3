import Testing
@testable import WardSPC

@Suite struct CSVCellTests {
    @Test func textStartingLikeAFormula_isPrefixedWithApostrophe() {
        for text in ["=1+1", "+44", "-3", "@SUM(A1)", "\tx", "\rx"] {
            #expect(CSVCell.text(text).hasPrefix("'") || CSVCell.text(text).hasPrefix("\"'"))
        }
        #expect(CSVCell.text("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
    }

    @Test func ordinaryText_isUnchanged_andQuotedOnlyWhenNeeded() {
        #expect(CSVCell.text("Ward A") == "Ward A")
        #expect(CSVCell.text("Smith, J") == "\"Smith, J\"")
    }

    @Test func numbersAreNeverAltered() {
        #expect(CSVCell.number(-3) == "-3")
        #expect(CSVCell.number(0.125) == "0.125")
        #expect(CSVCell.number(1234) == "1234")
    }
}
