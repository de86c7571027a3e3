// Each chart type through the library façade (`Analyzer.analyse`), every series of a
// dataset, under the default Anhøj rules — what `wardspc analyze --chart KIND` does after
// reading. The read is outside the measurement. run, i, mr, c, u, u′ (up), p, p′ (pp)
// on the weekly long file (count per bed day for u and p); g and t on the event-level
// file's incident intervals. 1,000 and 10,000 series each.
// Run: cd Benchmarks && swift package --disable-sandbox benchmark --target Charts
import BenchSupport
import Benchmark
import WardSPC

nonisolated(unsafe) let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal],
        timeUnits: .milliseconds,
        warmupIterations: 1,
        maxDuration: .seconds(10)
    )

    for chart in ChartKind.allCases {
        for size in BenchSize.allCases {
            Benchmark("\(chart.rawValue) chart, \(size.label) series",
                      configuration: .init(maxIterations: size.maxIterations)) { benchmark in
                let dataset = chart.needsIncidentDates
                    ? DatasetCache.shared.events(series: size.series)
                    : DatasetCache.shared.long(series: size.series)
                var settings = AnalysisSettings()
                settings.chart = chart
                benchmark.startMeasurement()
                let result = try Analyzer.analyse(dataset, settings: settings)
                benchmark.stopMeasurement()
                blackHole(result.series.count)
            }
        }
    }
}
