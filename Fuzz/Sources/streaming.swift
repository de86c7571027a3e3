import WardSPC

/// Differential: the streaming path (`StreamingAnalysis`, `StreamingEvaluation`) against
/// the whole-file path on the same bytes. Whenever the streaming path reads a file, the
/// whole-file path must read it too and give the same text; a file the whole-file reader
/// refuses must never stream. Pieces are made tiny and threads many, so piece boundaries
/// land everywhere.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Fuzz.bytes(data, size)
    var options = ReadOptions()
    options.maxRowsPerSeries = 2_000
    options.maxRows = 20_000
    var settings = AnalysisSettings()
    settings.chart = [ChartKind.u, .c, .up, .i, .run, .p][size % 6]
    settings.rules = RuleSetKind.allCases[(size / 6) % RuleSetKind.allCases.count]
    if size % 5 == 0 { settings.autoRebaseLength = 3 + size % 7 }
    let file = InputFile(name: "fuzz.csv", bytes: bytes)
    let pieceBytes = 1 + size % 97
    let streamed: StreamingAnalysis.Outcome
    do {
        streamed = try StreamingAnalysis.analyse(file, options: options, settings: settings, product: .reports,
                                                 threads: 1 + size % 4, minimumPieceBytes: pieceBytes)
    } catch {
        // A request the data cannot support: the whole-file path must refuse it too
        // (unless it refuses the file itself first).
        if let dataset = try? WardDataReader.read(file, options: options) {
            Fuzz.require((try? Analyzer.analyse(dataset, settings: settings)) == nil,
                         "the streaming path refused a request the whole-file path answers")
        }
        return 0
    }
    guard case .done(.reports(let reports), _, _) = streamed else { return 0 }
    let dataset: WardDataset
    do { dataset = try WardDataReader.read(file, options: options) } catch {
        Fuzz.require(false, "the streaming path read a file the whole-file reader refuses")
        return 0
    }
    Fuzz.require(dataset.warnings.isEmpty, "the streaming path read a file the whole-file reader warns about")
    guard let whole = try? Analyzer.analyse(dataset, settings: settings) else {
        Fuzz.require(false, "the whole-file path refused a request the streaming path answered")
        return 0
    }
    Fuzz.require(AnalysisJSON.analysis(reports).rendered(pretty: false)
                 == AnalysisJSON.analysis(whole.series).rendered(pretty: false),
                 "streaming and whole-file analyses differ")
    var evaluation = EvaluationSettings()
    evaluation.windows.baselinePeriods = 4 + size % 9
    if case .done(let streamedEvaluation, _)? = try? StreamingEvaluation.evaluate(
        file, options: options, settings: evaluation, threads: 1 + size % 3, minimumPieceBytes: pieceBytes),
       let wholeEvaluation = try? Evaluator.evaluate(dataset, settings: evaluation) {
        Fuzz.require(EvaluationJSON.document(streamedEvaluation).rendered(pretty: false)
                     == EvaluationJSON.document(wholeEvaluation).rendered(pretty: false),
                     "streaming and whole-file evaluations differ")
    }
    return 0
}
