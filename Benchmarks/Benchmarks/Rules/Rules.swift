// Each rule set on the same u chart (count per 1,000 bed days) of every series, through
// `Analyzer.analyse` — the chart's lines are the same in each, so differences are the
// rules (and, for mdc and ptd, the icons; for mdc, no moving-range screening).
// Run: cd Benchmarks && swift package --disable-sandbox benchmark --target Rules
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

    for rules in RuleSetKind.allCases {
        for size in BenchSize.allCases {
            Benchmark("u chart, \(rules.rawValue) rules, \(size.label) series",
                      configuration: .init(maxIterations: size.maxIterations)) { benchmark in
                let dataset = DatasetCache.shared.long(series: size.series)
                var settings = AnalysisSettings()
                settings.chart = .u
                settings.rules = rules
                benchmark.startMeasurement()
                let result = try Analyzer.analyse(dataset, settings: settings)
                benchmark.stopMeasurement()
                blackHole(result.series.count)
            }
        }
    }
}
