/// Occupied bed days per ward × period × ethnic category (`wardspc equity --exposure FILE`).
public struct ExposureTable: Sendable {
    public struct Row: Sendable, Hashable {
        public var trust: String
        public var ward: String
        /// The period's first day, as in the data file.
        public var period: CivilDate
        public var category: EthnicCategory
        public var bedDays: Double
        public var line: Int
    }

    public var file: String
    public var rows: [Row]

    public init(file: String, rows: [Row]) {
        self.file = file
        self.rows = rows
    }
}

/// Reads an exposure file: `trust, ward, week_start, ethnic_group, bed_days`, one row per
/// ward × period × ethnic category (codes or labels, as in data files). Every problem is
/// an error at its FILE:LINE:COLUMN: a missing column, a bad date or number, an ethnic
/// group that is no NHS ethnic category, the same ward × period × category twice.
public enum ExposureReader {
    public static func read(path: String, options: ReadOptions = ReadOptions()) throws(InputRejected) -> ExposureTable {
        let file: InputFile
        do { file = try InputFile(path: path) } catch { throw InputRejected(issues: [error]) }
        return try read(file, options: options)
    }

    public static func read(_ file: InputFile, options: ReadOptions = ReadOptions()) throws(InputRejected) -> ExposureTable {
        return try CompanionFile.read(file, options: options, what: "exposure",
                                      expected: "trust,ward,week_start,ethnic_group,bed_days") { parser, options throws(InputRejected) -> ExposureTable in
            let header = parser.header
            var columns = ColumnPicker(header: header, issues: parser.issues)
            let trust = columns.require(ColumnNames.trust, role: "trust")
            let ward = columns.require(ColumnNames.ward, role: "ward")
            let period = columns.periodColumn(dateAllowed: true)
            let group = columns.require(ColumnNames.ethnicGroup, role: "ethnic group")
            let bedDays = columns.require(ColumnNames.denominator, role: "bed days")
            for extra in columns.remaining() {
                columns.issues.error(line: 1, column: header.names[extra], "is not a column of an exposure file",
                                     hint: "an exposure file has trust, ward, week_start, ethnic_group, bed_days")
            }
            parser.issues = columns.issues
            try parser.issues.throwIfErrors()
            guard let trust, let ward, let period, let group, let bedDays else { fatalError("required columns were checked") }

            var pending: [(trust: String, ward: String, category: EthnicCategory, raw: String, bedDays: Double, line: Int)] = []
            var rawDates: [RawDate] = []
            var lines: [Int32] = []
            while parser.nextRow() {
                let trustName = parser.text(trust), wardName = parser.text(ward)
                if trustName.isEmpty || wardName.isEmpty {
                    parser.issues.row(line: parser.line, column: header.names[trustName.isEmpty ? trust : ward],
                                      "\(header.names[trustName.isEmpty ? trust : ward]) is empty",
                                      hint: "every row names its trust and ward")
                    continue
                }
                let raw = parser.rawDate(period.index)
                let cell = parser.text(group)
                let category = EthnicCategory.parse(cell)
                if category == nil {
                    parser.issues.row(line: parser.line, column: header.names[group],
                                      "\"\(cell.prefix(40))\" is not an NHS ethnic category",
                                      hint: EthnicCategory.hint)
                }
                let value = parser.denominator(bedDays, monthly: period.isMonthly(options), allowEmpty: false, what: "bed days")
                guard let raw, let category, let value, let days = value else { continue }
                pending.append((trustName, wardName, category, cell, days, parser.line))
                rawDates.append(raw)
                lines.append(Int32(clamping: parser.line))
            }
            var collected = parser.issues
            let dates = PeriodChecks.resolveDates(rawDates, lines: lines, column: header.names[period.index],
                                                  requested: options.dateOrder, issues: &collected)
            struct Key: Hashable { var trust: String, ward: String, period: CivilDate, value: String }
            var seen: [Key: Int] = [:]
            var rows: [ExposureTable.Row] = []
            for (index, row) in pending.enumerated() {
                // A week-ending date names the week that starts six days earlier.
                guard let date = dates?[index] else { continue }
                let day = period.isWeekEnding ? date.adding(days: -6) : date
                let key = Key(trust: row.trust, ward: row.ward, period: day, value: EthnicCategory.normalise(row.raw))
                if let earlier = seen[key] {
                    collected.row(line: row.line, column: header.names[group],
                                  "\(row.trust) \(row.ward) \(day.ukText) \"\(row.raw.prefix(40))\" already has bed days on line \(earlier)",
                                  hint: "give each ward × period × ethnic group one row")
                    continue
                }
                seen[key] = row.line
                rows.append(ExposureTable.Row(trust: row.trust, ward: row.ward, period: day, category: row.category,
                                              bedDays: row.bedDays, line: row.line))
            }
            try collected.throwIfErrors()
            return ExposureTable(file: file.name, rows: rows)
        }
    }
}
