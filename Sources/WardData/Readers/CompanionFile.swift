/// The start of a small file that goes with a data file (`--events`, `--exposure`): its
/// header read, identifier columns refused, and a `RowParser` ready for its rows — or
/// every problem with its place. `what` names the file in messages; `expected` is the
/// header row to suggest.
enum CompanionFile {
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
        let header = Header(names: scanner.fields.map { scanner.string($0) })
        WardDataReader.refuseIdentifiers(header, issues: &issues, options: options)
        try issues.throwIfErrors()
        return RowParser(scanner: scanner, header: header, issues: issues)
    }
}
