import Testing
@testable import WardData

@Suite("Event-level format (DESIGN §3.3)")
struct EventReaderTests {
    @Test func events_areCountedPerWeek_withZeroWeeksFilled() throws {
        let dataset = try Fixtures.read("events_two_wards")
        #expect(dataset.format == .events)
        #expect(dataset.periodKind == .week(startingOn: .monday))
        #expect(dataset.observationWindow == day("2024-01-01")...day("2024-01-29"))
        let output = SeriesBuilder.build(dataset)
        let willow = try #require(output.series(ward: "Willow", measure: "restraint"))
        #expect(willow.periodsISO == ["2024-01-01", "2024-01-08", "2024-01-15", "2024-01-22", "2024-01-29"])
        #expect(willow.values == [2, 0, 1, 0, 1])
        #expect(willow.missingPeriods.isEmpty)
    }

    @Test func events_everyWardAndMeasure_getsEveryWeekOfTheWholeWindow() throws {
        let output = SeriesBuilder.build(try Fixtures.read("events_two_wards"))
        #expect(output.series.count == 3)
        for series in output.series {
            #expect(series.periodsISO == ["2024-01-01", "2024-01-08", "2024-01-15", "2024-01-22", "2024-01-29"],
                    "\(series.ward) · \(series.measure)")
            #expect(series.missingPeriods.isEmpty)
            #expect(series.denominators.allSatisfy { $0 == nil })
        }
    }

    @Test func events_wardWithEventsOnlyInTheMiddle_getsZeroWeeksAtBothEnds() throws {
        let output = SeriesBuilder.build(try Fixtures.read("events_two_wards"))
        #expect(output.series(ward: "Rowan", measure: "restraint")?.values == [0, 0, 1, 0, 0])
        #expect(output.series(ward: "Willow", measure: "seclusion")?.values == [0, 1, 0, 0, 0])
    }

    @Test func events_weekStartOtherThanMonday_cutsWeeksOnThatDay() throws {
        let dataset = try Fixtures.read("events_two_wards", options { $0.weekStart = .sunday })
        #expect(dataset.periodKind == .week(startingOn: .sunday))
        let willow = try #require(SeriesBuilder.build(dataset).series(ward: "Willow", measure: "restraint"))
        #expect(willow.periodsISO == ["2023-12-31", "2024-01-07", "2024-01-14", "2024-01-21", "2024-01-28"])
        #expect(willow.values == [2, 0, 1, 0, 1])
    }

    @Test func events_byMonth_areCountedPerCalendarMonth() throws {
        let dataset = try Fixtures.read("events_two_wards", options { $0.period = .month })
        #expect(dataset.periodKind == .month)
        let output = SeriesBuilder.build(dataset)
        #expect(output.series(ward: "Willow", measure: "restraint")?.periodsISO == ["2024-01-01", "2024-02-01"])
        #expect(output.series(ward: "Willow", measure: "restraint")?.values == [3, 1])
        #expect(output.series(ward: "Rowan", measure: "restraint")?.values == [1, 0])
    }

    @Test func events_fromToWindow_leavesOutEventsOutside_withWarningsCountingThem() throws {
        let dataset = try Fixtures.read("events_two_wards", options {
            $0.from = day("2024-01-08")
            $0.to = day("2024-01-21")
        })
        #expect(dataset.observationWindow == day("2024-01-08")...day("2024-01-15"))
        let output = SeriesBuilder.build(dataset)
        #expect(output.series(ward: "Willow", measure: "restraint")?.values == [0, 1])
        #expect(output.series(ward: "Willow", measure: "seclusion")?.values == [1, 0])
        #expect(output.series(ward: "Rowan", measure: "restraint")?.values == [0, 1])
        #expect(dataset.warnings.count == 2)
        #expect(dataset.warnings.contains { $0.message.contains("2 incidents") && $0.message.contains("before 8 Jan 2024") })
        #expect(dataset.warnings.contains { $0.message.contains("1 incident ") && $0.message.contains("after 21 Jan 2024") })
    }

    @Test func events_fromToWindow_widerThanTheEvents_addsZeroWeeks() throws {
        let dataset = try Fixtures.read("events_two_wards", options {
            $0.from = day("2023-12-25")
            $0.to = day("2024-02-11")
        })
        let willow = try #require(SeriesBuilder.build(dataset).series(ward: "Willow", measure: "restraint"))
        #expect(willow.periodsISO.first == "2023-12-25")
        #expect(willow.periodsISO.last == "2024-02-05")
        #expect(willow.values == [0, 2, 0, 1, 0, 1, 0])
        #expect(dataset.warnings.isEmpty)
    }

    @Test func events_toBeforeFrom_isAFileLevelError() {
        let rejection = Fixtures.rejection("events_two_wards", options {
            $0.from = day("2024-01-20")
            $0.to = day("2024-01-10")
        })
        expectError(rejection, line: nil, column: nil, containing: "empty")
    }

    @Test func events_identicalRows_areTwoIncidents_notDuplicates() throws {
        let dataset = try Fixtures.read("events_identical_rows")
        #expect(dataset.warnings.isEmpty)
        #expect(dataset.events?.count == 3)
        #expect(dataset.events?.date.map(\.iso) == ["2024-01-02", "2024-01-02", "2024-01-09"])
        let series = try #require(SeriesBuilder.build(dataset).series(ward: "Willow", measure: "self_harm"))
        #expect(series.values == [2, 1])
    }

    @Test func events_dimensionColumns_areKept() throws {
        let dataset = try Fixtures.read("events_identical_rows")
        #expect(dataset.dimensionNames == ["context"])
        #expect(dataset.rows.map(\.dimensions) == [["context": "on_ward"], ["context": "on_leave"]])
        #expect(dataset.rows.map(\.value) == [2, 1])
    }

    @Test func events_ukDates_areReadDayFirst() throws {
        let dataset = try Fixtures.read("events_uk_dates")
        #expect(dataset.events?.date.map(\.iso) == ["2024-01-02", "2024-01-25"])
        #expect(SeriesBuilder.build(dataset).series(ward: "Willow", measure: "awol")?.values == [1, 0, 0, 1])
    }

    @Test func events_badDateAndEmptyMeasure_areRowErrorsWithLineAndColumn() {
        let rejection = Fixtures.rejection("events_bad_date")
        expectError(rejection, line: 3, column: "date", containing: "yesterday", "not a date")
        expectError(rejection, line: 4, column: "measure", containing: "empty")
        #expect(rejection.errors.count == 2)
    }

    @Test func events_headerOnly_isAFileLevelError() {
        let rejection = Fixtures.rejection("events_header_only")
        expectError(rejection, line: nil, column: nil, containing: "no incidents")
    }

    @Test func events_lenient_skipsBadRowsAndCountsTheRest() throws {
        let dataset = try Fixtures.read("events_bad_date", options { $0.lenient = true })
        #expect(dataset.skippedLines == [3, 4])
        #expect(dataset.events?.count == 1)
    }
}
