import WardSPC

/// The data-quality notes of `validate`: what was read, every problem with its line, and
/// the series with missing periods (drawn as gaps, never as zeros).
enum DataQualitySection {
    static let listedWarnings = 30

    static func write(_ content: ReportContent, into html: inout MarkupWriter) {
        html.open("section", class: "data-quality", id: "data-quality")
        html.element("h2", text: "Data quality")
        guard let quality = content.dataQuality else {
            html.paragraph("No data-quality check was run for this report.", class: "muted")
            html.end("section")
            return
        }
        let period = quality.periodKind?.name ?? "period"
        html.paragraph("\(quality.file): \(ValueText.count(quality.records, "record")) read, \(ValueText.count(quality.series.count, "series", "series")) (\(ValueText.count(quality.trusts, "trust")), \(ValueText.count(quality.wards, "ward")), \(ValueText.count(quality.measures, "measure"))), \(period)ly data\(quality.hasDenominator ? " with a denominator (bed days)" : ""). \(quality.ok ? "No errors." : "\(ValueText.count(quality.errors.count + quality.unreportedErrors, "error")).")")

        let fileNotes = quality.errors.map { ("Error", $0) } + quality.warnings.filter { $0.line != nil }.map { ("Warning", $0) }
        if !fileNotes.isEmpty {
            html.open("ul", class: "notes")
            for (kind, issue) in fileNotes.prefix(listedWarnings) {
                html.open("li")
                html.text("\(kind)\(issue.line.map { " (line \($0))" } ?? ""): \(issue.message)")
                html.end("li")
            }
            html.end("ul")
            let unlisted = UnlistedIssues.count(listed: listedWarnings, kept: fileNotes.count,
                                                unreported: quality.unreportedErrors + quality.unreportedWarnings)
            if unlisted > 0 {
                html.paragraph("… and \(unlisted) more: run `wardspc validate \(quality.file)` for every one.", class: "muted")
            }
        }

        // The series this report shows; the measures of a ward that share the same gaps
        // (a whole ward-week missing) are one row.
        let shown = Set(content.series.map { "\($0.trust)\u{1F}\($0.ward)\u{1F}\($0.measure)" })
        let gappy = quality.series.filter {
            (!$0.missingPeriods.isEmpty || !$0.implausiblePeriods.isEmpty)
                && (shown.isEmpty || shown.contains("\($0.trust)\u{1F}\($0.ward)\u{1F}\($0.measure)"))
        }
        var measuresOfWard: [String: Int] = [:]
        for series in quality.series { measuresOfWard["\(series.trust)\u{1F}\(series.ward)", default: 0] += 1 }
        var rows: [(trust: String, ward: String, measures: [String], missing: [CivilDate], implausible: [CivilDate])] = []
        for series in gappy {
            if let last = rows.indices.last, rows[last].trust == series.trust, rows[last].ward == series.ward,
               rows[last].missing == series.missingPeriods, rows[last].implausible == series.implausiblePeriods {
                rows[last].measures.append(series.measure)
            } else {
                rows.append((series.trust, series.ward, [series.measure], series.missingPeriods, series.implausiblePeriods))
            }
        }
        if gappy.isEmpty {
            html.paragraph("No series in this report has a missing \(period).")
        } else {
            html.paragraph("\(ValueText.count(gappy.count, "series", "series")) in this report \(gappy.count == 1 ? "has" : "have") missing \(period)s (left as gaps in the charts, never read as zero) or implausible counts:")
            html.open("div", class: "table-wrap")
            html.open("table", class: "data-quality-table reflow")
            html.open("thead")
            html.open("tr")
            let headings = ["Trust", "Ward", "Measures", "Missing \(period)s", "Implausible (over 10× the median)"]
            for heading in headings {
                html.cell(heading, header: true)
            }
            html.end("tr")
            html.end("thead")
            html.open("tbody")
            for row in rows {
                html.open("tr")
                html.cell(row.trust, label: headings[0])
                html.cell(row.ward, label: headings[1])
                let all = row.measures.count == measuresOfWard["\(row.trust)\u{1F}\(row.ward)"] && row.measures.count > 1
                html.cell(all ? "all \(row.measures.count)" : row.measures.map { DisplayName.measure($0) }.joined(separator: ", "), label: headings[2])
                html.cell(dates(row.missing), label: headings[3])
                html.cell(dates(row.implausible), label: headings[4])
                html.end("tr")
            }
            html.end("tbody")
            html.end("table")
            html.end("div")
        }
        html.end("section")
    }

    static func dates(_ dates: [CivilDate]) -> String {
        guard !dates.isEmpty else { return "–" }
        let shown = dates.prefix(4).map(\.ukText).joined(separator: ", ")
        return dates.count > 4 ? "\(dates.count): \(shown), …" : shown
    }
}
