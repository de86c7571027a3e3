import Testing
@testable import WardData

@Suite("CivilDate: calendar days as integers")
struct CivilDateTests {
    @Test func dayNumbers_countFrom1970() {
        #expect(CivilDate(year: 1970, month: 1, day: 1)?.dayNumber == 0)
        #expect(CivilDate(year: 2024, month: 1, day: 1)?.dayNumber == 19_723)
        #expect(CivilDate(year: 1969, month: 12, day: 31)?.dayNumber == -1)
    }

    @Test(arguments: [(2024, 2, 29), (2000, 2, 29), (2023, 12, 31), (1, 1, 1), (9999, 12, 31)])
    func realDays_exist(_ year: Int, _ month: Int, _ day: Int) {
        #expect(CivilDate(year: year, month: month, day: day) != nil)
    }

    @Test(arguments: [(2023, 2, 29), (1900, 2, 29), (2024, 4, 31), (2024, 13, 1), (2024, 0, 10), (2024, 1, 0),
                      (2024, 1, 32), (0, 1, 1), (10000, 1, 1)])
    func impossibleDays_doNotExist(_ year: Int, _ month: Int, _ day: Int) {
        #expect(CivilDate(year: year, month: month, day: day) == nil)
    }

    @Test func components_roundTripOverTheWholeRange() {
        let first = CivilDate(year: 1, month: 1, day: 1)!.dayNumber
        let last = CivilDate(year: 9999, month: 12, day: 31)!.dayNumber
        var dayNumber = first
        while dayNumber <= last {
            let date = CivilDate(dayNumber: dayNumber)
            let (year, month, day) = date.components
            #expect(CivilDate(year: year, month: month, day: day) == date)
            dayNumber += 997
        }
    }

    @Test(arguments: [("1970-01-01", Weekday.thursday), ("1969-12-31", .wednesday), ("2024-01-01", .monday),
                      ("2000-02-29", .tuesday), ("2023-12-31", .sunday), ("0001-01-01", .monday)])
    func weekday_isTheCalendarWeekday(_ iso: String, _ weekday: Weekday) {
        #expect(day(iso).weekday == weekday)
    }

    @Test func iso_isZeroPadded() {
        #expect(CivilDate(year: 5, month: 3, day: 7)?.iso == "0005-03-07")
        #expect(day("2024-11-30").description == "2024-11-30")
    }

    @Test func addingDays_crossesMonthsAndYears() {
        #expect(day("2023-12-31").adding(days: 1) == day("2024-01-01"))
        #expect(day("2024-03-01").adding(days: -1) == day("2024-02-29"))
    }

    @Test func months_startOnTheFirst() {
        #expect(day("2024-02-29").firstOfMonth == day("2024-02-01"))
        #expect(day("2024-01-31").addingMonths(1) == day("2024-02-01"))
        #expect(day("2024-01-15").addingMonths(-1) == day("2023-12-01"))
        #expect(day("2024-01-15").addingMonths(12) == day("2025-01-01"))
        #expect(day("2024-11-15").addingMonths(14) == day("2026-01-01"))
    }

    @Test func dates_areOrdered() {
        #expect(day("2023-12-31") < day("2024-01-01"))
    }
}

@Suite("Weekday names")
struct WeekdayTests {
    @Test(arguments: [("Monday", Weekday.monday), ("mon", .monday), ("SUN", .sunday), ("thursday", .thursday), ("Sat", .saturday)])
    func fullAndThreeLetterNames_anyCase(_ name: String, _ weekday: Weekday) {
        #expect(Weekday(name: name) == weekday)
    }

    @Test func otherNames_areRefused() {
        #expect(Weekday(name: "funday") == nil)
        #expect(Weekday(name: "") == nil)
    }

    @Test func index_isMondayFirst() {
        #expect(Weekday.monday.index == 0)
        #expect(Weekday.sunday.index == 6)
        #expect(Weekday.wednesday.capitalized == "Wednesday")
    }
}

@Suite("PeriodKind: weeks and months")
struct PeriodKindTests {
    @Test func weekStart_isTheLatestStartDayOnOrBefore() {
        let monday = PeriodKind.week(startingOn: .monday), sunday = PeriodKind.week(startingOn: .sunday)
        #expect(monday.start(of: day("2024-01-17")) == day("2024-01-15"))
        #expect(monday.start(of: day("2024-01-15")) == day("2024-01-15"))
        #expect(monday.start(of: day("2024-01-14")) == day("2024-01-08"))
        #expect(sunday.start(of: day("2024-01-17")) == day("2024-01-14"))
        #expect(sunday.start(of: day("2024-01-14")) == day("2024-01-14"))
    }

    @Test func monthStart_isTheFirst() {
        #expect(PeriodKind.month.start(of: day("2024-02-29")) == day("2024-02-01"))
    }

    @Test func starts_listEveryPeriod() {
        #expect(PeriodKind.week(startingOn: .monday).starts(from: day("2024-01-01"), through: day("2024-01-22")).map(\.iso)
                == ["2024-01-01", "2024-01-08", "2024-01-15", "2024-01-22"])
        #expect(PeriodKind.month.starts(from: day("2023-11-01"), through: day("2024-02-01")).map(\.iso)
                == ["2023-11-01", "2023-12-01", "2024-01-01", "2024-02-01"])
    }

    @Test func distance_countsPeriods() {
        #expect(PeriodKind.week(startingOn: .monday).distance(from: day("2024-01-01"), to: day("2024-01-29")) == 4)
        #expect(PeriodKind.month.distance(from: day("2023-11-01"), to: day("2024-02-01")) == 3)
        #expect(PeriodKind.month.advance(day("2023-12-01"), by: 2) == day("2024-02-01"))
        #expect(PeriodKind.month.name == "month")
        #expect(PeriodKind.week(startingOn: .friday).name == "week")
    }
}
