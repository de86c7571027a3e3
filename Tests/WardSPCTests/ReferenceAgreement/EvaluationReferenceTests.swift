import Foundation
import Testing
import WardData
import WardSPC

/// `Evaluator.evaluate` (what `wardspc evaluate` calls) against an independent second
/// implementation of DESIGN.md §4.4: `Tests/Tools/evaluation_reference.py` (Python 3 with
/// numpy and scipy — `scipy.stats.beta` for the Clopper–Pearson bounds, `numpy.linalg.lstsq`
/// for the segmented regression), written from the DESIGN text, not from the Swift.
/// The fixtures in `Fixtures/evaluation/` hold the hard cases (a 100% reduction, a zero
/// baseline count, a ward of 6 weeks, missing and closed weeks inside the windows, a
/// single-ward trust, a trust with no incident after, no incidents at all, per-row bed
/// days, a comparison window after the data, a file without bed days);
/// `cases.json` lists each case's flags and expected file. Every number of the expected
/// JSON must be in the façade's JSON at the same place, within 1e-6 relative.
@Suite struct EvaluationReferenceTests {
    /// `Tests/WardSPCTests/Fixtures/evaluation/` (this file is
    /// `Tests/WardSPCTests/ReferenceAgreement/EvaluationReferenceTests.swift`).
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // ReferenceAgreement
        .deletingLastPathComponent()  // WardSPCTests
        .appendingPathComponent("Fixtures/evaluation")

    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    static func jsonFile(_ name: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent(name)))
    }

    /// The case names of `cases.json`, in its order.
    static let caseNames: [String] = {
        let cases = (try? jsonFile("cases.json")) as? [[String: Any]] ?? []
        return cases.compactMap { $0["name"] as? String }
    }()

    @Test func manifest_listsEveryCase() {
        #expect(Self.caseNames == ["default", "events", "events_baseline_weeks", "dates_benchmark20", "to_only",
                                   "empty_comparison", "min_incidents30", "no_bed_days", "no_bed_days_dates"])
    }

    @Test(arguments: caseNames)
    func evaluator_matchesThePythonReference(_ name: String) throws {
        let cases = try #require(try Self.jsonFile("cases.json") as? [[String: Any]])
        let entry = try #require(cases.first { $0["name"] as? String == name })
        let flags = try #require(entry["flags"] as? [String: Any])
        let dataset = try WardDataReader.read(path: Self.path(try #require(entry["input"] as? String)))
        var settings = EvaluationSettings()
        if let events = flags["events"] as? String {
            settings.events = try WardEventsReader.read(path: Self.path(events))
        }
        settings.windows.baselineUntil = ReferenceFiles.civilDate(flags["baseline_until"] as? String)
        settings.windows.baselinePeriods = (flags["baseline_weeks"] as? NSNumber)?.intValue
        settings.windows.from = ReferenceFiles.civilDate(flags["from"] as? String)
        settings.windows.to = ReferenceFiles.civilDate(flags["to"] as? String)
        settings.windows.provisional = (flags["provisional"] as? NSNumber)?.intValue ?? 0
        settings.benchmark = (flags["benchmark"] as? NSNumber)?.doubleValue ?? 15
        settings.minimumIncidents = (flags["min_incidents"] as? NSNumber)?.intValue ?? 10
        let result = try Evaluator.evaluate(dataset, settings: settings)
        let rendered = EvaluationJSON.document(result).rendered()
        let actual = try JSONSerialization.jsonObject(with: Data(rendered.utf8))
        let expected = try Self.jsonFile(try #require(entry["expected"] as? String))

        var comparison = JSONComparison()
        comparison.walk(expected, actual, at: name)
        #expect(comparison.numbers > 50, "\(name): only \(comparison.numbers) numbers compared")
        EndToEnd.expectNoMismatches(comparison.mismatches, in: "\(name) vs evaluation_reference.py")
    }
}

/// Walks an expected JSON value: every key it has must be in the actual one with the same
/// string or null, and numbers within 1e-6 relative (absolute below 1). Arrays of objects
/// with a `measure` (wards, trusts, programme) are matched by trust, ward, measure.
struct JSONComparison {
    var mismatches: [String] = []
    var numbers = 0
    let tolerance = 1e-6

    static func key(_ row: [String: Any]) -> String {
        ["trust", "ward", "measure"].map { row[$0] as? String ?? "" }.joined(separator: "/")
    }

    mutating func walk(_ expected: Any, _ actual: Any?, at path: String) {
        switch expected {
        case let object as [String: Any]:
            guard let actualObject = actual as? [String: Any] else {
                return mismatches.append("\(path): expected an object, got \(String(describing: actual))")
            }
            for (key, value) in object.sorted(by: { $0.key < $1.key }) {
                guard let other = actualObject[key] else {
                    mismatches.append("\(path).\(key): missing")
                    continue
                }
                walk(value, other, at: "\(path).\(key)")
            }
        case let array as [Any]:
            guard let actualArray = actual as? [Any], actualArray.count == array.count else {
                return mismatches.append("\(path): expected \(array.count) elements, got \(String(describing: actual))")
            }
            if let rows = array as? [[String: Any]], rows.first?["measure"] != nil {
                let actualRows = Dictionary((actualArray as? [[String: Any]] ?? []).map { (Self.key($0), $0) },
                                            uniquingKeysWith: { first, _ in first })
                for row in rows {
                    let key = Self.key(row)
                    walk(row, actualRows[key], at: "\(path)[\(key)]")
                }
            } else {
                for (index, element) in array.enumerated() { walk(element, actualArray[index], at: "\(path)[\(index)]") }
            }
        case is NSNull:
            if !(actual is NSNull) { mismatches.append("\(path): expected null, got \(String(describing: actual))") }
        case let text as String:
            if actual as? String != text { mismatches.append("\(path): expected \(text), got \(String(describing: actual))") }
        case let number as NSNumber:
            numbers += 1
            guard let other = actual as? NSNumber, !(actual is String) else {
                return mismatches.append("\(path): expected \(number), got \(String(describing: actual))")
            }
            let e = number.doubleValue, a = other.doubleValue
            if abs(a - e) > tolerance * max(abs(e), 1) {
                mismatches.append("\(path): expected \(e), got \(a)")
            }
        default:
            mismatches.append("\(path): unexpected value \(expected)")
        }
    }
}
