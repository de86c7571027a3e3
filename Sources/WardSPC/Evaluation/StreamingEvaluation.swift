import SPCCore
import WardData

/// `evaluate` on the streaming path (see `GroupedLongReader`): each ward is evaluated on
/// the thread that read its piece of the file as soon as its rows are complete — windows,
/// exact rate ratio, verdict, centre-line change (`Evaluator.evaluateWard`) — and its
/// segmented-regression input is kept; the regressions are then solved in file order in
/// the same batches as the whole-file path, and pooled (`Evaluator.finish`). The result
/// equals `Evaluator.evaluate` after `WardDataReader.read`, and so does every output
/// written from it, byte for byte (`StreamingTests.evaluation_equalsWholeFilePath`);
/// anything the fast path does not take returns `.fallback` with the reason, and the
/// caller takes the whole-file path.
public enum StreamingEvaluation {
    public enum Outcome: Sendable {
        case done(EvaluationResult, rows: Int)
        case fallback(String)
    }

    private enum Item: Sendable {
        case skipped
        /// A process measure's series, left out (`Evaluator.isProcessMeasure`).
        case processMeasure(String)
        case ward(WardEvaluation, SegmentedRegressionQueue.Entry?)
    }

    public static func evaluate(_ file: InputFile, options: ReadOptions, settings: EvaluationSettings,
                                threads: Int = ParallelPieces.activeCores,
                                minimumPieceBytes: Int = ParallelPieces.minimumPieceBytes,
                                progress: (@Sendable (Int) -> Void)? = nil) throws(AnalysisError) -> Outcome {
        guard settings.groupBy == .trust || settings.groupBy == .measure, settings.analysis.subtypes.isEmpty else {
            return .fallback("--group-by subtype|context|ethnic_group and --subtype need the whole-file reader")
        }
        guard let facts = GroupedLongReader.facts(of: file, options: options) else {
            return .fallback("the file is not the plain long format with ISO dates")
        }
        let context = Evaluator.Context(file: facts.file, periodKind: facts.periodKind,
                                        hasDenominator: facts.hasDenominator, valueKind: facts.valueKind)
        let analysis: AnalysisSettings
        do { analysis = try Evaluator.analysisSettings(context, settings: settings) } catch {
            return .fallback("a request the data cannot answer (\(error))")
        }
        let outcome = GroupedLongReader.read(file, options: options, threads: threads,
                                             minimumPieceBytes: minimumPieceBytes, progress: progress) { series, facts in
            let context = Evaluator.Context(file: facts.file, periodKind: facts.periodKind,
                                            hasDenominator: facts.hasDenominator, valueKind: facts.valueKind)
            return series.map { one -> Item in
                guard analysis.includes(one.trust, one.ward, one.measure) else { return .skipped }
                if Evaluator.isProcessMeasure(one.measure, settings: settings) { return .processMeasure(one.measure) }
                let (ward, regression) = Evaluator.evaluateWard(one, context: context, group: nil, analysis: analysis,
                                                                settings: settings)
                return .ward(ward, regression)
            }
        }
        switch outcome {
        case .fallback(let reason):
            return .fallback(reason)
        case .read(let facts, let items, let rows, let wardNames):
            let context = Evaluator.Context(file: facts.file, periodKind: facts.periodKind,
                                            hasDenominator: facts.hasDenominator, valueKind: facts.valueKind)
            var wards: [WardEvaluation] = []
            var regressions = SegmentedRegressionQueue()
            var leftOut: [String] = []
            for item in items {
                switch item {
                case .skipped: continue
                case .processMeasure(let measure): if !leftOut.contains(measure) { leftOut.append(measure) }
                case .ward(let ward, let regression):
                    regressions.append(regression, ward: wards.count)
                    wards.append(ward)
                }
            }
            // Nothing matched: the whole-file path says which filter and lists the values.
            if wards.isEmpty { return .fallback("no series matched the filters") }
            var result = Evaluator.finish(consume wards, regressions: regressions, context: context, chart: analysis.chart,
                                          settings: settings)
            result.warnings += Evaluator.processMeasureWarnings(leftOut)
            result.warnings += settings.events?.unmatchedRows(wards: wardNames, dataFile: facts.file) ?? []
            return .done(result, rows: rows)
        }
    }
}
