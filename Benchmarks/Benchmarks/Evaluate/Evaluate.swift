// Change against baseline (`Evaluator.evaluate`) with the windows `make bench` gives the
// CLI — baseline up to 2023-12-25, comparison from 2024-07-01 — every ward and measure,
// then pooled per trust and programme-wide; and the same followed by the JSON document
// (`wardspc evaluate … --format json` without the read). Also the exact (Clopper–Pearson)
// interval alone, the beta quantiles behind every ward's rate-ratio interval.
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

/// 10,000 (k, n) pairs like a ward's comparison count out of its total: n uniform in
/// 1…1,000, k uniform in 0…min(n, 500) — a fixed sequence (64-bit LCG, MMIX constants).
func typicalCountPairs() -> [(successes: Int, trials: Int)] {
    var state: UInt64 = 0x2545_F491_4F6C_DD1D
    func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(bound))
    }
    return (0..<10_000).map { _ in
        let trials = 1 + next(1_000)
        return (next(min(trials, 500) + 1), trials)
    }
}

nonisolated(unsafe) let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal],
        timeUnits: .milliseconds,
        warmupIterations: 1,
        maxDuration: .seconds(10)
    )

    // Two beta quantiles per pair (one when k = 0 or k = n).
    Benchmark("clopperPearson, 10k typical (k, n)",
              configuration: .init(timeUnits: .microseconds, maxDuration: .seconds(5), maxIterations: 100)) { benchmark in
        let pairs = typicalCountPairs()
        benchmark.startMeasurement()
        var sum = 0.0
        for (successes, trials) in pairs {
            let interval = Binomial.clopperPearson(successes: successes, trials: trials, level: 0.95)!
            sum += interval.lower + interval.upper
        }
        benchmark.stopMeasurement()
        blackHole(sum)
    }

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
