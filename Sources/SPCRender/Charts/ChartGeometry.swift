import WardData
import WardSPC

/// Where each point of a series sits along the time axis, where its step of a stepped
/// limit starts and ends, and where the data line breaks for missing periods.
struct ChartGeometry: Sendable {
    /// Days since 1970 of each point.
    var days: [Double]
    /// The left and right ends of each point's step, in days (midway to its neighbours;
    /// half a period beyond the first and last points).
    var stepStart: [Double]
    var stepEnd: [Double]
    /// `true` where the period after this point is missing (the line breaks there).
    var gapAfter: [Bool]
    var firstDay: Double
    var lastDay: Double

    init(_ report: SeriesReport) {
        let points = report.points
        days = points.map { Double($0.period.dayNumber) }
        let halfPeriod = ChartGeometry.halfPeriod(report, days: days)
        var starts = [Double](repeating: 0, count: days.count)
        var ends = [Double](repeating: 0, count: days.count)
        var gaps = [Bool](repeating: false, count: days.count)
        for index in days.indices {
            starts[index] = index == 0 ? days[index] - halfPeriod : (days[index - 1] + days[index]) / 2
            ends[index] = index == days.count - 1 ? days[index] + halfPeriod : (days[index] + days[index + 1]) / 2
            if index + 1 < days.count {
                gaps[index] = ChartGeometry.isGap(from: points[index].period, to: points[index + 1].period,
                                                  period: report.period)
            }
        }
        stepStart = starts
        stepEnd = ends
        gapAfter = gaps
        firstDay = starts.first ?? 0
        lastDay = ends.last ?? 1
    }

    static func isGap(from date: CivilDate, to next: CivilDate, period: String) -> Bool {
        switch period {
        case "week": return next.dayNumber - date.dayNumber > 7
        case "month": return next > date.addingMonths(1)
        default: return false
        }
    }

    private static func halfPeriod(_ report: SeriesReport, days: [Double]) -> Double {
        switch report.period {
        case "week": return 3.5
        case "month": return 15
        default:
            guard days.count > 1 else { return 1 }
            let gaps = zip(days.dropFirst(), days).map { $0 - $1 }.sorted()
            return max(0.5, gaps[gaps.count / 2] / 2)
        }
    }
}
