import SPCCore
import WardData
import WardSPC

/// The `<title>` of a point: what a reader sees when hovering in a browser — the period,
/// the value with what it is made of, the lines, and any signals in words (units are on
/// the axis; a common-cause point says nothing more).
enum PointTooltip {
    static func text(_ point: SeriesReport.Point, report: SeriesReport, exclusion: String?) -> String {
        var text = DateText.period(point.period, kind: report.period)
        text.replaceSubrange(text.startIndex...text.startIndex, with: text.prefix(1).uppercased())
        text += ": "
        text += point.value.map(ValueText.reading) ?? "no value"
        if let count = point.count, let denominator = point.denominator {
            switch report.chart {
            case .p, .pp: text += " (\(ValueText.reading(count)) of \(ValueText.reading(denominator)))"
            case .u, .up: text += " (\(ValueText.reading(count)) in \(ValueText.reading(denominator)) bed days)"
            default: if report.multiplier != 1 { text += " (\(ValueText.reading(count)) in \(ValueText.reading(denominator)))" }
            }
        }
        if let centre = point.centre {
            text += "\n\(ChartVocabulary.centreName(report.chart)) \(ValueText.reading(centre))"
            if let lower = point.lower, let upper = point.upper {
                text += ", limits \(ValueText.reading(lower))–\(ValueText.reading(upper))"
            } else if let upper = point.upper {
                text += ", upper limit \(ValueText.reading(upper))"
            }
        }
        let style = PointStyle(point)
        if style.isSpecialCause || !point.signals.isEmpty {
            let words = style.words
            text += "\n" + words.prefix(1).uppercased() + words.dropFirst()
            if !point.signals.isEmpty {
                text += ": " + point.signals.map(signalWords).joined(separator: ", ")
            }
        }
        if point.excluded {
            text += "\nExcluded from the calculations"
            if let exclusion { text += " (\(exclusion))" }
        }
        return text
    }

    static func signalWords(_ kind: SignalKind) -> String {
        switch kind {
        case .outsideLimits: "outside the limits"
        case .longRun: "long run on one side"
        case .shift: "shift"
        case .trend: "trend"
        case .twoOfThree: "two of three near a limit"
        case .tooFewRuns: "too few runs"
        case .tooManyRuns: "too many runs"
        case .fewCrossings: "too few crossings"
        }
    }
}
