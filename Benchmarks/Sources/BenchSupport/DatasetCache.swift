// Each benchmark process reads its input once, outside the measurement: the plugin runs
// every benchmark in its own process, so a benchmark only pays for the sizes it uses.
import Foundation
import WardSPC

public final class DatasetCache: @unchecked Sendable {
    public static let shared = DatasetCache()
    private let lock = NSLock()
    private var datasets: [String: WardDataset] = [:]

    /// The validated dataset of the long file with `series` series.
    public func long(series: Int) -> WardDataset { dataset(at: BenchFiles.long(series: series)) }

    /// The validated dataset of the event-level file with `series` series.
    public func events(series: Int) -> WardDataset { dataset(at: BenchFiles.events(series: series)) }

    public func dataset(at path: String) -> WardDataset {
        lock.lock()
        defer { lock.unlock() }
        if let cached = datasets[path] { return cached }
        do {
            let dataset = try WardDataReader.read(path: path)
            datasets[path] = dataset
            return dataset
        } catch {
            fatalError("cannot read \(path): \(error)")
        }
    }
}

/// The two sizes every benchmark runs at, with the iteration budget that keeps the whole
/// suite to a few minutes on two shared cores.
public enum BenchSize: Int, CaseIterable, Sendable {
    case thousand = 1_000
    case tenThousand = 10_000

    public var label: String { self == .thousand ? "1k" : "10k" }
    public var series: Int { rawValue }
    public var maxIterations: Int { self == .thousand ? 10 : 3 }
}
