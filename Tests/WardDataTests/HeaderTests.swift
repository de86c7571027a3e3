import Testing
@testable import WardData

@Suite("Header: names folded, aliases, format detection (DESIGN §3.1)")
struct HeaderTests {
    @Test(arguments: [
        ("Week Start", "week_start"), ("bed-days", "bed_days"), ("OBD", "obd"),
        ("Occupied Bed Days", "occupied_bed_days"), ("  Week   Start  ", "week_start"), ("week__start", "week_start"),
        ("Ward - Code", "ward_code"), ("\tTrust\t", "trust"), ("RestrictiveIntIncID", "restrictiveintincid"),
    ])
    func names_areFoldedCaseInsensitivelyWithSpacesAndHyphensAsUnderscore(_ name: String, _ folded: String) {
        #expect(Header.fold(name) == folded)
    }

    @Test func namesForMessages_areKeptAsWrittenButTrimmed() {
        let header = Header(names: [" Week Start ", "OBD"])
        #expect(header.names == ["Week Start", "OBD"])
        #expect(header.folded == ["week_start", "obd"])
    }

    @Test(arguments: [
        (["trust", "ward", "measure", "week_start", "count"], InputFormat.long),
        (["Trust", "Ward", "Measure", "Week Start", "Value"], .long),
        (["trust", "ward", "measure", "date"], .events),
        (["trust", "ward", "measure", "incident_date", "context"], .events),
        (["trust", "ward", "week_start", "restraint", "seclusion", "bed_days"], .wide),
        (["OrgIDProv", "WardCode", "RestrictiveIntIncID", "RestrictiveIntType", "StartDateRestrictiveIntType"], .mhsds),
        (["RestrictiveIntIncID", "measure", "count"], .mhsds),
    ])
    func format_isDetectedFromTheHeader(_ names: [String], _ format: InputFormat) {
        #expect(WardDataReader.detectFormat(Header(names: names)) == format)
    }

    @Test(arguments: ["long_header_aliases_spaced", "long_header_aliases_obd", "long_header_aliases_occupied_bed_days",
                      "long_header_date_with_count"])
    func headerAliases_areAccepted(_ fixture: String) throws {
        let dataset = try Fixtures.read(fixture)
        #expect(dataset.format == .long)
        #expect(dataset.hasDenominator)
        #expect(dataset.dimensionNames.isEmpty)
        #expect(dataset.rows == [.init(trust: "RXX", ward: "Willow", measure: "restraint", period: "2024-01-01",
                                       value: 3, denominator: 70, dimensions: [:], line: 2)])
    }

    @Test func dateColumn_withoutCountOrValue_isNotAPeriodColumn_butAnEventDate() throws {
        let dataset = try Fixtures.read("events_two_wards")
        #expect(dataset.format == .events)
    }

    @Test func longFormat_missingWardColumn_isRefusedAtLine1() {
        let rejection = Fixtures.rejection("long_missing_ward_column")
        expectError(rejection, line: 1, column: nil, containing: "missing the ward column")
    }

    @Test func longFormat_missingCountColumn_isRefusedAtLine1() {
        let rejection = Fixtures.rejection("long_missing_count_column", options { $0.format = .long })
        expectError(rejection, line: 1, column: nil, containing: "missing the count column")
    }

    @Test func missingCountColumn_detectedAutomatically_isStillRefusedAtLine1() {
        let rejection = Fixtures.rejection("long_missing_count_column")
        #expect(!rejection.errors.isEmpty)
        #expect(rejection.errors.allSatisfy { $0.line == 1 })
    }

    @Test func missingPeriodColumn_isRefusedAtLine1() {
        let rejection = Fixtures.rejection(text: "trust,ward,measure,count\nRXX,Willow,restraint,3\n")
        expectError(rejection, line: 1, column: nil, containing: "missing the period column")
    }

    @Test func twoColumnsWithTheSameFoldedName_areRefusedAtLine1() {
        let rejection = Fixtures.rejection("long_duplicate_header_names")
        expectError(rejection, line: 1, column: "week_start", containing: "same name as column 4")
    }

    @Test func twoAliasesOfOneRole_areRefusedAtLine1() {
        let rejection = Fixtures.rejection("long_two_period_columns")
        expectError(rejection, line: 1, column: "week", containing: "week_start", "week")
    }

    @Test func emptyColumnName_isRefusedAtLine1() {
        let rejection = Fixtures.rejection(text: "trust,ward,,measure,week_start,count\nRXX,Willow,x,restraint,2024-01-01,3\n")
        expectError(rejection, line: 1, column: nil, containing: "column 3 has no name")
    }

    @Test func countAndValueColumnsTogether_areRefusedAtLine1() {
        let rejection = Fixtures.rejection(text: "trust,ward,measure,week_start,count,value\nRXX,Willow,restraint,2024-01-01,3,3\n")
        expectError(rejection, line: 1, column: "count", containing: "both")
    }

    @Test func invalidUTF8InTheHeader_isRefusedAtLine1() {
        // 0x81 is undefined in Windows-1252 too, so the file is not decoded as that (issue 15).
        let bytes = Array("trust,w".utf8) + [0x81] + Array("rd,measure,week_start,count\nRXX,Willow,restraint,2024-01-01,3\n".utf8)
        let rejection = Fixtures.rejection(bytes: bytes)
        expectError(rejection, line: 1, column: nil, containing: "not UTF-8")
    }
}

@Suite("Patient identifier columns are refused and never echoed")
struct PatientIdentifierTests {
    static let fakeNHSNumbers = ["9434765919", "943 476 5919", "9434765870"]

    @Test func nhsNumberColumn_isRefusedAtLine1_withoutShowingAnyValue() {
        let rejection = Fixtures.rejection("long_with_nhs_number")
        expectError(rejection, line: 1, column: "NHS Number", containing: "patient identifier", "--allow-identifiers")
        for value in Self.fakeNHSNumbers + ["943", "5919", "4765870"] {
            #expect(!rejection.allText.contains(value), "identifier value “\(value)” shown in \(rejection.allText)")
        }
    }

    @Test func dateOfBirthColumn_isRefusedAtLine1_withoutShowingAnyValue() {
        let rejection = Fixtures.rejection("long_with_date_of_birth")
        expectError(rejection, line: 1, column: "date_of_birth", containing: "patient identifier")
        #expect(!rejection.allText.contains("1987"))
    }

    @Test func identifierColumns_withAllowIdentifiers_areReadWithoutTheirValues() throws {
        let dataset = try Fixtures.read("long_with_nhs_number", options { $0.allowIdentifiers = true })
        #expect(dataset.rows.map(\.period) == ["2024-01-01", "2024-01-08"])
        #expect(dataset.dimensionNames.isEmpty)
        #expect(!dataset.strings.strings.contains { $0.contains("943") })
        #expect(!dataset.allWarningText.contains("943"))
    }

    @Test func dateOfBirth_withAllowIdentifiers_isNotKeptAsADimension() throws {
        let dataset = try Fixtures.read("long_with_date_of_birth", options { $0.allowIdentifiers = true })
        #expect(dataset.dimensionNames.isEmpty)
        #expect(!dataset.strings.strings.contains("1987-03-14"))
    }

    @Test func numericIdentifierColumn_inAWideFile_isNeverAMeasure() throws {
        let text = "trust,ward,week_start,NHS Number,restraint\nRXX,Willow,2024-01-01,9434765919,2\n"
        expectError(Fixtures.rejection(text: text), line: 1, column: "NHS Number", containing: "patient identifier")
        let dataset = try Fixtures.read(text: text, options { $0.allowIdentifiers = true })
        #expect(dataset.rows.map(\.measure) == ["restraint"])
        #expect(!dataset.strings.strings.contains { $0.contains("943") })
    }

    @Test func localPatientIDColumn_inAnMHSDSExtract_isRefusedAtLine1() {
        let text = "OrgIDProv,WardCode,LocalPatientId,RestrictiveIntIncID,RestrictiveIntType,StartDateRestrictiveIntType\nRXX,W1,PAT0042,INC1,01,2024-01-02\n"
        let rejection = Fixtures.rejection(text: text)
        expectError(rejection, line: 1, column: "LocalPatientId", containing: "patient identifier")
        #expect(!rejection.allText.contains("PAT0042"))
    }

    @Test func rowErrors_inAFileWithAllowedIdentifiers_neverShowTheirValues() {
        let text = """
            trust,ward,NHS Number,measure,week_start,count
            RXX,Willow,9434765919,restraint,2024-01-01,-3
            RXX,Willow,9434765919,restraint,2024-01-01
            RXX,Willow,9434765919,restraint,2024-01-08,1
            RXX,Willow,9434765870,restraint,2024-01-08,2

            """
        let rejection = Fixtures.rejection(text: text, options { $0.allowIdentifiers = true })
        #expect(rejection.errors.map(\.line) == [2, 3, 5])
        #expect(!rejection.allText.contains("943"))
    }
}

@Suite("Patient identifier headers: the usual variants are detected")
struct PatientIdentifierDetectionTests {
    @Test(arguments: ["NHS Number", "NHS No.", "Patient NHS No", "nhs_num", "NHSNumber", "Patient Name", "Patient ID",
                      "Client ID", "Service User Name", "Service User ID", "Date of Birth", "Date of Birth (DD/MM/YYYY)",
                      "DOB", "Birth Date", "Surname", "Forename 1", "First Name", "Family Name", "Postcode",
                      "Home Postcode", "MRN", "RiO ID", "Local Patient ID", "Person ID", "name", "Address",
                      // Issue 17: each of these was accepted.
                      "pt_id", "patient", "client", "service_user", "nhsnum", "NHS",
                      "PtID", "PatientNo", "ClientNumber", "Service User", "ServiceUserID", "Client Ref", "Patient Code",
                      "Patient Initials", "Initials", "NHS ID", "NHSNbr", "hosp_no", "Hospital No.", "CHI Number",
                      "RiO Number", "Person", "Individual", "Patient #", "Medical Record Number"])
    func identifierHeaders_areRecognised(_ name: String) {
        #expect(ColumnNames.isPatientIdentifier(Header.fold(name)), "\(name)")
    }

    @Test(arguments: ["trust", "Trust Name", "ward_name", "Ward Code", "measure", "RestrictiveIntIncID", "Incident ID",
                      "HospProvSpellID", "subtype", "label", "count", "bed_days", "ethnic_group", "staff_id",
                      "nhs_111_calls", "context",
                      // Counts, descriptions and organisations that mention a person or the NHS.
                      "ward", "patients_restrained", "Patients", "patient_days", "client_group", "Patient Type",
                      "NHS Trust", "nhs_trust_code", "NHS Region", "hospital", "Hospital Code", "hospital_id",
                      "ptsd_admissions", "service_users_secluded", "person_hours"])
    func otherHeaders_areNot(_ name: String) {
        #expect(!ColumnNames.isPatientIdentifier(Header.fold(name)), "\(name)")
    }

    @Test func eventsFiles_refuseIdentifierColumnsToo_withoutShowingValues() throws {
        let text = "trust,ward,date,label,NHS Number\nT1,A,2024-01-08,Joined,9434765919\n"
        do {
            _ = try WardEventsReader.read(InputFile(name: "events.csv", bytes: Array(text.utf8)))
            Issue.record("expected the events file to be refused")
        } catch {
            expectError(error, line: 1, column: "NHS Number", containing: "patient identifier", "--allow-identifiers")
            #expect(!error.allText.contains("943"))
        }
        var allowed = ReadOptions()
        allowed.allowIdentifiers = true
        let events = try WardEventsReader.read(InputFile(name: "events.csv", bytes: Array(text.utf8)), options: allowed)
        #expect(events.events.map(\.label) == ["Joined"])
    }
}
