/// The programme headline: per measure, the pooled reduction with its 95% interval, its
/// verdict against the benchmark and the wards reaching 15%, 25% and 100%.
enum HeadlineSection {
    static func write(_ headline: ReportHeadline, into html: inout MarkupWriter) {
        let benchmark = ValueText.reading(headline.benchmarkPercent) + "%"
        html.open("section", class: "headline", id: "headline")
        html.element("h2", text: "Programme headline against the \(benchmark) benchmark")
        html.paragraph(headline.comparison, class: "muted")
        html.open("div", class: "cards")
        for measure in headline.measures {
            html.start("div")
            html.attribute("class", text: "card " + (measure.verdict ?? "none"))
            html.endStart()
            html.element("h3", text: DisplayName.measure(measure.measure))
            if let reduction = measure.reductionPercent {
                html.paragraph(reduction >= 0 ? "\(ValueText.fixed(reduction, decimals: 0))% lower" : "\(ValueText.fixed(-reduction, decimals: 0))% higher", class: "big")
                if let interval = measure.reductionCI95 { html.paragraph("95% CI: " + intervalWords(interval)) }
            } else {
                html.paragraph("No reduction can be computed", class: "big")
            }
            if let verdict = measure.verdict { html.paragraph(verdictWords(verdict, benchmark: benchmark)) }
            let reaching = measure.reaching.map {
                "\($0.wards) of \(measure.wardsWithReduction) ≥ \(ValueText.reading($0.percent))%"
            }
            if !reaching.isEmpty { html.paragraph("Wards: " + reaching.joined(separator: " · "), class: "muted") }
            if let note = measure.note { html.paragraph(note, class: "muted") }
            html.end("div")
        }
        html.end("div")
        for note in headline.notes { html.paragraph(note, class: "muted") }
        html.end("section")
    }

    /// A reduction interval in words: "11% to 25% lower", "4% to 20% higher", or
    /// "5% higher to 12% lower" when it spans no change.
    static func intervalWords(_ interval: ReportHeadline.Interval) -> String {
        let low = ValueText.fixed(abs(interval.low), decimals: 0), high = ValueText.fixed(abs(interval.high), decimals: 0)
        if interval.low >= 0 { return "\(low)% to \(high)% lower" }
        if interval.high <= 0 { return "\(high)% to \(low)% higher" }
        return "\(low)% higher to \(high)% lower"
    }

    static func verdictWords(_ verdict: String, benchmark: String) -> String {
        switch verdict {
        case "exceeds": "Exceeds the \(benchmark) benchmark (even the interval's lower end is above it)."
        case "meets": "Meets the \(benchmark) benchmark."
        case "below": "A reduction, but below the \(benchmark) benchmark."
        case "no_reduction": "No reduction."
        case "significant_increase": "A significant increase."
        case "insufficient_data": "Too little data to say."
        default: verdict.replacingOccurrences(of: "_", with: " ")
        }
    }
}
