/// The header row: column names as written and folded for matching.
public struct Header: Sendable {
    /// Names as written in the file (trimmed), used in messages.
    public let names: [String]
    /// Names folded for matching: lower case, spaces and hyphens as `_`.
    public let folded: [String]
    /// Columns that hold patient identifiers: by their name (`ColumnNames.isPatientIdentifier`)
    /// and, on a second read with `--allow-identifiers`, by their values (`NHSNumber`).
    /// Their values are never read.
    public internal(set) var identifierColumns: Set<Int>

    public init(names: [String]) {
        self.names = names.map { $0.trimmingASCIISpaces() }
        let folded = names.map(Header.fold)
        self.folded = folded
        self.identifierColumns = Set(folded.indices.filter { ColumnNames.isPatientIdentifier(folded[$0]) })
    }

    /// Adds the columns named in `folded` (found to hold identifiers by their values).
    mutating func markIdentifiers(_ foldedNames: Set<String>) {
        guard !foldedNames.isEmpty else { return }
        identifierColumns.formUnion(folded.indices.filter { foldedNames.contains(folded[$0]) })
    }

    /// Lower case, trimmed, runs of spaces, hyphens and underscores folded to one `_`.
    public static func fold(_ name: String) -> String {
        var result = ""
        var pendingSeparator = false
        for scalar in name.trimmingASCIISpaces().lowercased().unicodeScalars {
            if scalar == " " || scalar == "-" || scalar == "_" || scalar == "\t" {
                pendingSeparator = !result.isEmpty
                continue
            }
            if pendingSeparator { result.append("_"); pendingSeparator = false }
            result.unicodeScalars.append(scalar)
        }
        return result
    }

    /// The index of the first column whose folded name is one of `aliases`.
    public func index(of aliases: [String]) -> Int? {
        folded.firstIndex(where: aliases.contains)
    }
}

/// The accepted names of each column, folded (DESIGN.md §3.1).
public enum ColumnNames {
    public static let trust = ["trust", "trust_code", "trust_name"]
    public static let ward = ["ward", "ward_code", "ward_name"]
    public static let measure = ["measure"]
    /// The period's first day (weekly or monthly data).
    public static let periodStart = ["week_start", "week", "period", "week_commencing", "month"]
    public static let weekEnding = ["week_ending", "week_end"]
    /// `date` names the period only when the file also has a `count` or `value` column.
    public static let date = ["date"]
    public static let eventDate = ["date", "event_date", "incident_date"]
    public static let count = ["count"]
    public static let value = ["value"]
    public static let denominator = ["denominator", "bed_days", "occupied_bed_days", "obd"]
    /// The ethnic-group dimension (`wardspc equity`, `--exposure`).
    public static let ethnicGroup = ["ethnic_group", "ethnicity", "ethnic_category", "ethnic_category_code", "ethniccategory"]

    /// Headers of person-level identifiers, never read into a dataset nor echoed.
    public static let patientIdentifiers: Set<String> = [
        "nhs_number", "nhsnumber", "nhs_no", "nhs_num", "patient_id", "patientid", "local_patient_id",
        "localpatientid", "local_patient_identifier", "person_id", "personid", "patient_name", "name",
        "forename", "forenames", "surname", "first_name", "last_name", "given_name", "family_name",
        "full_name", "date_of_birth", "dateofbirth", "dob", "birth_date", "person_birth_date",
        "postcode", "post_code", "postcode_of_usual_address", "mrn", "hospital_number", "rio_id", "address",
        "nhs_id", "nhsid", "medical_record_number", "case_note_number",
    ]

    /// Whether a folded header names a person-level identifier (docs/input.md, "Patient
    /// identifiers"): one of `patientIdentifiers`, or a usual variant of them —
    /// `Patient NHS No`, `Client ID`, `pt_id`, `PatientNo`, `Service User Name`,
    /// `Date of Birth (DD/MM/YYYY)`, `Surname 1`, `Home Postcode` — or a column named only
    /// for the person: `patient`, `client`, `service_user`, `person`, `NHS`.
    ///
    /// The rule looks at the name's words (split at anything not a letter or digit). A
    /// word for the person (`patient`, `client`, `service user`, `person`, `pt`,
    /// `individual`) makes an identifier when it stands alone or with a word that
    /// identifies (`id`, `number`, `no`, `ref`, `code`, `name`, `initials`, …), as two
    /// words or run together (`ptid`, `clientno`); a plural (`patients_restrained`) or a
    /// word that counts or describes (`patient_days`, `client_group`) does not. `nhs`,
    /// `chi` (Scotland), `hospital`/`hosp` and `rio` make one only directly followed by a
    /// number word (`nhs_no`, `hosp_no`; `nhs_id` is listed), or `nhs` alone: `nhs_trust_code`, `hospital`
    /// and `nhs_111_calls` are not identifiers. Incident and spell IDs are not (DESIGN.md §3.4).
    public static func isPatientIdentifier(_ folded: String) -> Bool {
        if patientIdentifiers.contains(folded) { return true }
        let words = folded.replacing("service_user", with: "serviceuser")
            .split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        let set = Set(words)
        if !set.isDisjoint(with: identifyingWords) || set.contains("birth") { return true }
        if set.contains("name") && !set.isDisjoint(with: ["first", "last", "given", "family", "full", "middle",
                                                          "patient", "client", "person", "serviceuser", "user", "pt"]) {
            return true
        }
        if words.count == 1, personAlone.contains(words[0]) { return true }
        if !set.isDisjoint(with: personWords) && !set.isDisjoint(with: personIDWords) { return true }
        for (index, word) in words.enumerated() {
            if let next = words.dropFirst(index + 1).first, numberSubjects.contains(word), numberWords.contains(next) {
                return true
            }
            for subject in personWords where word.hasPrefix(subject) && personIDWords.contains(String(word.dropFirst(subject.count))) {
                return true
            }
            for subject in numberSubjects where word.hasPrefix(subject) && numberWords.contains(String(word.dropFirst(subject.count))) {
                return true
            }
        }
        return false
    }

    /// Words that name a person-level identifier wherever they appear in a column's name.
    static let identifyingWords: Set<String> = [
        "surname", "forename", "forenames", "firstname", "lastname", "fullname", "postcode", "dob", "mrn",
        "nhsnumber", "nhsno", "birthdate", "dateofbirth", "initials", "hcn",
    ]
    /// Words for the person; with a word of `personIDWords` (or alone, `personAlone`) they
    /// make an identifier.
    static let personWords: Set<String> = ["patient", "client", "serviceuser", "person", "pt", "individual"]
    static let personAlone: Set<String> = ["patient", "client", "serviceuser", "person", "individual", "nhs"]
    static let personIDWords: Set<String> = [
        "id", "identifier", "number", "no", "num", "nbr", "ref", "reference", "code", "key", "name", "initials",
    ]
    /// Words that make an identifier only when a number word follows them directly.
    static let numberSubjects: Set<String> = ["nhs", "chi", "hospital", "hosp", "rio"]
    static let numberWords: Set<String> = ["number", "no", "num", "nbr"]

    /// The measures DESIGN.md §3.1 names; in a wide file these columns are always measures.
    public static let wellKnownMeasures: Set<String> = [
        "restrictive_practice", "restraint", "prone_restraint", "seclusion", "segregation",
        "mechanical_restraint", "rapid_tranquillisation", "chemical_restraint", "self_harm", "awol",
        "sexual_safety",
    ]

    /// Columns that are always dimensions in a wide file, even when their values look numeric.
    public static let wellKnownDimensions: Set<String> = [
        "subtype", "ethnic_group", "ethnicity", "context", "perpetrator", "label", "notes", "comment",
        "ward_type", "sex", "gender", "age_group",
    ]
}

extension String {
    func trimmingASCIISpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars = scalars.dropFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
