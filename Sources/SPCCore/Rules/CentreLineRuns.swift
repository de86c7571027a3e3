/// Runs of consecutive points on one side of the centre line, within a phase
/// (DESIGN.md §4.2) — what the Anhøj and IHI runs rules count.
///
/// Only **useful** points take part: non-excluded points with a value and a centre line
/// that are not *on* the centre line. A point on the centre line neither breaks nor
/// extends a run; missing periods are absent from the series, so runs bridge them.
public enum CentreLineRuns {
    /// The runs of one phase without a points array per run: the useful points' indices
    /// in order and, per run, where it starts among them, its length and side. The rules
    /// need run lengths and counts for every series, and a run's points only when it signals.
    public struct Scan: Sendable {
        public var useful: [Int] = []
        public var runs: [(start: Int, length: Int, side: SignalSide)] = []

        /// The index (in `runs`) of the longest run, the first of equal ones; `nil` without runs.
        public var longestRun: Int? {
            var longest: Int?
            for run in runs.indices where longest.map({ runs[run].length > runs[$0].length }) ?? true { longest = run }
            return longest
        }

        public func points(ofRun run: Int) -> [Int] {
            Array(useful[runs[run].start..<(runs[run].start + runs[run].length)])
        }
    }

    /// One pass over a phase: useful points (not excluded, with a value and a centre, not
    /// on the centre) and the maximal runs they form on one side of the centre.
    public static func scan(_ lines: ChartLines, range: Range<Int>, excluded: [Bool]) -> Scan {
        var scan = Scan()
        scan.useful.reserveCapacity(range.count)
        for index in range where !excluded[index] {
            guard let value = lines.values[index], let centre = lines.centre[index], value != centre else { continue }
            let side: SignalSide = value > centre ? .high : .low
            if let last = scan.runs.indices.last, scan.runs[last].side == side {
                scan.runs[last].length += 1
            } else {
                scan.runs.append((start: scan.useful.count, length: 1, side: side))
            }
            scan.useful.append(index)
        }
        return scan
    }
}
