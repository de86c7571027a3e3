import Foundation
@testable import SPCCore

/// The Making Data Count reference cases (`Fixtures/reference/`, read through
/// `ReferenceFixtures`), turned into the inputs of `MakingDataCount.evaluate`:
/// NHSRplotthedots 0.2.2 (`ptd`) and NHS England's SPC SQL v2.6 (`mdc`).
///
/// Limits are computed elsewhere, so each chart's lines are the reference's own: values = y,
/// centre = mean, limits = lpl/upl, 2σ lines = mean ± (2/3)(upl − mean) — exactly
/// 2.66·(2/3)·MR̄ on the NHS England constant the references use.
enum MakingDataCountReference {
    struct Point: Sendable {
        /// Days since 1970-01-01.
        var period: Int32
        var y: Double
        var mean: Double
        var lower: Double
        var upper: Double
        var pointType: String
        /// SQL v2.6 only: the rules that fired, by JSON name.
        var rules: Set<String>
        /// NHSRplotthedots only: 0, or 1 after the rebase.
        var rebaseGroup: Int
    }

    struct Chart: Sendable {
        var ward: String
        var direction: String
        var variant: String
        var points: [Point]

        var name: String { "\(ward) \(direction) \(variant)" }
        var improvement: Improvement { Improvement(rawValue: direction)! }
    }

    /// NHSRplotthedots 0.2.2 charts (`expected_mdc_points.csv`).
    static let plotTheDots = Result { try loadCharts(.plotTheDotsPoints, mean: "mean_col") }
    /// NHSRplotthedots 0.2.2 summary rows (`expected_mdc_summary.csv`).
    static let plotTheDotsSummary = Result { try table(.plotTheDotsSummary) }
    /// SQL v2.6 charts (`expected_mdc_v26_points.csv`).
    static let sqlV26 = Result { try loadCharts(.sqlV26Points, mean: "mean") }
    /// SQL v2.6 summary rows (`expected_mdc_v26_summary.csv`).
    static let sqlV26Summary = Result { try table(.sqlV26Summary) }
    /// `count` per ward from `input.csv`, in row order.
    static let counts = Result { () throws -> [String: [Double]] in
        var counts: [String: [Double]] = [:]
        for row in try table(.input) { counts[row["ward"]!, default: []].append(Double(row["count"]!)!) }
        return counts
    }

    // MARK: Inputs of the rules

    static func chartLines(_ chart: Chart) -> ChartLines {
        var lines = ChartLines(count: chart.points.count)
        for (index, point) in chart.points.enumerated() {
            lines.values[index] = point.y
            lines.centre[index] = point.mean
            lines.lower[index] = point.lower
            lines.upper[index] = point.upper
            lines.upper2[index] = point.mean + 2.0 / 3.0 * (point.upper - point.mean)
            lines.lower2[index] = point.mean - 2.0 / 3.0 * (point.mean - point.lower)
        }
        return lines
    }

    /// The plan each variant stands for: `rebase52` = a new phase at the 52nd row's date,
    /// `fix26` = a baseline of 26 points, anything else = one phase, nothing frozen.
    static func layout(_ chart: Chart) -> PhaseLayout {
        let periods = chart.points.map(\.period)
        let plan: PhasePlan
        switch chart.variant {
        case "rebase52": plan = PhasePlan(phaseStarts: [periods[51]])
        case "fix26": plan = PhasePlan(baselinePoints: 26)
        default: plan = PhasePlan()
        }
        return plan.layout(for: Series(periods: periods, numerators: chart.points.map(\.y)))
    }

    /// `target`: the median of the ward's counts; `target_high`: twice the largest plus 5.
    static func target(_ chart: Chart) throws -> Double? {
        let counts = try counts.get()[chart.ward]!.sorted()
        switch chart.variant {
        case "target":
            let middle = counts.count / 2
            return counts.count % 2 == 1 ? counts[middle] : (counts[middle - 1] + counts[middle]) / 2
        case "target_high": return 2 * counts.last! + 5
        default: return nil
        }
    }

    // MARK: Reading

    static func table(_ file: ReferenceFixtures.File) throws -> [ReferenceFixtures.Row] {
        try ReferenceFixtures.rows(file)
    }

    static func loadCharts(_ file: ReferenceFixtures.File, mean: String) throws -> [Chart] {
        var charts: [Chart] = []
        for row in try table(file) {
            let point = Point(period: ReferenceFixtures.days(row["x"]!), y: Double(row["y"]!)!, mean: Double(row[mean]!)!,
                              lower: Double(row["lpl"]!)!, upper: Double(row["upl"]!)!,
                              pointType: row["point_type"]!,
                              rules: Set((row["rules"] ?? "").split(separator: ";").map(String.init)),
                              rebaseGroup: Int(row["rebase_group"] ?? "0") ?? 0)
            let key = (row["ward"]!, row["direction"]!, row["variant"]!)
            if let last = charts.last, (last.ward, last.direction, last.variant) == key {
                charts[charts.count - 1].points.append(point)
            } else {
                charts.append(Chart(ward: key.0, direction: key.1, variant: key.2, points: [point]))
            }
        }
        return charts
    }
}
