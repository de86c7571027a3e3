import Foundation
import Testing
import WardSPC

/// The README's library examples, compiled and run so they cannot rot.
@Suite struct LibraryExampleTests {
    static let sample = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("SampleData/wards.csv").path

    @Test func readmeExample_analysesOneWard() throws {
        // README: "Use it as a library"
        let dataset = try WardDataReader.read(path: Self.sample)
        var settings = AnalysisSettings()
        settings.chart = .u              // restraint per 1,000 occupied bed days
        settings.rules = .mdc            // NHS England Making Data Count
        settings.wards = ["Alder"]
        settings.measures = ["restraint"]
        let alder = try Analyzer.analyse(dataset, settings: settings).series[0]
        var lines: [String] = []
        for point in alder.points where !point.signals.isEmpty {
            lines.append("\(point.period.iso) \(point.value ?? .nan) \(point.signals.map(\.rawValue))")
        }
        #expect(alder.variation != nil)
        #expect(alder.points.count == 155)
        #expect(!lines.isEmpty)
    }

    @Test func readmeExample_lowLevelSeries() {
        // README: one series straight into SPCCore.
        let weeks: [Int32] = (0..<30).map { Int32(19_359 + 7 * $0) }          // Mondays from 2023-01-02
        let counts: [Double] = (0..<30).map { $0 < 20 ? 8 : 2 }
        let bedDays = [Double](repeating: 140, count: 30)
        let series = Series(periods: weeks, numerators: counts, denominators: bedDays)
        let analysis = SPCAnalysis.analyse(series, configuration: .standard(chart: .u, rules: .anhoej))
        // Σcount ÷ Σbed days × 1,000 = 180 ÷ 4,200 × 1,000.
        #expect(abs(analysis.lines.centre[0]! - 1000.0 * 180 / 4200) < 1e-12)
        #expect(analysis.pointSignals[29].contains(.longRun))
    }
}
