import Testing
@testable import WardData

/// Issue 17: columns whose values are NHS numbers are refused whatever their name, and
/// no message ever quotes one of their values.
@Suite("NHS numbers found by their values (modulus-11 check digit)")
struct IdentifierValuesTests {
    static func check(_ text: String) -> Bool? {
        Array(text.utf8).withUnsafeBufferPointer { NHSNumber.check($0) }
    }

    // Check digits worked by hand: 943476591 → 9·10+4·9+3·8+4·7+7·6+6·5+5·4+9·3+1·2 = 299,
    // 299 mod 11 = 2, check 11 − 2 = 9. 401023213 → 4·10+0+1·8+0+2·6+3·5+2·4+1·3+3·2 = 92,
    // 92 mod 11 = 4, check 7. 999000001 → 9·10+9·9+9·8+1·2 = 245, 245 mod 11 = 3, check 8.
    @Test(arguments: ["9434765919", "943 476 5919", "943-476-5919", "4010232137", "9990000018"])
    func validNHSNumbers_passTheCheck(_ text: String) {
        #expect(Self.check(text) == true, "\(text)")
    }

    @Test(arguments: [
        "9434765918",   // wrong check digit
        "4010232138",   // wrong check digit
        "1000000010",   // 1·10 = 10, 10 mod 11 = 10, check 1: the check is 1, not 0
        "0000000000", "1111111111",  // all one digit: pass the arithmetic, never issued
    ])
    func tenDigits_failingTheCheck_areNotNHSNumbers(_ text: String) {
        #expect(Self.check(text) == false, "\(text)")
    }

    /// Check digit 10 is never issued, whatever the last digit: 000000006 → 6·2 = 12,
    /// 12 mod 11 = 1, check 11 − 1 = 10.
    @Test(arguments: ["0000000060", "0000000061", "0000000069"])
    func checkDigitTen_isNeverAnNHSNumber(_ text: String) {
        #expect(Self.check(text) == false, "\(text)")
    }

    @Test(arguments: ["943476591", "94347659190", "943 476-5919", "9434 76 5919", "94347659l9", "2024-01-01", "restraint1"])
    func otherShapes_areNotTenDigits(_ text: String) {
        #expect(Self.check(text) == nil, "\(text)")
    }

    // MARK: files

    static let values = ["9434765919", "4010232137", "9990000018"]

    static func expectNoValue(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for value in values + ["943476", "4765919", "401023", "2137"] {
            #expect(!text.contains(value), "identifier value shown: \(text)", sourceLocation: sourceLocation)
        }
    }

    /// The file of issue 17's probe: a dimension whose name says nothing, holding NHS
    /// numbers, and a duplicate row whose message would quote the dimension's value.
    static let longFile = """
        trust,ward,measure,week_start,count,ref
        RX1,Alder,restraint,2024-01-01,3,9434765919
        RX1,Alder,restraint,2024-01-01,4,9434765919
        RX1,Alder,restraint,2024-01-08,1,4010232137
        RX1,Alder,restraint,2024-01-15,2,9990000018

        """

    @Test func dimensionOfNHSNumbers_isRefused_namingTheColumn_andNoOtherMessageIsGiven() {
        let rejection = Fixtures.rejection(text: Self.longFile)
        #expect(rejection.errors.count == 1)
        expectError(rejection, line: 1, column: "ref", containing: "NHS numbers", "--allow-identifiers")
        Self.expectNoValue(rejection.allText + rejection.groupedLines.joined() + rejection.description)
    }

    @Test func lenient_doesNotLetTheValuesThroughAsWarnings() {
        let rejection = Fixtures.rejection(text: Self.longFile, options { $0.lenient = true })
        expectError(rejection, line: 1, column: "ref", containing: "NHS numbers")
        Self.expectNoValue(rejection.allText)
    }

    @Test func allowIdentifiers_readsTheFileWithoutTheColumn() throws {
        let text = Self.longFile.replacingOccurrences(of: "RX1,Alder,restraint,2024-01-01,4,9434765919\n", with: "")
        let dataset = try Fixtures.read(text: text, options { $0.allowIdentifiers = true })
        #expect(dataset.dimensionNames.isEmpty)
        #expect(dataset.rows.map(\.value) == [3, 1, 2])
        Self.expectNoValue(dataset.strings.strings.joined(separator: " ") + dataset.allWarningText)
    }

    @Test func allowIdentifiers_stillReportsTheOtherErrors_withoutTheValues() {
        let rejection = Fixtures.rejection(text: Self.longFile, options { $0.allowIdentifiers = true })
        // The duplicate is now of the same key without the column: one error at line 3.
        #expect(rejection.errors.map(\.line) == [3])
        Self.expectNoValue(rejection.allText)
    }

    @Test func wideColumnOfNHSNumbers_isNotReadAsAMeasure_butRefused() {
        let text = "trust,ward,week_start,restraint,ref\nRX1,Alder,2024-01-01,3,9434765919\nRX1,Alder,2024-01-08,1,4010232137\n"
        let rejection = Fixtures.rejection(text: text)
        expectError(rejection, line: 1, column: "ref", containing: "NHS numbers")
        Self.expectNoValue(rejection.allText)
    }

    @Test func spacedNHSNumbers_inTheWardColumn_areRefused() {
        let text = "trust,ward,measure,week_start,count\nRX1,943 476 5919,restraint,2024-01-01,3\n"
        let rejection = Fixtures.rejection(text: text)
        expectError(rejection, line: 1, column: "ward", containing: "NHS numbers")
        Self.expectNoValue(rejection.allText.replacingOccurrences(of: " ", with: ""))
    }

    @Test func tenDigitIncidentNumbers_thatMostlyFailTheCheck_areRead() throws {
        // 4010232137 passes by chance; the other three fail: not a column of NHS numbers.
        let text = """
            OrgIDProv,WardCode,RestrictiveIntIncID,RestrictiveIntType,StartDateRestrictiveIntType
            RX1,W1,4010232137,01,2024-01-02
            RX1,W1,4010232138,05,2024-01-09
            RX1,W1,4010232139,01,2024-01-16
            RX1,W1,4010232140,01,2024-01-23

            """
        let dataset = try Fixtures.read(text: text)
        #expect(dataset.format == .mhsds)
    }

    @Test func eventsFile_withALabelOfNHSNumbers_isRefused() {
        let text = "trust,ward,date,label\nRX1,Alder,2024-01-08,9434765919\n"
        do {
            _ = try WardEventsReader.read(InputFile(name: "events.csv", bytes: Array(text.utf8)))
            Issue.record("expected the events file to be refused")
        } catch {
            expectError(error, line: 1, column: "label", containing: "NHS numbers")
            Self.expectNoValue(error.allText)
        }
    }

    @Test func theFastPath_sendsAFileWithAnNHSNumberToTheWholeFileReader() {
        let text = Self.longFile.replacingOccurrences(of: "RX1,Alder,restraint,2024-01-01,4,9434765919\n", with: "")
        let outcome = GroupedLongReader.read(Fixtures.memory(text), options: ReadOptions()) { series, _ in series.map(\.ward) }
        guard case .fallback(let reason) = outcome else {
            Issue.record("the fast path read a file with NHS numbers")
            return
        }
        #expect(reason.contains("NHS number"))
        Self.expectNoValue(reason)
    }
}
