/// Runs of consecutive points on one side of the centre line, within a phase
/// (DESIGN.md §4.2) — what the Anhøj and IHI runs rules count.
///
/// Only **useful** points take part: non-excluded points with a value and a centre line
/// that are not *on* the centre line. A point on the centre line neither breaks nor
/// extends a run; missing periods are absent from the series, so runs bridge them.
public enum CentreLineRuns {
    /// A run: the useful points (ascending indices) on one side of the centre line with
    /// no useful point on the other side between them.
    public struct Run: Sendable, Equatable {
        public var side: SignalSide
        public var points: [Int]

        public init(side: SignalSide, points: [Int]) {
            self.side = side
            self.points = points
        }

        public var length: Int { points.count }
    }

    /// The useful points of one phase with their side of the centre line, in order.
    public static func usefulPoints(_ lines: ChartLines, range: Range<Int>, excluded: [Bool]) -> [(index: Int, side: SignalSide)] {
        var points: [(index: Int, side: SignalSide)] = []
        for index in range where !excluded[index] {
            guard let value = lines.values[index], let centre = lines.centre[index], value != centre else { continue }
            points.append((index, value > centre ? .high : .low))
        }
        return points
    }

    /// The runs formed by useful points in order.
    public static func runs(_ points: [(index: Int, side: SignalSide)]) -> [Run] {
        var runs: [Run] = []
        for point in points {
            if let last = runs.last, last.side == point.side {
                runs[runs.count - 1].points.append(point.index)
            } else {
                runs.append(Run(side: point.side, points: [point.index]))
            }
        }
        return runs
    }
}
