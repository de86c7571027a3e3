// Change against baseline (`Evaluator.evaluate`) with the windows `make bench` gives the
// CLI — baseline up to 2023-12-25, comparison from 2024-07-01 — every ward and measure,
// then pooled per trust and programme-wide; and the same followed by the JSON document
// (`wardspc evaluate … --format json` without the read).
// Run: cd Benchmarks && swift package --disable-sandbox benchmark --target Evaluate
import BenchSupport
import Benchmark
import WardSPC

func evaluationSettings() -> EvaluationSettings {
    var settings = EvaluationSettings()
    settings.windows.baselineUntil = CivilDate(year: 2023, month: 12, day: 25)
    settings.windows.from = CivilDate(year: 2024, month: 7, day: 1)
    return settings
}

nonisolated(unsafe) let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal],
        timeUnits: .milliseconds,
        warmupIterations: 1,
        maxDuration: .seconds(10)
    )

    for size in BenchSize.allCases {
        Benchmark("evaluate, \(size.label) series",
                  configuration: .init(maxIterations: size.maxIterations)) { benchmark in
            let dataset = DatasetCache.shared.long(series: size.series)
            let settings = evaluationSettings()
            benchmark.startMeasurement()
            let result = try Evaluator.evaluate(dataset, settings: settings)
            benchmark.stopMeasurement()
            blackHole(result.wards.count)
        }

        Benchmark("streaming read + evaluate + JSON, \(size.label) series",
                  configuration: .init(maxIterations: size.maxIterations)) { benchmark in
            let path = BenchFiles.long(series: size.series)
            let settings = evaluationSettings()
            benchmark.startMeasurement()
            let outcome = try StreamingEvaluation.evaluate(InputFile(path: path), options: ReadOptions(), settings: settings)
            guard case .done(let result, _) = outcome else { fatalError("fell back: \(outcome)") }
            let json = EvaluationJSON.document(result).rendered(pretty: true)
            benchmark.stopMeasurement()
            blackHole(json.utf8.count)
        }

        Benchmark("evaluate + JSON, \(size.label) series",
                  configuration: .init(maxIterations: size.maxIterations)) { benchmark in
            let dataset = DatasetCache.shared.long(series: size.series)
            let settings = evaluationSettings()
            benchmark.startMeasurement()
            let result = try Evaluator.evaluate(dataset, settings: settings)
            let json = EvaluationJSON.document(result).rendered(pretty: true)
            benchmark.stopMeasurement()
            blackHole(json.utf8.count)
        }
    }
}
