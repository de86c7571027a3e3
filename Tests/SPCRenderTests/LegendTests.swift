import Testing
@testable import SPCRender
import WardSPC

/// The key under a chart lists only what the chart shows.
@Suite struct LegendTests {
    static func labels(_ items: [Legend.Item]) -> [String] {
        items.map { item in
            switch item {
            case .mark(_, let label), .hollow(let label), .line(_, _, let label): label
            }
        }
    }

    /// A series too sparse for signals (auto: drawn by month without limits) starting
    /// mid-month: no Improvement, Concern or Limits in its key, and its hollow first month
    /// is called a partial month, not an excluded one.
    @Test func sparseMonthlyChart_keysOnlyWhatItDraws() throws {
        var counts = [Int?](repeating: 0, count: 60)
        for week in stride(from: 2, to: 60, by: 9) { counts[week] = 1 }
        let csv = TestSeries.weeklyCSV(counts).replacingOccurrences(of: "2024-01-01", with: "2024-01-01")
        let report = try TestSeries.analyse(csv) { $0.autoChart = true }[0]
        #expect(report.chartReason?.hasPrefix("too few incidents") == true, "\(report.chartReason ?? "")")
        let labels = Self.labels(Legend.items(report, hasTarget: false))
        #expect(!labels.contains("Limits") && !labels.contains("Concern") && !labels.contains("Improvement"), "\(labels)")
        if report.points.contains(where: \.partial) {
            #expect(labels.contains("Partial month"), "\(labels)")
            #expect(!labels.contains("Excluded"))
        }
    }

    @Test func featureChart_keysItsMarksAndLines() throws {
        let labels = Self.labels(Legend.items(try TestSeries.featureChart(), hasTarget: true))
        #expect(labels.contains("Improvement") && labels.contains("Excluded") && labels.contains("Limits") && labels.contains("Target"), "\(labels)")
    }
}
