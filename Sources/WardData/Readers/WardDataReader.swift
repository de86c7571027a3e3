/// Reads a ward data file in any of the four formats of DESIGN.md §3 into a validated
/// `WardDataset`, or rejects it with every problem found.
public enum WardDataReader {
    /// Reads the file at `path`.
    public static func read(path: String, options: ReadOptions = ReadOptions()) throws(InputRejected) -> WardDataset {
        let file: InputFile
        do { file = try InputFile(path: path) } catch { throw InputRejected(issues: [error]) }
        return try read(file, options: options)
    }

    /// Reads an input file already in memory or mapped.
    ///
    /// A column whose values are NHS numbers (`NHSNumber`) refuses the file in place of
    /// anything else its rows would have said, or — with `--allow-identifiers` — the file
    /// is read again without it, so no value of it is kept or shown.
    public static func read(_ file: InputFile, options: ReadOptions = ReadOptions()) throws(InputRejected) -> WardDataset {
        var options = options
        while true {
            switch try readOnce(file, options: options) {
            case .read(let dataset): return dataset
            case .identifierColumns(let names): options.identifiersFoundByValue.formUnion(names)
            }
        }
    }

    private enum Attempt {
        case read(WardDataset)
        /// Columns found to hold NHS numbers (with `--allow-identifiers`): read again without them.
        case identifierColumns(Set<String>)
    }

    private static func readOnce(_ file: InputFile, options: ReadOptions) throws(InputRejected) -> Attempt {
        let prepared = try InputPreparation.prepare(file, options: options)
        var issues = IssueCollector(file: file.name, lenient: options.lenient, maxReported: options.maxReportedErrors)
        issues.notes = prepared.notes
        issues.grouper.sheet = prepared.sheet
        let attempt = try prepared.file.withBytes { bytes throws(InputRejected) -> Attempt in
            var scanner = CSVScanner(bytes: bytes, limits: options.limits)
            scanner.isKnownClean = prepared.isClean
            guard scanner.nextRecord() else {
                issues.error("the file is empty", hint: "expected a header row such as trust,ward,measure,week_start,count")
                try issues.throwIfErrors()
                fatalError("unreachable")
            }
            var header = try readHeader(&scanner, issues: &issues, options: options)
            header.markIdentifiers(options.identifiersFoundByValue)
            issues.grouper.letters = IssueGrouper.letters(for: header.names, firstColumn: prepared.firstColumn)
            let format = options.format == .auto ? detectFormat(header) : options.format
            let parser = RowParser(scanner: scanner, header: header, issues: issues)
            var dataset: WardDataset
            do throws(InputRejected) {
                switch format {
                case .long, .auto: dataset = try LongReader.read(parser, options: options)
                case .wide: dataset = try WideReader.read(parser, options: options)
                case .events: dataset = try EventReader.read(parser, options: options)
                case .mhsds: dataset = try MHSDSReader.read(parser, options: options)
                }
            } catch {
                if let found = try identifierColumns(parser, options: options) { return found }
                throw error
            }
            if let found = try identifierColumns(parser, options: options) { return found }
            if dataset.readerNotes.isEmpty { dataset.readerNotes = parser.issues.notes }
            dataset.columnLetters = issues.grouper.letters
            dataset.sheet = prepared.sheet
            return .read(dataset)
        }
        guard case .read(var dataset) = attempt else { return attempt }
        dataset.file = file.name
        return .read(dataset)
    }

    /// Columns whose values are NHS numbers: the file is refused (naming them, quoting no
    /// value), or with `--allow-identifiers` they are returned to be skipped on a second read.
    private static func identifierColumns(_ parser: RowParser, options: ReadOptions) throws(InputRejected) -> Attempt? {
        guard let rejection = parser.identifierRejection() else { return nil }
        guard options.allowIdentifiers else { throw rejection }
        return .identifierColumns(parser.identifierColumnNames)
    }

    /// The format a header implies (DESIGN.md §3.1): a `RestrictiveIntIncID` column → MHSDS;
    /// `measure` with `count` or `value` → long; `measure` with a date and neither → events;
    /// no `measure` → wide.
    public static func detectFormat(_ header: Header) -> InputFormat {
        let names = Set(header.folded)
        if names.contains("restrictiveintincid") { return .mhsds }
        let hasMeasure = names.contains { ColumnNames.measure.contains($0) }
        let hasNumber = names.contains { ColumnNames.count.contains($0) || ColumnNames.value.contains($0) }
        if hasMeasure { return hasNumber ? .long : .events }
        return .wide
    }

    private static func readHeader(_ scanner: inout CSVScanner, issues: inout IssueCollector,
                                   options: ReadOptions) throws(InputRejected) -> Header {
        if let problem = scanner.recordProblem {
            switch problem {
            case .nulByte, .invalidUTF8:
                issues.error(line: 1, "the header is not UTF-8 text",
                             hint: "the file looks binary or uses another encoding; save it as CSV UTF-8")
            case .tooManyFields(let limit):
                issues.error(line: 1, "the header has more than \(limit) columns", hint: "raise the limit with --max-columns")
            case .fieldTooLong(_, let bytes):
                issues.error(line: 1, "a header name is \(bytes) bytes long", hint: "check the file is a ward data CSV")
            case .unterminatedQuote, .textAfterClosingQuote:
                issues.error(line: 1, "the header has a broken quoted name", hint: "check the quotes in the first line")
            }
            try issues.throwIfErrors()
        }
        let header = Header(names: scanner.fields.map { scanner.string($0) })
        var seen: [String: Int] = [:]
        for (index, folded) in header.folded.enumerated() {
            if folded.isEmpty {
                issues.error(line: 1, "column \(index + 1) has no name", hint: "give every column a name in the header row")
            } else if let earlier = seen[folded] {
                issues.error(line: 1, column: header.names[index],
                             "column \(index + 1) has the same name as column \(earlier + 1)",
                             hint: "rename or remove one of them")
            } else {
                seen[folded] = index
            }
        }
        refuseIdentifiers(header, issues: &issues, options: options)
        try issues.throwIfErrors()
        return header
    }

    /// Patient-identifier columns are errors at line 1 unless `--allow-identifiers`; the
    /// message names the column, never a value.
    static func refuseIdentifiers(_ header: Header, issues: inout IssueCollector, options: ReadOptions) {
        guard !options.allowIdentifiers else { return }
        for index in header.identifierColumns.sorted() {
            issues.error(line: 1, column: header.names[index],
                         "this column looks like a patient identifier; WardSPC does not read person-level data",
                         hint: "remove the column, or pass --allow-identifiers to read the file without it: its values are never read or shown")
        }
    }
}
