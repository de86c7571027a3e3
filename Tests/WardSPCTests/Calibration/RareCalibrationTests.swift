import Foundation
import Testing
@testable import WardSPC

/// Issue 14's calibration targets for `--chart auto`, measured on the product's own path
/// (docs/analysis.md, "Calibration", gives the figures and how to reproduce them). 200
/// series of each kind by default; `WARDSPC_CALIBRATION_SERIES=2000` for a larger run.
@Suite struct RareCalibrationTests {
    static var seriesCount: Int {
        ProcessInfo.processInfo.environment["WARDSPC_CALIBRATION_SERIES"].flatMap(Int.init) ?? 200
    }

    @Test func auto_meetsTheTargets() throws {
        let simulation = RareEventSimulation(seriesCount: Self.seriesCount, seed: 14)
        let auto = try simulation.figures(chart: nil, anhoejChart: nil)
        print(String(format: "calibration auto (%d series): flagged %.2f%% of points vs %.2f%% on normal data (×%.2f); falls detected %.1f%%; anhoej signals on %.1f%% of stable series",
                     Self.seriesCount, 100 * auto.flaggedShare, 100 * auto.normalShare, auto.ratio, 100 * auto.detected,
                     100 * auto.anhoejSignalled))
        #expect(auto.ratio <= 1.25)
        #expect(auto.detected >= 0.60)
        #expect(auto.anhoejSignalled <= 0.10)
    }

    /// Today's default (weekly u chart under mdc; analyze's run chart under anhoej) fails
    /// the same targets — the harness can tell a bad design from a good one.
    @Test func weeklyUChart_failsTheTargets() throws {
        let simulation = RareEventSimulation(seriesCount: Self.seriesCount, seed: 14)
        let weekly = try simulation.figures(chart: .u, anhoejChart: .run)
        print(String(format: "calibration weekly u (%d series): flagged %.2f%% of points vs %.2f%% on normal data (×%.2f); falls detected %.1f%%; anhoej (weekly run chart) signals on %.1f%% of stable series",
                     Self.seriesCount, 100 * weekly.flaggedShare, 100 * weekly.normalShare, weekly.ratio, 100 * weekly.detected,
                     100 * weekly.anhoejSignalled))
        #expect(weekly.ratio > 1.25)
        #expect(weekly.anhoejSignalled > 0.10)
    }
}
