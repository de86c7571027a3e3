/// The start of a small file that goes with a data file (`--events`, `--exposure`): its
/// header read, identifier columns refused, and a `RowParser` ready for its rows — or
/// every problem with its place. `what` names the file in messages; `expected` is the
/// header row to suggest.
enum CompanionFile {
    /// Reads `file` with `rows`, which walks the parser's rows. A column whose values are
    /// NHS numbers refuses the file in place of whatever `rows` returned or threw (no
    /// message may quote one), or with `--allow-identifiers` the file is read again
    /// without it — as `WardDataReader` does for data files.
    static func read<Result>(_ file: InputFile, options: ReadOptions, what: String, expected: String,
                             rows: (RowParser, ReadOptions) throws(InputRejected) -> Result) throws(InputRejected) -> Result {
        var options = options
        while true {
            let result = try file.withBytes { bytes throws(InputRejected) -> Result? in
                let parser = try parser(bytes, file: file.name, options: options, what: what, expected: expected)
                let result: Result
                do throws(InputRejected) {
                    result = try rows(parser, options)
                } catch {
                    if try readAgain(parser, &options) { return nil }
                    throw error
                }
                return try readAgain(parser, &options) ? nil : result
            }
            if let result { return result }
        }
    }

    /// Whether the file must be read again without the columns found to hold NHS numbers
    /// (they are added to `options`); throws the refusal without `--allow-identifiers`.
    private static func readAgain(_ parser: RowParser, _ options: inout ReadOptions) throws(InputRejected) -> Bool {
        guard let rejection = parser.identifierRejection() else { return false }
        guard options.allowIdentifiers else { throw rejection }
        options.identifiersFoundByValue.formUnion(parser.identifierColumnNames)
        return true
    }

    static func parser(_ bytes: UnsafeBufferPointer<UInt8>, file: String, options: ReadOptions,
                       what: String, expected: String) throws(InputRejected) -> RowParser {
        var issues = IssueCollector(file: file, lenient: options.lenient, maxReported: options.maxReportedErrors)
        var scanner = CSVScanner(bytes: bytes, limits: options.limits)
        guard scanner.nextRecord(), scanner.recordProblem == nil else {
            issues.error(bytes.isEmpty ? nil : 1, "the \(what) file is empty or its header cannot be read",
                         hint: "expected a header row \(expected)")
            try issues.throwIfErrors()
            fatalError("an unreadable header is always an error")
        }
        var header = Header(names: scanner.fields.map { scanner.string($0) })
        header.markIdentifiers(options.identifiersFoundByValue)
        WardDataReader.refuseIdentifiers(header, issues: &issues, options: options)
        try issues.throwIfErrors()
        return RowParser(scanner: scanner, header: header, issues: issues)
    }
}
