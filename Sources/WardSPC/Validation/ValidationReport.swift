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

    public var trusts: Int { Set(series.map(\.trust)).count }
    public var wards: Int { Set(series.map { "\($0.trust)\u{1F}\($0.ward)" }).count }
    public var measures: Int { Set(series.map(\.measure)).count }
}

extension ValidationReport.Issue {
    init(_ issue: InputIssue) {
        self.init(file: issue.file, line: issue.line, column: issue.column, message: issue.fullMessage)
    }
}
