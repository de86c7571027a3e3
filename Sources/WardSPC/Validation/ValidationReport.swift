import WardData

/// The data-quality summary of one input file (`wardspc validate`, schema
/// `wardspc/validation@1`): every error and warning with its place, and one entry per
/// series with its periods, gaps and total.
public struct ValidationReport: Sendable {
    public struct Issue: Sendable, Equatable {
        public var file: String
        /// Physical line where the record starts (header = 1); `nil` for the whole file.
        public var line: Int?
        /// Header name as written; `nil` when no one column applies.
        public var column: String?
        /// What was found, what was expected and how to fix it.
        public var message: String
        /// A workbook cell (`Sheet1!C14`), when the file is a workbook.
        public var cell: String?
    }

    /// Problems of one kind in one column, every one counted: what people read.
    public struct ProblemGroup: Sendable, Equatable {
        public var severity: String
        public var count: Int
        public var column: String?
        public var columnLetter: String?
        /// One line for people: "120 dates like ‘8-Jan-24’ could not be read in column B (Week commencing), lines 2–121: …".
        public var summary: String
        /// The first lines (or sheet rows) of the group, as first–last runs.
        public var lineRuns: [ClosedRange<Int>]
        /// The group's first problem, as listed one by one.
        public var first: Issue
    }

    public struct SeriesQuality: Sendable {
        public var trust: String
        public var ward: String
        public var measure: String
        /// `"week"` or `"month"`.
        public var period: String
        /// Periods present (observed), zero-filled periods of event data included.
        public var periods: Int
        public var first: CivilDate?
        public var last: CivilDate?
        public var missingPeriods: [CivilDate]
        /// Sum of the counts (or values).
        public var totalCount: Double
        /// Periods whose count is more than 10× the series median (at least 10).
        public var implausiblePeriods: [CivilDate]
    }

    public var file: String
    public var ok: Bool { errors.isEmpty && unreportedErrors == 0 }
    public var format: InputFormat?
    public var periodKind: PeriodKind?
    public var valueKind: ValueKind?
    public var hasDenominator = false
    public var dimensionNames: [String] = []
    public var records = 0
    public var errors: [Issue] = []
    public var unreportedErrors = 0
    public var warnings: [Issue] = []
    public var unreportedWarnings = 0
    public var skippedLines: [Int] = []
    public var series: [SeriesQuality] = []
    /// Every choice the reader made (encoding, separator, sheet, columns and rows left out,
    /// totals rows skipped), for people.
    public var readerNotes: [String] = []
    /// The errors and warnings grouped by kind and column, every one counted.
    public var groups: [ProblemGroup] = []

    public var trusts: Int { Set(series.map(\.trust)).count }
    public var wards: Int { Set(series.map { "\($0.trust)\u{1F}\($0.ward)" }).count }
    public var measures: Int { Set(series.map(\.measure)).count }
}

extension ValidationReport.Issue {
    init(_ issue: InputIssue) {
        self.init(file: issue.file, line: issue.line, column: issue.column, message: issue.fullMessage)
    }
}

extension ValidationReport.ProblemGroup {
    init(_ group: IssueGroup, file: String) {
        let message = group.hint.map { "\(group.firstMessage) (\($0))" } ?? group.firstMessage
        self.init(severity: group.severity.rawValue, count: group.count, column: group.column,
                  columnLetter: group.columnLetter, summary: group.summary, lineRuns: group.lineRuns,
                  first: ValidationReport.Issue(file: file, line: group.lineRuns.first?.lowerBound, column: group.column, message: message))
    }
}

extension ValidationReport {
    /// Gives the problems of a workbook their cells (`Sheet1!C14`), from the column letters.
    mutating func placeCells(letters: [String: String], sheet: String?, groups: [IssueGroup]) {
        guard let sheet = sheet ?? groups.lazy.compactMap(\.sheet).first else { return }
        var letters = letters
        for group in groups { if let column = group.column, let letter = group.columnLetter { letters[column] = letter } }
        func place(_ issue: inout Issue) {
            guard let line = issue.line else { return }
            if let letter = issue.column.flatMap({ letters[$0] }) {
                issue.cell = "\(sheet)!\(letter)\(line)"
            } else {
                issue.cell = "\(sheet) row \(line)"
            }
        }
        for index in errors.indices { place(&errors[index]) }
        for index in self.groups.indices { place(&self.groups[index].first) }
        for index in warnings.indices { place(&warnings[index]) }
    }
}
