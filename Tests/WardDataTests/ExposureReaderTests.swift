import Testing
@testable import WardData

@Suite struct ExposureReaderTests {
    static func read(_ text: String) throws(InputRejected) -> ExposureTable {
        try ExposureReader.read(Fixtures.memory(text, name: "exposure.csv"))
    }

    @Test func readsBedDaysByWardWeekAndCategory() throws {
        let table = try Self.read("trust,ward,week_start,ethnic_group,bed_days\nT,W,2024-01-15,A,120.5\nT,W,15/01/2024,Black African,30\n")
        #expect(table.rows.count == 2)
        #expect(table.rows[0].category.code == "A" && table.rows[0].bedDays == 120.5)
        #expect(table.rows[1].category.code == "N" && table.rows[1].period == CivilDate(year: 2024, month: 1, day: 15))
    }

    @Test func everyProblem_isAnErrorAtItsPlace() {
        do {
            _ = try Self.read("""
                trust,ward,week_start,ethnic_group,bed_days
                T,W,2024-01-01,Martian,10
                T,W,2024-01-01,A,-3
                T,W,2024-13-01,A,3
                T,W,2024-01-08,A,3
                T,W,2024-01-08,a,4
                """)
            Issue.record("expected an error")
        } catch {
            let lines = error.errors.map(\.description)
            #expect(lines.count == 4)
            #expect(lines[0].hasPrefix("exposure.csv:2:ethnic_group: \"Martian\" is not an NHS ethnic category"))
            #expect(lines[1].hasPrefix("exposure.csv:3:bed_days: \"-3\" is negative"))
            #expect(lines[2].hasPrefix("exposure.csv:4:week_start:"))
            #expect(lines[3].hasPrefix("exposure.csv:6:ethnic_group: T W 8 Jan 2024 \"a\" already has bed days on line 5"))
        }
    }

    @Test func missingAndExtraColumns_areHeaderErrors() {
        do {
            _ = try Self.read("trust,ward,week_start,bed_days,notes\nT,W,2024-01-01,3,x\n")
            Issue.record("expected an error")
        } catch {
            let lines = error.errors.map(\.description)
            #expect(lines.contains { $0.hasPrefix("exposure.csv:1: missing the ethnic group column") })
            #expect(lines.contains { $0.hasPrefix("exposure.csv:1:notes: is not a column of an exposure file") })
        }
    }
}
