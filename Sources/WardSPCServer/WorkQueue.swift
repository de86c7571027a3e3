import Dispatch
import Foundation
import Threads
#if canImport(Glibc)
import Glibc
#endif

/// Where uploads are analysed: a fixed number of worker threads, each running one upload's
/// job at a time, and a bounded line of uploads waiting their turn.
///
/// An upload takes a `Place` before its body is read and holds it until its job has
/// stopped, so at most `workers + waiting` uploads are in memory at once, whatever the
/// number of connections; with every place taken the answer is 503 at once (`admit`
/// returns `nil`). Each job gets its upload's `Deadline`: the analysis checks it between
/// series and stops soon after it passes, so a 503 leaves no work running unseen. The
/// page, /health and the sample files never come here: they are answered on the event
/// loops, whatever the workers are doing.
final class WorkQueue: @unchecked Sendable {
    /// Threads running jobs.
    let workers: Int
    /// Uploads that may wait (being received, or received and waiting for a worker).
    let waiting: Int

    private let condition = NSCondition()
    private var pending: [Job] = []
    private var admitted = 0
    private var running = 0
    private var stopping = false
    /// Seconds the latest job stopped by its deadline ran past it (`nil`: none yet).
    private var latestOverrunSeconds: Double?
    /// Seconds a job has taken lately (moving average), for Retry-After.
    private var typicalJobSeconds = 5.0

    private struct Job {
        var deadline: Deadline
        /// Runs the job, or does nothing when its deadline passed while it waited.
        var run: () -> Bool
    }

    /// One upload's hold on the queue, from before its body is read until its job has
    /// stopped: given back when the last reference goes (the handler's, and the job's).
    final class Place: @unchecked Sendable {
        private let queue: WorkQueue
        fileprivate init(_ queue: WorkQueue) { self.queue = queue }
        deinit { queue.leave() }
    }

    /// How a job ended.
    enum Outcome<T: Sendable>: Sendable {
        case done(T)
        /// The deadline passed before a worker was free: the job never started.
        case busy
        /// The deadline passed while the job ran: it was told to stop and its result dropped.
        case late
    }

    init(workers: Int, waiting: Int) {
        precondition(workers > 0 && waiting >= 0, "at least one worker, and no negative line")
        self.workers = workers
        self.waiting = waiting
        for number in 1...workers {
            let thread = Thread { [self] in work() }
            thread.name = "wardspc-worker-\(number)"
            thread.start()
        }
    }

    /// A place for one more upload, or `nil` when `workers + waiting` uploads already hold one.
    func admit() -> Place? {
        condition.lock()
        defer { condition.unlock() }
        guard !stopping, admitted < workers + waiting else { return nil }
        admitted += 1
        return Place(self)
    }

    /// Jobs running now, uploads holding a place without one (being received or waiting
    /// for a worker), and the seconds the latest job stopped by its deadline ran past it,
    /// measured on its worker (`nil`: none yet) — what /health reports.
    var load: (running: Int, waiting: Int, latestOverrunSeconds: Double?) {
        condition.lock()
        defer { condition.unlock() }
        return (running, admitted - running, latestOverrunSeconds)
    }

    /// Whether `admit` would give a place now.
    var hasRoom: Bool {
        condition.lock()
        defer { condition.unlock() }
        return !stopping && admitted < workers + waiting
    }

    /// Runs `work` on the next free worker with `deadline`, holding `place` until it stops.
    /// Answers as soon as the work is done or the deadline passes, whichever is first.
    func run<T: Sendable>(_ place: Place, deadline: Deadline,
                          _ work: @escaping @Sendable (Deadline) -> T) async -> Outcome<T> {
        let answer = FirstAnswer<Outcome<T>>()
        let started = StartFlag()
        return await withCheckedContinuation { continuation in
            answer.wait(with: continuation)
            enqueue(Job(deadline: deadline) {
                withExtendedLifetime(place) {
                    guard !deadline.hasPassed else { return false }
                    started.set()
                    let result = work(deadline)
                    let late = deadline.hasPassed
                    if late { self.noteOverrun(deadline.overrun) }
                    answer.give(late ? .late : .done(result))
                    return true
                }
            })
            if let remaining = deadline.remaining {
                Self.clock.asyncAfter(deadline: .now() + remaining.inSeconds) {
                    answer.give(started.isSet ? .late : .busy)
                }
            }
        }
    }

    /// Seconds to suggest in Retry-After: the work ahead shared among the workers, at the
    /// pace of recent jobs; at least 1 and at most `cap`.
    func retryAfterSeconds(cap: Double) -> Int {
        condition.lock()
        let estimate = typicalJobSeconds * Double(admitted) / Double(workers)
        condition.unlock()
        return Int(min(max(1, cap), max(1, estimate.rounded(.up))))
    }

    /// Lets the workers finish what is queued, then end (the server has stopped).
    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        condition.unlock()
    }

    private func enqueue(_ job: Job) {
        condition.lock()
        pending.append(job)
        condition.signal()
        condition.unlock()
    }

    private func setRunning(_ change: Int) {
        condition.lock()
        running += change
        condition.unlock()
    }

    private func noteOverrun(_ overrun: Duration) {
        condition.lock()
        latestOverrunSeconds = overrun.inSeconds
        condition.unlock()
    }

    private func leave() {
        condition.lock()
        admitted -= 1
        condition.unlock()
    }

    /// Where deadlines fire: a queue of its own, so that a job spreading its work over
    /// every thread of the global pool cannot hold back another upload's 503.
    private static let clock = DispatchQueue(label: "wardspc.serve.deadlines", qos: .userInteractive)

    /// glibc's `malloc_trim`, where the C library has it (looked up, as Swift's Glibc
    /// module does not declare it).
    private static let releaseFreedMemory: (@convention(c) (Int) -> Int32)? = {
        #if canImport(Glibc)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
        #else
        return nil
        #endif
    }()

    /// A worker thread: jobs in arrival order until the queue stops.
    private func work() {
        while true {
            condition.lock()
            while pending.isEmpty && !stopping { condition.wait() }
            guard !pending.isEmpty else {
                condition.unlock()
                return
            }
            let job = pending.removeFirst()
            condition.unlock()
            let started = ContinuousClock.now
            setRunning(+1)
            let ran = job.run()
            setRunning(-1)
            guard ran else { continue }
            let seconds = (ContinuousClock.now - started).inSeconds
            condition.lock()
            typicalJobSeconds = 0.8 * typicalJobSeconds + 0.2 * seconds
            condition.unlock()
            // A large upload's arrays are freed by now: give the pages back to the system,
            // so the server's memory returns to idle between jobs, not only its heap.
            _ = Self.releaseFreedMemory?(0)
        }
    }
}

extension Duration {
    /// The duration in seconds, with its fraction.
    var inSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }
}

/// Set once a job has started (for telling `busy` from `late`).
private final class StartFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
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
