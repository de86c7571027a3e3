import Foundation
import SPCCore
import Testing
import WardData
import WardSPC

/// `wardspc analyze … --format json` of reference series, read back with JSONSerialization:
/// every key of DESIGN.md §5.1 is there, and every number is the report's `Double` exactly
/// (full precision, no rounding on the way out).
@Suite struct AnalysisJSONRoundTripTests {
    typealias Object = [String: Any]

    /// Two reference series covering every part of the contract: step-3 (missing weeks) as a
    /// u chart with `--phase <53rd row's date> --auto-rebase 9` (runs statistics, two phases,
    /// sustained shifts, rates per 1,000), and stable-1 as an i chart under
    /// `--rules ptd --improvement increase --target <median count>` (icons, `mdc` categories).
    static func reports() throws -> [SeriesReport] {
        var anhoej = AnalysisSettings()
        anhoej.chart = .u
        anhoej.phaseStarts = [try ReferenceFiles.weekStart(ward: "step-3", row: 53)]
        anhoej.autoRebaseLength = 9
        var ptd = AnalysisSettings()
        ptd.chart = .i
        ptd.rules = .ptd
        ptd.improvement = .increase
        ptd.target = try ReferenceFiles.medianCount(ward: "stable-1")
        return [try EndToEnd.report(ReferenceFiles.weeklyInput, ward: "step-3", settings: anhoej),
                try EndToEnd.report(ReferenceFiles.weeklyInput, ward: "stable-1", settings: ptd)]
    }

    /// The document as the CLI writes it (pretty-printed), parsed back.
    static func parsed(_ reports: [SeriesReport]) throws -> Object {
        let text = AnalysisJSON.analysis(reports).rendered(pretty: true)
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? Object)
    }

    /// A parsed JSON number as a `Double`. swift-corelibs-foundation's JSONSerialization returns
    /// numbers written with many digits (e.g. 13.485045696877378) as `NSDecimalNumber`, whose
    /// `doubleValue` can be off in the last place although its decimal digits are exactly those
    /// written; reading those digits back with `Double(_:)` (correctly rounded) is exact.
    static func number(_ value: Any?) -> Double? {
        if let decimal = value as? NSDecimalNumber { return Double(decimal.stringValue) }
        return (value as? NSNumber)?.doubleValue
    }

    /// Expects `value` to be JSON null when `expected` is nil, else exactly `expected`.
    static func expectNumber(_ value: Any?, _ expected: Double?, _ what: String,
                             sourceLocation: SourceLocation = #_sourceLocation) {
        if let expected {
            #expect(number(value) == expected, "\(what): \(String(describing: value)) ≠ \(expected)", sourceLocation: sourceLocation)
        } else {
            #expect(value is NSNull, "\(what): \(String(describing: value)) is not null", sourceLocation: sourceLocation)
        }
    }

    @Test func test_analysisJSON_ofReferenceSeries_hasDesign51Keys_andRoundTripsEveryNumberExactly() throws {
        let reports = try Self.reports()
        let document = try Self.parsed(reports)
        #expect(document["schema"] as? String == "wardspc/analysis@1")
        let series = try #require(document["series"] as? [Object])
        try #require(series.count == reports.count)

        for (entry, report) in zip(series, reports) {
            let label = "\(report.ward) \(report.chart.rawValue) \(report.rules.kind.rawValue)"
            for key in ["trust", "ward", "measure", "chart", "rules", "multiplier", "screen_mr", "period", "phases",
                        "points", "sustained_shifts", "icons", "warnings"] {
                #expect(entry[key] != nil, "\(label): no \(key)")
            }
            #expect(entry["trust"] as? String == report.trust && entry["ward"] as? String == report.ward)
            #expect(entry["measure"] as? String == "restrictive_practice")
            #expect(entry["chart"] as? String == report.chart.rawValue && entry["rules"] as? String == report.rules.kind.rawValue)
            Self.expectNumber(entry["multiplier"], report.multiplier, "\(label) multiplier")
            #expect(entry["screen_mr"] as? Bool == report.screenMovingRanges)
            #expect(entry["period"] as? String == "week")
            #expect((entry["warnings"] as? [String]) == report.warnings)

            let phases = try #require(entry["phases"] as? [Object])
            try #require(phases.count == report.phases.count, "\(label): phases")
            for (json, phase) in zip(phases, report.phases) {
                Self.expectNumber(json["index"], Double(phase.index), "\(label) phase index")
                #expect(json["start"] as? String == phase.start.iso && json["end"] as? String == phase.end.iso)
                Self.expectNumber(json["baseline_points"], Double(phase.baselinePoints), "\(label) baseline_points")
                Self.expectNumber(json["centre"], phase.centre, "\(label) phase centre")
                if let runs = phase.runs {
                    let object = try #require(json["runs"] as? Object, "\(label): runs")
                    for (key, value) in [("useful", runs.useful), ("longest_run", runs.longestRun),
                                         ("longest_run_max", runs.longestRunLimit), ("crossings", runs.crossings)] {
                        Self.expectNumber(object[key], Double(value), "\(label) runs \(key)")
                    }
                    Self.expectNumber(object["crossings_min"], runs.crossingsLimit.map(Double.init), "\(label) crossings_min")
                    #expect(object["signal"] as? Bool == runs.signal)
                } else {
                    #expect(json["runs"] is NSNull, "\(label): runs")
                }
            }

            let points = try #require(entry["points"] as? [Object])
            try #require(points.count == report.points.count, "\(label): points")
            for (json, point) in zip(points, report.points) {
                let at = "\(label) \(point.period.iso)"
                for key in ["period", "count", "denominator", "value", "centre", "lower", "upper", "phase", "baseline",
                            "excluded", "signals", "mdc"] {
                    #expect(json[key] != nil, "\(at): no \(key)")
                }
                #expect(json["period"] as? String == point.period.iso)
                Self.expectNumber(json["count"], point.count, "\(at) count")
                Self.expectNumber(json["denominator"], point.denominator, "\(at) denominator")
                Self.expectNumber(json["value"], point.value, "\(at) value")
                Self.expectNumber(json["centre"], point.centre, "\(at) centre")
                Self.expectNumber(json["lower"], point.lower, "\(at) lower")
                Self.expectNumber(json["upper"], point.upper, "\(at) upper")
                Self.expectNumber(json["phase"], Double(point.phase), "\(at) phase")
                #expect(json["baseline"] as? Bool == point.baseline && json["excluded"] as? Bool == point.excluded)
                #expect(json["signals"] as? [String] == point.signals.map(\.rawValue), "\(at) signals")
                if report.rules.kind.hasIcons {
                    #expect(json["mdc"] as? String == point.category?.rawValue, "\(at) mdc")
                } else {
                    #expect(json["mdc"] is NSNull, "\(at) mdc")
                }
            }

            let shifts = try #require(entry["sustained_shifts"] as? [Object])
            #expect(shifts.count == report.sustainedShifts.count)
            for (json, shift) in zip(shifts, report.sustainedShifts) {
                #expect(json["start"] as? String == shift.start.iso && json["end"] as? String == shift.end.iso)
                Self.expectNumber(json["median"], shift.median, "\(label) shift median")
            }

            if report.rules.kind.hasIcons {
                let icons = try #require(entry["icons"] as? Object, "\(label): icons")
                #expect(icons["variation"] as? String == report.variation?.rawValue)
                #expect(icons["assurance"] as? String == report.assurance?.rawValue)
            } else {
                #expect(entry["icons"] is NSNull, "\(label): icons")
            }
        }
    }

    /// The two series do cover what the test above claims: rates with many significant
    /// digits, two phases with runs statistics, sustained shifts, icons and signals.
    @Test func test_roundTripSeries_coverTheContract() throws {
        let reports = try Self.reports()
        let (rates, ptd) = (reports[0], reports[1])
        #expect(rates.multiplier == 1000 && rates.phases.count == 2 && rates.phases.allSatisfy { $0.runs != nil })
        #expect(!rates.sustainedShifts.isEmpty)
        #expect(rates.points.contains { point in point.value.map { $0 != $0.rounded() } == true })
        #expect(rates.points.contains { $0.lower.map { abs($0 * 1e6 - ($0 * 1e6).rounded()) > 0 } == true })
        #expect(ptd.variation != nil && ptd.assurance != nil)
        #expect(ptd.points.contains { !$0.signals.isEmpty } || rates.points.contains { !$0.signals.isEmpty })
    }
}
