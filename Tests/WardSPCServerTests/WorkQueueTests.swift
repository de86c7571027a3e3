import Foundation
import Testing
import Threads
@testable import WardSPCServer

/// The fixed pool of workers and its bounded line: how many uploads are held, how many run
/// at once, and what a deadline does to a job waiting or running.
@Suite struct WorkQueueTests {
    @Test func admit_givesWorkersPlusWaitingPlaces_thenNone_untilOneIsGivenBack() {
        let queue = WorkQueue(workers: 2, waiting: 1)
        defer { queue.stop() }
        var places = (0..<3).compactMap { _ in queue.admit() }
        #expect(places.count == 3)
        #expect(queue.admit() == nil, "every place is taken")
        #expect(!queue.hasRoom)
        places.removeLast()
        #expect(queue.hasRoom)
        #expect(queue.admit() != nil, "a place given back is free again")
    }

    @Test func jobs_runAtMostWorkersAtOnce_andAllFinish() async {
        let queue = WorkQueue(workers: 2, waiting: 10)
        defer { queue.stop() }
        let gauge = Gauge()
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                let place = queue.admit()!
                group.addTask {
                    let outcome = await queue.run(place, deadline: .after(seconds: 60)) { _ in
                        gauge.enter()
                        Thread.sleep(forTimeInterval: 0.05)
                        gauge.leave()
                        return 1
                    }
                    if case .done(1) = outcome { return true }
                    return false
                }
            }
            var all: [Bool] = []
            for await outcome in group { all.append(outcome) }
            return all
        }
        #expect(outcomes.count == 8 && outcomes.allSatisfy { $0 })
        #expect(gauge.most == 2, "two workers: never more than two jobs at once (saw \(gauge.most))")
        #expect(queue.hasRoom)
    }

    @Test func deadline_whileWaiting_isBusy_andTheJobNeverRuns_whileRunning_isLate() async {
        let queue = WorkQueue(workers: 1, waiting: 2)
        defer { queue.stop() }
        let ran = Gauge()
        let long = queue.admit()!
        let waiting = queue.admit()!
        async let first = queue.run(long, deadline: .after(seconds: 0.3)) { deadline in
            // A job that checks its deadline, as the analysis does between series.
            while !deadline.hasPassed { Thread.sleep(forTimeInterval: 0.01) }
            return 1
        }
        async let second = queue.run(waiting, deadline: .after(seconds: 0.1)) { _ in
            ran.enter()
            return 2
        }
        let (one, two) = await (first, second)
        guard case .late = one else { Issue.record("the running job past its deadline is late, not \(one)"); return }
        guard case .busy = two else { Issue.record("the waiting job past its deadline is busy, not \(two)"); return }
        try? await Task.sleep(for: .milliseconds(200))
        #expect(ran.most == 0, "a job whose deadline passed while it waited is never started")
        #expect(queue.retryAfterSeconds(cap: 120) >= 1)
    }
}

/// Counts jobs inside at once, and the most seen.
private final class Gauge: @unchecked Sendable {
    private let lock = NSLock()
    private var inside = 0
    private var highest = 0
    func enter() { lock.withLock { inside += 1; highest = max(highest, inside) } }
    func leave() { lock.withLock { inside -= 1 } }
    var most: Int { lock.withLock { highest } }
}
