import SPCCore
import WardData
import WardSPC

/// The `<title>` of a point: what a reader sees when hovering in a browser — the period,
/// the value with what it is made of, the lines, and any signals in words (units are on
/// the axis; a common-cause point says nothing more).
enum PointTooltip {
    /// Writes the tooltip as the content of the `<title>` element already opened.
    static func write(_ point: SeriesReport.Point, report: SeriesReport, exclusion: String?, into svg: inout MarkupWriter) {
        svg.text(text(point, report: report, exclusion: exclusion))
    }

    /// The tooltip as plain text (unescaped: the page's figures carry it as a JSON string).
    static func text(_ point: SeriesReport.Point, report: SeriesReport, exclusion: String?) -> String {
        var svg = PlainText()
        switch report.period {
        case "week":
            svg.text("Week of ")
            svg.text(point.period.ukText)
        case "month": svg.text(DateText.month(point.period))
        default: svg.text(point.period.ukText)
        }
        svg.text(": ")
        svg.text(point.value.map(ValueText.reading) ?? "no value")
        if let count = point.count, let denominator = point.denominator {
            let base: String?
            switch report.chart {
            case .p, .pp: base = " of "
            case .u, .up: base = " in "
            default: base = report.multiplier != 1 ? " in " : nil
            }
            if let base {
                svg.text(" (")
                svg.text(ValueText.reading(count))
                svg.text(base)
                svg.text(ValueText.reading(denominator))
                svg.text(report.chart == .u || report.chart == .up ? " bed days)" : ")")
            }
        }
        if let centre = point.centre {
            svg.text("\n")
            svg.text(ChartVocabulary.centreName(report.chart))
            svg.text(" ")
            svg.text(ValueText.reading(centre))
            if let lower = point.lower, let upper = point.upper {
                svg.text(", limits ")
                svg.text(ValueText.reading(lower))
                svg.text("–")
                svg.text(ValueText.reading(upper))
            } else if let upper = point.upper {
                svg.text(", upper limit ")
                svg.text(ValueText.reading(upper))
            }
        }
        let style = PointStyle(point)
        if style.isSpecialCause || !point.signals.isEmpty {
            svg.text("\n")
            svg.text(style.sentenceWords)
            for (index, signal) in point.signals.enumerated() {
                svg.text(index == 0 ? ": " : ", ")
                svg.text(signalWords(signal))
            }
        }
        if point.excluded {
            svg.text("\nExcluded from the calculations")
            if let exclusion {
                svg.text(" (")
                svg.text(exclusion)
                svg.text(")")
            }
        }
        return svg.string
    }

    /// Text appended piece by piece, as a writer would take it.
    private struct PlainText {
        var string = ""
        init() { string.reserveCapacity(128) }
        mutating func text(_ piece: String) { string += piece }
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
