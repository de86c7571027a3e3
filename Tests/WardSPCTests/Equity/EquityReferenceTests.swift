import Foundation
import Testing
import WardData
@testable import WardSPC

/// `wardspc equity` against R's `poisson.test` (R 4.2.2, stats): counts, bed days, rates,
/// rate ratios and their exact intervals, unknown shares and the ratios of rate ratios of
/// `Fixtures/equity/`, written by `Tests/Tools/equity_reference.R` — a second implementation
/// with its own hand-written roll-up of the ethnic categories.
@Suite struct EquityReferenceTests {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/equity")

    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// A CSV of the fixtures as dictionaries (lines starting `#` are provenance).
    static func table(_ name: String) throws -> [[String: String]] {
        let text = try String(contentsOfFile: path(name), encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") }
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return lines.dropFirst().map { line in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return Dictionary(uniqueKeysWithValues: zip(header, cells))
        }
    }

    static func settings(exposure: ExposureTable? = nil) -> EquitySettings {
        var settings = EquitySettings()
        settings.baselineUntil = CivilDate(year: 2024, month: 1, day: 22)
        settings.exposure = exposure
        return settings
    }

    static func key(level: String, trust: String?, ward: String?, measure: String, window: String = "", group: String) -> String {
        [level, trust ?? "", ward ?? "", measure, window, group].joined(separator: "|")
    }

    /// Compares every figure and returns the largest relative difference of the intervals.
    @discardableResult
    static func compare(_ result: EquityResult) throws -> (cases: Int, largest: Double) {
        let expected = try table("expected.csv")
        var rows: [String: EquityRow] = [:]
        for row in result.rows {
            rows[key(level: row.level.rawValue, trust: row.trust, ward: row.ward, measure: row.measure,
                     window: row.window.rawValue, group: row.group)] = row
        }
        #expect(rows.count == expected.count)
        var largest = 0.0, cases = 0
        func close(_ actual: Double?, _ text: String, _ label: String) {
            guard let want = Double(text) else {
                #expect(actual == nil, "\(label): \(actual.map { "\($0)" } ?? "nil") but R gives NA")
                return
            }
            guard let actual else { Issue.record("\(label): nil but R gives \(want)"); return }
            let difference = want == 0 ? abs(actual) : abs(actual - want) / abs(want)
            largest = max(largest, difference)
            #expect(difference <= 1e-10, "\(label): \(actual) vs R \(want)")
        }
        for want in expected {
            let label = key(level: want["level"]!, trust: want["trust"], ward: want["ward"], measure: want["measure"]!,
                            window: want["window"]!, group: want["group"]!)
            let lookup = key(level: want["level"]!, trust: want["trust"]!.isEmpty ? nil : want["trust"],
                             ward: want["ward"]!.isEmpty ? nil : want["ward"], measure: want["measure"]!,
                             window: want["window"]!, group: want["group"]!)
            guard let row = rows[lookup] else { Issue.record("\(label): no row"); continue }
            #expect(row.count == Int(want["count"]!)!, "\(label) count")
            #expect(row.exposure == Double(want["exposure"]!)!, "\(label) exposure")
            close(row.rate, want["rate"]!, label + " rate")
            close(row.isReference ? 1 : row.rateRatio?.estimate, want["rate_ratio"]!, label + " rate ratio")
            if !row.isReference {
                close(row.rateRatio?.interval.lower, want["ci95_low"]!, label + " lower")
                close(row.rateRatio?.interval.upper, want["ci95_high"]!, label + " upper")
                if row.rateRatio != nil { cases += 1 }
            }
            close(row.unknownShare, want["unknown_share"]!, label + " unknown share")
        }
        let changes = try table("expected_changes.csv")
        #expect(result.changes.count == changes.count)
        var byKey: [String: EquityChange] = [:]
        for change in result.changes {
            byKey[key(level: change.level.rawValue, trust: change.trust, ward: change.ward, measure: change.measure,
                      group: change.group)] = change
        }
        for want in changes {
            let lookup = key(level: want["level"]!, trust: want["trust"]!.isEmpty ? nil : want["trust"],
                             ward: want["ward"]!.isEmpty ? nil : want["ward"], measure: want["measure"]!,
                             group: want["group"]!)
            guard let change = byKey[lookup] else { Issue.record("\(lookup): no change"); continue }
            close(change.ratioOfRateRatios, want["ratio_of_rate_ratios"]!, lookup + " ratio of rate ratios")
            close(change.interval?.lower, want["ci95_low"]!, lookup + " ratio lower")
            close(change.interval?.upper, want["ci95_high"]!, lookup + " ratio upper")
        }
        return (cases, largest)
    }

    @Test func bedDaysOnRows_matchPoissonTest() throws {
        let dataset = try WardDataReader.read(path: Self.path("input.csv"))
        let result = try EquityAnalysis.analyse(dataset, settings: Self.settings())
        #expect(result.exposureSource?.contains("bed_days column") == true)
        let (cases, largest) = try Self.compare(result)
        #expect(cases == 120)
        #expect(largest < 1e-10)
        print("equity vs R poisson.test: \(cases) rate-ratio intervals, largest relative difference \(largest)")
    }

    @Test func exposureFile_givesTheSameFigures() throws {
        let dataset = try WardDataReader.read(path: Self.path("counts.csv"))
        let exposure = try ExposureReader.read(path: Self.path("exposure.csv"))
        let result = try EquityAnalysis.analyse(dataset, settings: Self.settings(exposure: exposure))
        #expect(result.exposureSource == "--exposure " + Self.path("exposure.csv"))
        try Self.compare(result)
    }

    @Test func referenceWithoutIncidents_leavesRatiosUndefined() throws {
        let dataset = try WardDataReader.read(path: Self.path("input.csv"))
        let result = try EquityAnalysis.analyse(dataset, settings: Self.settings())
        let cedar = result.rows.filter { $0.ward == "Cedar" && $0.measure == "seclusion" && $0.window == .all }
        #expect(cedar.first { $0.isReference }?.count == 0)
        #expect(cedar.filter { !$0.isReference }.allSatisfy { $0.rateRatio == nil && $0.rate != nil })
    }
}
