import Testing
@testable import WardData

private func parse(_ text: String) -> RawDate? {
    Array(text.utf8).withUnsafeBufferPointer(DateParser.parse)
}

private func hasTwoDigitYear(_ text: String) -> Bool {
    Array(text.utf8).withUnsafeBufferPointer(DateParser.hasTwoDigitYear)
}

@Suite("DateParser: date fields as written")
struct DateParserTests {
    @Test(arguments: [
        ("2024-01-15", RawDate.iso(year: 2024, month: 1, day: 15)),
        (" 2024-01-15 ", .iso(year: 2024, month: 1, day: 15)),
        ("2024-01", .iso(year: 2024, month: 1, day: 1)),
        ("2024-01-15T14:22:00", .iso(year: 2024, month: 1, day: 15)),
        ("2024-01-15 14:22", .iso(year: 2024, month: 1, day: 15)),
        ("2024-01-15T14:22:00Z", .iso(year: 2024, month: 1, day: 15)),
        ("15/01/2024", .slashed(first: 15, second: 1, year: 2024)),
        ("5/2/2024", .slashed(first: 5, second: 2, year: 2024)),
        ("01/22/2024", .slashed(first: 1, second: 22, year: 2024)),
        ("15/01/2024 09:30", .slashed(first: 15, second: 1, year: 2024)),
    ])
    func acceptedForms_areParsed(_ text: String, _ expected: RawDate) {
        #expect(parse(text) == expected)
    }

    @Test(arguments: [
        "", "soon", "2024/01/15", "15-01-2024", "15/01/24", "2024-1-5", "2024-01-5", "Jan", "8-Jan", "Janvier 2024",
        "2024-01-15x", "15/01/2024 noon", "15.01.2024", "20240115",
    ])
    func otherText_isNotADate(_ text: String) {
        #expect(parse(text) == nil)
    }

    @Test func twoDigitYear_isRecognisedForTheHint() {
        #expect(hasTwoDigitYear("15/01/24"))
        #expect(!hasTwoDigitYear("15/01/2024"))
        #expect(!hasTwoDigitYear("2024-01-15"))
    }
}

@Suite("DateOrderEvidence: one day/month order per column")
struct DateOrderEvidenceTests {
    private func decide(_ dates: [RawDate], requested: DateOrder = .auto) -> Result<DateOrder, DateOrderProblem> {
        var evidence = DateOrderEvidence()
        for (index, date) in dates.enumerated() { evidence.observe(date, line: index + 2) }
        return evidence.decide(requested: requested)
    }

    @Test func onlyISODates_areISO() {
        #expect(decide([.iso(year: 2024, month: 1, day: 1)]) == .success(.iso))
    }

    @Test func aDayAbove12_decidesDayFirst() {
        #expect(decide([.slashed(first: 1, second: 2, year: 2024), .slashed(first: 15, second: 1, year: 2024)]) == .success(.dmy))
    }

    @Test func aSecondPartAbove12_decidesMonthFirst() {
        #expect(decide([.slashed(first: 1, second: 22, year: 2024)]) == .success(.mdy))
    }

    @Test func noPartAbove12_isAmbiguous() {
        #expect(decide([.slashed(first: 5, second: 2, year: 2024), .slashed(first: 12, second: 2, year: 2024)]) == .failure(.ambiguous))
    }

    @Test func bothOrders_areMixed_namingTheLines() {
        #expect(decide([.slashed(first: 15, second: 1, year: 2024), .slashed(first: 1, second: 22, year: 2024)])
                == .failure(.mixed(dayFirstLine: 2, monthFirstLine: 3)))
    }

    @Test func aRequestedOrder_isUsed() {
        #expect(decide([.slashed(first: 5, second: 2, year: 2024)], requested: .dmy) == .success(.dmy))
    }

    @Test func resolve_appliesTheOrder_andRefusesDaysThatDoNotExist() {
        #expect(DateOrderEvidence.resolve(.slashed(first: 5, second: 2, year: 2024), order: .dmy) == day("2024-02-05"))
        #expect(DateOrderEvidence.resolve(.slashed(first: 5, second: 2, year: 2024), order: .mdy) == day("2024-05-02"))
        #expect(DateOrderEvidence.resolve(.slashed(first: 31, second: 2, year: 2024), order: .dmy) == nil)
        #expect(DateOrderEvidence.resolve(.slashed(first: 5, second: 2, year: 2024), order: .iso) == nil)
        #expect(DateOrderEvidence.resolve(.iso(year: 2023, month: 2, day: 29), order: .iso) == nil)
    }
}

@Suite("Dates in files (DESIGN §3.5)")
struct DatesInFilesTests {
    @Test func isoDates_areRead() throws {
        let dataset = try Fixtures.read("long_valid")
        #expect(dataset.rows(ward: "Willow", measure: "restraint").map(\.period) == ["2024-01-01", "2024-01-08"])
    }

    @Test func ukDates_areReadDayFirst_whenADayAbove12DecidesIt() throws {
        let dataset = try Fixtures.read("long_uk_dates")
        #expect(dataset.rows.map(\.period) == ["2024-01-01", "2024-01-08", "2024-01-15", "2024-02-05"])
        #expect(dataset.warnings.isEmpty)
    }

    @Test func ambiguousUKDates_areAFileLevelError_namingTheColumnAndDateFormat() {
        let rejection = Fixtures.rejection("long_ambiguous_uk_dates")
        expectError(rejection, line: nil, column: "week_start", containing: "week_start", "--date-format")
        #expect(rejection.errors.count == 1)
    }

    @Test func ambiguousUKDates_withDateOrderDMY_areRead() throws {
        let dataset = try Fixtures.read("long_ambiguous_uk_dates", options { $0.dateOrder = .dmy })
        #expect(dataset.rows.map(\.period) == ["2024-02-05", "2024-02-12", "2024-02-05"])
    }

    @Test func dayFirstAndMonthFirstMixed_isAnError_namingBothLines() {
        let rejection = Fixtures.rejection("long_mixed_date_orders")
        expectError(rejection, line: nil, column: "week_start", containing: "line 2", "line 3")
    }

    @Test func dayThatDoesNotExist_31February_isARowError() {
        let rejection = Fixtures.rejection("long_impossible_uk_date")
        expectError(rejection, line: 3, column: "week_start", containing: "not a day")
        #expect(rejection.errors.count == 1)
    }

    @Test func isoDayThatDoesNotExist_isARowError() {
        let rejection = Fixtures.rejection("long_impossible_iso_date")
        expectError(rejection, line: 3, column: "week_start", containing: "not a day")
    }

    @Test func twoDigitYear_isRefused() {
        let rejection = Fixtures.rejection("long_two_digit_year")
        expectError(rejection, line: 3, column: "week_start", containing: "two-digit year")
    }

    @Test func slashedDates_withDateOrderISO_areRowErrors() {
        let rejection = Fixtures.rejection("long_uk_dates", options { $0.dateOrder = .iso })
        #expect(rejection.errors.map(\.line) == [2, 3, 4, 5])
        #expect(rejection.errors.allSatisfy { $0.column == "week_start" })
    }
}

@Suite("DateParser: dates with month names, as Excel shows them (issue 15)")
struct NamedDateTests {
    func parse(_ text: String) -> RawDate? { Array(text.utf8).withUnsafeBufferPointer(DateParser.parse) }

    @Test(arguments: [
        ("8-Jan-24", 2024, 1, 8, true), ("08-Jan-2024", 2024, 1, 8, false), ("8 Jan 2024", 2024, 1, 8, false),
        ("8 January 2024", 2024, 1, 8, false), ("31-dec-29", 2029, 12, 31, true), ("1-Jan-30", 1930, 1, 1, true),
        ("Jan-24", 2024, 1, 1, true), ("Jan 2024", 2024, 1, 1, false), ("January 2024", 2024, 1, 1, false),
        ("Sept 2024", 2024, 9, 1, false),
    ])
    func monthNames_areRead(text: String, year: Int, month: Int, day: Int, short: Bool) {
        #expect(parse(text) == .named(year: year, month: month, day: day, twoDigitYear: short))
    }
}

