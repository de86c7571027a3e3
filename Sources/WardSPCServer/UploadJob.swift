import SPCRender
import Threads
import WardData
import WardSPC

/// What an endpoint answers: a status, a content type and the bytes.
struct Reply: Sendable {
    var status: Int
    var contentType: String
    var body: [UInt8]

    /// What a job stopped by its deadline returns: never sent (the answer was 503).
    static let dropped = Reply(status: 503, contentType: "text/plain; charset=utf-8", body: [])

    static func html(_ status: Int, _ page: [UInt8]) -> Reply {
        Reply(status: status, contentType: "text/html; charset=utf-8", body: page)
    }

    /// `document` as the command line prints it; past `deadline` cut short (and dropped).
    static func json(_ status: Int, _ document: JSONValue, until deadline: Deadline = .never) -> Reply {
        var body: [UInt8] = []
        let text = document.renderedOutput(pretty: true, until: deadline)
        body.reserveCapacity(text.count + 1)
        for chunk in text.chunks { body += chunk }
        body.append(0x0A)
        return Reply(status: status, contentType: "application/json; charset=utf-8", body: body)
    }
}

/// One problem the page lists: with its place in a file (`wards.csv:12:count`) for data
/// errors, and the field it belongs to (the error summary links there).
struct PageProblem: Sendable, Equatable {
    var field: String
    var file: String?
    var line: Int?
    var column: String?
    var message: String

    init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    init(field: String, issue: InputIssue) {
        self.field = field
        file = issue.file
        line = issue.line
        column = issue.column
        message = issue.fullMessage
    }

    /// `FILE:LINE:COLUMN`, as the command line prints it.
    var place: String? {
        guard var place = file else { return nil }
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        return place
    }
}

/// The three upload endpoints: the report page, and the CLI's JSON contracts for scripts.
enum UploadEndpoint: String, Sendable, CaseIterable {
    case report, analyze, evaluate
}

/// Everything an upload goes through, in memory: the form, the files, the analysis and the
/// answer. Synchronous CPU work — the server runs it off the event loop (`WorkQueue`).
enum UploadJob {
    /// Why an upload was refused: the HTTP status and every problem, with the form as sent.
    struct Refusal: Error {
        var status: Int
        var problems: [PageProblem]
        var unreportedErrors = 0
        var form = UploadForm()
    }

    /// What a job is allowed: the limits the page states, and what one upload may ask for.
    struct Settings: Sendable {
        var page: UploadPage.Limits
        var upload: UploadLimits
    }

    /// The answer to an upload. Past `deadline` the work stops early and the reply is
    /// meaningless: the server has answered 503 by then and drops it.
    static func run(_ endpoint: UploadEndpoint, body: [UInt8], boundary: String,
                    settings: Settings, deadline: Deadline = .never) -> Reply {
        do throws(Refusal) {
            let reply = try answer(endpoint, body: body, boundary: boundary, settings: settings, deadline: deadline)
            guard reply.body.count <= settings.upload.maxReplyBytes else {
                throw Refusal(status: 422, problems: [PageProblem(field: "file", message: settings.upload.replyTooLarge(reply.body.count))])
            }
            return reply
        } catch {
            return refusalReply(endpoint, error, limits: settings.page)
        }
    }

    /// The reply to a refused upload: the page with every problem, or a JSON error document.
    static func refusalReply(_ endpoint: UploadEndpoint, _ refusal: Refusal, limits: UploadPage.Limits) -> Reply {
        switch endpoint {
        case .report:
            return .html(refusal.status, UploadPage.render(form: refusal.form, problems: refusal.problems,
                                                           unreportedErrors: refusal.unreportedErrors, limits: limits))
        case .analyze, .evaluate:
            return .json(refusal.status, errorDocument(refusal))
        }
    }

    private static func answer(_ endpoint: UploadEndpoint, body: [UInt8], boundary: String, settings: Settings,
                               deadline: Deadline) throws(Refusal) -> Reply {
        let multipart: MultipartForm
        do { multipart = try MultipartForm.parse(body, boundary: boundary) } catch {
            throw Refusal(status: 400, problems: [PageProblem(field: "file", message: "The upload could not be read (\(error)). Please try again.")])
        }
        let form = UploadForm(multipart)
        guard let file = multipart.part("file"), !(file.bytes.isEmpty && (file.filename ?? "").isEmpty) else {
            throw Refusal(status: 400, problems: [PageProblem(field: "file", message: "Choose a CSV file to upload")], form: form)
        }
        // Every problem at once: the files' and the options' (in the page's order).
        let (options, problems) = UploadOptions.check(form)
        let optionProblems = problems.map { PageProblem(field: $0.field, message: $0.message) }
        let inputs: Inputs
        do {
            inputs = try readInputs(data: file, events: multipart.part("events"), options: settings.upload.readOptions, form: form)
        } catch {
            var refusal = error
            refusal.problems += optionProblems
            throw refusal
        }
        guard optionProblems.isEmpty else { throw Refusal(status: 422, problems: optionProblems, form: form) }
        guard !deadline.hasPassed else { return .dropped }
        // The answer's size, before any work: refused now rather than made and dropped.
        let size = UploadLimits.Size(inputs.dataset)
        if let message = settings.upload.replyCheck(endpoint, size: size) {
            throw Refusal(status: 422, problems: [PageProblem(field: "file", message: message)], form: form)
        }
        switch endpoint {
        case .report: return .html(200, try report(inputs, options: options, form: form, deadline: deadline))
        case .analyze: return .json(200, try analysis(inputs, options: options, form: form, deadline: deadline), until: deadline)
        case .evaluate: return .json(200, try evaluation(inputs, options: options, form: form, deadline: deadline), until: deadline)
        }
    }

    struct Inputs {
        /// The data file read whole, within the upload limits (`UploadLimits.readOptions`).
        var dataset: WardDataset
        var events: WardEvents?
        var eventsName: String?
    }

    /// Reads the data file whole and the events file (when one was chosen); a rejection
    /// lists the problems of both.
    private static func readInputs(data: MultipartForm.Part, events: MultipartForm.Part?, options: ReadOptions,
                                   form: UploadForm) throws(Refusal) -> Inputs {
        var problems: [PageProblem] = []
        var unreported = 0
        let dataFile = InputFile(name: uploadName(data, fallback: "data.csv"), bytes: Array(data.bytes))
        var dataset: WardDataset?
        do {
            dataset = try WardDataReader.read(dataFile, options: options)
        } catch {
            problems += error.errors.map { PageProblem(field: "file", issue: $0) }
            unreported += error.unreportedErrors
        }
        var wardEvents: WardEvents?
        var eventsName: String?
        if let events, !(events.bytes.isEmpty && (events.filename ?? "").isEmpty) {
            eventsName = uploadName(events, fallback: "events.csv")
            do {
                wardEvents = try WardEventsReader.read(InputFile(name: eventsName!, bytes: Array(events.bytes)), options: options)
            } catch {
                problems += error.errors.map { PageProblem(field: "events", issue: $0) }
                unreported += error.unreportedErrors
            }
        }
        guard problems.isEmpty, let dataset else {
            // Readers find some problems in a later pass (dates are resolved per column):
            // list each file's in line order, whole-file problems first.
            let ordered = problems.enumerated().sorted { left, right in
                let (a, b) = (left.element, right.element)
                if a.field != b.field { return a.field == "file" }
                if (a.line ?? 0) != (b.line ?? 0) { return (a.line ?? 0) < (b.line ?? 0) }
                return left.offset < right.offset
            }.map(\.element)
            throw Refusal(status: 422, problems: ordered, unreportedErrors: unreported, form: form)
        }
        return Inputs(dataset: dataset, events: wardEvents, eventsName: eventsName)
    }

    /// The upload's file name without any folder a browser may send.
    static func uploadName(_ part: MultipartForm.Part, fallback: String) -> String {
        let name = (part.filename ?? "").split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        return name.trimmingWhitespace.isEmpty ? fallback : String(name.prefix(200))
    }

    /// The page `wardspc report` writes to index.html, built by the same library calls.
    private static func report(_ inputs: Inputs, options: UploadOptions, form: UploadForm,
                               deadline: Deadline) throws(Refusal) -> [UInt8] {
        let dataset = inputs.dataset
        let choices = options.choices(events: inputs.events, eventsFile: inputs.eventsName)
        let about = ReportBuilder.About(title: options.title, dataFile: dataset.file, eventsFile: inputs.eventsName)
        let content = try answering(form) {
            var request = try AnalysisRequest.resolve(choices, purpose: .picture, facts: DatasetFacts(dataset))
            request.deadline = deadline
            return try ReportBuilder.content(dataset, request: request, about: about)
        }
        guard !deadline.hasPassed else { return [] }
        return HTMLReport.build(content, deadline: deadline).index.bytes
    }

    /// `wardspc analyze --format json` (wardspc/analysis@1): the same document the command
    /// writes for the file (the whole-file path, which the command's streaming path equals).
    private static func analysis(_ inputs: Inputs, options: UploadOptions, form: UploadForm,
                                 deadline: Deadline) throws(Refusal) -> JSONValue {
        let choices = options.choices(events: inputs.events, eventsFile: inputs.eventsName)
        let result = try answering(form) {
            var request = try AnalysisRequest.resolve(choices, purpose: .analyze, facts: DatasetFacts(inputs.dataset))
            request.deadline = deadline
            return try Analyzer.analyse(inputs.dataset, settings: request.analysis)
        }
        guard !deadline.hasPassed else { return .null }
        return AnalysisJSON.analysis(result.series, until: deadline)
    }

    /// `wardspc evaluate --format json` (wardspc/evaluation@2), as the command makes it.
    private static func evaluation(_ inputs: Inputs, options: UploadOptions, form: UploadForm,
                                   deadline: Deadline) throws(Refusal) -> JSONValue {
        let choices = options.choices(events: inputs.events, eventsFile: inputs.eventsName)
        let result = try answering(form) {
            var request = try AnalysisRequest.resolve(choices, purpose: .comparison, facts: DatasetFacts(inputs.dataset))
            request.deadline = deadline
            return try Evaluator.evaluate(inputs.dataset, settings: request.evaluation)
        }
        guard !deadline.hasPassed else { return .null }
        return EvaluationJSON.document(result)
    }

    /// A library call on the upload: a refused file (422, every problem with its place) or a
    /// request the data cannot answer (422, with the reason).
    private static func answering<T>(_ form: UploadForm, _ body: () throws -> T) throws(Refusal) -> T {
        do { return try body() } catch let rejected as InputRejected {
            throw Refusal(status: 422, problems: rejected.errors.map { PageProblem(field: "file", issue: $0) },
                          unreportedErrors: rejected.unreportedErrors, form: form)
        } catch {
            throw Refusal(status: 422, problems: [PageProblem(field: "chart", message: "\(error)")], form: form)
        }
    }

    /// For scripts: `wardspc/upload-errors@1`, every problem with its place.
    static func errorDocument(_ refusal: Refusal) -> JSONValue {
        .object([
            ("schema", .string("wardspc/upload-errors@1")),
            ("status", .number(Double(refusal.status))),
            ("errors", .array(refusal.problems.map { problem in
                .object([
                    ("field", .string(problem.field)),
                    ("file", .optional(problem.file, JSONValue.string)),
                    ("line", .optional(problem.line) { .number(Double($0)) }),
                    ("column", .optional(problem.column, JSONValue.string)),
                    ("message", .string(problem.message)),
                ])
            })),
            ("unreported_errors", .number(Double(refusal.unreportedErrors))),
        ])
    }
}
