import ArgumentParser
import Dispatch
import WardSPCServer

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "An upload page in the browser: choose a CSV file, get the report.",
        discussion: """
        Starts a small web server. Open the address it prints in a browser, choose a ward \
        data file (and optionally an events file and options) and the report comes back as \
        the page `wardspc report` writes. Scripts can POST the same form to /analyze and \
        /evaluate for the JSON of those commands; GET /health answers when it is up. Uploads \
        are processed in memory and never written to disk or logged. There is no login: \
        it listens on this computer only (127.0.0.1) unless --host says otherwise — use \
        another host only on a trust's internal network behind its own access control. \
        Ctrl+C stops it.
        """
    )

    @Option(help: "Address to listen on. Default: 127.0.0.1 (this computer only). 0.0.0.0 listens on every network interface — there is no login.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on (1–65535; 0 picks a free one). Default: 8080.")
    var port = 8080

    @Option(name: .customLong("max-upload-mb"),
            help: "Largest upload accepted, in megabytes (1 MB = 1,048,576 bytes), data and events files together; larger ones get a 413 page. Default: 50.")
    var maxUploadMegabytes = ServerSettings.defaultMaxUploadMegabytes

    @Option(help: "Seconds an upload's answer may take once the upload is in (waiting for a worker, then the work) before the answer is a 503 page and the work is stopped; also the seconds a request may take to arrive (its headers, then its body: 408 and the connection closed when late). Default: 120.")
    var timeout = ServerSettings.defaultTimeLimitSeconds

    @Option(help: "Uploads analysed at once, each by its own worker. Default: the number of cores (\(ServerSettings.defaultWorkers) here).")
    var workers = ServerSettings.defaultWorkers

    @Option(help: "Uploads that may wait for a worker, counting those still arriving; one more gets a 503 page with Retry-After at once. Default: \(ServerSettings.defaultQueueLength).")
    var queue = ServerSettings.defaultQueueLength

    @Option(name: .customLong("max-series"),
            help: "Most trust × ward × measure series one upload may have (422 page over it). Default: \(UploadLimits.defaultMaxSeries).")
    var maxSeries = UploadLimits.defaultMaxSeries

    @Option(name: .customLong("max-rows"),
            help: "Most rows one upload's series may have together, one per series × period from each series' first period to its last (422 page over it). Default: \(UploadLimits.defaultMaxRows).")
    var maxRows = UploadLimits.defaultMaxRows

    @Option(name: .customLong("max-columns"),
            help: "Most columns in an upload's header row — a wide file's measures are its columns (422 page over it). Default: \(UploadLimits.defaultMaxColumns).")
    var maxColumns = UploadLimits.defaultMaxColumns

    @Option(name: .customLong("max-reply-mb"),
            help: "Largest answer, in megabytes (1 MB = 1,048,576 bytes): estimated from the upload's series and points before the work starts, and checked once made (422 page over it). Default: \(UploadLimits.defaultMaxReplyMegabytes).")
    var maxReplyMegabytes = UploadLimits.defaultMaxReplyMegabytes

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
        guard (1...4_096).contains(maxUploadMegabytes) else { throw ValidationError("--max-upload-mb must be from 1 to 4096") }
        guard timeout > 0, timeout <= 86_400 else { throw ValidationError("--timeout must be more than 0 and at most 86400 seconds") }
        guard !host.isEmpty else { throw ValidationError("--host must not be empty") }
        guard (1...256).contains(workers) else { throw ValidationError("--workers must be from 1 to 256") }
        guard (0...10_000).contains(queue) else { throw ValidationError("--queue must be from 0 to 10000") }
        guard maxSeries > 0, maxRows > 0, maxColumns >= 3, maxReplyMegabytes > 0 else {
            throw ValidationError("--max-series, --max-rows and --max-reply-mb must be positive, and --max-columns at least 3")
        }
    }

    func run() throws {
        let limits = UploadLimits(maxSeries: maxSeries, maxRows: maxRows, maxColumns: maxColumns,
                                  maxReplyBytes: min(maxReplyMegabytes, Int.max / 1_048_576) * 1_048_576)
        let settings = ServerSettings(host: host, port: port, maxUploadBytes: maxUploadMegabytes * 1_048_576,
                                      timeLimitSeconds: timeout, workers: workers, queueLength: queue,
                                      uploadLimits: limits)
        if !settings.isLoopback {
            printStandardError("wardspc: warning: listening on \(host), not only this computer. There is no login: anyone who can reach this address can upload data and read the reports. Use it only on a trust network behind the trust's own access control.")
        }
        let server = UploadServer(settings: settings)
        let outcome = ServeOutcome()
        let finished = DispatchSemaphore(value: 0)
        let shownHost = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        Task {
            do {
                try await server.run(stopOnSignals: true) { port in
                    printStandardError("wardspc: serving the upload page at http://\(shownHost):\(port)/ — open it in a browser; Ctrl+C stops")
                }
            } catch {
                outcome.fail("wardspc: could not serve on \(shownHost):\(port): \(error)")
            }
            finished.signal()
        }
        finished.wait()
        if let failure = outcome.failure {
            printStandardError(failure)
            throw ExitCode(1)
        }
        printStandardError("wardspc: stopped")
    }
}

/// The server task's failure, read by the main thread once the task has ended.
private final class ServeOutcome: @unchecked Sendable {
    private(set) var failure: String?
    func fail(_ message: String) { failure = message }
}
