import Testing
import WardData

/// Dates in messages as a UK reader writes them (hand-worked values).
@Suite struct CivilDateUKTextTests {
    @Test(arguments: [("2024-01-08", "8 Jan 2024"), ("2023-12-31", "31 Dec 2023"), ("2024-02-29", "29 Feb 2024"),
                      ("0001-01-01", "1 Jan 0001"), ("0999-07-04", "4 Jul 0999")])
    func ukText_isDayMonthNameYear(iso: String, uk: String) throws {
        let parts = iso.split(separator: "-").map { Int($0)! }
        let date = try #require(CivilDate(year: parts[0], month: parts[1], day: parts[2]))
        #expect(date.iso == iso)
        #expect(date.ukText == uk)
    }
}
