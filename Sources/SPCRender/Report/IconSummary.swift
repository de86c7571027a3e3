import SPCCore
import WardSPC

/// The icon summary: one row per ward × measure, offered in the order a reader needs
/// it — worst concerns first — since a static page cannot be sorted without a script.
public enum IconSummary {
    public struct Row: Sendable {
        public var seriesIndex: Int
        public var concern: Concern
        /// Latest phase's centre line.
        public var latestCentre: Double?
        /// Latest phase's centre against the first phase's, in per cent (`nil` with one phase).
        public var changePercent: Double?
    }

    /// How worrying a series is now, worst first.
    public enum Concern: Int, Sendable, Comparable {
        /// The latest point is a special cause in the worse direction.
        case concern
        /// The process is expected to miss its target.
        case failingTarget
        /// A special cause where neither direction is better.
        case neutral
        /// Common cause, target hit and miss or none.
        case commonCause
        /// The latest point is a special cause in the better direction.
        case improvement
        /// No icon (a rule set without icons, or too few points for limits).
        case unknown

        public static func < (lhs: Concern, rhs: Concern) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// Every series, worst concerns first; within a group, the largest move in the worse
    /// direction first, then trust, ward and measure.
    public static func rows(_ series: [SeriesReport]) -> [Row] {
        var rows = series.enumerated().map { index, report in
            Row(seriesIndex: index, concern: concern(report), latestCentre: report.latestPhase?.centre,
                changePercent: ChartReading.centreChangePercent(report))
        }
        rows.sort { left, right in
            if left.concern != right.concern { return left.concern < right.concern }
            let leftWorse = worseness(left, series[left.seriesIndex])
            let rightWorse = worseness(right, series[right.seriesIndex])
            if leftWorse != rightWorse { return leftWorse > rightWorse }
            let a = series[left.seriesIndex], b = series[right.seriesIndex]
            return (a.trust, a.ward, a.measure) < (b.trust, b.ward, b.measure)
        }
        return rows
    }

    static func concern(_ report: SeriesReport) -> Concern {
        if let variation = report.variation {
            switch variation {
            case .concernHigh, .concernLow: return .concern
            case .improvementHigh, .improvementLow: return report.assurance == .fail ? .failingTarget : .improvement
            case .neutralHigh, .neutralLow: return .neutral
            case .commonCause: return report.assurance == .fail ? .failingTarget : .commonCause
            }
        }
        // Rule sets without icons: the latest point's signals decide.
        guard let latest = report.points.last(where: { $0.value != nil && !$0.excluded }) else { return .unknown }
        if report.chart.hasLimits && latest.lower == nil && latest.upper == nil && report.rules.kind.hasIcons { return .unknown }
        switch PointStyle(latest) {
        case .concern: return .concern
        case .improvement: return .improvement
        case .neutralHigh, .neutralLow: return .neutral
        case .commonCause: return .commonCause
        }
    }

    /// The change in the better direction (positive = better; no change figure last), for
    /// picking the largest improvements.
    static func betterness(_ row: Row, _ report: SeriesReport) -> Double {
        row.changePercent == nil ? -.infinity : -worseness(row, report)
    }

    /// The change in the worse direction (positive = worse), for ordering within a group.
    private static func worseness(_ row: Row, _ report: SeriesReport) -> Double {
        guard let change = row.changePercent else { return -.infinity }
        switch report.rules.improvement {
        case .decrease: return change
        case .increase: return -change
        case .neutral: return abs(change)
        }
    }
}
