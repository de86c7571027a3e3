import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Work split into blocks of consecutive indices and spread over threads, with results
/// in index order whatever the number of threads — so output never depends on timing.
public enum ParallelBlocks {
    /// One thread per online core.
    public static var activeCores: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// `body(range)` for consecutive ranges of `0..<count` of at most `blockSize` indices,
    /// run on up to `threads` threads; returns the blocks' results concatenated in order.
    /// `body` must return one element per index of its range.
    public static func map<Result>(count: Int, blockSize: Int, threads: Int? = nil,
                                   _ body: @Sendable (Range<Int>) -> [Result]) -> [Result] {
        mapBlocks(count: count, blockSize: blockSize, threads: threads) { range in
            let result = body(range)
            precondition(result.count == range.count, "one result per index")
            return result
        }.flatMap { $0 }
    }

    /// `body(range)` for consecutive ranges of `0..<count` of at most `blockSize` indices,
    /// run on up to `threads` threads; returns one result per block, in order (e.g. a
    /// block's text).
    public static func mapBlocks<Result>(count: Int, blockSize: Int, threads: Int? = nil,
                                         _ body: @Sendable (Range<Int>) -> Result) -> [Result] {
        mapBlocks(count: count, blockSize: blockSize, threads: threads, until: .never, body)!
    }

    /// As `map`, but no block is started once `deadline` has passed: `nil` when it passed
    /// before every block was done (the work stops within a block of it).
    public static func map<Result>(count: Int, blockSize: Int, threads: Int? = nil, until deadline: Deadline,
                                   _ body: @Sendable (Range<Int>) -> [Result]) -> [Result]? {
        mapBlocks(count: count, blockSize: blockSize, threads: threads, until: deadline) { range in
            let result = body(range)
            precondition(result.count == range.count, "one result per index")
            return result
        }?.flatMap { $0 }
    }

    /// As `mapBlocks`, but no block is started once `deadline` has passed: `nil` when it
    /// passed before every block was done.
    public static func mapBlocks<Result>(count: Int, blockSize: Int, threads: Int? = nil, until deadline: Deadline,
                                         _ body: @Sendable (Range<Int>) -> Result) -> [Result]? {
        precondition(blockSize > 0, "blocks need at least one index")
        let blocks = stride(from: 0, to: count, by: blockSize).map { $0..<min($0 + blockSize, count) }
        let workers = max(1, min(threads ?? activeCores, blocks.count))
        if workers == 1 {
            var results: [Result] = []
            results.reserveCapacity(blocks.count)
            for block in blocks {
                if deadline.hasPassed { return nil }
                results.append(body(block))
            }
            return results
        }
        var pieces = [Result?](repeating: nil, count: blocks.count)
        pieces.withUnsafeMutableBufferPointer { buffer in
            let output = SharedBuffer(buffer)
            let counter = BlockCounter()
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while !deadline.hasPassed, let block = counter.take(limit: blocks.count) {
                    output[block] = body(blocks[block])
                }
            }
        }
        var results: [Result] = []
        results.reserveCapacity(blocks.count)
        for piece in pieces {
            guard let piece else { return nil }
            results.append(piece)
        }
        return results
    }
}

/// Hands out block numbers to worker threads.
private final class BlockCounter: @unchecked Sendable {
    private var next = 0
    private var lock = pthread_mutex_t()

    init() { pthread_mutex_init(&lock, nil) }
    deinit { pthread_mutex_destroy(&lock) }

    func take(limit: Int) -> Int? {
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        guard next < limit else { return nil }
        next += 1
        return next - 1
    }
}

/// A buffer that threads write at disjoint indices.
private struct SharedBuffer<Element>: @unchecked Sendable {
    let base: UnsafeMutableBufferPointer<Element>
    init(_ base: UnsafeMutableBufferPointer<Element>) { self.base = base }
    subscript(index: Int) -> Element {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }
}
