// How long drawing takes (issue 5: at most 1 ms per chart SVG). The sample programme is
// analysed once outside the measurement, as u charts under the mdc rules with each
// ward's join date as a phase — what `wardspc report` draws — then each benchmark draws.
// The last two draw every series of the generated 1,000- and 10,000-series files (u
// charts, mdc rules: `wardspc chart`'s defaults), one SVG each, without writing them.
// Run: cd Benchmarks && swift package --disable-sandbox benchmark --target Rendering
import BenchSupport
import Benchmark
import Foundation
import SPCRender
import WardSPC

let sampleDirectory = ProcessInfo.processInfo.environment["WARDSPC_SAMPLE_DIR"] ?? "../SampleData"

func analysedSample() throws -> [SeriesReport] {
    let dataset = try WardDataReader.read(path: sampleDirectory + "/wards.csv")
    var settings = AnalysisSettings()
    settings.chart = .u
    settings.rules = .mdc
    settings.events = try WardEventsReader.read(path: sampleDirectory + "/events.csv", options: ReadOptions())
    return try Analyzer.analyse(dataset, settings: settings).series
}

nonisolated(unsafe) let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal],
        timeUnits: .microseconds,
        maxDuration: .seconds(10),
        maxIterations: 2_000
    )
    let series: [SeriesReport]
    do { series = try analysedSample() } catch { fatalError("cannot read the sample programme in \(sampleDirectory): \(error)") }
    let alder = series.first { $0.ward == "Alder" && $0.measure == "restraint" }!

    Benchmark("SPCChart.svg: one u chart, 155 weeks, 2 phases") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(SPCChart.markup(alder).bytes.count)
        }
    }

    Benchmark("SPCChart.svg: all 216 charts of the sample (per chart = ÷ 216)",
              configuration: .init(maxIterations: 50)) { _ in
        var bytes = 0
        for report in series { bytes += SPCChart.markup(report).bytes.count }
        blackHole(bytes)
    }

    Benchmark("SmallMultiples.svg: 36 wards of one measure", configuration: .init(maxIterations: 200)) { _ in
        blackHole(SmallMultiples.markup(series.filter { $0.measure == "restraint" }).bytes.count)
    }

    Benchmark("HTMLReport.build: index.html + 222 SVG files", configuration: .init(timeUnits: .milliseconds, maxIterations: 20)) { _ in
        let content = ReportContent(title: "Benchmark", series: series,
                                    provenance: .init(dataFile: "wards.csv", software: "benchmark", generated: "2026-01-01"))
        blackHole(HTMLReport.build(content).index.bytes.count)
    }

    for size in BenchSize.allCases {
        Benchmark("ChartFiles.perSeries: every SVG of \(size.label) series (u, mdc)",
                  configuration: .init(timeUnits: .milliseconds, warmupIterations: 1,
                                       maxDuration: .seconds(10), maxIterations: size.maxIterations)) { benchmark in
            let dataset = DatasetCache.shared.long(series: size.series)
            var settings = AnalysisSettings()
            settings.chart = .u
            settings.rules = .mdc
            let reports = try Analyzer.analyse(dataset, settings: settings).series
            benchmark.startMeasurement()
            var names = SafeFileNames()
            let charts = ChartFiles.perSeries(reports, names: &names)
            var bytes = 0
            for chart in charts { bytes += chart.markup.bytes.count }
            benchmark.stopMeasurement()
            blackHole(bytes)
        }
    }
}
