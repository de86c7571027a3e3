import SPCCore
import WardData

/// Breakdowns by context or subtype (`wardspc breakdown`) in each output format. Counts
/// 1 … K−1 are withheld under `--suppress-below` with the shares, rates and change derived
/// from them.
enum BreakdownWording {
    static func rate(_ row: DimensionBreakdown.Row, after: Bool, bedDays: Bool) -> Double? {
        after ? row.rate(row.comparisonCount, row.comparisonExposure, bedDays: bedDays)
            : row.rate(row.baselineCount, row.baselineExposure, bedDays: bedDays)
    }

    static func hidden(_ row: DimensionBreakdown.Row, _ suppression: Suppression) -> Bool {
        suppression.hides(row.baselineCount) || suppression.hides(row.comparisonCount)
    }

    static func title(_ breakdown: DimensionBreakdown) -> String {
        "\(breakdown.measure) by \(breakdown.dimension)"
    }

    static func unit(_ breakdown: DimensionBreakdown) -> String {
        breakdown.exposureIsBedDays ? BedDayRates.shortWords : "per period"
    }

    static func share(_ value: Double?) -> String {
        value.map { "\(Int((100 * $0).rounded()))%" } ?? "–"
    }

    static func change(_ ratio: PooledRatio?) -> String {
        guard let ratio else { return "–" }
        return "\(EvaluationWording.change(ratio: ratio.estimate)) (95% CI \(EvaluationWording.changeRange(ratio.interval)))"
    }

    static func cells(_ row: DimensionBreakdown.Row, _ breakdown: DimensionBreakdown, _ suppression: Suppression) -> [String] {
        let hidden = hidden(row, suppression)
        let bedDays = breakdown.exposureIsBedDays
        return [row.value, String(row.wards),
                suppression.text(row.baselineCount), hidden ? "*" : share(row.baselineShare),
                hidden ? "*" : EvaluationWording.rate(rate(row, after: false, bedDays: bedDays)),
                suppression.text(row.comparisonCount), hidden ? "*" : share(row.comparisonShare),
                hidden ? "*" : EvaluationWording.rate(rate(row, after: true, bedDays: bedDays)),
                hidden ? "*" : change(row.change)]
    }

    static func headers(_ breakdown: DimensionBreakdown) -> [String] {
        [breakdown.dimension, "wards", "baseline", "share", "rate", "comparison", "share", "rate", "change (95% CI)"]
    }

    static func prone(_ breakdown: DimensionBreakdown, _ suppression: Suppression) -> String? {
        guard let row = breakdown.rows.first(where: \.isProne) else { return nil }
        if hidden(row, suppression) { return "Prone restraint (national policy is to eliminate it): counts withheld." }
        return "Prone restraint (national policy is to eliminate it): \(row.baselineCount) incidents in the baseline windows (\(EvaluationWording.rate(rate(row, after: false, bedDays: breakdown.exposureIsBedDays))) \(unit(breakdown))), \(row.comparisonCount) in the comparison windows (\(EvaluationWording.rate(rate(row, after: true, bedDays: breakdown.exposureIsBedDays)))), \(change(row.change))."
    }

    static let explanation = "Programme-wide: each ward's baseline window against its comparison window (as `evaluate`); shares are of the measure's incidents in that window; rates use the whole ward's bed days; the change is the ratio of totals with its 95% interval."
}

public enum BreakdownTable {
    public static func render(_ breakdowns: [DimensionBreakdown], suppression: Suppression = Suppression()) -> String {
        var out = [BreakdownWording.explanation]
        for breakdown in breakdowns {
            out += ["", "\(BreakdownWording.title(breakdown)) (rates \(BreakdownWording.unit(breakdown)))"]
            if let prone = BreakdownWording.prone(breakdown, suppression) { out.append(prone) }
            var table = TextTable(headers: BreakdownWording.headers(breakdown), numericColumns: Set(1..<8))
            table.rows = breakdown.rows.map { BreakdownWording.cells($0, breakdown, suppression) }
            out.append(table.rendered())
        }
        if breakdowns.isEmpty { out.append("No measure carries values in that column.") }
        return out.joined(separator: "\n")
    }
}

public enum BreakdownMarkdown {
    public static func render(_ breakdowns: [DimensionBreakdown], suppression: Suppression = Suppression()) -> String {
        var out = [BreakdownWording.explanation]
        for breakdown in breakdowns {
            out += ["", "### \(EvaluationMarkdown.cell(BreakdownWording.title(breakdown))) (rates \(BreakdownWording.unit(breakdown)))", ""]
            if let prone = BreakdownWording.prone(breakdown, suppression) { out += ["**\(prone)**", ""] }
            out.append("| " + BreakdownWording.headers(breakdown).joined(separator: " | ") + " |")
            out.append("|---|---:|---:|---:|---:|---:|---:|---:|---|")
            for row in breakdown.rows {
                out.append("| " + BreakdownWording.cells(row, breakdown, suppression).map(EvaluationMarkdown.cell).joined(separator: " | ") + " |")
            }
        }
        return out.joined(separator: "\n")
    }
}

public enum BreakdownCSV {
    public static let header = ["measure", "dimension", "value", "wards", "baseline_count", "baseline_exposure",
                                "baseline_share", "baseline_rate", "comparison_count", "comparison_exposure",
                                "comparison_share", "comparison_rate", "rate_ratio", "ci95_low", "ci95_high", "suppressed"]

    public static func render(_ breakdowns: [DimensionBreakdown], suppression: Suppression = Suppression()) -> String {
        func number(_ value: Double?) -> String { value.map(CSVCell.number) ?? "" }
        var out = header.joined(separator: ",") + "\n"
        for breakdown in breakdowns {
            for row in breakdown.rows {
                let hidden = BreakdownWording.hidden(row, suppression)
                let bedDays = breakdown.exposureIsBedDays
                let change = hidden ? nil : row.change
                let cells = [CSVCell.text(breakdown.measure), breakdown.dimension, CSVCell.text(row.value), String(row.wards),
                             suppression.text(row.baselineCount), number(row.baselineExposure),
                             hidden ? "" : number(row.baselineShare),
                             hidden ? "" : number(BreakdownWording.rate(row, after: false, bedDays: bedDays)),
                             suppression.text(row.comparisonCount), number(row.comparisonExposure),
                             hidden ? "" : number(row.comparisonShare),
                             hidden ? "" : number(BreakdownWording.rate(row, after: true, bedDays: bedDays)),
                             number(change?.estimate), number(change?.interval.lower), number(change?.interval.upper),
                             hidden ? "true" : "false"]
                out += cells.joined(separator: ",") + "\n"
            }
        }
        return out
    }
}

/// `wardspc/breakdown@1`: per measure × value, the counts, shares and rates of the
/// baseline and comparison windows and the change (ratio of totals, 95% CI).
public enum BreakdownJSON {
    public static func document(_ breakdowns: [DimensionBreakdown], suppression: Suppression = Suppression()) -> JSONValue {
        func number(_ value: Double?) -> JSONValue { .optional(value, JSONValue.number) }
        let rows: [JSONValue] = breakdowns.flatMap { breakdown in
            breakdown.rows.map { row -> JSONValue in
                let hidden = BreakdownWording.hidden(row, suppression)
                let bedDays = breakdown.exposureIsBedDays
                func window(_ after: Bool) -> JSONValue {
                    let count = after ? row.comparisonCount : row.baselineCount
                    return .object([
                        ("count", suppression.hides(count) ? .null : .number(Double(count))),
                        ("exposure", .number(after ? row.comparisonExposure : row.baselineExposure)),
                        ("share", hidden ? .null : number(after ? row.comparisonShare : row.baselineShare)),
                        ("rate", hidden ? .null : number(BreakdownWording.rate(row, after: after, bedDays: bedDays))),
                    ])
                }
                let change = hidden ? nil : row.change
                return .object([
                    ("measure", .string(breakdown.measure)), ("dimension", .string(breakdown.dimension)),
                    ("value", .string(row.value)), ("wards", .number(Double(row.wards))),
                    ("baseline", window(false)), ("comparison", window(true)),
                    ("rate_ratio", number(change?.estimate)),
                    ("ci95", .optional(change) { .array([.number($0.interval.lower), .number($0.interval.upper)]) }),
                    ("prone", .bool(row.isProne)), ("suppressed", .bool(hidden)),
                ])
            }
        }
        return .object([
            ("schema", .string("wardspc/breakdown@1")),
            ("rate_per", .string(breakdowns.first.map { $0.exposureIsBedDays ? BedDayRates.unit : "period" } ?? BedDayRates.unit)),
            ("rows", .array(rows)),
        ])
    }
}
