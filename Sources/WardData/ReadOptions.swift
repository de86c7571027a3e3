/// Which reader to use; `auto` detects it from the header row (DESIGN.md §3.1).
public enum InputFormat: String, Sendable, CaseIterable, Codable {
    case auto, long, wide, events, mhsds
}

/// How time is cut when reading (`--period`).
public enum PeriodChoice: String, Sendable, CaseIterable {
    case week, month
}

/// When rows that differ only by a dimension are combined, whether a repeated
/// denominator is the ward's (counted once) or each row's own (added up).
public enum DenominatorScope: String, Sendable, CaseIterable {
    /// The same value on every row is the ward's and counts once; otherwise rows add up.
    case auto
    /// Always the ward's: every row must carry the same value, counted once.
    case ward
    /// Always each row's own: added up.
    case row
}

/// Everything that changes how a file is read. Defaults follow DESIGN.md §4.0.
public struct ReadOptions: Sendable {
    public var format: InputFormat = .auto
    /// Weekly unless a `month` column or `--period month` says monthly.
    public var period: PeriodChoice?
    /// The first day of event weeks (default Monday); for long/wide files, the weekday all
    /// `week_start` dates must fall on (default: the one they fall on).
    public var weekStart: Weekday?
    public var dateOrder: DateOrder = .auto
    /// Row errors become warnings and the rows are skipped (and listed).
    public var lenient = false
    public var denominatorScope: DenominatorScope = .auto
    /// Observation window for event-level input (inclusive); defaults to the first and last event.
    public var from: CivilDate?
    public var to: CivilDate?
    /// Read files that carry person-level identifier columns (their values are dropped, never kept).
    public var allowIdentifiers = false
    /// Folded names of columns found to hold NHS numbers on a first read with
    /// `allowIdentifiers`: the second read skips them as it skips identifier names.
    var identifiersFoundByValue: Set<String> = []
    /// Most errors reported one by one before a count of the rest.
    public var maxReportedErrors = 100
    public var limits = CSVScanner.Limits()
    /// The text's encoding (`--encoding`); `auto` decides from the bytes.
    public var encoding: TextEncoding = .auto
    /// What separates fields (`--separator`); `auto` decides from the header row.
    public var separator: Separator = .auto
    /// The workbook sheet to read (`--sheet`); `nil` for the first (workbooks are not read yet).
    public var sheet: String?
    /// Most rows one trust × ward × measure series may have: periods from its first to its
    /// last, missing ones included (`--max-rows-per-series`). Two rows dated centuries
    /// apart would otherwise make a series of hundreds of thousands of periods.
    public var maxRowsPerSeries = 100_000
    /// Most rows all series of a file may have together (`--max-rows`): what building and
    /// analysing the series holds in memory, one row per series × period.
    public var maxRows = 10_000_000
    /// Most trust × ward × measure series a file may have (`wardspc serve --max-series`);
    /// no limit by default.
    public var maxSeries = Int.max

    public init() {}
}
