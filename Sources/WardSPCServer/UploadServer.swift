import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import SPCRender
import Threads
import WardSPC

/// `wardspc serve`: the upload page and its endpoints on a Hummingbird 2 HTTP/1.1 server.
///
/// | route | answer |
/// |---|---|
/// | `GET /` | the upload page |
/// | `GET /upload.js` | the page's small script (served, so the page's policy runs no inline script) |
/// | `POST /report` | the self-contained report `wardspc report` writes to index.html |
/// | `POST /analyze`, `POST /evaluate` | `wardspc/analysis@1`, `wardspc/evaluation@2` JSON |
/// | `GET /health` | `{"status": "ok", "version", "workers", "running", "waiting", "queue", "latest_overrun_seconds"}` |
/// | `GET /sample.csv`, `GET /sample-events.csv` | the committed sample programme's files |
///
/// Uploads live in memory only: nothing is written to disk, and nothing about a request
/// is logged (the server's logger only reports its own failures).
public struct UploadServer: Sendable {
    public let settings: ServerSettings

    public init(settings: ServerSettings) {
        self.settings = settings
    }

    /// Serves until the task is cancelled — or, with `stopOnSignals`, until SIGINT or
    /// SIGTERM. `onListening` is called with the port once connections are accepted.
    public func run(stopOnSignals: Bool = false, onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        var logger = Logger(label: "wardspc.serve")
        logger.logLevel = .critical  // its own failures are thrown; nothing about requests is logged
        let port = settings.port
        let settings = settings
        let queue = WorkQueue(workers: settings.workers, waiting: settings.queueLength)
        defer { queue.stop() }
        let app = Application(
            router: router(queue: queue),
            server: HTTPServerBuilder { responder in
                UploadChannel(responder: responder, settings: settings, hasRoom: { queue.hasRoom })
            },
            configuration: ApplicationConfiguration(address: .hostname(settings.host, port: settings.port)),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? port) },
            logger: logger
        )
        try await app.runService(gracefulShutdownSignals: stopOnSignals ? [.sigterm, .sigint] : [])
    }

    func router(queue: WorkQueue) -> Router<BasicRequestContext> {
        let router = Router()
        let settings = settings
        // Answered here, on the event loops: never behind an upload's job.
        router.get("/") { _, _ in
            Self.response(.html(200, UploadPage.render(limits: settings.pageLimits)), csp: Self.pagePolicy)
        }
        router.get(RouterPath(UploadPage.scriptPath)) { _, _ in
            Self.response(Reply(status: 200, contentType: "text/javascript; charset=utf-8", body: UploadPage.scriptBytes))
        }
        router.get("/health") { _, _ in
            let load = queue.load
            return Self.response(.json(200, .object([
                ("status", .string("ok")), ("version", .string(WardSPCVersion.current)),
                ("workers", .number(Double(queue.workers))), ("running", .number(Double(load.running))),
                ("waiting", .number(Double(load.waiting))), ("queue", .number(Double(queue.waiting))),
                ("latest_overrun_seconds", load.latestOverrunSeconds.map { .number(($0 * 1000).rounded() / 1000) } ?? .null),
            ])))
        }
        router.get("/sample.csv") { _, _ in Self.csv(SampleFiles.wards, name: "wards.csv") }
        router.get("/sample-events.csv") { _, _ in Self.csv(SampleFiles.events, name: "events.csv") }
        for endpoint in UploadEndpoint.allCases {
            router.post(RouterPath(endpoint.rawValue)) { request, _ in
                await Self.upload(endpoint, request: request, settings: settings, queue: queue)
            }
        }
        return router
    }

    /// Checks the request, takes a place in the queue (503 at once when there is none),
    /// reads its body up to the limit, then has a worker analyse it within the time limit.
    static func upload(_ endpoint: UploadEndpoint, request: Request, settings: ServerSettings,
                       queue: WorkQueue) async -> Response {
        let limits = settings.pageLimits
        /// `unread`: answered before the body was read, so the connection closes after it.
        func refuse(_ status: Int, _ message: String, retryAfter: Int? = nil, unread: Bool = false) -> Response {
            let refusal = UploadJob.Refusal(status: status, problems: [PageProblem(field: "file", message: message)])
            let reply = UploadJob.refusalReply(endpoint, refusal, limits: limits)
            var answer = response(reply, csp: endpoint == .report ? pagePolicy : nil)
            if let retryAfter { answer.headers[.retryAfter] = String(retryAfter) }
            if unread { answer.headers[.connection] = "close" }
            return answer
        }
        guard let contentType = request.headers[.contentType], let boundary = MultipartForm.boundary(contentType: contentType) else {
            return refuse(400, "The request is not a file upload: send the form as multipart/form-data with the file in the field “file”")
        }
        let tooLarge = "The upload is larger than this server's limit of \(UploadPage.megabytes(settings.maxUploadBytes)). Upload a smaller file (for example one trust, or fewer years), or ask whoever runs the server to start it with a larger --max-upload-mb."
        // Refuse at once when the size is declared; otherwise stop reading past the limit.
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > settings.maxUploadBytes {
            return refuse(413, tooLarge, unread: true)
        }
        // A place before the body is read: the uploads held in memory stay bounded.
        guard let place = queue.admit() else {
            let wait = queue.retryAfterSeconds(cap: settings.timeLimitSeconds)
            return refuse(503, "The server is busy with other uploads (\(queue.workers) at a time and \(queue.waiting) waiting). Try again in about \(UploadPage.counted(wait, "second")), or ask whoever runs the server to start it with more --workers or a longer --queue.", retryAfter: wait, unread: true)
        }
        let body: [UInt8]
        do {
            var buffer = try await request.body.collect(upTo: settings.maxUploadBytes)
            body = buffer.readBytes(length: buffer.readableBytes) ?? []
        } catch is NIOTooManyBytesError {
            return refuse(413, tooLarge, unread: true)
        } catch {
            return refuse(400, "The upload stopped before it was complete. Please try again.")
        }
        let deadline = Deadline.after(seconds: settings.timeLimitSeconds)
        let job = UploadJob.Settings(page: limits, upload: settings.uploadLimits)
        switch await queue.run(place, deadline: deadline, { deadline in
            UploadJob.run(endpoint, body: body, boundary: boundary, settings: job, deadline: deadline)
        }) {
        case .done(let reply):
            let csp = reply.contentType.hasPrefix("text/html") ? (reply.status == 200 && endpoint == .report ? reportPolicy : pagePolicy) : nil
            return response(reply, csp: csp)
        case .busy:
            let wait = queue.retryAfterSeconds(cap: settings.timeLimitSeconds)
            return refuse(503, "The server was busy with other uploads and could not start this one within its limit of \(UploadPage.number(settings.timeLimitSeconds)) seconds. Try again in about \(UploadPage.counted(wait, "second")).", retryAfter: wait)
        case .late:
            return refuse(503, "Making the answer took longer than this server's limit of \(UploadPage.number(settings.timeLimitSeconds)) seconds, so it was stopped. Try one measure, or ask whoever runs the server to start it with a longer --timeout.")
        }
    }

    /// The report loads nothing and runs only its own hover-figures script, allowed by its
    /// SHA-256 (`ReportScript`): the policy says so to the browser too.
    static let reportPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src '\(ScriptHash.sha256(ReportScript.text))'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
    /// The page: its own inline style, its script from this server (no inline script runs),
    /// and a form that posts back here.
    static let pagePolicy = "default-src 'none'; style-src 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"

    /// The answer for `reply`; the headers every answer carries are added on the way out
    /// (`SecurityHeaders`), a page's own Content-Security-Policy here.
    static func response(_ reply: Reply, csp: String? = nil) -> Response {
        var response = Response(status: .init(code: reply.status),
                                body: ResponseBody(byteBuffer: ByteBuffer(bytes: reply.body)))
        response.headers[.contentType] = reply.contentType
        if let csp { response.headers[.init("Content-Security-Policy")!] = csp }
        return response
    }

    private static func csv(_ bytes: [UInt8], name: String) -> Response {
        var response = response(Reply(status: 200, contentType: "text/csv; charset=utf-8", body: bytes))
        response.headers[.contentDisposition] = "attachment; filename=\"\(name)\""
        return response
    }
}
