/// The header row: column names as written and folded for matching.
public struct Header: Sendable {
    /// Names as written in the file (trimmed), used in messages.
    public let names: [String]
    /// Names folded for matching: lower case, spaces and hyphens as `_`.
    public let folded: [String]

    public init(names: [String]) {
        self.names = names.map { $0.trimmingASCIISpaces() }
        self.folded = names.map(Header.fold)
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
    ]

    /// Whether a folded header names a person-level identifier: one of
    /// `patientIdentifiers`, or a usual variant of them — `Patient NHS No`, `Client ID`,
    /// `Service User Name`, `Date of Birth (DD/MM/YYYY)`, `Surname 1`, `Home Postcode`.
    /// Incident and spell IDs are not identifiers (DESIGN.md §3.4).
    public static func isPatientIdentifier(_ folded: String) -> Bool {
        if patientIdentifiers.contains(folded) { return true }
        let tokens = Set(folded.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init))
        if !tokens.isDisjoint(with: ["surname", "forename", "forenames", "firstname", "lastname", "fullname",
                                     "postcode", "dob", "mrn", "nhsnumber", "nhsno", "birthdate", "dateofbirth"]) {
            return true
        }
        if tokens.contains("birth") { return true }
        if tokens.contains("nhs") && !tokens.isDisjoint(with: ["number", "no", "num", "id"]) { return true }
        if tokens.contains("name") && !tokens.isDisjoint(with: ["first", "last", "given", "family", "full", "middle",
                                                                "patient", "client", "person", "user"]) {
            return true
        }
        let subject = !tokens.isDisjoint(with: ["patient", "client", "person"]) || folded.contains("service_user")
        return subject && !tokens.isDisjoint(with: ["id", "identifier", "number", "no", "num", "ref", "reference"])
    }

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
