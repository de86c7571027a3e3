import Hummingbird
import Logging
import NIOCore
import WardSPC

/// `wardspc serve`: the upload page and its endpoints on a Hummingbird 2 HTTP/1.1 server.
///
/// | route | answer |
/// |---|---|
/// | `GET /` | the upload page |
/// | `POST /report` | the self-contained report `wardspc report` writes to index.html |
/// | `POST /analyze`, `POST /evaluate` | `wardspc/analysis@1`, `wardspc/evaluation@2` JSON |
/// | `GET /health` | `{"status": "ok", …}` |
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
        let maxBodyBytes = settings.maxUploadBytes
        let app = Application(
            router: router(),
            server: .http1(configuration: .init(
                additionalChannelHandlers: [ExpectContinueHandler(maxBodyBytes: maxBodyBytes)],
                idleTimeout: .milliseconds(Int64(settings.timeLimitSeconds * 1000)))),
            configuration: ApplicationConfiguration(address: .hostname(settings.host, port: settings.port)),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? port) },
            logger: logger
        )
        try await app.runService(gracefulShutdownSignals: stopOnSignals ? [.sigterm, .sigint] : [])
    }

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        let settings = settings
        router.get("/") { _, _ in
            Self.response(.html(200, UploadPage.render(limits: settings.pageLimits)), csp: Self.pagePolicy)
        }
        router.get("/health") { _, _ in
            Self.response(.json(200, .object([("status", .string("ok")), ("version", .string(WardSPCVersion.current))])))
        }
        router.get("/sample.csv") { _, _ in Self.csv(SampleFiles.wards, name: "wards.csv") }
        router.get("/sample-events.csv") { _, _ in Self.csv(SampleFiles.events, name: "events.csv") }
        for endpoint in UploadEndpoint.allCases {
            router.post(RouterPath(endpoint.rawValue)) { request, _ in
                await Self.upload(endpoint, request: request, settings: settings)
            }
        }
        return router
    }

    /// Checks the request, reads its body up to the limit, then analyses it off the event loop
    /// within the time limit.
    static func upload(_ endpoint: UploadEndpoint, request: Request, settings: ServerSettings) async -> Response {
        let limits = settings.pageLimits
        func refuse(_ status: Int, _ message: String) -> Response {
            let refusal = UploadJob.Refusal(status: status, problems: [PageProblem(field: "file", message: message)])
            return response(UploadJob.refusalReply(endpoint, refusal, limits: limits), csp: pagePolicy)
        }
        guard let contentType = request.headers[.contentType], let boundary = MultipartForm.boundary(contentType: contentType) else {
            return refuse(400, "The request is not a file upload: send the form as multipart/form-data with the file in the field “file”")
        }
        let tooLarge = "The upload is larger than this server's limit of \(UploadPage.megabytes(settings.maxUploadBytes)). Upload a smaller file (for example one trust, or fewer years), or ask whoever runs the server to start it with a larger --max-upload-mb."
        // Refuse at once when the size is declared; otherwise stop reading past the limit.
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > settings.maxUploadBytes {
            return refuse(413, tooLarge)
        }
        let body: [UInt8]
        do {
            var buffer = try await request.body.collect(upTo: settings.maxUploadBytes)
            body = buffer.readBytes(length: buffer.readableBytes) ?? []
        } catch is NIOTooManyBytesError {
            return refuse(413, tooLarge)
        } catch {
            return refuse(400, "The upload stopped before it was complete. Please try again.")
        }
        let reply = await WorkQueue.run(timeLimit: settings.timeLimitSeconds) {
            UploadJob.run(endpoint, body: body, boundary: boundary, limits: limits)
        }
        guard let reply else {
            return refuse(503, "Making the answer took longer than this server's limit of \(UploadPage.number(settings.timeLimitSeconds)) seconds. Try one measure, or ask whoever runs the server to start it with a longer --timeout.")
        }
        return response(reply, csp: reply.status == 200 && endpoint == .report ? reportPolicy : pagePolicy)
    }

    /// The report has no script and loads nothing: the policy says so to the browser too.
    static let reportPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
    /// The page: its own inline style and script, and a form that posts back here.
    static let pagePolicy = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"

    static func response(_ reply: Reply, csp: String? = nil) -> Response {
        var response = Response(status: .init(code: reply.status),
                                body: ResponseBody(byteBuffer: ByteBuffer(bytes: reply.body)))
        response.headers[.contentType] = reply.contentType
        // Reports hold patient-safety data: no copy in the browser's or a proxy's cache.
        response.headers[.cacheControl] = "no-store"
        response.headers[.init("X-Content-Type-Options")!] = "nosniff"
        response.headers[.init("Referrer-Policy")!] = "no-referrer"
        if let csp { response.headers[.init("Content-Security-Policy")!] = csp }
        return response
    }

    private static func csv(_ bytes: [UInt8], name: String) -> Response {
        var response = response(Reply(status: 200, contentType: "text/csv; charset=utf-8", body: bytes))
        response.headers[.contentDisposition] = "attachment; filename=\"\(name)\""
        return response
    }
}
