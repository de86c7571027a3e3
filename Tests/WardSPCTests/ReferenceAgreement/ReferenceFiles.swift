import Foundation
import SPCCore
import Testing
import WardData
import WardSPC

/// The team's reference cases, read from the repository's one copy of them
/// (`Tests/SPCCoreTests/Fixtures/reference/`, found from this file's path) — never from
/// outside the repository. The input files are read by `WardDataReader` exactly as
/// `wardspc analyze` reads them; the expected files are parsed once per test run.
enum ReferenceFiles {
    /// `Tests/SPCCoreTests/Fixtures/reference/` (this file is
    /// `Tests/WardSPCTests/ReferenceAgreement/ReferenceFiles.swift`).
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // ReferenceAgreement
        .deletingLastPathComponent()  // WardSPCTests
        .deletingLastPathComponent()  // Tests
        .appendingPathComponent("SPCCoreTests/Fixtures/reference")

    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    // MARK: Inputs, as the CLI reads them

    /// `input.csv`: long format, 21 weekly series (`week_start, count, denominator`).
    static let weeklyInput = Result { () throws(InputRejected) -> WardDataset in
        try WardDataReader.read(path: path("input.csv"))
    }
    /// `rare/events.csv`: event level, one row per AWOL incident.
    static let incidentInput = Result { () throws(InputRejected) -> WardDataset in
        try WardDataReader.read(path: path("rare/events.csv"))
    }

    // MARK: Expected results (and input.csv as plain rows, for the flags' dates and targets)

    static let inputRows = Result { try table("input.csv") }
    static let qicharts2 = Result { try table("expected_qicharts2.csv") }
    static let qicharts2Rare = Result { try table("rare/expected_rare.csv") }
    static let plotTheDotsPoints = Result { try table("expected_mdc_points.csv") }
    static let plotTheDotsSummary = Result { try table("expected_mdc_summary.csv") }
    static let sqlV26Points = Result { try table("expected_mdc_v26_points.csv") }
    static let sqlV26Summary = Result { try table("expected_mdc_v26_summary.csv") }
    static let runcharter = Result { try table("expected_runcharter.csv") }

    /// The 21 weekly wards: seven kinds × three (the `-3` ones miss weeks 30, 31 and 77).
    static let weeklyWards: [String] = ["stable", "step", "sparse", "trend", "overdispersed", "outlier", "rise"]
        .flatMap { kind in (1...3).map { "\(kind)-\($0)" } }
    /// The 8 wards of AWOL incidents.
    static let rareWards: [String] = (1...8).map { "rare-\($0)" }

    /// A ward's rows of input.csv, in file order (date order).
    static func inputRows(ward: String) throws -> [Row] {
        try inputRows.get().rows.filter { $0["ward"] == ward }
    }

    /// `week_start` of a ward's `n`th row of input.csv (1-based) — what the reference README
    /// passes to `--phase` for `part52` (n = 53) and `rebase52` (n = 52).
    static func weekStart(ward: String, row n: Int) throws -> CivilDate {
        let rows = try inputRows(ward: ward)
        return try #require(civilDate(rows[n - 1]["week_start"]))
    }

    /// The median of a ward's counts (the `target` variant's `--target`).
    static func medianCount(ward: String) throws -> Double {
        let counts = try inputRows(ward: ward).map { try #require($0.number("count")) }.sorted()
        let middle = counts.count / 2
        return counts.count % 2 == 1 ? counts[middle] : (counts[middle - 1] + counts[middle]) / 2
    }

    /// Twice a ward's largest count plus 5 (the `target_high` variant's `--target`).
    static func highTarget(ward: String) throws -> Double {
        try 2 * inputRows(ward: ward).map { try #require($0.number("count")) }.max()! + 5
    }

    // MARK: Parsing

    /// A parsed CSV file: the header and every row's fields.
    struct Table: Sendable {
        var rows: [Row]

        /// Rows grouped by the values of `columns`, each group in file order.
        func grouped(by columns: [String]) -> [[String]: [Row]] {
            Dictionary(grouping: rows) { row in columns.map { row[$0] ?? "" } }
        }
    }

    /// One CSV row; `row["name"]` is the field under that header name.
    struct Row: Sendable {
        var columns: [String: Int]
        var fields: [String]

        subscript(name: String) -> String? {
            guard let index = columns[name], index < fields.count else { return nil }
            return fields[index]
        }

        /// The field as a number; `nil` for R's `NA` or an empty field.
        func number(_ name: String) -> Double? { self[name].flatMap(Double.init) }
        func integer(_ name: String) -> Int? { self[name].flatMap { Int($0) } }
    }

    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    static func table(_ name: String) throws -> Table {
        let text = try String(contentsOfFile: path(name), encoding: .utf8)
        let lines = text.split(whereSeparator: \.isNewline)
        guard let first = lines.first else { throw Missing(description: "\(name) is empty") }
        let header = fields(first)
        let columns = Dictionary(uniqueKeysWithValues: header.enumerated().map { ($1, $0) })
        return Table(rows: lines.dropFirst().map { Row(columns: columns, fields: fields($0)) })
    }

    /// One CSV line's fields; quoted fields (as R's `write.csv` writes text) lose their quotes.
    /// The reference files hold no comma, quote or newline inside a field.
    static func fields(_ line: Substring) -> [String] {
        line.split(separator: ",", omittingEmptySubsequences: false).map { field in
            field.count >= 2 && field.hasPrefix("\"") && field.hasSuffix("\"")
                ? String(field.dropFirst().dropLast()) : String(field)
        }
    }

    /// An ISO `YYYY-MM-DD` date, as the CLI's date arguments read it.
    static func civilDate(_ iso: String?) -> CivilDate? {
        guard let parts = iso?.split(separator: "-").compactMap({ Int($0) }), parts.count == 3 else { return nil }
        return CivilDate(year: parts[0], month: parts[1], day: parts[2])
    }
}

/// Numbers agree when within 1e-9 relative (1e-12 absolute near 0); `nil` is R's `NA`.
enum Tolerance {
    static func agrees(_ actual: Double?, _ expected: Double?) -> Bool {
        switch (actual, expected) {
        case (nil, nil): return true
        case let (actual?, expected?): return abs(actual - expected) <= max(1e-9 * abs(expected), 1e-12)
        default: return false
        }
    }

    static func text(_ value: Double?) -> String { value.map { "\($0)" } ?? "nil" }
}

/// Runs `Analyzer.analyse` — what `wardspc analyze` calls — and returns the reports by ward.
enum EndToEnd {
    static func reports(_ input: Result<WardDataset, InputRejected>, settings: AnalysisSettings,
                        sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: SeriesReport] {
        let result = try Analyzer.analyse(input.get(), settings: settings)
        #expect(result.warnings.isEmpty, "\(result.warnings)", sourceLocation: sourceLocation)
        return Dictionary(result.series.map { ($0.ward, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// One ward's report, as `wardspc analyze FILE --ward WARD …` gives it.
    static func report(_ input: Result<WardDataset, InputRejected>, ward: String, settings: AnalysisSettings,
                       sourceLocation: SourceLocation = #_sourceLocation) throws -> SeriesReport {
        var settings = settings
        settings.wards = [ward]
        let reports = try reports(input, settings: settings, sourceLocation: sourceLocation)
        try #require(reports.count == 1, "one series for --ward \(ward)", sourceLocation: sourceLocation)
        return reports[ward]!
    }

    /// Records one issue per disagreeing series, listing the first few points.
    static func expectNoMismatches(_ mismatches: [String], in label: String,
                                   sourceLocation: SourceLocation = #_sourceLocation) {
        guard !mismatches.isEmpty else { return }
        Issue.record("\(label): \(mismatches.count) mismatch\(mismatches.count == 1 ? "" : "es"); first: \(mismatches.prefix(4).joined(separator: " | "))",
                     sourceLocation: sourceLocation)
    }
}
