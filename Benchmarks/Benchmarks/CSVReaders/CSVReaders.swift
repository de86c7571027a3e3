// Which CSV reader WardSPC builds on: two libraries from the package mirror against the
// project's byte-level scanner, each summing the `count` column of the same long-format
// file ($WARDSPC_BENCH_FILE, else the generated 10,000 series × 156 weeks = 1.56M rows
// of scripts/generate_big_csv.py). The second benchmark is the whole validated read.
import BenchSupport
import Benchmark
import CSV
import Foundation
import SwiftCSV
import WardData

let path = ProcessInfo.processInfo.environment["WARDSPC_BENCH_FILE"] ?? BenchFiles.long(series: 10_000)
let countColumn = 4

nonisolated(unsafe) let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
        timeUnits: .milliseconds,
        maxDuration: .seconds(15),
        maxIterations: 3
    )

    Benchmark("CSVScanner (WardData, byte-level)") { benchmark in
        let file = try InputFile(path: path)
        benchmark.startMeasurement()
        let total = file.withBytes { bytes -> Int64 in
            var scanner = CSVScanner(bytes: bytes)
            _ = scanner.nextRecord()
            var scratch: [UInt8] = []
            var sum: Int64 = 0
            while scanner.nextRecord() {
                let field = scanner.fields[countColumn]
                if case .success(let value) = scanner.withBytes(field, scratch: &scratch, NumberParser.parseCount) {
                    sum += value
                }
            }
            return sum
        }
        blackHole(total)
    }

    Benchmark("WardDataReader.read (full validation)") { _ in
        let dataset = try WardDataReader.read(path: path)
        blackHole(dataset.records.count)
    }

    Benchmark("yaslab/CSV.swift 2.5.2 (CSVReader)") { _ in
        guard let stream = InputStream(fileAtPath: path) else { return }
        let reader = try CSVReader(stream: stream, hasHeaderRow: true)
        var sum = 0
        while let row = reader.next() { sum += Int(row[countColumn]) ?? 0 }
        blackHole(sum)
    }

    Benchmark("swiftcsv/SwiftCSV 0.10.0 (enumerateAsArray)") { _ in
        let csv = try SwiftCSV.CSV<Enumerated>(url: URL(fileURLWithPath: path), delimiter: .comma, loadColumns: false)
        var sum = 0
        try csv.enumerateAsArray(limitTo: nil, startAt: 1) { row in sum += Int(row[countColumn]) ?? 0 }
        blackHole(sum)
    }
}
