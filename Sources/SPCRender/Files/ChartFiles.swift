import Threads
import SPCCore
import WardSPC

/// The SVG files of a set of series: one per series (`RX1_Alder_restraint.svg`) or one
/// grid per measure (`restraint_all-wards.svg`), with names safe on every OS.
public enum ChartFiles {
    public struct Chart: Sendable {
        /// The file name, e.g. `RX1_Alder_restraint.svg`.
        public var name: String
        /// The series drawn (indices into the input).
        public var series: [Int]
        public var markup: MarkupWriter

        /// The file name without `.svg`: also the id prefix inside the SVG.
        public var stem: String { String(name.dropLast(4)) }
    }

    /// One chart per series; none once `deadline` has passed (the work is dropped).
    public static func perSeries(_ series: [SeriesReport], options: ChartRenderOptions = ChartRenderOptions(),
                                 names: inout SafeFileNames, until deadline: Deadline = .never) -> [Chart] {
        // Names first (they must be unique, so in order), then the drawing in parallel.
        let fileNames = series.map { names.name([$0.trust, $0.ward, $0.measure], extension: "svg") }
        return ParallelBlocks.map(count: series.count, blockSize: 32, until: deadline) { range in
            range.map { index in
                var chartOptions = options
                chartOptions.idPrefix = String(fileNames[index].dropLast(4))
                return Chart(name: fileNames[index], series: [index],
                             markup: SPCChart.markup(series[index], options: chartOptions))
            }
        } ?? []
    }

    /// One small-multiples grid per measure, measures in order of first appearance.
    public static func smallMultiples(_ series: [SeriesReport], options: SmallMultiples.Options = SmallMultiples.Options(),
                                      names: inout SafeFileNames, until deadline: Deadline = .never) -> [Chart] {
        measureGroups(series).compactMap { measure, members in
            guard !deadline.hasPassed else { return nil }
            let name = names.name([measure, "all-wards"], extension: "svg")
            var gridOptions = options
            gridOptions.idPrefix = String(name.dropLast(4))
            return Chart(name: name, series: members, markup: SmallMultiples.markup(members.map { series[$0] }, options: gridOptions))
        }
    }

    /// Series indices grouped by measure, in order of first appearance.
    static func measureGroups(_ series: [SeriesReport]) -> [(String, [Int])] {
        var order: [String] = []
        var groups: [String: [Int]] = [:]
        for (index, report) in series.enumerated() {
            if groups[report.measure] == nil { order.append(report.measure) }
            groups[report.measure, default: []].append(index)
        }
        return order.map { ($0, groups[$0]!) }
    }
}
