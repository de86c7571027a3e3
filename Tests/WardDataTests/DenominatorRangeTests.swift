import Testing
@testable import WardData

/// Issue 17: denominators of 1e-320 and 1e308 were read, giving infinite rates and a
/// "100% reduction". A ward's bed days per period lie in `DenominatorRange`.
@Suite("Denominators: 0, or from 0.01 to 10,000 a day of the period")
struct DenominatorRangeTests {
    static func longFile(_ denominator: String, period: String = "week_start", date: String = "2024-01-01") -> String {
        "trust,ward,measure,\(period),count,bed_days\nRX1,Alder,restraint,\(date),3,\(denominator)\nRX1,Alder,restraint,2024-01-08,2,140\n"
    }

    @Test(arguments: ["1e-320", "4.9e-324", "0.009", "0.000001"])
    func tinyPositiveDenominators_areRefusedAtTheirLineAndColumn(_ value: String) {
        let rejection = Fixtures.rejection(text: Self.longFile(value))
        expectError(rejection, line: 2, column: "bed_days", containing: "too small", "0.01")
    }

    @Test(arguments: ["1e308", "1.7976931348623157e308", "70000.5", "1000000"])
    func hugeDenominators_areRefusedAtTheirLineAndColumn(_ value: String) {
        let rejection = Fixtures.rejection(text: Self.longFile(value))
        expectError(rejection, line: 2, column: "bed_days", containing: "more than a ward can have in a week", "70,000")
    }

    @Test(arguments: ["0.01", "0.5", "140", "70000"])
    func denominatorsInRange_areRead(_ value: String) throws {
        let dataset = try Fixtures.read(text: Self.longFile(value))
        #expect(dataset.rows.first?.denominator == Double(value))
    }

    @Test func theCeiling_scalesWithThePeriod_aMonthHas31Days() throws {
        let monthly = Self.longFile("310000", period: "month", date: "2024-01-01")
            .replacingOccurrences(of: "2024-01-08", with: "2024-02-01")
        #expect(try Fixtures.read(text: monthly).rows.first?.denominator == 310_000)
        let tooMany = monthly.replacingOccurrences(of: ",310000", with: ",310001")
        expectError(Fixtures.rejection(text: tooMany), line: 2, column: "bed_days", containing: "in a month", "310,000")
        // The same figure for a week is refused.
        expectError(Fixtures.rejection(text: Self.longFile("310000")), line: 2, column: "bed_days", containing: "in a week")
    }

    @Test func lenient_skipsTheRow_withAWarning() throws {
        let dataset = try Fixtures.read(text: Self.longFile("1e308"), options { $0.lenient = true })
        #expect(dataset.rows.map(\.line) == [3])
        #expect(dataset.skippedLines == [2])
    }

    @Test func wideFiles_areCheckedToo() {
        let text = "trust,ward,week_start,restraint,seclusion,bed_days\nRX1,Alder,2024-01-01,3,1,1e308\n"
        expectError(Fixtures.rejection(text: text), line: 2, column: "bed_days", containing: "more than a ward can have")
    }

    @Test func exposureFiles_areCheckedToo() {
        let text = "trust,ward,week_start,ethnic_group,bed_days\nRX1,Alder,2024-01-01,A,1e-320\n"
        do {
            _ = try ExposureReader.read(InputFile(name: "exposure.csv", bytes: Array(text.utf8)))
            Issue.record("expected the exposure file to be refused")
        } catch {
            expectError(error, line: 2, column: "bed_days", containing: "too small")
        }
    }

    /// The fast path and the whole-file reader agree: the fast path hands the file over,
    /// and the whole-file reader refuses it at the row.
    @Test(arguments: ["1e-320", "1e308"])
    func theFastPath_sendsTheFileToTheWholeFileReader(_ value: String) {
        let text = Self.longFile(value)
        let outcome = GroupedLongReader.read(Fixtures.memory(text), options: ReadOptions()) { series, _ in series.map(\.ward) }
        guard case .fallback(let reason) = outcome else {
            Issue.record("the fast path read a denominator of \(value)")
            return
        }
        #expect(reason.contains("out-of-range"))
        expectError(Fixtures.rejection(text: text), line: 2, column: "bed_days", containing: "denominator")
    }
}
