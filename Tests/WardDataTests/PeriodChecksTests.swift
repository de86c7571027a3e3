import Testing
@testable import WardData

@Suite("Periods in long and wide files (DESIGN §3.5)")
struct PeriodChecksTests {
    @Test func weekStart_mixedWeekdays_areRowErrorsNamingTheWeekday() {
        let rejection = Fixtures.rejection("long_mixed_weekdays")
        expectError(rejection, line: 4, column: "week_start", containing: "17 Jan 2024", "Wednesday", "Monday")
        #expect(rejection.errors.count == 1)
    }

    @Test func rowsWithRejectedPeriods_areNotAlsoReportedAsDuplicatesOfEachOther() {
        // Two Wednesday rows of one series: each is a weekday error, and nothing more.
        let text = """
            trust,ward,measure,week_start,count
            RXX,Willow,restraint,2024-01-01,3
            RXX,Willow,restraint,2024-01-08,1
            RXX,Willow,restraint,2024-01-17,2
            RXX,Willow,restraint,2024-01-24,5
            RXX,Willow,restraint,2024-01-29,4

            """
        let rejection = Fixtures.rejection(text: text)
        #expect(rejection.errors.map(\.line) == [4, 5])
        #expect(rejection.errors.allSatisfy { $0.column == "week_start" })
        #expect(!rejection.allText.contains("1970-01-01"))
        let lenient = try? Fixtures.read(text: text, options { $0.lenient = true })
        #expect(lenient?.skippedLines == [4, 5])
        #expect(lenient?.allWarningText.contains("1970-01-01") == false)
    }

    @Test func weekStart_weekdayIsTheOneTheDatesFallOn() throws {
        #expect(try Fixtures.read("long_valid").periodKind == .week(startingOn: .monday))
        #expect(try Fixtures.read("long_sunday_weeks").periodKind == .week(startingOn: .sunday))
    }

    @Test func weekStartOption_isTheWeekdayEveryDateMustFallOn() throws {
        let dataset = try Fixtures.read("long_sunday_weeks", options { $0.weekStart = .sunday })
        #expect(dataset.periodKind == .week(startingOn: .sunday))
        #expect(dataset.rows.map(\.period) == ["2023-12-31", "2024-01-07"])
        let rejection = Fixtures.rejection("long_sunday_weeks", options { $0.weekStart = .monday })
        expectError(rejection, line: 2, column: "week_start", containing: "Sunday", "--week-start")
        expectError(rejection, line: 3, column: "week_start", containing: "Sunday", "--week-start")
    }

    @Test func weekEnding_isShiftedBackSixDays() throws {
        let dataset = try Fixtures.read("long_week_ending")
        #expect(dataset.periodKind == .week(startingOn: .monday))
        #expect(dataset.rows.map(\.period) == ["2024-01-01", "2024-01-08"])
    }

    @Test func weekEnding_onAnotherWeekday_isARowErrorShowingTheWeekEndingDate() {
        let text = "trust,ward,measure,week_ending,count\nRXX,Willow,restraint,2024-01-07,1\nRXX,Willow,restraint,2024-01-14,1\nRXX,Willow,restraint,2024-01-20,1\n"
        let rejection = Fixtures.rejection(text: text)
        expectError(rejection, line: 4, column: "week_ending", containing: "week ending 20 Jan 2024")
    }

    @Test func periodMonthOption_readsDatesOnTheFirst() throws {
        let dataset = try Fixtures.read("long_monthly_dates", options { $0.period = .month })
        #expect(dataset.periodKind == .month)
        #expect(dataset.rows.map(\.period) == ["2024-01-01", "2024-02-01", "2024-03-01"])
    }

    @Test func datesOnTheFirst_withoutPeriodMonth_areNotWeeks() {
        let rejection = Fixtures.rejection("long_monthly_dates")
        #expect(rejection.errors.count == 2)
        #expect(rejection.errors.allSatisfy { $0.column == "week_start" })
    }

    @Test func monthColumn_impliesMonthly_andAcceptsYearMonth() throws {
        let dataset = try Fixtures.read("long_month_column")
        #expect(dataset.periodKind == .month)
        #expect(dataset.rows.map(\.period) == ["2024-01-01", "2024-02-01", "2024-04-01"])
    }

    @Test func monthlyDate_notOnTheFirst_isARowError() {
        let rejection = Fixtures.rejection("long_monthly_not_first")
        expectError(rejection, line: 3, column: "month", containing: "15 Feb 2024", "first day")
        #expect(rejection.errors.count == 1)
    }

    @Test func periodMonthOption_dateNotOnTheFirst_isARowError() {
        let rejection = Fixtures.rejection("long_valid", options { $0.period = .month })
        #expect(rejection.errors.map(\.line) == [3, 6])
        #expect(rejection.errors.allSatisfy { $0.column == "week_start" && $0.message.contains("first day") })
    }

    @Test func wideFormat_monthColumn_impliesMonthly() throws {
        let dataset = try Fixtures.read(text: "trust,ward,month,restraint\nRXX,Willow,2024-01,2\nRXX,Willow,2024-02,3\n")
        #expect(dataset.periodKind == .month)
        #expect(dataset.rows.map(\.period) == ["2024-01-01", "2024-02-01"])
    }
}
