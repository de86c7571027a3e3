import Testing
@testable import WardData

private func count(_ text: String) -> Result<Int64, NumberParser.Failure> {
    Array(text.utf8).withUnsafeBufferPointer(NumberParser.parseCount)
}

private func double(_ text: String) -> Result<Double, NumberParser.Failure> {
    Array(text.utf8).withUnsafeBufferPointer(NumberParser.parseDouble)
}

@Suite("NumberParser: counts and numbers from field bytes")
struct NumberParserTests {
    @Test(arguments: [
        ("0", 0), ("42", 42), (" 7 ", 7), ("\t12\t", 12), ("3.0", 3), ("1E+03", 1000), ("+5", 5),
        ("007", 7), ("2.50e1", 25), ("9223372036854775807", Int64.max),
    ] as [(String, Int64)])
    func count_wholeNonNegativeNumber_isAccepted(_ text: String, _ expected: Int64) {
        #expect(count(text) == .success(expected))
    }

    @Test(arguments: [
        ("", .empty), ("   ", .empty),
        ("3.5", .notWhole), ("0.1", .notWhole), ("1e-1", .notWhole),
        ("-2", .negative), ("-0.5", .negative),
        ("99999999999999999999", .beyond64Bits), ("9223372036854775808", .beyond64Bits), ("1e19", .beyond64Bits),
        ("NaN", .notFinite), ("nan", .notFinite), ("inf", .notFinite), ("-Infinity", .notFinite), ("+INF", .notFinite),
        ("twelve", .notANumber), ("1,234", .notANumber), ("12 beds", .notANumber), ("0x10", .notANumber),
        ("1e", .notANumber), (".", .notANumber), ("--1", .notANumber), ("1 000", .notANumber),
    ] as [(String, NumberParser.Failure)])
    func count_otherText_isRefusedWithTheReason(_ text: String, _ failure: NumberParser.Failure) {
        #expect(count(text) == .failure(failure))
    }

    @Test(arguments: [
        ("68.5", 68.5), ("0.05", 0.05), ("-0.5", -0.5), ("1.5e3", 1500), ("1e-3", 0.001), (" 70.25 ", 70.25),
        ("0", 0), ("+3", 3), (".5", 0.5), ("5.", 5),
    ] as [(String, Double)])
    func double_decimalText_isParsed(_ text: String, _ expected: Double) {
        #expect(double(text) == .success(expected))
    }

    /// Both the fast path and the fallback round correctly: the same Double as Swift's own parser.
    @Test(arguments: [
        "0.1", "0.3", "2.675", "4.35", "1e22", "1e23", "9007199254740993", "12345678901234567890",
        "123456789.123456789", "0.000001", "123.456e-5", "0.0000000000000000000000001", "1.7976931348623157e308",
        "5e-324", "3.14159265358979323846264338327950288",
    ])
    func double_roundsLikeSwiftsParser(_ text: String) {
        #expect(double(text) == .success(Double(text)!))
    }

    @Test(arguments: [
        ("", .empty), ("NaN", .notFinite), ("Infinity", .notFinite), ("-inf", .notFinite), ("1e400", .notFinite),
        ("abc", .notANumber), ("1,120", .notANumber), ("£12", .notANumber), ("12%", .notANumber),
    ] as [(String, NumberParser.Failure)])
    func double_otherText_isRefusedWithTheReason(_ text: String, _ failure: NumberParser.Failure) {
        #expect(double(text) == .failure(failure))
    }

    @Test func double_plainDigits_equalSwiftsOwnParse_atEveryLength() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let length = 1 + Int(random.next() % 22)
            let digits = String((0..<length).map { _ in Character(String(random.next() % 10)) })
            let padded = random.next() % 4 == 0 ? " \(digits)\t" : digits
            #expect(double(padded) == .success(Double(digits)!), "\(padded.debugDescription)")
        }
    }
}
