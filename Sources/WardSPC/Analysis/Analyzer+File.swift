import SPCCore
import WardData

extension Analyzer {
    /// A file analysed for a request: the request as resolved, the output, the warnings of
    /// the request and of reading, and the path taken.
    public struct FileAnalysis: Sendable {
        public var request: AnalysisRequest
        /// Per series, in file order: summaries, reports or CSV rows (`product`) on the
        /// streaming path; reports on the whole-file path.
        public var output: StreamingAnalysis.Output
        /// Problems of the request as a whole (a filter that matched nothing, …).
        public var warnings: [String]
        public var reading: ReadingNotes
    }

    /// Reads `file` and analyses every series the request covers. The library chooses how
    /// to read it: the streaming path when the file qualifies (`GroupedLongReader`), else
    /// the whole-file reader — the same output byte for byte.
    ///
    /// Throws `InputRejected` when the file is refused and `AnalysisError` when the data
    /// cannot answer the request (both are bad input).
    public static func analyse(file: InputFile, options: ReadOptions, choices: RequestChoices,
                               purpose: RequestPurpose, product: StreamingAnalysis.Product,
                               progress: (@Sendable (Int) -> Void)? = nil) throws -> FileAnalysis {
        var reason = "the file is not the plain long format with ISO dates"
        if let facts = GroupedLongReader.facts(of: file, options: options) {
            let request = try AnalysisRequest.resolve(choices, purpose: purpose, facts: DatasetFacts(facts))
            switch try StreamingAnalysis.analyse(file, options: options, settings: request.analysis, product: product,
                                                 progress: progress) {
            case .done(let output, let warnings, let rows):
                return FileAnalysis(request: request, output: output, warnings: warnings,
                                    reading: ReadingNotes(path: .streamed(rows: rows)))
            case .fallback(let why):
                reason = why
            }
        }
        let dataset = try WardDataReader.read(file, options: options)
        let request = try AnalysisRequest.resolve(choices, purpose: purpose, facts: DatasetFacts(dataset))
        let result = try analyse(dataset, settings: request.analysis)
        return FileAnalysis(request: request, output: .reports(result.series), warnings: result.warnings,
                            reading: ReadingNotes(path: .wholeFile(reason: reason), dataset: dataset))
    }
}
