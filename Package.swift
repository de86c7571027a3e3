// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "WardSPC",
    platforms: [.macOS(.v14)],  // Hummingbird 2 (wardspc serve) needs macOS 14
    products: [
        .library(name: "SPCCore", targets: ["SPCCore"]),
        .library(name: "WardData", targets: ["WardData"]),
        .library(name: "WardSPC", targets: ["WardSPC"]),
        .library(name: "SPCRender", targets: ["SPCRender"]),
        .executable(name: "wardspc", targets: ["wardspc"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Test-only: pins the SVG text of representative charts (SnapshotTesting builds in
        // seconds; only its InlineSnapshotTesting product needs swift-syntax).
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.19.7"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        // `wardspc serve`: the upload page's HTTP server (WardSPCServer only).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // Hummingbird's own foundations, named for the one channel handler WardSPCServer adds.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // Office Open XML (slides.pptx) and the upload page's download-everything zip.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // SHA-256 for the served report's script hash (already built for hummingbird's TLS).
        .package(url: "https://github.com/apple/swift-crypto.git", "4.0.0"..<"5.0.0"),
        // `--measures FILE`: the measure catalogue's TOML overrides (MeasureFile only, so the
        // WardSPC library and the fuzz build stay free of it).
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
    ],
    targets: [
        // OpenBLAS (cblas.h) and LAPACKE (lapacke.h) as a system library.
        .systemLibrary(
            name: "CBLAS",
            path: "Sources/CBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]
        ),
        // librsvg + cairo: the SVG charts drawn to PNG and PDF (SPCRender/Raster).
        .systemLibrary(
            name: "CRsvg",
            path: "Sources/CRsvg",
            pkgConfig: "librsvg-2.0",
            providers: [.apt(["librsvg2-dev", "libcairo2-dev"])]
        ),
        // Work spread over cores, results in order (internal: no product exports it).
        .target(name: "Threads", exclude: ["README.md"]),
        .target(name: "SPCCore", dependencies: ["CBLAS", "Threads"], exclude: ["README.md"]),
        .target(name: "WardData", dependencies: ["Threads"], exclude: ["README.md"]),
        .target(name: "WardSPC", dependencies: ["WardData", "SPCCore", "Threads"], exclude: ["README.md"]),
        // `--measures FILE` read with TOMLKit into `MeasureOverrides` (checked in WardSPC).
        .target(
            name: "MeasureFile",
            dependencies: ["WardSPC", .product(name: "TOMLKit", package: "TOMLKit")],
            exclude: ["README.md"]
        ),
        .target(
            name: "SPCRender",
            dependencies: ["WardSPC", "Threads", "CRsvg", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["README.md"]
        ),
        .target(
            name: "WardSPCServer",
            dependencies: [
                "WardSPC", "SPCRender", "Threads",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                // The connection rules read HTTP/1 requests as parsed (version, Connection).
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            exclude: ["README.md"]
        ),
        .executableTarget(
            name: "wardspc",
            dependencies: [
                "WardSPC", "SPCRender", "WardSPCServer", "MeasureFile",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "SPCCoreTests", dependencies: ["SPCCore"], resources: [.copy("Fixtures")]),
        .testTarget(name: "WardDataTests", dependencies: ["WardData"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "WardSPCTests",
            dependencies: ["WardSPC", "Threads", "MeasureFile",
                           .product(name: "PropertyBased", package: "swift-property-based")],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "SPCRenderTests",
            dependencies: ["SPCRender", "WardSPC", .product(name: "SnapshotTesting", package: "swift-snapshot-testing")],
            exclude: ["__Snapshots__"]
        ),
        // Starts the upload server in-process on a loopback port and talks HTTP to it.
        .testTarget(name: "WardSPCServerTests", dependencies: ["WardSPCServer", "WardSPC", "SPCRender"]),
        // Runs the built `wardspc` executable as a user would.
        .testTarget(name: "wardspcTests", dependencies: ["wardspc"]),
    ]
)
