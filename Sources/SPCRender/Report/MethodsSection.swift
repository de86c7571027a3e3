import SPCCore
import WardSPC

/// The methods in words a non-statistician can follow: the chart, the rules, phases and
/// baselines, how to read marks and icons, and the software that made the page.
enum MethodsSection {
    static func write(_ content: ReportContent, into html: inout MarkupWriter) {
        html.open("section", class: "methods", id: "methods")
        html.element("h2", text: "Methods")
        html.open("dl", class: "methods")
        if let first = content.series.first {
            term("Chart", first.chartReason == nil ? chart(first) : autoChart, into: &html)
            term("Signals", rules(first.rules, chart: first.chart), into: &html)
            var phases = "Centre line and limits are computed per phase from the phase's own points (\(ChartVocabulary.baseline(first)))."
            if let events = content.provenance.eventsFile {
                phases += " A new phase starts at each ward's date in \(events) (for example when it joined the programme), so each ward's before and after get their own centre and limits."
            }
            phases += " Excluded points are drawn hollow and tested against the limits, but take no part in computing them. Missing \(first.period)s are gaps in the line, never zeros."
            term("Phases and baselines", phases, into: &html)
            term("Which way is better", "Signals are called improvement or concern on the assumption that \(ChartVocabulary.direction(first.rules.improvement)) for every measure.", into: &html)
        }
        term("Reading the icons", "The variation icon says what the latest point shows: common cause (grey), special-cause improvement (blue) or concern (orange), with H or L for higher or lower. The assurance icon, when a target is set, says whether the limits lie wholly on the right side of it (P: consistently met), the wrong side (F: consistently missed), or straddle it (?: hit and miss). Colour is never the only cue: every special-cause point also has its own shape, and every chart point shows its figures on hover.", into: &html)
        var software = "\(content.provenance.software). Generated \(content.provenance.generated) from \(content.provenance.dataFile)"
        if let events = content.provenance.eventsFile { software += " with events from \(events)" }
        software += "."
        if !content.provenance.settings.isEmpty { software += " Settings: " + content.provenance.settings.joined(separator: " ") + "." }
        software += " Statistics agree with qicharts2 0.8.1, NHSRplotthedots 0.2.2 and NHS England's Making Data Count SQL v2.6 on the project's reference cases. Each chart is also saved as its own SVG file beside this page."
        term("Software", software, into: &html)
        html.end("dl")
        html.end("section")
    }

    private static func term(_ name: String, _ text: String, into html: inout MarkupWriter) {
        html.element("dt", text: name)
        html.element("dd", text: text)
    }

    /// `--chart auto`: how the chart of each ward and measure was chosen.
    static let autoChart = "Chosen for each ward and measure, as an SPC expert would, and said under each chart. Ordinary counts: u charts (rate per 1,000 occupied bed days), or c charts without bed days; while the counts are small their limits are exact Poisson limits, which have the same chance of a false alarm as ±3σ has on large counts. Rare events (under one a week on average, so most weeks are zero): the days between incidents (a g chart) when the incidents' dates are known, otherwise the weeks summed to calendar months; a month with a week missing is drawn hollow and left out of the centre, limits and runs. Fewer incidents than months: the counts drawn without limits or signals, as no chart can tell change from chance in so few."

    static func chart(_ report: SeriesReport) -> String {
        let units = ChartVocabulary.units(report)
        switch report.chart {
        case .u:
            return "u charts: each \(report.period)'s count divided by its occupied bed days, \(units). The centre is the phase's total count over its total bed days; the limits are the centre ± 3√(centre ÷ bed days), so they step in and out with each \(report.period)'s bed days."
        case .up:
            return "Laney u′ charts: as u charts, with limits widened by the variation between \(report.period)s beyond what chance alone gives (the σz of Laney 2002), \(units)."
        case .c:
            return "c charts: each \(report.period)'s count of incidents. The centre is the mean count; the limits are the mean ± 3√mean (never below zero)."
        case .p:
            return "p charts: each \(report.period)'s proportion (\(units)). The centre is the phase's total over its total denominator; the limits are the centre ± 3√(p(1 − p) ÷ n), stepping with each \(report.period)'s denominator."
        case .pp:
            return "Laney p′ charts: as p charts, with limits widened by the variation between \(report.period)s beyond chance (Laney 2002)."
        case .i:
            return report.rules.kind.usesNHSEnglandConstant
                ? "XmR (individuals) charts of \(units): limits the mean ± 2.66 × the mean moving range, as NHS England's Making Data Count does."
                : "XmR (individuals) charts of \(units): limits the mean ± 3σ, σ = the mean moving range ÷ 1.128."
        case .mr:
            return "Moving-range charts: the difference between consecutive values; upper limit 3.267 × the mean moving range."
        case .run:
            return "Run charts of \(units) around the median; no limits. Signals come from the runs rules alone."
        case .g:
            return "g charts: the days between incidents; the centre shown is the median, limits from the geometric distribution."
        case .t:
            return "t charts: the time between incidents, transformed (power 1/3.6) to an individuals chart and back."
        }
    }

    static func rules(_ rules: RuleParameters, chart: ChartKind) -> String {
        let limits = chart.hasLimits ? "a point outside the limits; " : ""
        switch rules.kind {
        case .mdc:
            return "NHS England Making Data Count (SQL v2.6): \(limits)a shift of \(rules.shiftLength) or more points in a row on one side of the mean; a trend of \(rules.trendLength) or more points each rising or falling; two of three points beyond two-thirds of the way to a limit. A phase with fewer than 13 usable points (excluded points do not count) gets no limits or signals."
        case .ptd:
            return "Making Data Count as NHSRplotthedots computes it: \(limits)a shift of \(rules.shiftLength) or more points on one side of the mean; a trend of \(rules.trendLength) or more rising or falling; two of three points near a limit."
        case .anhoej:
            return "Anhøj rules (as qicharts2): \(limits)an unusually long run of points on one side of the centre line (longer than log₂(points) + 3), or unusually few crossings of it."
        case .ihi:
            return "IHI rules (Perla, Provost and Murray 2011): \(limits)a shift of \(rules.shiftLength) or more points on one side of the median; a trend of \(rules.trendLength) or more points rising or falling; too few or too many runs."
        }
    }
}
