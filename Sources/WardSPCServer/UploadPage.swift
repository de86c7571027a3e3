import SPCRender
import WardSPC

/// The upload page: one plain form (works without JavaScript), the options that matter,
/// and — when an upload was refused — an error summary at the top listing every problem
/// with its place, linked to its field, with the options as they were sent.
///
/// Written with SPCRender's `MarkupWriter`, so every piece of user text (file names, cell
/// values quoted in messages, the options typed) is escaped by `Markup`, in one place.
enum UploadPage {
    /// The server's limits, as the page states them.
    struct Limits: Sendable {
        var maxUploadBytes: Int
        var timeLimitSeconds: Double
    }

    static func render(form: UploadForm = UploadForm(), problems: [PageProblem] = [], unreportedErrors: Int = 0,
                       limits: Limits) -> [UInt8] {
        var html = MarkupWriter(capacity: 24_000 + problems.count * 300)
        html.fixed("<!DOCTYPE html>\n")
        html.start("html")
        html.attribute("lang", "en-GB")
        html.endStart()
        html.fixed("\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        html.element("title", text: (problems.isEmpty ? "" : "Error: ") + "Make an SPC report – WardSPC")
        html.fixed("\n<style>\n")
        html.fixed(UploadPageStyle.css)
        html.fixed("</style>\n</head>\n<body>\n<a class=\"skip-link\" href=\"#main\">Skip to main content</a>\n")
        html.fixed("<header class=\"banner\"><div class=\"width\"><span class=\"brand\">WardSPC</span> <span class=\"service\">Ward safety charts</span></div></header>\n")
        html.open("main", class: "width", id: "main")
        if !problems.isEmpty { errorSummary(problems, unreportedErrors: unreportedErrors, into: &html) }
        html.element("h1", text: "Make an SPC report from your ward data")
        html.paragraph("Choose your wards' CSV file and select “Make the report”. You get one page with a statistical process control chart for every ward and measure, the signals marked, a plain-English reading of each, and the change against the 15% benchmark.", class: "lead")
        html.paragraph("Your files are read in this server's memory and forgotten when the report is sent back: they are never saved to disk or written to a log.", class: "inset")
        uploadForm(form, problems: problems, limits: limits, into: &html)
        forScripts(limits: limits, into: &html)
        html.end("main")
        html.open("footer", class: "width")
        html.text("wardspc \(WardSPCVersion.current) · uploads of up to \(megabytes(limits.maxUploadBytes)) · nothing you upload is kept")
        html.end("footer")
        // Served from this server, not inline: the page's policy runs no inline script.
        html.fixed("\n<script src=\"/upload.js\"></script>\n</body>\n</html>\n")
        return html.bytes
    }

    /// Where the page's script is served (`UploadPageStyle.script`).
    static let scriptPath = "/upload.js"
    static let scriptBytes: [UInt8] = UploadPageStyle.script.withUTF8Buffer { Array($0) }

    /// "There is a problem" with every problem as a link to its field.
    private static func errorSummary(_ problems: [PageProblem], unreportedErrors: Int, into html: inout MarkupWriter) {
        html.start("div")
        html.attribute("class", "error-summary")
        html.attribute("role", "alert")
        html.attribute("tabindex", "-1")
        html.attribute("aria-labelledby", "error-summary-title")
        html.endStart()
        html.start("h2")
        html.attribute("id", "error-summary-title")
        html.endStart()
        html.text("There is a problem")
        html.end("h2")
        let fileProblems = problems.filter { $0.file != nil }.count
        if fileProblems > 0 {
            let total = fileProblems + unreportedErrors
            html.paragraph("Nothing was drawn: \(counted(total, "problem")) in the file\(problems.contains { $0.field == "events" } ? "s" : "") must be fixed first. Each is shown as file:line:column (line 1 is the header row). Fix them in your spreadsheet, save it as CSV and upload it again.")
        }
        html.open("ul", class: "error-list")
        for problem in problems {
            html.open("li")
            html.start("a")
            html.attribute("href", text: "#" + problem.field)
            html.endStart()
            if let place = problem.place {
                html.element("span", class: "place", text: place)
                html.text(" ")
            }
            html.text(problem.message)
            html.end("a")
            html.end("li")
        }
        if unreportedErrors > 0 { html.element("li", text: "… and \(counted(unreportedErrors, "more error")) not listed") }
        html.end("ul")
        html.paragraph("Your browser does not keep a chosen file after a problem: choose it again before sending.", class: "muted")
        html.end("div")
    }

    private static func uploadForm(_ form: UploadForm, problems: [PageProblem], limits: Limits, into html: inout MarkupWriter) {
        html.fixed("<form method=\"post\" action=\"/report\" enctype=\"multipart/form-data\" id=\"upload-form\">\n")
        fileField(id: "file", label: "Ward data file (CSV)", problems: problems, required: true, into: &html) { html in
            html.text("Weekly or monthly counts per ward: long (trust, ward, measure, week_start, count, bed_days), wide, one row per incident, or an MHSDS restrictive-intervention extract. Up to \(megabytes(limits.maxUploadBytes)). ")
            html.fixed("<a href=\"/sample.csv\" download>Download a sample file</a> (3 trusts, 36 wards, 3 years) to try it.")
        }

        // The options fold away so the button sits under the file; they open by themselves
        // when one of them has a problem or was changed.
        let optionFields: Set<String> = ["measure", "chart", "rules", "improvement-decrease", "baseline_until", "baseline_weeks",
                                         "from", "events", "benchmark", "title"]
        let changed = form != UploadForm() && form != UploadForm.pageDefaults
        if changed || problems.contains(where: { optionFields.contains($0.field) }) {
            html.fixed("<details class=\"options\" open>")
        } else {
            html.fixed("<details class=\"options\">")
        }
        html.element("summary", text: "Options: measure, chart, rules, baseline, events file, benchmark, title")
        html.open("div", class: "options-body")
        html.open("fieldset", class: "fieldset")
        html.element("legend", text: "What to chart")
        textField(id: "measure", label: "Measure", hint: "Only this measure, spelled as in the file, e.g. restraint. Leave empty for every measure.",
                  value: form.measure, problems: problems, width: "width-20", into: &html)
        selectField(id: "chart", label: "Chart", hint: "Leave on automatic unless you know which chart you need.",
                    options: chartChoices, selected: form.chart, problems: problems, into: &html)
        selectField(id: "rules", label: "Rules for signals", hint: nil, options: ruleChoices,
                    selected: form.rules.isEmpty ? "mdc" : form.rules, problems: problems, into: &html)
        improvementField(form.improvement.isEmpty ? "measure" : form.improvement, problems: problems, into: &html)
        html.end("fieldset")

        html.open("fieldset", class: "fieldset")
        html.element("legend", text: "Baseline and comparison")
        html.paragraph("Without these, each ward's first 26 weeks are compared with its last 26 — or, with an events file, the weeks before the ward's first event with the weeks from then on.", class: "hint")
        textField(id: "baseline_until", label: "Baseline ends on", hint: "The baseline's last week. For example, 2023-12-25 or 25/12/2023.",
                  value: form.baselineUntil, problems: problems, width: "width-10", into: &html)
        textField(id: "baseline_weeks", label: "Or: baseline is the first … weeks", hint: "A number of weeks, e.g. 26. Give a date or a number, not both.",
                  value: form.baselineWeeks, problems: problems, width: "width-4", numeric: true, into: &html)
        textField(id: "from", label: "Comparison starts on", hint: "For example, 2024-07-01 or 01/07/2024. Empty: the last 26 weeks.",
                  value: form.from, problems: problems, width: "width-10", into: &html)
        fileField(id: "events", label: "Events file (CSV)", problems: problems, required: false, into: &html) { html in
            html.text("Optional: trust, ward, date, label[, kind] — e.g. the date each ward joined the collaborative, which starts its new phase. ")
            html.fixed("<a href=\"/sample-events.csv\" download>Sample events file</a>.")
        }
        html.end("fieldset")

        html.open("fieldset", class: "fieldset")
        html.element("legend", text: "The report")
        textField(id: "benchmark", label: "Benchmark reduction, %", hint: "The reduction wards are compared with. The national restrictive practice collaborative achieved 15%.",
                  value: form.benchmark.isEmpty ? "15" : form.benchmark, problems: problems, width: "width-4", numeric: true, into: &html)
        textField(id: "title", label: "Title", hint: "Printed at the top of the report.",
                  value: form.title.isEmpty ? ReportBuilder.defaultTitle : form.title, problems: problems, width: "width-full", into: &html)
        html.end("fieldset")
        html.end("div")
        html.fixed("</details>\n")

        html.fixed("<button type=\"submit\" class=\"button\" id=\"submit\">Make the report</button>\n")
        html.fixed("<p class=\"hint\" id=\"working\" aria-live=\"polite\"></p>\n")
        html.fixed("</form>\n")
    }

    private static let chartChoices: [(value: String, label: String)] = [
        ("", "Automatic: per ward and measure, the chart an expert would draw (u or c; rare events by month or days between)"),
        ("u", "u — rate per occupied bed days"), ("up", "u′ (Laney) — rates, many bed days"),
        ("c", "c — counts"), ("run", "Run chart — median, no limits"), ("i", "i (XmR) — individual values"),
        ("mr", "mr — moving ranges"), ("p", "p — proportion of patients"), ("pp", "p′ (Laney) — proportions"),
        ("g", "g — days between incidents (one row per incident)"), ("t", "t — time between incidents (one row per incident)"),
    ]

    private static let ruleChoices: [(value: String, label: String)] = [
        ("mdc", "Making Data Count (NHS England)"), ("ptd", "NHSRplotthedots"),
        ("anhoej", "Anhøj runs rules (qicharts2)"), ("ihi", "IHI run chart rules"),
    ]

    private static func problem(for field: String, in problems: [PageProblem]) -> String? {
        let mine = problems.filter { $0.field == field }
        guard let first = mine.first else { return nil }
        if first.file != nil {
            return mine.count == 1 ? "The file has a problem: see the list at the top" : "The file has \(mine.count) problems: see the list at the top"
        }
        return first.message
    }

    /// `<div class="form-group">` with its label, hint and error message; `hint` writes the
    /// hint's content (text, or text with a link).
    private static func groupStart(id: String, label: String, error: String?, dropZone: Bool = false,
                                   into html: inout MarkupWriter, hint: ((inout MarkupWriter) -> Void)?) {
        switch (error != nil, dropZone) {
        case (false, false): html.open("div", class: "form-group")
        case (true, false): html.open("div", class: "form-group form-group-error")
        case (false, true): html.open("div", class: "form-group drop-zone")
        case (true, true): html.open("div", class: "form-group form-group-error drop-zone")
        }
        html.start("label")
        html.attribute("class", "label")
        html.attribute("for", text: id)
        html.endStart()
        html.text(label)
        html.end("label")
        if let hint {
            html.start("div")
            html.attribute("class", "hint")
            html.attribute("id", text: id + "-hint")
            html.endStart()
            hint(&html)
            html.end("div")
        }
        if let error { errorMessage(id: id, error, into: &html) }
    }

    /// A hint that is plain text.
    private static func textHint(_ hint: String?) -> ((inout MarkupWriter) -> Void)? {
        hint.map { text in { $0.text(text) } }
    }

    private static func errorMessage(id: String, _ message: String, into html: inout MarkupWriter) {
        html.start("p")
        html.attribute("class", "error-message")
        html.attribute("id", text: id + "-error")
        html.endStart()
        html.fixed("<span class=\"visually-hidden\">Error:</span> ")
        html.text(message)
        html.end("p")
    }

    private static func describedBy(_ id: String, hint: Bool, error: Bool, into html: inout MarkupWriter) {
        let ids = (hint ? [id + "-hint"] : []) + (error ? [id + "-error"] : [])
        if !ids.isEmpty { html.attribute("aria-describedby", text: ids.joined(separator: " ")) }
    }

    private static func textField(id: String, label: String, hint: String?, value: String, problems: [PageProblem],
                                  width: StaticString, numeric: Bool = false, into html: inout MarkupWriter) {
        let error = problem(for: id, in: problems)
        groupStart(id: id, label: label, error: error, into: &html, hint: textHint(hint))
        html.start("input")
        html.attribute("class", width)
        html.attribute("type", "text")
        if numeric { html.attribute("inputmode", "decimal") }
        html.attribute("id", text: id)
        html.attribute("name", text: id)
        html.attribute("value", text: value)
        html.attribute("spellcheck", "false")
        describedBy(id, hint: hint != nil, error: error != nil, into: &html)
        html.endStart()
        html.end("div")
        html.fixed("\n")
    }

    private static func selectField(id: String, label: String, hint: String?, options: [(value: String, label: String)],
                                    selected: String, problems: [PageProblem], into html: inout MarkupWriter) {
        let error = problem(for: id, in: problems)
        groupStart(id: id, label: label, error: error, into: &html, hint: textHint(hint))
        html.start("select")
        html.attribute("class", "select")
        html.attribute("id", text: id)
        html.attribute("name", text: id)
        describedBy(id, hint: hint != nil, error: error != nil, into: &html)
        html.endStart()
        for option in options {
            html.start("option")
            html.attribute("value", text: option.value)
            if option.value == selected { html.attribute("selected", "selected") }
            html.endStart()
            html.text(option.label)
            html.end("option")
        }
        html.end("select")
        html.end("div")
        html.fixed("\n")
    }

    private static func fileField(id: String, label: String, problems: [PageProblem], required: Bool,
                                  into html: inout MarkupWriter, hint: @escaping (inout MarkupWriter) -> Void) {
        let error = problem(for: id, in: problems)
        groupStart(id: id, label: label, error: error, dropZone: true, into: &html, hint: hint)
        html.start("input")
        html.attribute("class", "file-input")
        html.attribute("type", "file")
        html.attribute("id", text: id)
        html.attribute("name", text: id)
        html.attribute("accept", ".csv,text/csv,text/plain")
        if required { html.attribute("required", "required") }
        describedBy(id, hint: true, error: error != nil, into: &html)
        html.endStart()
        html.fixed("<p class=\"drop-note\" hidden>…or drag the file here.</p>")
        html.end("div")
        html.fixed("\n")
    }

    private static func improvementField(_ selected: String, problems: [PageProblem], into html: inout MarkupWriter) {
        let error = problem(for: "improvement-decrease", in: problems)
        if error != nil { html.open("div", class: "form-group form-group-error") } else { html.open("div", class: "form-group") }
        if error != nil {
            html.fixed("<fieldset class=\"inner\" aria-describedby=\"improvement-hint improvement-error\">\n")
        } else {
            html.fixed("<fieldset class=\"inner\" aria-describedby=\"improvement-hint\">\n")
        }
        html.fixed("<legend class=\"label\">Which way is better?</legend>\n")
        html.fixed("<div class=\"hint\" id=\"improvement-hint\">Decides whether a signal is shown as improvement (blue) or concern (orange).</div>\n")
        if let error { errorMessage(id: "improvement", error, into: &html) }
        for (value, label) in [("measure", "As each measure's own: fewer is better for restrictive practice, self-harm and AWOL, more for ligature assessments on time, neither for sexual safety"),
                               ("decrease", "Fewer is better, for every measure"),
                               ("increase", "More is better"),
                               ("neutral", "Neither (e.g. sexual-safety reports, which can rise as reporting improves)")] {
            html.open("div", class: "radio")
            html.start("input")
            html.attribute("type", "radio")
            html.attribute("name", "improvement")
            html.attribute("id", text: "improvement-" + value)
            html.attribute("value", text: value)
            if value == selected { html.attribute("checked", "checked") }
            html.endStart()
            html.start("label")
            html.attribute("for", text: "improvement-" + value)
            html.endStart()
            html.text(label)
            html.end("label")
            html.end("div")
        }
        html.fixed("</fieldset>\n")
        html.end("div")
    }

    private static func forScripts(limits: Limits, into html: inout MarkupWriter) {
        html.open("details", class: "scripts")
        html.element("summary", text: "For scripts and analysts")
        html.paragraph("The same form fields can be sent from a script. POST /report returns this report's HTML; POST /analyze and POST /evaluate return the JSON of wardspc analyze --format json (wardspc/analysis@1) and wardspc evaluate --format json (wardspc/evaluation@2). GET /health answers when the server is up.")
        html.element("pre", text: "curl -F file=@wards.csv -F events=@events.csv -F measure=restraint http://HOST:PORT/evaluate")
        html.paragraph("Refused uploads answer 400 (not a form upload, or no file), 413 (over \(megabytes(limits.maxUploadBytes))) or 422 (the file or an option was rejected, or the file asks for more than this server's limits), with every problem listed; 503 when the server is busy (try again after the seconds Retry-After says) or the answer took longer than \(number(limits.timeLimitSeconds)) seconds. GET /health says how many uploads are running and waiting.")
        html.end("details")
    }

    /// `50 MB` (1 MB = 1,048,576 bytes, as the --max-upload-mb flag counts).
    static func megabytes(_ bytes: Int) -> String {
        "\(number(Double(bytes) / 1_048_576)) MB"
    }

    /// A whole number without decimals, else one decimal.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String((value * 10).rounded() / 10)
    }

    /// "1 problem", "3 problems".
    static func counted(_ count: Int, _ singular: String) -> String {
        "\(count) \(singular)\(count == 1 ? "" : "s")"
    }
}
