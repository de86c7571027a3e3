import Testing
@testable import WardData

@Suite("MHSDS restrictive-intervention extract (DESIGN §3.4)")
struct MHSDSReaderTests {
    /// DESIGN §3.4's table, code → measure and subtype.
    static let designTable: [(String, String, String)] = [
        ("01", "restraint", "prone"), ("07", "restraint", "standing"), ("08", "restraint", "restrictive_escort"),
        ("09", "restraint", "supine"), ("10", "restraint", "side"), ("11", "restraint", "seated"),
        ("12", "restraint", "kneeling"), ("13", "restraint", "other_physical"),
        ("04", "mechanical_restraint", "mechanical"), ("05", "seclusion", "seclusion"), ("06", "segregation", "segregation"),
        ("14", "rapid_tranquillisation", "injection_rt"), ("15", "chemical_restraint", "injection_non_rt"),
        ("16", "chemical_restraint", "oral"), ("17", "chemical_restraint", "other_chemical"),
    ]

    @Test func typeTable_matchesTheDesign() {
        #expect(MHSDSReader.types.count == Self.designTable.count)
        for (code, measure, subtype) in Self.designTable {
            #expect(MHSDSReader.types[code]?.measure == measure, "code \(code)")
            #expect(MHSDSReader.types[code]?.subtype == subtype, "code \(code)")
        }
    }

    @Test func everyTypeCode_givesItsMeasureAndSubtype() throws {
        let dataset = try Fixtures.read("mhsds_all_types")
        #expect(dataset.format == .mhsds)
        #expect(dataset.dimensionNames.last == "subtype")
        for (code, measure, subtype) in Self.designTable {
            let matches = dataset.rows.filter { $0.measure == measure && $0.dimensions["subtype"] == subtype }
            #expect(matches.map(\.value) == [1], "code \(code)")
        }
        #expect(dataset.rows(ward: "W1", measure: "restrictive_practice").map(\.value) == [15])
    }

    @Test func incidents_areDistinctIncidentIDsPerWard() throws {
        let output = SeriesBuilder.build(try Fixtures.read("mhsds_extract"))
        #expect(output.series(ward: "W1", measure: "restrictive_practice")?.periodsISO == ["2024-01-01", "2024-01-08"])
        #expect(output.series(ward: "W1", measure: "restrictive_practice")?.values == [1, 2])
        #expect(output.series(ward: "W2", measure: "restrictive_practice")?.values == [1, 0])
    }

    @Test func interventions_areDistinctIncidentByType_underTheirMeasureAndSubtype() throws {
        let dataset = try Fixtures.read("mhsds_extract")
        let output = SeriesBuilder.build(dataset)
        #expect(output.series(ward: "W1", measure: "restraint")?.values == [1, 1])
        #expect(output.series(ward: "W1", measure: "seclusion")?.values == [1, 0])
        #expect(output.series(ward: "W1", measure: "rapid_tranquillisation")?.values == [0, 1])
        #expect(output.series(ward: "W2", measure: "seclusion")?.values == [1, 0])
        #expect(dataset.rows(ward: "W1", measure: "restraint").map { $0.dimensions["subtype"] } == ["prone", "prone"])
        #expect(dataset.rows(ward: "W1", measure: "seclusion").map { $0.dimensions["subtype"] } == ["seclusion"])
        #expect(dataset.rows(ward: "W1", measure: "rapid_tranquillisation").map { $0.dimensions["subtype"] } == ["injection_rt"])
        #expect(dataset.rows(ward: "W1", measure: "chemical_restraint").map { $0.dimensions["subtype"] } == ["oral"])
    }

    @Test func repeatedIncidentAndType_onTwoRows_countsOnce() throws {
        let dataset = try Fixtures.read("mhsds_extract")
        #expect(dataset.rows(ward: "W1", measure: "chemical_restraint").map(\.value) == [1])
        #expect(dataset.events?.count == 10)
    }

    @Test func singleDigitCode_isReadAsTwoDigits() throws {
        #expect(MHSDSReader.normalisedCode("1") == "01")
        #expect(MHSDSReader.normalisedCode(" 5 ") == "05")
        #expect(MHSDSReader.normalisedCode("14") == "14")
        // INC2 on line 4 is written "1": prone restraint in the week of 2024-01-08.
        let dataset = try Fixtures.read("mhsds_extract")
        #expect(dataset.rows(ward: "W1", measure: "restraint").map(\.period) == ["2024-01-01", "2024-01-08"])
    }

    @Test func unknownTypeCode_isARowErrorNamingTheColumn() {
        let rejection = Fixtures.rejection("mhsds_unknown_type")
        expectError(rejection, line: 3, column: "RestrictiveIntType", containing: "99", "not a known")
        expectError(rejection, line: 4, column: "RestrictiveIntType", containing: "empty")
        #expect(rejection.errors.count == 2)
    }

    @Test func unknownTypeCode_lenient_isSkipped() throws {
        let dataset = try Fixtures.read("mhsds_unknown_type", options { $0.lenient = true })
        #expect(dataset.skippedLines == [3, 4])
        #expect(dataset.rows(ward: "W1", measure: "restrictive_practice").map(\.value) == [1])
    }

    @Test func incidentOnSeveralRows_isDatedByItsEarliestRow() throws {
        let dataset = try Fixtures.read("mhsds_earliest_date")
        let output = SeriesBuilder.build(dataset)
        #expect(output.series(ward: "W1", measure: "restrictive_practice")?.values == [1, 0])
        #expect(dataset.rows(ward: "W1", measure: "restraint").map { "\($0.period) \($0.dimensions["subtype"] ?? "")" }
                == ["2024-01-01 prone", "2024-01-08 supine"])
        let proneDates = try #require(dataset.events).date.enumerated()
            .filter { dataset.strings[dataset.events!.dimensions.last![$0.offset]] == "prone" }.map(\.element.iso)
        #expect(proneDates == ["2024-01-03"])
    }

    @Test func incidentDateColumn_datesIncidents_typeDateColumn_datesInterventions() throws {
        let output = SeriesBuilder.build(try Fixtures.read("mhsds_incident_dates"))
        #expect(output.series(ward: "W1", measure: "restrictive_practice")?.values == [1, 0])
        #expect(output.series(ward: "W1", measure: "restraint")?.values == [0, 1])
        #expect(output.series(ward: "W1", measure: "seclusion")?.values == [0, 1])
    }

    @Test func missingDateColumn_isRefusedAtLine1() {
        let rejection = Fixtures.rejection(text: "OrgIDProv,WardCode,RestrictiveIntIncID,RestrictiveIntType\nRXX,W1,INC1,01\n")
        expectError(rejection, line: 1, column: nil, containing: "missing the date column")
    }
}
