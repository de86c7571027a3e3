import Testing
@testable import SPCCore

/// Checks WardSPC's lines and Anhøj signals against a qicharts2 0.8.1 reference case,
/// through the public entry points `ChartComputation.lines` and `Anhoej.evaluate`.
enum Agreement {
    /// Relative tolerance on every number (absolute 1e-12 near 0).
    static func close(_ actual: Double?, _ expected: Double?) -> Bool {
        switch (actual, expected) {
        case (nil, nil): return true
        case let (actual?, expected?): return abs(actual - expected) <= max(1e-9 * abs(expected), 1e-12)
        default: return false
        }
    }

    /// The chart options the reference used — WardSPC's defaults: u/up per 1,000 bed
    /// days, p/pp per patient, moving-range screening on (`library(qicharts2)` sets
    /// `qic.screenedmr`).
    static func options(_ chart: ChartKind) -> ChartOptions {
        ChartOptions(kind: chart)
    }

    /// Expects every point of `ward`'s `chart` under `variant` to agree with qicharts2.
    static func expectMatchesQicharts2(ward: String, chart: ChartKind, variant: Qicharts2Reference.Variant,
                                       sourceLocation: SourceLocation = #_sourceLocation) {
        let series = chart.needsIncidentDates ? Qicharts2Reference.intervalSeries(ward)
                                              : Qicharts2Reference.weeklySeries(ward)
        let expected = Qicharts2Reference.expected(ward: ward, chart: chart, variant: variant)
        let label = "\(ward) \(chart.rawValue) \(variant.rawValue)"
        guard !expected.isEmpty, expected.count == series.count else {
            Issue.record("\(label): \(expected.count) reference points for \(series.count) series points",
                         sourceLocation: sourceLocation)
            return
        }
        let layout = Qicharts2Reference.plan(variant, for: series).layout(for: series)
        let lines = ChartComputation.lines(for: series, layout: layout, options: options(chart))
        let outcome = Anhoej.evaluate(lines, layout: layout, chart: chart)
        let outside = Set(outcome.events.filter { $0.kind == .outsideLimits }.flatMap(\.points))

        var mismatches: [String] = []
        for (index, point) in expected.enumerated() {
            var problems: [String] = []
            if series.periods[index] != point.period { problems.append("period \(series.periods[index]) ≠ \(point.period)") }
            if layout.phaseOfPoint[index] != point.part - 1 { problems.append("phase \(layout.phaseOfPoint[index] + 1) ≠ part \(point.part)") }
            for (name, actual, reference) in [("value", lines.values[index], point.value),
                                              ("centre", lines.centre[index], point.centre),
                                              ("lower", lines.lower[index], point.lower),
                                              ("upper", lines.upper[index], point.upper)]
            where !close(actual, reference) {
                problems.append("\(name) \(actual.map { "\($0)" } ?? "nil") ≠ \(reference.map { "\($0)" } ?? "NA")")
            }
            if outside.contains(index) != point.sigmaSignal { problems.append("outside limits \(outside.contains(index)) ≠ \(point.sigmaSignal)") }
            if let runs = outcome.runs[layout.phaseOfPoint[index]] {
                let actual = [runs.useful, runs.longestRun, runs.longestRunLimit, runs.crossings, runs.crossingsLimit]
                let reference = [point.useful, point.longestRun, point.longestRunLimit, point.crossings, point.crossingsLimit]
                if actual != reference { problems.append("runs \(actual) ≠ \(reference)") }
                if runs.signal != point.runsSignal { problems.append("runs signal \(runs.signal) ≠ \(point.runsSignal)") }
            } else {
                problems.append("no runs statistics")
            }
            if !problems.isEmpty { mismatches.append("point \(index + 1): " + problems.joined(separator: "; ")) }
        }
        if !mismatches.isEmpty {
            Issue.record("\(label) disagrees with qicharts2 at \(mismatches.count) points; first: \(mismatches.prefix(3).joined(separator: " | "))",
                         sourceLocation: sourceLocation)
        }
    }
}
