// The whole of `wardspc analyze FILE --chart u --summary --format csv` (and without
// --summary, every point) inside one process, by both paths: the whole-file path (read
// and validate every row, group, analyse) and the streaming path the CLI takes for a
// clean file grouped by series (read in pieces on every core, analyse as series finish);
// then write the CSV text. Only process start and writing to stdout are left out; the
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
        Benchmark("streaming → u chart → summary CSV, \(size.label) series",
                  configuration: .init(maxIterations: size.maxIterations)) { benchmark in
            let path = BenchFiles.long(series: size.series)
            benchmark.startMeasurement()
            let outcome = try StreamingAnalysis.analyse(InputFile(path: path), options: ReadOptions(),
                                                        settings: settings, product: .summaries)
            guard case .done(.summaries(let summaries), _, _) = outcome else { fatalError("fell back: \(outcome)") }
            let csv = AnalysisCSV.summary(summaries)
            benchmark.stopMeasurement()
            blackHole(csv.utf8.count)
        }

        Benchmark("streaming → u chart → every-point CSV, \(size.label) series",
                  configuration: .init(maxIterations: size.maxIterations)) { benchmark in
            let path = BenchFiles.long(series: size.series)
            benchmark.startMeasurement()
            let outcome = try StreamingAnalysis.analyse(InputFile(path: path), options: ReadOptions(),
                                                        settings: settings, product: .reports)
            guard case .done(.reports(let reports), _, _) = outcome else { fatalError("fell back: \(outcome)") }
            let csv = AnalysisCSV.points(reports)
            benchmark.stopMeasurement()
            blackHole(csv.utf8.count)
        }

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
