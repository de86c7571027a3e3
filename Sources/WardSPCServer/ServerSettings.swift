import Threads

/// How `wardspc serve` listens, what it accepts and how much work it takes on.
public struct ServerSettings: Sendable, Equatable {
    /// The address to bind: loopback unless the person running it says otherwise.
    public var host: String
    /// The port; 0 asks the system for a free one (tests).
    public var port: Int
    /// The largest request body accepted (the whole form: data file, events file and
    /// options), in bytes; larger uploads are answered with 413 before more is buffered.
    public var maxUploadBytes: Int
    /// Seconds an upload's answer may take once the upload is in — waiting for a worker and
    /// the work itself — before the answer is 503 and the work is stopped (`--timeout`).
    public var timeLimitSeconds: Double
    /// Seconds a request may take to arrive: its headers from the moment the connection
    /// is ready, then its body from its headers (408 and the connection closed when late;
    /// `--timeout` too).
    public var requestTimeLimitSeconds: Double
    /// Uploads analysed at once, each on its own worker thread (`--workers`).
    public var workers: Int
    /// Uploads that may wait for a worker, counting those still being received; one more is
    /// answered 503 with Retry-After at once (`--queue`).
    public var queueLength: Int
    /// What one upload may ask for (`--max-series`, `--max-rows`, `--max-columns`, `--max-reply-mb`).
    public var uploadLimits: UploadLimits

    public static let defaultMaxUploadMegabytes = 50
    public static let defaultTimeLimitSeconds = 120.0
    /// One worker per core: a job already spreads its own work over the cores, so more
    /// workers would only share them.
    public static var defaultWorkers: Int { ParallelBlocks.activeCores }
    /// Eight uploads waiting: a few people's uploads at once wait their turn, and the
    /// uploads in memory at once stay bounded (workers + 8 times the upload limit at most).
    public static let defaultQueueLength = 8

    public init(host: String = "127.0.0.1", port: Int = 8080,
                maxUploadBytes: Int = ServerSettings.defaultMaxUploadMegabytes * 1_048_576,
                timeLimitSeconds: Double = ServerSettings.defaultTimeLimitSeconds,
                requestTimeLimitSeconds: Double? = nil,
                workers: Int = ServerSettings.defaultWorkers, queueLength: Int = ServerSettings.defaultQueueLength,
                uploadLimits: UploadLimits = UploadLimits()) {
        self.host = host
        self.port = port
        self.maxUploadBytes = maxUploadBytes
        self.timeLimitSeconds = timeLimitSeconds
        self.requestTimeLimitSeconds = requestTimeLimitSeconds ?? timeLimitSeconds
        self.workers = workers
        self.queueLength = queueLength
        self.uploadLimits = uploadLimits
    }

    /// Whether only this machine can reach the server (127.0.0.0/8, ::1, localhost).
    public var isLoopback: Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }

    /// Seconds a connection may stay silent in both directions: longer than a request can
    /// take to arrive and be answered, so a client waiting for its answer is never cut off.
    var idleTimeoutSeconds: Double {
        requestTimeLimitSeconds + timeLimitSeconds + 5
    }

    var pageLimits: UploadPage.Limits {
        UploadPage.Limits(maxUploadBytes: maxUploadBytes, timeLimitSeconds: timeLimitSeconds)
    }
}
