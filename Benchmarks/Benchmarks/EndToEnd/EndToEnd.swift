// The whole of `wardspc analyze FILE --chart u --summary --format csv` (and without
// --summary, every point) inside one process: read and validate the file, analyse every
// series, write the CSV text. Only process start and writing to stdout are left out; the
// whole-process timings are `make bench`'s (scripts/bench.sh).
// Run: cd Benchmarks && swift package --disable-sandbox benchmark --target EndToEnd
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

    var settings = AnalysisSettings()
    settings.chart = .u

    for size in BenchSize.allCases {
        Benchmark("read → u chart → summary CSV, \(size.label) series",
                  configuration: .init(maxIterations: size.maxIterations)) { benchmark in
            let path = BenchFiles.long(series: size.series)
            benchmark.startMeasurement()
            let dataset = try WardDataReader.read(path: path)
            let result = try Analyzer.analyse(dataset, settings: settings)
            let csv = AnalysisCSV.summary(result.series)
            benchmark.stopMeasurement()
            blackHole(csv.utf8.count)
        }

        Benchmark("read → u chart → every-point CSV, \(size.label) series",
                  configuration: .init(maxIterations: size.maxIterations)) { benchmark in
            let path = BenchFiles.long(series: size.series)
            benchmark.startMeasurement()
            let dataset = try WardDataReader.read(path: path)
            let result = try Analyzer.analyse(dataset, settings: settings)
            let csv = AnalysisCSV.points(result.series)
            benchmark.stopMeasurement()
            blackHole(csv.utf8.count)
        }
    }
}
