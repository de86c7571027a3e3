import ArgumentParser
import WardData

/// How to read the input file: shared by every command that reads ward data.
struct InputOptions: ParsableArguments {
    @Option(name: .customLong("input-format"),
            help: "Input layout: auto (detect from the header), long, wide, events or mhsds.")
    var inputFormat: InputFormat = .auto

    @Option(help: "Period length: week or month. Default: week, or month when the file has a `month` column.")
    var period: PeriodChoice?

    @Option(name: .customLong("week-start"),
            help: "Day weeks start on (monday … sunday). Event files default to monday; in long/wide files every week_start must fall on it (default: the day they fall on).")
    var weekStart: String?

    @Option(name: .customLong("date-format"),
            help: "Day/month order of slashed dates: auto (decided from the file; an undecidable file is an error), iso, dmy (UK DD/MM/YYYY) or mdy.")
    var dateFormat: DateOrder = .auto

    @Option(help: "Text encoding of a CSV file: auto (UTF-8 with or without a byte-order mark, UTF-16 with one, else Windows-1252 when no byte is UTF-8), utf-8 or windows-1252.")
    var encoding: TextEncoding = .auto

    @Option(help: "What separates a CSV file's columns: auto (found from the header row), comma, semicolon or tab.")
    var separator: Separator = .auto

    @Option(help: "The sheet of an Excel workbook (.xlsx) to read, by its name as on its tab. Default: the first sheet.")
    var sheet: String?

    @Flag(help: "Turn row errors into warnings and skip those rows (they are listed). File-level errors still stop.")
    var lenient = false

    @Option(name: .customLong("denominator-scope"),
            help: "When rows differing only by a dimension are combined: auto (a denominator repeated on every row is the ward's and counts once; otherwise rows add up), ward, or row.")
    var denominatorScope: DenominatorScope = .auto

    @Flag(name: .customLong("allow-identifiers"),
          help: "Read a file that has patient-identifier columns (NHS number, name, date of birth, postcode…); their values are skipped, never read or shown.")
    var allowIdentifiers = false

    @Option(name: .customLong("max-errors"), help: "Errors listed one by one before the rest are counted.")
    var maxErrors = 100

    @Option(name: .customLong("max-field-bytes"), help: "Longest field accepted, in bytes (1048576 = 1 MiB).")
    var maxFieldBytes = 1 << 20

    @Option(name: .customLong("max-columns"), help: "Most columns accepted in a row.")
    var maxColumns = 10_000

    @Option(name: .customLong("max-rows-per-series"),
            help: "Most rows (periods, from its first to its last, missing ones included) one trust × ward × measure series may have.")
    var maxRowsPerSeries = 100_000

    @Option(name: .customLong("max-rows"), help: "Most rows all series of the file may have together (one per series × period).")
    var maxRows = 10_000_000

    func validate() throws {
        if let weekStart, Weekday(name: weekStart) == nil {
            throw ValidationError("--week-start must be a day of the week (monday … sunday), not '\(weekStart)'")
        }
        guard maxErrors > 0, maxFieldBytes > 0, maxColumns > 0, maxRowsPerSeries > 0, maxRows > 0 else {
            throw ValidationError("--max-errors, --max-field-bytes, --max-columns, --max-rows-per-series and --max-rows must be positive")
        }
    }

    var readOptions: ReadOptions {
        var options = ReadOptions()
        options.format = inputFormat
        options.period = period
        options.weekStart = weekStart.flatMap(Weekday.init(name:))
        options.dateOrder = dateFormat
        options.lenient = lenient
        options.denominatorScope = denominatorScope
        options.allowIdentifiers = allowIdentifiers
        options.maxReportedErrors = maxErrors
        options.limits = CSVScanner.Limits(maxFieldBytes: maxFieldBytes, maxFields: maxColumns)
        options.maxRowsPerSeries = maxRowsPerSeries
        options.maxRows = maxRows
        options.encoding = encoding
        options.separator = separator
        options.sheet = sheet
        return options
    }
}

extension InputFormat: ExpressibleByArgument {}
extension PeriodChoice: ExpressibleByArgument {}
extension DateOrder: ExpressibleByArgument {}
extension DenominatorScope: ExpressibleByArgument {}
extension TextEncoding: ExpressibleByArgument {}
extension Separator: ExpressibleByArgument {}

/// The span of data looked at: for event-level input (DESIGN.md §3.3) the observation
/// window whose every period is counted (zero where there was no incident).
struct ObservedSpanOptions: ParsableArguments {
    @Option(name: .customLong("observed-from"),
            help: ArgumentHelp("Event-level files: the first day of the observation window (YYYY-MM-DD or DD/MM/YYYY). Default: the first incident.", valueName: "DATE"))
    var from: DateArgument?

    @Option(name: .customLong("observed-to"),
            help: ArgumentHelp("Event-level files: the last day of the observation window. Default: the last incident.", valueName: "DATE"))
    var to: DateArgument?

    func validate() throws {
        if let from, let to, to.date < from.date { throw ValidationError("--observed-to is before --observed-from") }
    }

    func apply(to options: inout ReadOptions) {
        options.from = from?.date
        options.to = to?.date
    }
}
