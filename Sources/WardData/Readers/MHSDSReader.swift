/// MHSDS-style restrictive-intervention extract (DESIGN.md §3.4; MHS505/MHS515 columns).
///
/// Two kinds of measure come out: `restrictive_practice` counts incidents (distinct
/// `RestrictiveIntIncID` per ward), and each intervention type counts interventions
/// (distinct incident × type) under the measure and subtype of `MHSDSReader.types`.
/// An incident or intervention on several rows is dated by its earliest row and takes its
/// other columns (kept as dimensions) from its first row.
public enum MHSDSReader {
    /// Restrictive intervention type codes → (measure, subtype).
    public static let types: [String: (measure: String, subtype: String)] = [
        "01": ("restraint", "prone"),
        "07": ("restraint", "standing"),
        "08": ("restraint", "restrictive_escort"),
        "09": ("restraint", "supine"),
        "10": ("restraint", "side"),
        "11": ("restraint", "seated"),
        "12": ("restraint", "kneeling"),
        "13": ("restraint", "other_physical"),
        "04": ("mechanical_restraint", "mechanical"),
        "05": ("seclusion", "seclusion"),
        "06": ("segregation", "segregation"),
        "14": ("rapid_tranquillisation", "injection_rt"),
        "15": ("chemical_restraint", "injection_non_rt"),
        "16": ("chemical_restraint", "oral"),
        "17": ("chemical_restraint", "other_chemical"),
    ]

    static func read(_ parser: RowParser, options: ReadOptions) throws(InputRejected) -> WardDataset {
        let header = parser.header
        var columns = ColumnPicker(header: header, issues: parser.issues)
        let trust = columns.require(["orgidprov", "org_id_prov"], role: "provider (OrgIDProv)")
        let ward = columns.require(["wardcode", "ward_code"], role: "ward (WardCode)")
        let incident = columns.require(["restrictiveintincid"], role: "incident ID (RestrictiveIntIncID)")
        let type = columns.require(["restrictiveinttype"], role: "intervention type (RestrictiveIntType)")
        let typeDate = columns.optional(["startdaterestrictiveinttype"])
        let incidentDate = columns.optional(["startdaterestrictiveint"])
        if typeDate == nil && incidentDate == nil {
            columns.issues.error(line: 1, "missing the date column",
                                 hint: "an MHSDS extract needs StartDateRestrictiveIntType or StartDateRestrictiveInt")
        }
        let dimensions = columns.remaining()
        parser.issues = columns.issues
        try parser.issues.throwIfErrors()
        guard let trust, let ward, let incident, let type else { fatalError("required columns were checked") }
        let interventionDateColumn = typeDate ?? incidentDate!
        let incidentDateColumn = incidentDate ?? typeDate!

        struct Row { var trust: Int32, ward: Int32, incident: Int32, code: String, line: Int, dimensions: [Int32] }
        var rows: [Row] = []
        var interventionDates: [RawDate] = [], incidentDates: [RawDate] = []
        var lines: [Int32] = []
        var dimensionValues = [Int32](repeating: 0, count: dimensions.count)
        while parser.nextRow() {
            let trustID = parser.name(trust), wardID = parser.name(ward), incidentID = parser.name(incident)
            let code = normalisedCode(parser.text(type))
            if parser.isEmpty(type) {
                parser.issues.row(line: parser.line, column: header.names[type], "\(header.names[type]) is empty")
            } else if types[code] == nil {
                parser.issues.row(line: parser.line, column: header.names[type],
                                  "\"\(parser.text(type).prefix(20))\" is not a known restrictive intervention type",
                                  hint: "expected one of \(types.keys.sorted().joined(separator: ", "))")
            }
            let interventionRaw = parser.rawDate(interventionDateColumn)
            let incidentRaw = incidentDateColumn == interventionDateColumn ? interventionRaw : parser.rawDate(incidentDateColumn)
            var dimensionsOK = true
            for (slot, column) in dimensions.enumerated() {
                if let id = parser.name(column, required: false) { dimensionValues[slot] = id } else { dimensionsOK = false }
            }
            guard let trustID, let wardID, let incidentID, types[code] != nil,
                  let interventionRaw, let incidentRaw, dimensionsOK else { continue }
            rows.append(Row(trust: trustID, ward: wardID, incident: incidentID, code: code, line: parser.line,
                            dimensions: dimensionValues))
            interventionDates.append(interventionRaw)
            incidentDates.append(incidentRaw)
            lines.append(Int32(clamping: parser.line))
        }
        var issues = parser.issues
        let resolvedInterventions = PeriodChecks.resolveDates(interventionDates, lines: lines,
                                                              column: header.names[interventionDateColumn],
                                                              requested: options.dateOrder, issues: &issues)
        let resolvedIncidents = incidentDateColumn == interventionDateColumn ? resolvedInterventions
            : PeriodChecks.resolveDates(incidentDates, lines: lines, column: header.names[incidentDateColumn],
                                        requested: options.dateOrder, issues: &issues)
        try issues.throwIfErrors()
        guard let resolvedInterventions, let resolvedIncidents else { fatalError("date problems were reported") }

        // Distinct incidents and distinct incident × type, each dated by its earliest row.
        struct IncidentKey: Hashable { var trust: Int32, ward: Int32, incident: Int32 }
        struct InterventionKey: Hashable { var incident: IncidentKey, code: String }
        var incidents: [IncidentKey: (date: CivilDate, row: Int)] = [:]
        var interventions: [InterventionKey: (date: CivilDate, row: Int)] = [:]
        var order: [IncidentKey] = [], interventionOrder: [InterventionKey] = []
        for (index, row) in rows.enumerated() {
            guard let interventionDay = resolvedInterventions[index], let incidentDay = resolvedIncidents[index] else { continue }
            let key = IncidentKey(trust: row.trust, ward: row.ward, incident: row.incident)
            if let seen = incidents[key] {
                if incidentDay < seen.date { incidents[key]!.date = incidentDay }
            } else {
                incidents[key] = (incidentDay, index)
                order.append(key)
            }
            let typeKey = InterventionKey(incident: key, code: row.code)
            if let seen = interventions[typeKey] {
                if interventionDay < seen.date { interventions[typeKey]!.date = interventionDay }
            } else {
                interventions[typeKey] = (interventionDay, index)
                interventionOrder.append(typeKey)
            }
        }
        var strings = parser.strings
        let restrictivePractice = strings.intern("restrictive_practice")
        let noSubtype = strings.intern("")
        var events = EventTable(dimensionCount: dimensions.count + 1)
        for key in order {
            let (date, index) = incidents[key]!
            events.append(trust: key.trust, ward: key.ward, measure: restrictivePractice, date: date,
                          dimensions: rows[index].dimensions + [noSubtype], line: rows[index].line)
        }
        for key in interventionOrder {
            let (date, index) = interventions[key]!
            let mapping = types[key.code]!
            events.append(trust: key.incident.trust, ward: key.incident.ward, measure: strings.intern(mapping.measure),
                          date: date, dimensions: rows[index].dimensions + [strings.intern(mapping.subtype)],
                          line: rows[index].line)
        }
        return try EventAggregation.dataset(events: events, strings: strings,
                                            dimensionNames: dimensions.map { header.names[$0] } + ["subtype"],
                                            format: .mhsds, options: options, issues: &issues)
    }

    /// `"1"` → `"01"`; codes are compared as two digits.
    static func normalisedCode(_ text: String) -> String {
        let trimmed = text.trimmingASCIISpaces()
        if trimmed.count == 1, trimmed.allSatisfy(\.isNumber) { return "0" + trimmed }
        return trimmed
    }
}
