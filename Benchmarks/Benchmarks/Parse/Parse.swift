// The validated read (`WardDataReader.read`): bytes to a checked `WardDataset`, every
// row parsed, dated and validated, as every command starts. Long-format weekly counts
// (scripts/generate_big_csv.py, 156 weeks a series) and the event-level file the g and
// t charts read, each at 1,000 and 10,000 series.
// Run: cd Benchmarks && swift package --disable-sandbox benchmark --target Parse
import BenchSupport
import Benchmark
import WardSPC

nonisolated(unsafe) let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
        timeUnits: .milliseconds,
        warmupIterations: 1,
        maxDuration: .seconds(10)
    )

    for size in BenchSize.allCases {
        Benchmark("read long, \(size.label) series × 156 weeks",
                  configuration: .init(maxIterations: size.maxIterations)) { benchmark in
            let path = BenchFiles.long(series: size.series)
            benchmark.startMeasurement()
            let dataset = try WardDataReader.read(path: path)
            benchmark.stopMeasurement()
            blackHole(dataset.records.count)
        }
    }

    for size in BenchSize.allCases {
        Benchmark("read events, \(size.label) series (~50 incidents each)",
                  configuration: .init(maxIterations: size.maxIterations)) { benchmark in
            let path = BenchFiles.events(series: size.series)
            benchmark.startMeasurement()
            let dataset = try WardDataReader.read(path: path)
            benchmark.stopMeasurement()
            blackHole(dataset.events?.date.count ?? 0)
        }
    }
}
