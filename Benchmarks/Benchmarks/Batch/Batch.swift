// The SPC engine alone, on every series of the generated files already in memory: the
// batch engine (`BatchAnalysis`: window sums in one dgemm per block, blocks over the
// cores) against the single-series path one series at a time, for the u and c charts.
// Run: cd Benchmarks && swift package --disable-sandbox benchmark --target Batch
import BenchSupport
import Benchmark
import WardSPC

/// Every series of the file as the SPC core sees it (weeks with bed days).
func spcSeries(_ dataset: WardDataset) -> [Series] {
    SeriesBuilder.build(dataset).series.map { one in
        let kept = one.periods.indices.filter { (one.denominators[$0] ?? 0) > 0 }
        return Series(periods: kept.map { one.periods[$0].dayNumber }, numerators: kept.map { one.values[$0] },
                      denominators: kept.map { one.denominators[$0]! })
    }
}

nonisolated(unsafe) let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal],
        timeUnits: .milliseconds,
        warmupIterations: 1,
        maxDuration: .seconds(10)
    )

    for size in BenchSize.allCases {
        for chart in [ChartKind.u, .c] {
            let configuration = AnalysisConfiguration.standard(chart: chart, rules: .mdc)
            Benchmark("batch engine, \(chart.rawValue) chart, \(size.label) series",
                      configuration: .init(maxIterations: size.maxIterations)) { benchmark in
                let series = spcSeries(DatasetCache.shared.long(series: size.series))
                benchmark.startMeasurement()
                let analyses = BatchAnalysis.analyse(series, configuration: configuration)
                benchmark.stopMeasurement()
                blackHole(analyses.count)
            }
            Benchmark("single-series path, \(chart.rawValue) chart, \(size.label) series",
                      configuration: .init(maxIterations: size.maxIterations)) { benchmark in
                let series = spcSeries(DatasetCache.shared.long(series: size.series))
                benchmark.startMeasurement()
                let analyses = series.map { SPCAnalysis.analyse($0, configuration: configuration) }
                benchmark.stopMeasurement()
                blackHole(analyses.count)
            }
        }
    }
}
