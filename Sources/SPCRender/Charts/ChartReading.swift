import SPCCore
import WardSPC

/// A chart in one or two plain-English sentences for a ward team, e.g. "Special-cause
/// improvement since Mar 2024: 9 weeks below this phase's mean. Mean fell from 12.3 to
/// 8.1 (−34%) after ‘Joined the collaborative’ (Oct 2023), the better direction."
///
/// The reading never contradicts its chart (docs/analysis.md, "Readings"): its first
/// words are the latest point's colour on the chart and the icon beside it; with several
/// phases a run is said to be against *this phase's* mean, and the change between phases
/// says whether it went the better or the worse way, so "improvement" never sits beside
/// an unqualified "mean rose". A run of zero periods on rare counts — which chance alone
/// produces often — is said to be no sign of change on its own.
public enum ChartReading {
    public static func sentence(_ report: SeriesReport) -> String {
        let points = report.points
        guard let latest = points.lastIndex(where: { $0.value != nil && !$0.excluded })
                ?? points.lastIndex(where: { $0.value != nil }) else {
            return "No values to chart."
        }
        var sentences = [latestReading(report, latest: latest)]
        if let change = phaseChange(report) { sentences.append(change) }
        if let assurance = report.assurance { sentences.append(IconShapes.words(assurance) + ".") }
        return sentences.joined(separator: " ")
    }

    /// The percentage change of the latest phase's centre against the first phase's, or
    /// `nil` with one phase or a zero first centre.
    public static func centreChangePercent(_ report: SeriesReport) -> Double? {
        guard report.phases.count > 1, let first = report.phases.first?.centre,
              let last = report.phases.last?.centre, first != 0 else { return nil }
        return 100 * (last - first) / first
    }

    private static func latestReading(_ report: SeriesReport, latest: Int) -> String {
        let points = report.points
        let point = points[latest]
        let periods = ChartVocabulary.periodPlural(report)
        let centreName = ChartVocabulary.centreName(report.chart).lowercased()
        // With several phases, runs are against this phase's centre (it may have moved).
        let theCentre = report.phases.count > 1 ? "this phase's \(centreName)" : "the \(centreName)"
        let phase = point.phase
        let phaseStart = report.phases.first { $0.index == phase }?.start ?? point.period
        if report.drawnWithoutSignals {
            let centre = point.centre.map { "; \(centreName) \(ValueText.reading($0)) since \(DateText.month(phaseStart))" } ?? ""
            return "No limits or signals: too few incidents for a chart to tell change from chance\(centre)."
        }
        if report.chart.hasLimits && point.lower == nil && point.upper == nil {
            let centre = point.centre.map { "; \(centreName) \(ValueText.reading($0)) so far" } ?? ""
            return "Too few points since \(DateText.month(phaseStart)) for limits\(centre)."
        }
        let style = PointStyle(point)
        if style.isSpecialCause {
            var first = latest
            var streak = 1
            var index = latest - 1
            while index >= 0, points[index].phase == phase {
                if points[index].value != nil {
                    guard PointStyle(points[index]) == style else { break }
                    first = index
                    streak += 1
                }
                index -= 1
            }
            let signals = Set(points[first...latest].flatMap(\.signals))
            let above = (point.value ?? 0) >= (point.centre ?? 0)
            let word = causeWords(style)
            if streak == 1 {
                let value = ValueText.reading(point.value ?? 0)
                var where_ = above ? "above \(theCentre)" : "below \(theCentre)"
                if signals.contains(.outsideLimits) {
                    where_ = above ? "above the upper limit (\(ValueText.reading(point.upper ?? 0)))"
                        : "below the lower limit (\(ValueText.reading(point.lower ?? 0)))"
                } else if signals.contains(.twoOfThree) {
                    where_ = above ? "close to the upper limit" : "close to the lower limit"
                }
                return "\(word) in the latest \(ChartVocabulary.periodSingular(report)) (\(DateText.period(point.period, kind: report.period))): \(value), \(where_)."
            }
            let count = "\(streak) \(periods)"
            var detail: String
            if signals.contains(.shift) || signals.contains(.longRun) {
                detail = "\(count) \(above ? "above" : "below") \(theCentre)"
            } else if signals.contains(.trend) {
                detail = "\(count) \(above ? "rising" : "falling") in a row"
            } else {
                detail = "\(count) close to or beyond the \(above ? "upper" : "lower") limit"
            }
            let outside = points[first...latest].filter { $0.signals.contains(.outsideLimits) }.count
            if outside > 0 && !detail.contains("beyond") {
                detail += ", \(outside) beyond the \(above ? "upper" : "lower") limit"
            }
            if !above, outside == 0, signals.contains(.shift) || signals.contains(.longRun),
               let caveat = zeroRunCaveat(report, run: first...latest) {
                detail += caveat
            }
            return "\(word) since \(DateText.month(points[first].period)): \(detail)."
        }
        // Common cause now: say so, and mention the latest special cause earlier in the phase.
        if let earlier = points.lastIndex(where: { $0.phase == phase && $0.value != nil && PointStyle($0).isSpecialCause }) {
            let style = PointStyle(points[earlier])
            var start = earlier
            while start > 0, points[start - 1].phase == phase,
                  points[start - 1].value == nil || PointStyle(points[start - 1]) == style {
                start -= 1
            }
            return "Common-cause variation in the latest \(ChartVocabulary.periodSingular(report)); \(causeWords(style).lowercased()) earlier in this phase (\(DateText.monthSpan(points[start].period, points[earlier].period)))."
        }
        let phaseSignals = report.phases.first { $0.index == phase }?.signals ?? []
        if phaseSignals.contains(.fewCrossings) || phaseSignals.contains(.tooFewRuns) {
            return "Non-random variation since \(DateText.month(phaseStart)): the points cross \(theCentre) less often than chance allows."
        }
        if phaseSignals.contains(.tooManyRuns) {
            return "Non-random variation since \(DateText.month(phaseStart)): the points cross \(theCentre) more often than chance allows."
        }
        let centre = point.centre.map(ValueText.reading) ?? "–"
        if let lower = point.lower, let upper = point.upper {
            return "Common-cause variation only since \(DateText.month(phaseStart)): \(periods) vary around a \(centreName) of \(centre), within limits of \(ValueText.reading(lower))–\(ValueText.reading(upper)); no sign of change."
        }
        return "Random variation only since \(DateText.month(phaseStart)) around a \(centreName) of \(centre); no sign of change."
    }

    private static func phaseChange(_ report: SeriesReport) -> String? {
        guard report.phases.count > 1, let last = report.phases.last,
              let previous = report.phases.dropLast().last,
              let before = previous.centre, let after = last.centre else { return nil }
        let centreName = ChartVocabulary.centreName(report.chart)
        let when = last.label.map { "after ‘\($0)’ (\(DateText.month(last.start)))" } ?? "from \(DateText.month(last.start))"
        if ValueText.reading(before) == ValueText.reading(after) {
            return "\(centreName) unchanged at \(ValueText.reading(after)) \(when)."
        }
        let verb = after < before ? "fell" : "rose"
        let percent = before != 0 ? " (\(ValueText.signedPercent(100 * (after - before) / before)))" : ""
        var way = ""
        switch report.rules.improvement {
        case .decrease: way = after < before ? ", the better direction" : ", the worse direction"
        case .increase: way = after > before ? ", the better direction" : ", the worse direction"
        case .neutral: way = ""
        }
        return "\(centreName) \(verb) from \(ValueText.reading(before)) to \(ValueText.reading(after))\(percent) \(when)\(way)."
    }

    /// For a run below the centre on rare counts (under one incident a period on average)
    /// made mostly of periods with no incidents: the words saying that is no sign of change
    /// on its own — with a mean of λ a period, P(a zero period) = e^−λ (0.74 for λ = 0.3),
    /// so long runs of zeros come by chance. `nil` otherwise.
    static func zeroRunCaveat(_ report: SeriesReport, run: ClosedRange<Int>) -> String? {
        var incidents = 0.0
        var periods = 0
        for point in report.points where !point.excluded {
            guard let count = point.count else { continue }
            incidents += count
            periods += 1
        }
        guard periods > 0, incidents / Double(periods) < ChartAdvisor.sparseWarningBelow else { return nil }
        let runPoints = report.points[run].filter { $0.count != nil && !$0.excluded }
        let zeros = runPoints.filter { $0.count == 0 }.count
        guard zeros * 2 > runPoints.count else { return nil }
        let period = ChartVocabulary.periodSingular(report)
        let mean = ChartAdvisor.amount(incidents / Double(periods))
        let which = zeros == runPoints.count ? "all \(zeros)" : "\(zeros) of the \(runPoints.count)"
        return " — but \(which) had no incidents, common by chance when incidents are this rare (\(mean) a \(period)): not on its own a sign of change"
    }

    private static func causeWords(_ style: PointStyle) -> String {
        switch style {
        case .improvement: "Special-cause improvement"
        case .concern: "Special-cause concern"
        case .neutralHigh, .neutralLow: "Special-cause variation"
        case .commonCause: "Common-cause variation"
        }
    }
}
