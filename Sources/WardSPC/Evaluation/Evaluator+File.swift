import SPCCore
import WardData

extension Evaluator {
    /// A file evaluated for a request: the request as resolved, the evaluation, and what
    /// reading said.
    public struct FileEvaluation: Sendable {
        public var request: AnalysisRequest
        public var result: EvaluationResult
        public var reading: ReadingNotes
    }

    /// Reads `file` and evaluates every series the request covers, on the streaming path
    /// when the file qualifies, else the whole-file reader — the same result either way.
    ///
    /// Throws `InputRejected` when the file is refused and `AnalysisError` when the data
    /// cannot answer the request.
    public static func evaluate(file: InputFile, options: ReadOptions, choices: RequestChoices,
                                progress: (@Sendable (Int) -> Void)? = nil) throws -> FileEvaluation {
        var reason = "the file is not the plain long format with ISO dates"
        if let facts = GroupedLongReader.facts(of: file, options: options) {
            let request = try AnalysisRequest.resolve(choices, purpose: .comparison, facts: DatasetFacts(facts))
            switch try StreamingEvaluation.evaluate(file, options: options, settings: request.evaluation,
                                                    progress: progress) {
            case .done(let result, let rows):
                return FileEvaluation(request: request, result: result, reading: ReadingNotes(path: .streamed(rows: rows)))
            case .fallback(let why):
                reason = why
            }
        }
        let dataset = try WardDataReader.read(file, options: options)
        let request = try AnalysisRequest.resolve(choices, purpose: .comparison, facts: DatasetFacts(dataset))
        let result = try evaluate(dataset, settings: request.evaluation)
        return FileEvaluation(request: request, result: result,
                              reading: ReadingNotes(path: .wholeFile(reason: reason), dataset: dataset))
    }
}
