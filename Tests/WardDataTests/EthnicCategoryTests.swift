import Testing
@testable import WardData

/// NHS Data Dictionary ethnic categories: every code and label, their roll-up to the five
/// broad groups, the usual spellings, and what is not a category.
@Suite struct EthnicCategoryTests {
    /// Code, label, broad group — from the Data Dictionary ("Ethnic Category"), written out here.
    static let dictionary: [(String, String, String)] = [
        ("A", "White British", "White"), ("B", "White Irish", "White"), ("C", "Any other White background", "White"),
        ("D", "White and Black Caribbean", "Mixed"), ("E", "White and Black African", "Mixed"),
        ("F", "White and Asian", "Mixed"), ("G", "Any other mixed background", "Mixed"),
        ("H", "Indian", "Asian"), ("J", "Pakistani", "Asian"), ("K", "Bangladeshi", "Asian"),
        ("L", "Any other Asian background", "Asian"),
        ("M", "Caribbean", "Black"), ("N", "African", "Black"), ("P", "Any other Black background", "Black"),
        ("R", "Chinese", "Other"), ("S", "Any other ethnic group", "Other"),
    ]

    @Test(arguments: dictionary)
    func everyCodeAndLabel_rollsUpToItsBroadGroup(code: String, label: String, broad: String) {
        for text in [code, code.lowercased(), label, label.uppercased(), " \(label) "] {
            let category = EthnicCategory.parse(text)
            #expect(category?.code == code, "\(text)")
            #expect(category?.name(.broad) == broad, "\(text)")
            #expect(category?.name(.detailed) == label, "\(text)")
        }
    }

    @Test func dictionaryStyleLabels_withTheirGroupPrefix() {
        let cases: [(String, String)] = [
            ("White - British", "A"), ("White: Irish", "B"), ("White - Any other White background", "C"),
            ("Mixed - White and Black Caribbean", "D"), ("Mixed/Multiple ethnic groups: White and Black African", "E"),
            ("Mixed: White & Asian", "F"), ("Mixed - Any other mixed background", "G"),
            ("Asian or Asian British - Indian", "H"), ("Asian/Asian British: Pakistani", "J"),
            ("Asian or Asian British - Bangladeshi", "K"), ("Asian or Asian British - Any other Asian background", "L"),
            ("Black or Black British - Caribbean", "M"), ("Black/African/Caribbean/Black British: African", "N"),
            ("Black or Black British - Any other Black background", "P"), ("Other Ethnic Groups - Chinese", "R"),
            ("Other Ethnic Groups - Any other ethnic group", "S"), ("Black African", "N"), ("Black Caribbean", "M"),
            ("White other", "C"), ("Asian other", "L"), ("Arab", "S"), ("Gypsy or Irish Traveller", "C"),
            ("White: English, Welsh, Scottish, Northern Irish or British", "A"),
        ]
        for (text, code) in cases {
            #expect(EthnicCategory.parse(text)?.code == code, "\(text)")
        }
    }

    @Test func broadNamesAlone_areTheirGroup() {
        for group in BroadEthnicGroup.allCases {
            let category = EthnicCategory.parse(group.rawValue.lowercased())
            #expect(category?.broad == group)
            #expect(category?.code == nil)
            #expect(category?.name(.detailed) == group.rawValue)
        }
    }

    @Test func notStatedAndNotKnown_areUnknown() {
        for text in ["Z", "z", "Not stated", "NOT STATED", "Prefer not to say", "99", "Not known", "Unknown", ""] {
            let category = EthnicCategory.parse(text)
            #expect(category?.isUnknown == true, "\(text)")
            #expect(category?.name(.broad) == nil, "\(text)")
        }
        #expect(EthnicCategory.parse("Z") == .notStated)
        #expect(EthnicCategory.parse("99") == .notKnown)
    }

    @Test func otherValues_areNotCategories() {
        for text in ["Q", "I", "O", "T", "AA", "1", "98", "British", "Martian", "White-ish person", "Scandinavian"] {
            #expect(EthnicCategory.parse(text) == nil, "\(text)")
        }
    }

    @Test func referenceNames_resolveUnderEachGrouping() {
        #expect(EthnicCategory.group(named: "white", grouping: .broad) == "White")
        #expect(EthnicCategory.group(named: "A", grouping: .broad) == "White")
        #expect(EthnicCategory.group(named: "A", grouping: .detailed) == "White British")
        #expect(EthnicCategory.group(named: "White", grouping: .detailed) == nil)
        #expect(EthnicCategory.group(named: "Z", grouping: .broad) == nil)
    }
}
