/// How `wardspc serve` listens and what it accepts.
public struct ServerSettings: Sendable, Equatable {
    /// The address to bind: loopback unless the person running it says otherwise.
    public var host: String
    /// The port; 0 asks the system for a free one (tests).
    public var port: Int
    /// The largest request body accepted (the whole form: data file, events file and
    /// options), in bytes; larger uploads are answered with 413 before more is buffered.
    public var maxUploadBytes: Int
    /// Seconds an upload's processing may take before the answer is 503, and seconds a
    /// connection may stay silent before it is closed.
    public var timeLimitSeconds: Double

    public static let defaultMaxUploadMegabytes = 50
    public static let defaultTimeLimitSeconds = 120.0

    public init(host: String = "127.0.0.1", port: Int = 8080,
                maxUploadBytes: Int = ServerSettings.defaultMaxUploadMegabytes * 1_048_576,
                timeLimitSeconds: Double = ServerSettings.defaultTimeLimitSeconds) {
        self.host = host
        self.port = port
        self.maxUploadBytes = maxUploadBytes
        self.timeLimitSeconds = timeLimitSeconds
    }

    /// Whether only this machine can reach the server (127.0.0.0/8, ::1, localhost).
    public var isLoopback: Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }

    var pageLimits: UploadPage.Limits {
        UploadPage.Limits(maxUploadBytes: maxUploadBytes, timeLimitSeconds: timeLimitSeconds)
    }
}
