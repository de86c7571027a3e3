/// The programme headline: per measure, the pooled change, its verdict against the
/// benchmark in `evaluate`'s words (decided and worded in the library, `VerdictWords`),
/// and the wards whose estimates reach 15%, 25% and 100%.
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
            if let reduction = measure.reductionPercent, measure.verdict != "insufficient_data" {
                html.paragraph(reduction >= 0 ? "\(ValueText.fixed(reduction, decimals: 0))% lower" : "\(ValueText.fixed(-reduction, decimals: 0))% higher", class: "big")
            } else {
                html.paragraph("Too few incidents to judge", class: "big")
            }
            if let words = measure.verdictWords { html.paragraph(sentence(words)) }
            let reaching = measure.reaching.map {
                "\($0.wards) of \(measure.wardsWithEstimate) ≥ \(ValueText.reading($0.percent))%"
            }
            if !reaching.isEmpty { html.paragraph("Ward estimates: " + reaching.joined(separator: " · "), class: "muted") }
            if let note = measure.note { html.paragraph(note, class: "muted") }
            html.end("div")
        }
        html.end("div")
        for note in headline.notes { html.paragraph(note, class: "muted") }
        html.end("section")
    }

    /// One measure's headline as one line of text (the PDF's cover, the summary slide): its
    /// change and the verdict in the card's own words.
    static func oneLine(_ measure: ReportHeadline.Measure) -> String {
        var line = DisplayName.measure(measure.measure) + ": "
        if let reduction = measure.reductionPercent, measure.verdict != "insufficient_data" {
            line += reduction >= 0 ? "\(ValueText.fixed(reduction, decimals: 0))% lower."
                : "\(ValueText.fixed(-reduction, decimals: 0))% higher."
        } else {
            line += "too few incidents to judge."
        }
        if let words = measure.verdictWords { line += " " + sentence(words) }
        return line
    }

    /// The verdict's words as a sentence: capitalised, with a full stop.
    static func sentence(_ words: String) -> String {
        guard let first = words.first else { return words }
        return first.uppercased() + words.dropFirst() + "."
    }
}
