import Threads
/// The batch engine: many series analysed at once, with the same results as
/// `SPCAnalysis.analyse` on each (to 1e-12 relative in the lines, exactly in every
/// signal — `BatchAnalysisTests` checks both on random series).
///
/// What is batched: for the pooled charts (c, u, u′, p, p′) under a plan that is the same
/// for every series (phases, a baseline and exclusions by date), the series are put on one
/// grid (`SeriesMatrix`) and every series' baseline sums for every phase come from one
/// `cblas_dgemm` (`WindowSums`); each point's limits then use the chart's own per-point
/// formula, and the rules, warnings and icons run through the single-series code
/// (`SPCAnalysis.finish`), so the two paths cannot drift apart. Other charts (run, i, mr,
/// g, t, whose centres are medians or moving-range means) and per-series baselines
/// (`baselinePoints`) go through `SPCAnalysis.analyse` series by series.
///
/// Work is split into blocks of series spread over the cores; results come back in input
/// order whatever the number of threads. OpenBLAS is kept to one thread
/// (`BLAS.useSingleThread`), since the engine threads over series itself.
public enum BatchAnalysis {
    /// Series per block: a block's matrices (3 × 1,024 × 156 doubles ≈ 3.8 MB) stay in cache-sized pieces.
    public static let blockSize = 1024

    /// Analyses every series under one configuration, in parallel over `threads` threads
    /// (default: one per active core).
    public static func analyse(_ series: [Series], configuration: AnalysisConfiguration,
                               threads: Int? = nil) -> [SeriesAnalysis] {
        BLAS.useSingleThread()
        return ParallelBlocks.map(count: series.count, blockSize: blockSize, threads: threads) { range in
            analyseBlock(Array(series[range]), configuration: configuration)
        }
    }

    /// One block on the calling thread.
    public static func analyseBlock(_ series: [Series], configuration: AnalysisConfiguration) -> [SeriesAnalysis] {
        guard isBatched(configuration), !series.isEmpty, series.allSatisfy({ !$0.excluded.contains(true) }) else {
            return series.map { SPCAnalysis.analyse($0, configuration: configuration) }
        }
        let kind = configuration.chart.kind
        let ratio = kind != .c
        if ratio && series.contains(where: { $0.denominators == nil }) {
            return series.map { SPCAnalysis.analyse($0, configuration: configuration) }
        }
        let matrix = SeriesMatrix(series)
        guard let windows = PhaseWindows(plan: configuration.plan, periods: matrix.periods) else {
            return series.map { SPCAnalysis.analyse($0, configuration: configuration) }
        }
        var usable = matrix.observed
        if ratio, let denominators = matrix.denominators {
            for index in usable.indices where denominators[index] <= 0 { usable[index] = 0 }
        }
        let sums = WindowSums(matrix, usable: usable, windows: windows)
        return series.indices.map { row in
            let one = series[row]
            let layout = configuration.plan.layout(for: one)
            let columns = matrix.columns(ofSeries: row)
            func phase(_ range: Range<Int>) -> PhaseLines {
                let window = windows.windowOfColumn[Int(columns[columns.startIndex + range.lowerBound])]
                return phaseLines(one, range: range, layout: layout, options: configuration.chart,
                                  sums: (sums.numerator(series: row, window: window),
                                         sums.denominator(series: row, window: window),
                                         sums.count(series: row, window: window)))
            }
            var lines: ChartLines
            if layout.isSinglePhase {
                lines = ChartLines(phase: phase(0..<one.count), multiplier: configuration.chart.multiplier)
            } else {
                lines = ChartLines(count: one.count)
                for range in layout.phases {
                    ChartComputation.place(phase(range), at: range, into: &lines, multiplier: configuration.chart.multiplier)
                }
            }
            return SPCAnalysis.finish(one, layout: layout, lines: lines, configuration: configuration)
        }
    }

    /// Whether `configuration` takes the matrix path (else series by series).
    public static func isBatched(_ configuration: AnalysisConfiguration) -> Bool {
        guard configuration.plan.baselinePoints == nil, !configuration.chart.plotRate else { return false }
        switch configuration.chart.kind {
        case .c, .u, .up, .p, .pp: return true
        case .run, .i, .mr, .g, .t: return false
        }
    }

    /// One phase's lines from its baseline sums, through the chart's own per-point formulas.
    private static func phaseLines(_ series: Series, range: Range<Int>, layout: PhaseLayout, options: ChartOptions,
                                   sums: (numerator: Double, denominator: Double, count: Double)) -> PhaseLines {
        let counts = Array(series.numerators[range])
        switch options.kind {
        case .c:
            return CountChart.phase(values: counts.map { $0 }, centre: rMean(sum: sums.numerator, count: sums.count))
        case .u, .up, .p, .pp:
            let denominators = Array(series.denominators![range])
            let centre: Double? = sums.denominator > 0 ? sums.numerator / sums.denominator : nil
            let baseline = Array(layout.baseline[range])
            let screened = options.screenMovingRanges
            switch options.kind {
            case .u: return RateChart.u(counts: counts, exposures: denominators, centre: centre)
            case .up: return RateChart.uPrime(counts: counts, exposures: denominators, baseline: baseline,
                                              screened: screened, centre: centre)
            case .p: return ProportionChart.p(counts: counts, patients: denominators, centre: centre)
            default: return ProportionChart.pPrime(counts: counts, patients: denominators, baseline: baseline,
                                                   screened: screened, centre: centre)
            }
        default:
            preconditionFailure("\(options.kind) is not a batched chart")
        }
    }

    /// R's two-pass mean (`Descriptive.mean`) from a sum and a count: the plain mean plus
    /// the mean residual, here Σx − n·x̄ over n.
    static func rMean(sum: Double, count: Double) -> Double? {
        guard count > 0 else { return nil }
        let first = sum / count
        return first + (sum - count * first) / count
    }
}
