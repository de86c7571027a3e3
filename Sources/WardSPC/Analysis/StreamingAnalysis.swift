import SPCCore
import WardData

/// `analyze` on the streaming path: a clean long-format file grouped by series is read
/// in pieces on every core, and each series is analysed (through the batch engine) as
/// soon as its rows are complete — see `GroupedLongReader` for what qualifies. The result
/// is the same as `WardDataReader.read` then `Analyzer.analyse` (`StreamingAnalysisTests`
/// compares them); anything the fast path does not take returns `.fallback` with the
/// reason, and the caller takes the whole-file path.
///
/// Memory: the whole-file path holds every row (about 60 bytes each, plus the mapped
/// file); this one holds the batches in flight (256 series per core) and the results —
/// a summary line per series, every point's report, or every point's CSV rows (`Product`).
public enum StreamingAnalysis {
    /// What each series becomes on its reader thread.
    public enum Product: Sendable {
        /// A `SeriesSummary` (`--summary`).
        case summaries
        /// A `SeriesReport`, every point.
        case reports
        /// Every point's CSV rows (`AnalysisCSV.pointRows`), written as soon as the series
        /// is analysed, so no report outlives its batch.
        case csvPoints
    }

    public enum Output: Sendable {
        case summaries([SeriesSummary])
        case reports([SeriesReport])
        /// Each series' `AnalysisCSV.pointRows`, in file order (`AnalysisCSV.pointsOutput(rows:)`).
        case csvPoints([[UInt8]])
    }

    public enum Outcome: Sendable {
        /// Output in file order, request-level warnings, and rows read.
        case done(Output, warnings: [String], rows: Int)
        case fallback(String)
    }

    private enum Item: Sendable {
        case skipped
        case failed(AnalysisError)
        case summary(SeriesSummary)
        case report(SeriesReport)
        case csvRows([UInt8])
    }

    /// Analyses `file` as `Analyzer.analyse` would after `WardDataReader.read`. A request
    /// the data cannot support falls back (the whole-file path reports the file's problems
    /// first, then the request's); a series the chart cannot take (a p chart's count above
    /// its patients) throws the `AnalysisError` the whole-file path throws.
    public static func analyse(_ file: InputFile, options: ReadOptions, settings: AnalysisSettings,
                               product: Product, threads: Int = ParallelPieces.activeCores,
                               minimumPieceBytes: Int = ParallelPieces.minimumPieceBytes,
                               progress: (@Sendable (Int) -> Void)? = nil) throws(AnalysisError) -> Outcome {
        guard !settings.chart.needsIncidentDates, settings.subtypes.isEmpty else {
            return .fallback("g and t charts and --subtype need the whole-file reader")
        }
        guard !settings.autoChart else { return .fallback("--chart auto chooses each series' chart on the whole-file path") }
        guard let facts = GroupedLongReader.facts(of: file, options: options) else {
            return .fallback("the file is not the plain long format with ISO dates")
        }
        do {
            try Analyzer.checkRequest(file: facts.file, hasIncidentDates: false, hasDenominator: facts.hasDenominator,
                                      valueKind: facts.valueKind, settings: settings)
        } catch {
            // The whole-file path reports the file's own problems first, then this.
            return .fallback("a request the data cannot answer (\(error))")
        }
        let outcome = GroupedLongReader.read(file, options: options, threads: threads,
                                             minimumPieceBytes: minimumPieceBytes, progress: progress) { series, facts in
            process(series, facts: facts, settings: settings, product: product)
        }
        switch outcome {
        case .fallback(let reason):
            return .fallback(reason)
        case .read(let facts, let items, let rows, let wards):
            var summaries: [SeriesSummary] = []
            var reports: [SeriesReport] = []
            var csvRows: [[UInt8]] = []
            for item in items {
                switch item {
                case .skipped: continue
                case .failed(let error): throw error
                case .summary(let summary): summaries.append(summary)
                case .report(let report): reports.append(report)
                case .csvRows(let rows): csvRows.append(rows)
                }
            }
            if summaries.isEmpty && reports.isEmpty && csvRows.isEmpty {
                // Nothing matched: the whole-file path says which filter and lists the
                // values the file has (`FilterCheck`).
                return .fallback("no series matched the filters")
            }
            let warnings = settings.events?.unmatchedRows(wards: wards, dataFile: facts.file) ?? []
            let output: Output = switch product {
            case .summaries: .summaries(summaries)
            case .reports: .reports(reports)
            case .csvPoints: .csvPoints(csvRows)
            }
            return .done(output, warnings: warnings, rows: rows)
        }
    }

    /// One batch of finished series on its reader thread: filtered, prepared, analysed
    /// together, and summarised, reported or written.
    private static func process(_ series: [WardSeries], facts: GroupedLongReader.FileFacts,
                                settings: AnalysisSettings, product: Product) -> [Item] {
        let context = Analyzer.SeriesContext(file: facts.file, periodKind: facts.periodKind, valueKind: facts.valueKind)
        var items = [Item](repeating: .skipped, count: series.count)
        var prepared: [Analyzer.PreparedSeries] = []
        var positions: [Int] = []
        for (index, one) in series.enumerated() where settings.includes(one.trust, one.ward, one.measure) {
            do {
                prepared.append(try Analyzer.prepare(one, context: context, settings: settings))
                positions.append(index)
            } catch {
                items[index] = .failed(error)
            }
        }
        let analyses = Analyzer.analyse(prepared, context: context, settings: settings, threads: 1)
        for (position, index) in positions.enumerated() {
            switch product {
            case .summaries:
                items[index] = .summary(Analyzer.summary(prepared[position], analysis: analyses[position], context: context))
            case .reports:
                items[index] = .report(Analyzer.report(prepared[position], analysis: analyses[position], context: context))
            case .csvPoints:
                let report = Analyzer.report(prepared[position], analysis: analyses[position], context: context)
                items[index] = .csvRows(AnalysisCSV.pointRows(report))
            }
        }
        return items
    }
}
