import SnapshotTesting
import Testing
@testable import SPCRender
import WardSPC

/// Pins the SVG text of representative charts (pointfreeco/swift-snapshot-testing, as
/// lines). A missing snapshot is recorded on the first run, under __Snapshots__/; a
/// deliberate change is re-recorded by deleting the file and running the tests again.
/// Snapshots are saved as `.svg`, so a reviewer can open them as pictures.
@Suite struct ChartSnapshotTests {
    @Test func uChart_mdc_phasesExclusionGapNoteTarget() throws {
        var options = ChartRenderOptions()
        options.target = 2
        let report = try TestSeries.featureChart { $0.target = 2 }
        assertSnapshot(of: SPCChart.svg(report, options: options), as: .svg, named: "u-mdc")
    }

    @Test func runChart_anhoej() throws {
        let report = try TestSeries.featureChart { $0.chart = .run; $0.rules = .anhoej }
        assertSnapshot(of: SPCChart.svg(report), as: .svg, named: "run-anhoej")
    }

    @Test func individualsChart_neutral_ptd() throws {
        let counts: [Int?] = [12, 14, 11, 13, 15, 12, 14, 13, 12, 11, 14, 13, 12, 15, 13, 21, 22, 20, 23, 22, 21, 24, 22, 23]
        let report = try TestSeries.analyse(TestSeries.weeklyCSV(counts, measure: "self_harm")) {
            $0.chart = .i
            $0.rules = .ptd
            $0.improvement = .neutral
        }[0]
        assertSnapshot(of: SPCChart.svg(report), as: .svg, named: "i-ptd-neutral")
    }

    @Test func smallMultiples_threeWards() throws {
        let csv = TestSeries.weeklyCSV(TestSeries.featureCounts, ward: "Willow")
            + TestSeries.weeklyCSV([5, 4, 6, 5, 4, 5, 6, 5, 4, 5, 6, 5, 4, 5, 6, 5, 14, 15, 13, 16], ward: "Ash").dropFirst(45)
            + TestSeries.weeklyCSV([1, 0, 2, 1, 0, 1, 2, 1, 0, 1, 1, 0, 2, 1, 0], ward: "Birch").dropFirst(45)
        let series = try TestSeries.analyse(csv, events: TestSeries.featureEvents)
        #expect(series.count == 3)
        assertSnapshot(of: SmallMultiples.svg(series), as: .svg, named: "small-multiples")
    }

    @Test func funnelPlot() {
        assertSnapshot(of: FunnelPlot.svg(FunnelPlotTests.example), as: .svg, named: "funnel")
    }
}

extension Snapshotting where Value == String, Format == String {
    /// Line-by-line text comparison, saved with the `.svg` extension.
    static var svg: Snapshotting {
        var strategy = Snapshotting.lines
        strategy.pathExtension = "svg"
        return strategy
    }
}
