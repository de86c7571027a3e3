/// Whether a dataset's numbers are counts of incidents or other values (hours, scores).
public enum ValueKind: String, Sendable, Codable {
    /// Whole, non-negative counts (c, u, p charts and rates).
    case count
    /// Any finite number, from a `value` column (i, mr and run charts).
    case value
}

/// Everything read from one file: validated periodic records, the incidents behind
/// them when the input was event-level, and the warnings reading produced.
public struct WardDataset: Sendable {
    /// The file's name as given (used in messages).
    public var file: String
    /// The format the file was read as (never `.auto`).
    public var format: InputFormat
    public var periodKind: PeriodKind
    public var valueKind: ValueKind
    /// The file has a denominator (bed days or patients).
    public var hasDenominator: Bool
    public var denominatorScope: DenominatorScope
    /// Names of the dimension columns kept on every record, as written in the file.
    public var dimensionNames: [String]
    public var strings: StringPool
    public var records: RecordTable
    /// Incidents, for event-level and MHSDS input.
    public var events: EventTable?
    /// For event-derived data: the first and last period of the observation window.
    /// Every period in it is observed for every ward × measure (zero when no event).
    public var observationWindow: ClosedRange<CivilDate>?
    /// For event-derived data: the first and last day whose incidents were counted.
    public var eventWindow: ClosedRange<CivilDate>?
    /// Warnings (and, with `--lenient`, the rows skipped), in file order.
    public var warnings: [InputIssue]
    /// Lines skipped because of row errors (only with `--lenient`).
    public var skippedLines: [Int]
    /// Warnings found beyond the reporting limit.
    public var unreportedWarnings: Int
    /// Every choice the reader made that a person should know of: the encoding, the
    /// separator, the sheet, columns and rows left out, totals rows skipped.
    public var readerNotes: [String] = []
    /// Column letters by header name (A, B, …; a workbook's own), for grouped problems.
    public var columnLetters: [String: String] = [:]
    /// The sheet read, for a workbook.
    public var sheet: String?

    public init(file: String, format: InputFormat, periodKind: PeriodKind, valueKind: ValueKind,
                hasDenominator: Bool, denominatorScope: DenominatorScope, dimensionNames: [String],
                strings: StringPool, records: RecordTable, events: EventTable? = nil,
                observationWindow: ClosedRange<CivilDate>? = nil, eventWindow: ClosedRange<CivilDate>? = nil, warnings: [InputIssue] = [],
                skippedLines: [Int] = [], unreportedWarnings: Int = 0) {
        self.file = file
        self.format = format
        self.periodKind = periodKind
        self.valueKind = valueKind
        self.hasDenominator = hasDenominator
        self.denominatorScope = denominatorScope
        self.dimensionNames = dimensionNames
        self.strings = strings
        self.records = records
        self.events = events
        self.observationWindow = observationWindow
        self.eventWindow = eventWindow
        self.warnings = warnings
        self.skippedLines = skippedLines
        self.unreportedWarnings = unreportedWarnings
    }
}
