// swift-tools-version:6.1
// Benchmarks live in their own package so the main build stays lean.
// Run: cd Benchmarks && swift package --disable-sandbox benchmark            (everything)
//      cd Benchmarks && swift package --disable-sandbox benchmark --target Charts
// Inputs are generated on first use into ../.bench (or $WARDSPC_BENCH_DIR) by
// ../scripts/generate_big_csv.py; see README.md. `make bench` at the root runs this too.
import PackageDescription

/// A benchmark executable that measures the WardSPC library through `BenchSupport`.
func benchmark(_ name: String, _ extra: [Target.Dependency] = []) -> Target {
    .executableTarget(
        name: name,
        dependencies: [
            "BenchSupport",
            .product(name: "Benchmark", package: "benchmark"),
            .product(name: "WardSPC", package: "WardSPC"),
        ] + extra,
        path: "Benchmarks/\(name)",
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
}

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
        // Input files (generated on first use, never committed) and a per-process dataset cache.
        .target(
            name: "BenchSupport",
            dependencies: [.product(name: "WardSPC", package: "WardSPC")],
            path: "Sources/BenchSupport"
        ),
        benchmark("Parse"),
        benchmark("Charts"),
        benchmark("Batch"),
        benchmark("Rules"),
        benchmark("Evaluate"),
        benchmark("EndToEnd"),
        benchmark("Rendering", [.product(name: "SPCRender", package: "WardSPC")]),
        benchmark("CSVReaders", [
            .product(name: "WardData", package: "WardSPC"),
            .product(name: "CSV", package: "CSV.swift"),
            .product(name: "SwiftCSV", package: "SwiftCSV"),
        ]),
    ]
)
