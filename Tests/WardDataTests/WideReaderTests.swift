import Testing
@testable import WardData

@Suite("Wide format (DESIGN §3.2)")
struct WideReaderTests {
    @Test func wideFormat_isDetected_andGivesOneSeriesPerMeasureColumn() throws {
        let dataset = try Fixtures.read("wide_valid")
        #expect(dataset.format == .wide)
        #expect(dataset.valueKind == .count)
        let series = SeriesBuilder.build(dataset).series
        #expect(series.map(\.measure) == ["restraint", "seclusion"])
    }

    @Test func wideFormat_emptyCell_isAMissingPeriodForThatMeasureOnly() throws {
        let dataset = try Fixtures.read("wide_valid")
        #expect(dataset.rows(ward: "Willow", measure: "restraint").map(\.period) == ["2024-01-01", "2024-01-08", "2024-01-15"])
        #expect(dataset.rows(ward: "Willow", measure: "seclusion").map(\.period) == ["2024-01-01", "2024-01-15"])
        let output = SeriesBuilder.build(dataset)
        #expect(output.series(ward: "Willow", measure: "seclusion")?.missingISO == ["2024-01-08"])
        #expect(output.series(ward: "Willow", measure: "seclusion")?.values == [1, 2])
        #expect(output.series(ward: "Willow", measure: "restraint")?.missingISO == [])
    }

    @Test func wideFormat_bedDays_applyToEveryMeasure() throws {
        let dataset = try Fixtures.read("wide_valid")
        #expect(dataset.hasDenominator)
        #expect(dataset.rows(ward: "Willow", measure: "restraint").map(\.denominator) == [70, 68, 71])
        #expect(dataset.rows(ward: "Willow", measure: "seclusion").map(\.denominator) == [70, 71])
        #expect(dataset.rows(ward: "Willow", measure: "seclusion").map(\.line) == [2, 4])
    }

    @Test func wideFormat_wellKnownDimensionColumn_isKeptAsADimension_evenWhenNumeric() throws {
        let dataset = try Fixtures.read("wide_custom_measure_and_dimension")
        #expect(dataset.dimensionNames == ["ethnic_group"])
        #expect(dataset.rows.map(\.measure) == ["falls", "falls"])
        #expect(dataset.rows.map(\.dimensions) == [["ethnic_group": "1"], ["ethnic_group": "2"]])
        let series = try #require(SeriesBuilder.build(dataset).series(ward: "Willow", measure: "falls"))
        #expect(series.values == [5])
        #expect(series.denominators == [70])
    }

    @Test func wideFormat_nonNumericValueInAMeasureColumn_isRefusedNamingTheColumn() {
        let rejection = Fixtures.rejection("wide_non_numeric_measure")
        expectError(rejection, line: 3, column: "seclusion", containing: "none", "not a number")
        #expect(rejection.errors.count == 1)
    }

    @Test func wideFormat_zeroBedDaysWithACount_isRefused_andAllZeroRowIsMissing() {
        let rejection = Fixtures.rejection("wide_zero_bed_days_with_count")
        expectError(rejection, line: 3, column: "bed_days", containing: "denominator is 0")
        #expect(rejection.errors.count == 1)
    }

    @Test func wideFormat_allZeroWithZeroBedDays_isReadAsMissingWithWarnings() throws {
        let text = "trust,ward,week_start,restraint,seclusion,bed_days\nRXX,Willow,2024-01-01,3,1,70\nRXX,Willow,2024-01-08,0,0,0\nRXX,Willow,2024-01-15,2,0,70\n"
        let dataset = try Fixtures.read(text: text)
        #expect(!dataset.rows.contains { $0.period == "2024-01-08" })
        #expect(dataset.warnings.contains { $0.line == 3 })
        #expect(SeriesBuilder.build(dataset).series(ward: "Willow", measure: "restraint")?.missingISO == ["2024-01-08"])
    }

    @Test func wideFormat_withoutMeasureColumns_isRefusedAtLine1() {
        let rejection = Fixtures.rejection(text: "trust,ward,week_start,notes\nRXX,Willow,2024-01-01,quiet week\n")
        expectError(rejection, line: 1, column: nil, containing: "no measure columns")
    }

    @Test func wideFormat_negativeValue_isRefusedNamingTheColumn() {
        let rejection = Fixtures.rejection(text: "trust,ward,week_start,restraint,seclusion\nRXX,Willow,2024-01-01,3,-1\n")
        expectError(rejection, line: 2, column: "seclusion", containing: "negative")
    }
}
