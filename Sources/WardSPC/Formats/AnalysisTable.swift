import SPCCore
import WardData

/// Analyses for a terminal (80 columns): a block per series, or one line per series
/// for `--summary`.
public enum AnalysisTable {
    /// Numbers rounded for reading (3 significant decimals at most); exact values are in JSON/CSV.
    static func number(_ value: Double?) -> String {
        guard let value else { return "" }
        if value == value.rounded(), abs(value) < 1e9 { return String(Int64(value)) }
        let magnitude = abs(value)
        let decimals = magnitude >= 100 ? 1 : (magnitude >= 1 ? 2 : 3)
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        var text = "\(rounded)"
        if let dot = text.firstIndex(of: ".") {
            let fraction = text[text.index(after: dot)...]
            if fraction.count < decimals { text += String(repeating: "0", count: decimals - fraction.count) }
        }
        return text
    }

    /// Short names so a line fits 80 columns.
    static let shortSignal: [SignalKind: String] = [
        .outsideLimits: "out", .longRun: "run", .shift: "shift", .trend: "trend", .twoOfThree: "2of3",
        .tooFewRuns: "few-runs", .tooManyRuns: "many-runs", .fewCrossings: "few-cross",
    ]

    static func signals(_ kinds: [SignalKind]) -> String {
        kinds.map { shortSignal[$0] ?? $0.rawValue }.joined(separator: ",")
    }

    static func units(_ report: SeriesReport) -> String {
        units(chart: report.chart, multiplier: report.multiplier, period: report.period)
    }

    static func units(chart: ChartKind, multiplier: Double, period: String) -> String {
        switch chart {
        case .u, .up: return "per \(CSVCell.number(multiplier).withThousands) occupied bed days"
        case .p, .pp: return multiplier == 100 ? "per cent" : "proportion × \(CSVCell.number(multiplier))"
        case .g, .t: return "days between incidents"
        case .c: return "count per \(period)"
        case .run, .i, .mr:
            return multiplier != 1 ? "per \(CSVCell.number(multiplier).withThousands)" : "per \(period)"
        }
    }

    static func heading(_ report: SeriesReport) -> [String] {
        var lines = ["\(report.trust) · \(report.ward) · \(report.measure)",
                     "\(report.chart.rawValue) chart (\(units(report))), \(report.rules.kind.rawValue) rules, improvement: \(report.rules.improvement.rawValue)"]
        if let reason = report.chartReason { lines.append("chart chosen: \(reason)") }
        for phase in report.phases {
            var line = "phase \(phase.index): \(phase.start.ukText) to \(phase.end.ukText), centre \(number(phase.centre)) from \(phase.baselinePoints) baseline point\(phase.baselinePoints == 1 ? "" : "s")"
            if let label = phase.label { line += " (\(label))" }
            lines.append(line)
            if let runs = phase.runs {
                var text = "  runs: \(runs.useful) useful, longest run \(runs.longestRun) (limit \(runs.longestRunLimit)), crossings \(runs.crossings)"
                if let limit = runs.crossingsLimit { text += " (min \(limit))" }
                if let count = runs.runs, let low = runs.runsLowerLimit, let high = runs.runsUpperLimit {
                    text += ", runs \(count) (\(low)–\(high))"
                }
                text += runs.signal ? " — SIGNAL" : " — no signal"
                lines.append(text)
            }
        }
        for shift in report.sustainedShifts {
            lines.append("sustained shift \(shift.start.ukText) to \(shift.end.ukText): new median \(number(shift.median))")
        }
        if report.rules.kind.hasIcons {
            lines.append("variation: \(report.variation?.rawValue ?? "none")  assurance: \(report.assurance?.rawValue ?? "none (no target)")")
        }
        lines += report.warnings.map { "warning: \($0)" }
        return lines
    }

    /// A block per series: heading, phases, then every point.
    public static func points(_ reports: [SeriesReport]) -> String {
        var blocks: [String] = []
        for report in reports {
            let rows = report.points.map { point -> [String] in
                [point.period.iso, number(point.value), number(point.centre), number(point.lower), number(point.upper),
                 (point.excluded ? "excl " : "") + signals(point.signals)]
            }
            let table = TextTable(headers: ["period", "value", "centre", "lower", "upper", "signals"],
                                  rows: rows, numericColumns: [1, 2, 3, 4])
            blocks.append((heading(report) + [table.rendered()]).joined(separator: "\n"))
        }
        return blocks.joined(separator: "\n\n")
    }

    /// One-letter signal codes for the summary, so a line fits 80 columns.
    static let signalCode: [SignalKind: String] = [
        .outsideLimits: "O", .longRun: "R", .shift: "S", .trend: "T", .twoOfThree: "2",
        .tooFewRuns: "F", .tooManyRuns: "M", .fewCrossings: "X",
    ]

    static let variationCode: [VariationIcon: String] = [
        .commonCause: "CC", .improvementHigh: "I↑", .improvementLow: "I↓", .concernHigh: "C↑",
        .concernLow: "C↓", .neutralHigh: "N↑", .neutralLow: "N↓",
    ]

    static let assuranceCode: [AssuranceIcon: String] = [.pass: "P", .fail: "F", .hitOrMiss: "?"]

    /// One line per series, grouped by trust: the latest phase's centre and limits, its
    /// signals (one letter each) and the icons, with a legend.
    public static func summary(_ reports: [SeriesReport]) -> String { summary(reports.map(SeriesSummary.init)) }

    /// The summary table from summaries (the streaming path builds no per-point reports).
    public static func summary(_ reports: [SeriesSummary]) -> String {
        let hasIcons = reports.contains { $0.rules.hasIcons }
        let auto = reports.contains { $0.chartReason != nil }
        var headers = ["ward", "measure"] + (auto ? ["chart"] : []) + ["centre", "lower", "upper", "signals"]
        if hasIcons { headers += ["var", "assur"] }
        var blocks: [String] = []
        var trustOrder: [String] = []
        var byTrust: [String: [SeriesSummary]] = [:]
        for report in reports {
            if byTrust[report.trust] == nil { trustOrder.append(report.trust) }
            byTrust[report.trust, default: []].append(report)
        }
        for trust in trustOrder {
            let rows = byTrust[trust]!.map { report -> [String] in
                var row = [report.ward, report.measure] + (auto ? ["\(report.chart.rawValue) by \(report.period)"] : []) + [number(report.latestCentre),
                           number(report.latestLower), number(report.latestUpper),
                           report.latestSignals.compactMap { signalCode[$0] }.joined()]
                if hasIcons {
                    row += [report.variation.flatMap { variationCode[$0] } ?? "",
                            report.assurance.flatMap { assuranceCode[$0] } ?? ""]
                }
                return row
            }
            let numeric: Set<Int> = auto ? [3, 4, 5] : [2, 3, 4]
            blocks.append("trust \(trust)\n" + TextTable(headers: headers, rows: rows, numericColumns: numeric).rendered())
        }
        var out = blocks.joined(separator: "\n\n")
        if let first = reports.first {
            if auto {
                out += "\n\nChart chosen per series by --chart auto (why: chart_reason in --format json and csv), \(first.rules.rawValue) rules."
            } else {
                out += "\n\n\(first.chart.rawValue) chart (\(units(chart: first.chart, multiplier: first.multiplier, period: first.period))), \(first.rules.rawValue) rules."
            }
            out += "\nCentre and limits: the latest phase's (limits at its last point)."
            out += "\nSignals: O outside limits, R long run, S shift, T trend, 2 two of three,"
            out += "\n         X few crossings, F/M too few/many runs."
            if hasIcons {
                out += "\nVariation: CC common cause, I improvement, C concern, N neutral; ↑ high, ↓ low."
                out += "\nAssurance: P pass, F fail, ? hit or miss."
            }
        }
        let warned = reports.filter { !$0.warnings.isEmpty }.count
        if warned > 0 {
            out += "\n\(warned) series have warnings (in --format json and the per-point view)."
        }
        return out
    }
}

extension String {
    var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }

    /// `1000` → `1,000` (whole numbers only).
    var withThousands: String {
        guard allSatisfy(\.isNumber), count > 3 else { return self }
        var result = ""
        for (index, character) in enumerated() {
            if index > 0 && (count - index) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return result
    }
}
