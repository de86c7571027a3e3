// swift-tools-version:6.1
// Benchmarks live in their own package so the main build stays lean.
// Run: cd Benchmarks && WARDSPC_BENCH_FILE=/path/to/big.csv swift package --disable-sandbox benchmark
//      (the Rendering target reads ../SampleData; --target Rendering runs it alone)
import PackageDescription

let package = Package(
    name: "WardSPCBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "WardSPC", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/yaslab/CSV.swift", exact: "2.5.2"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", exact: "0.10.0"),
    ],
    targets: [
        .executableTarget(
            name: "CSVReaders",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "WardData", package: "WardSPC"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "SwiftCSV", package: "SwiftCSV"),
            ],
            path: "Benchmarks/CSVReaders",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "Rendering",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "SPCRender", package: "WardSPC"),
                .product(name: "WardSPC", package: "WardSPC"),
            ],
            path: "Benchmarks/Rendering",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
