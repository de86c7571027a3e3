import Dispatch
import Foundation

/// Where uploads are analysed: synchronous CPU work on its own threads, off the server's
/// event loops and Swift's cooperative pool, so the page, /health and other uploads keep
/// answering while a large file is charted.
enum WorkQueue {
    private static let queue = DispatchQueue(label: "wardspc.serve.work", qos: .userInitiated, attributes: .concurrent)

    /// `work`'s result, or `nil` when it has not finished within `seconds`. The work cannot
    /// be stopped part-way (it is plain computation); when late, it finishes unseen and its
    /// result is dropped with the upload.
    static func run<T: Sendable>(timeLimit seconds: Double, _ work: @escaping @Sendable () -> T) async -> T? {
        let answer = FirstAnswer<T?>()
        return await withCheckedContinuation { continuation in
            answer.wait(with: continuation)
            queue.async { answer.give(work()) }
            queue.asyncAfter(deadline: .now() + seconds) { answer.give(nil) }
        }
    }
}

/// A continuation resumed by whichever answer comes first; later ones are ignored.
private final class FirstAnswer<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, Never>?

    func wait(with continuation: CheckedContinuation<T, Never>) {
        lock.withLock { self.continuation = continuation }
    }

    func give(_ value: T) {
        let waiting = lock.withLock { () -> CheckedContinuation<T, Never>? in
            defer { continuation = nil }
            return continuation
        }
        waiting?.resume(returning: value)
    }
}
