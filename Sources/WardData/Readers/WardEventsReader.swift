/// What a row of an events file does to a ward's chart.
public enum WardEventKind: String, Sendable, CaseIterable, Codable {
    /// A new phase starts at the first point on or after the date (an intervention).
    case phase
    /// The point of that period is excluded from estimation and the runs test.
    case exclude
    /// An annotation only.
    case note
}

/// One row of an events file: `trust, ward, date, label[, kind]`.
public struct WardEvent: Sendable, Equatable {
    /// Empty means every trust (with an empty ward: the whole programme).
    public var trust: String
    /// Empty means every ward of `trust`.
    public var ward: String
    public var date: CivilDate
    public var label: String
    public var kind: WardEventKind
    public var line: Int

    /// Whether this event applies to a ward.
    public func applies(toTrust trust: String, ward: String) -> Bool {
        (self.trust.isEmpty || self.trust == trust) && (self.ward.isEmpty || self.ward == ward)
    }
}

/// Per-ward phases, exclusions and annotations (`--events FILE`).
public struct WardEvents: Sendable, Equatable {
    public var file: String
    public var events: [WardEvent]

    public init(file: String, events: [WardEvent]) {
        self.file = file
        self.events = events
    }

    /// The events of one ward, in date order.
    public func events(trust: String, ward: String) -> [WardEvent] {
        events.filter { $0.applies(toTrust: trust, ward: ward) }.sorted { $0.date < $1.date }
    }
}

/// Reads an events file: `trust, ward, date, label[, kind]` with kind `phase` (the default
/// when the column is absent or the cell empty), `exclude` or `note`. An empty trust or
/// ward applies the row to every trust or ward. Dates follow the same rules as data files.
public enum WardEventsReader {
    public static func read(path: String, options: ReadOptions = ReadOptions()) throws(InputRejected) -> WardEvents {
        let file: InputFile
        do { file = try InputFile(path: path) } catch { throw InputRejected(issues: [error]) }
        return try read(file, options: options)
    }

    public static func read(_ file: InputFile, options: ReadOptions = ReadOptions()) throws(InputRejected) -> WardEvents {
        return try CompanionFile.read(file, options: options, what: "events",
                                      expected: "trust,ward,date,label[,kind]") { parser, options throws(InputRejected) -> WardEvents in
            let header = parser.header
            var columns = ColumnPicker(header: header, issues: parser.issues)
            let trust = columns.require(ColumnNames.trust, role: "trust")
            let ward = columns.require(ColumnNames.ward, role: "ward")
            let date = columns.require(ColumnNames.eventDate + ["week_start"], role: "date")
            let label = columns.require(["label", "event", "description"], role: "label")
            let kind = columns.optional(["kind", "type"], role: "kind")
            parser.issues = columns.issues
            try parser.issues.throwIfErrors()
            guard let trust, let ward, let date, let label else { fatalError("required columns were checked") }

            var pending: [(trust: String, ward: String, label: String, kind: WardEventKind, line: Int)] = []
            var rawDates: [RawDate] = []
            var lines: [Int32] = []
            while parser.nextRow() {
                let raw = parser.rawDate(date)
                var eventKind = WardEventKind.phase
                if let kind, !parser.isEmpty(kind) {
                    let text = parser.text(kind).lowercased()
                    guard let parsed = WardEventKind(rawValue: text) else {
                        parser.issues.row(line: parser.line, column: header.names[kind],
                                          "\"\(text.prefix(20))\" is not an event kind",
                                          hint: "use phase, exclude or note")
                        continue
                    }
                    eventKind = parsed
                }
                guard let raw else { continue }
                pending.append((parser.text(trust), parser.text(ward), parser.text(label), eventKind, parser.line))
                rawDates.append(raw)
                lines.append(Int32(clamping: parser.line))
            }
            var collected = parser.issues
            let dates = PeriodChecks.resolveDates(rawDates, lines: lines, column: header.names[date],
                                                  requested: options.dateOrder, issues: &collected)
            try collected.throwIfErrors()
            var events: [WardEvent] = []
            for (index, row) in pending.enumerated() {
                guard let day = dates?[index] else { continue }
                events.append(WardEvent(trust: row.trust, ward: row.ward, date: day, label: row.label,
                                        kind: row.kind, line: row.line))
            }
            return WardEvents(file: file.name, events: events)
        }
    }
}
