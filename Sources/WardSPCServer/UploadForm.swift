import SPCCore
import SPCRender
import WardData
import WardSPC

/// The upload form's option fields as the person typed them, kept as text so the page can
/// be shown again exactly as it was sent when something is wrong.
struct UploadForm: Sendable, Equatable {
    var title = ""
    var measure = ""
    var chart = ""
    var rules = ""
    var baselineUntil = ""
    var baselineWeeks = ""
    var from = ""
    var benchmark = ""
    var improvement = ""

    /// Longest text accepted in one option field.
    static let maxFieldCharacters = 300

    init() {}

    /// The form as the page first shows it (the defaults filled in).
    static let pageDefaults: UploadForm = {
        var form = UploadForm()
        form.title = ReportBuilder.defaultTitle
        form.rules = "mdc"
        form.benchmark = "15"
        form.improvement = "measure"
        return form
    }()

    /// The option fields of an upload (the files are read elsewhere).
    init(_ form: MultipartForm) {
        func field(_ name: String) -> String {
            guard let part = form.part(name), part.filename == nil else { return "" }
            return part.text.trimmingWhitespace
        }
        title = field("title")
        measure = field("measure")
        chart = field("chart")
        rules = field("rules")
        baselineUntil = field("baseline_until")
        baselineWeeks = field("baseline_weeks")
        from = field("from")
        benchmark = field("benchmark")
        improvement = field("improvement")
    }
}

/// A problem with one form field: the page lists it in the error summary, linked to the
/// field, and shows it beside the field.
struct FieldProblem: Sendable, Equatable {
    /// The field's `id` on the page (`file`, `chart`, `baseline_until`, …).
    var field: String
    var message: String
}

/// The options of an upload, checked: what the form's text means for the library.
struct UploadOptions: Sendable {
    var title = ReportBuilder.defaultTitle
    var measures: Set<String> = []
    var chart: ChartChoice?
    var rules: RuleSetKind?
    var baselineUntil: CivilDate?
    var baselineWeeks: Int?
    var from: CivilDate?
    var benchmark: Double?
    var improvement: Improvement?

    /// The options, and every problem with them (the options are usable when there is none).
    static func check(_ form: UploadForm) -> (options: UploadOptions, problems: [FieldProblem]) {
        var options = UploadOptions()
        var problems: [FieldProblem] = []
        func tooLong(_ field: String, _ label: String, _ value: String) -> Bool {
            guard value.count > UploadForm.maxFieldCharacters else { return false }
            problems.append(FieldProblem(field: field, message: "\(label) is too long: at most \(UploadForm.maxFieldCharacters) characters"))
            return true
        }
        if !form.title.isEmpty, !tooLong("title", "The title", form.title) { options.title = form.title }
        if !form.measure.isEmpty, !tooLong("measure", "The measure", form.measure) { options.measures = [form.measure] }
        if !form.chart.isEmpty {
            if let chart = ChartChoice(rawValue: form.chart) { options.chart = chart } else {
                problems.append(FieldProblem(field: "chart", message: "Choose a chart from the list"))
            }
        }
        if !form.rules.isEmpty {
            if let rules = RuleSetKind(rawValue: form.rules) { options.rules = rules } else {
                problems.append(FieldProblem(field: "rules", message: "Choose a rule set from the list"))
            }
        }
        // "measure": each measure's own direction, from the built-in measure catalogue.
        if !form.improvement.isEmpty && form.improvement != "measure" {
            if let improvement = Improvement(rawValue: form.improvement) { options.improvement = improvement } else {
                problems.append(FieldProblem(field: "improvement-decrease", message: "Choose which way is better"))
            }
        }
        if !form.baselineUntil.isEmpty {
            if let date = DateParser.typedDate(form.baselineUntil) { options.baselineUntil = date } else {
                problems.append(FieldProblem(field: "baseline_until", message: "The baseline end must be a date, like 2023-12-25 or 25/12/2023"))
            }
        }
        if !form.baselineWeeks.isEmpty {
            if let weeks = Int(form.baselineWeeks), weeks >= 1, weeks <= 100_000 { options.baselineWeeks = weeks } else {
                problems.append(FieldProblem(field: "baseline_weeks", message: "The number of baseline weeks (or months) must be a whole number, 1 or more"))
            }
        }
        if !form.baselineUntil.isEmpty, !form.baselineWeeks.isEmpty {
            problems.append(FieldProblem(field: "baseline_until", message: "Give a baseline end date or a number of baseline weeks, not both"))
        }
        if !form.from.isEmpty {
            if let date = DateParser.typedDate(form.from) { options.from = date } else {
                problems.append(FieldProblem(field: "from", message: "The comparison start must be a date, like 2024-07-01 or 01/07/2024"))
            }
        }
        if let until = options.baselineUntil, let from = options.from, from <= until {
            problems.append(FieldProblem(field: "from", message: "The comparison must start after the baseline ends (\(until.ukText))"))
        }
        if !form.benchmark.isEmpty {
            let text = form.benchmark.hasSuffix("%") ? String(form.benchmark.dropLast()).trimmingWhitespace : form.benchmark
            if let benchmark = Double(text), benchmark > 0, benchmark <= 100 { options.benchmark = benchmark } else {
                problems.append(FieldProblem(field: "benchmark", message: "The benchmark must be a percentage above 0 and at most 100, like 15"))
            }
        }
        return (options, problems)
    }

    /// The choices this form makes, as the command line's flags would (`--chart`,
    /// `--rules`, `--improvement`, `--baseline-until`/`--baseline-periods`, `--from`,
    /// `--benchmark`, `--measure`); the library resolves them with each endpoint's defaults.
    func choices(events: WardEvents?, eventsFile: String?) -> RequestChoices {
        var choices = RequestChoices()
        choices.chart = chart
        choices.rules = rules
        choices.improvement = improvement
        let baseline: Baseline? = baselineUntil.map { .until($0) } ?? baselineWeeks.map { .firstPeriods($0) }
        choices.windows = StudyWindows(baseline: baseline, from: from)
        choices.events = events
        choices.eventsFile = eventsFile
        choices.benchmark = benchmark
        choices.filters.measures = measures
        return choices
    }
}

extension StringProtocol {
    /// Without leading and trailing white space (spaces, tabs, line ends).
    var trimmingWhitespace: String {
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
