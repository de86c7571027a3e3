import SPCCore
import WardSPC

/// How a point is marked: Making Data Count colour and, because colour alone fails some
/// readers, a shape — circle (common cause), diamond (improvement), square (concern),
/// triangle up or down (neutral high or low).
enum PointStyle: Int, CaseIterable, Sendable {
    case commonCause, improvement, concern, neutralHigh, neutralLow

    /// The style of a point: its Making Data Count category under mdc/ptd, otherwise the
    /// orientation of its signals (any rule set), otherwise common cause.
    init(_ point: SeriesReport.Point) {
        if let category = point.category {
            switch category {
            case .commonCause: self = .commonCause
            case .specialCauseImprovement: self = .improvement
            case .specialCauseConcern: self = .concern
            case .specialCauseNeutralHigh: self = .neutralHigh
            case .specialCauseNeutralLow: self = .neutralLow
            }
            return
        }
        guard !point.signals.isEmpty else {
            self = .commonCause
            return
        }
        switch point.orientation {
        case .improvement: self = .improvement
        case .concern: self = .concern
        case .neutralHigh: self = .neutralHigh
        case .neutralLow: self = .neutralLow
        case nil:
            if let value = point.value, let centre = point.centre, value < centre { self = .neutralLow } else { self = .neutralHigh }
        }
    }

    var isSpecialCause: Bool { self != .commonCause }

    var colour: StaticString {
        switch self {
        case .commonCause: Palette.commonCause
        case .improvement: Palette.improvement
        case .concern: Palette.concern
        case .neutralHigh, .neutralLow: Palette.neutral
        }
    }

    /// The class on the point's mark (`point` plus the style), for tests and style sheets.
    var markClass: StaticString {
        switch self {
        case .commonCause: "point common-cause"
        case .improvement: "point improvement"
        case .concern: "point concern"
        case .neutralHigh: "point neutral-high"
        case .neutralLow: "point neutral-low"
        }
    }

    /// The words starting a sentence.
    var sentenceWords: String {
        switch self {
        case .commonCause: "Common cause variation"
        case .improvement: "Special cause improvement"
        case .concern: "Special cause concern"
        case .neutralHigh: "Special cause variation (high)"
        case .neutralLow: "Special cause variation (low)"
        }
    }
}
