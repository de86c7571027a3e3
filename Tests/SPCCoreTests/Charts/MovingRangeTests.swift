import Testing
@testable import SPCCore

@Suite struct MovingRangeTests {
    @Test func ranges_areAbsoluteDifferencesOfConsecutiveValues() {
        #expect(MovingRange.ranges([1, 4, 2, 2]) == [3, 2, 0])
        #expect(MovingRange.ranges([7]) == [])
        #expect(MovingRange.ranges([]) == [])
    }

    @Test func screening_dropsRangesAtOrAboveLimitOnce() {
        // Mean of [1 × 8, 20] = 28/9, limit 10.16: 20 goes; the new mean (1) is not screened again.
        let ranges = Array(repeating: 1.0, count: 8) + [20]
        #expect(MovingRange.screened(ranges) == Array(repeating: 1.0, count: 8))
        // Nothing at or above the limit: nothing dropped.
        #expect(MovingRange.screened([1, 2, 3]) == [1, 2, 3])
    }

    @Test func screening_allRangesZero_keepsThem() {
        #expect(MovingRange.screened([0, 0, 0]) == [0, 0, 0])
        #expect(MovingRange.average(of: [4, 4, 4], screened: true) == 0)
    }

    @Test func average_screenedAndUnscreened() {
        let values = [10.0, 11, 10, 11, 10, 11, 10, 11, 10, 11, 30]
        #expect(abs(MovingRange.average(of: values, screened: false)! - 2.8) < 1e-12)
        #expect(MovingRange.average(of: values, screened: true) == 1)
        #expect(MovingRange.average(of: [5], screened: true) == nil)
    }
}

/// Screening that would collapse the limits falls back to every moving range (issue 14).
@Suite struct ScreeningFallbackTests {
    /// 20 weeks all 0 but one 3: the two non-zero ranges (3, 3) are ≥ 3.267 × their mean
    /// 6/19, so screening would leave MR̄ = 0 and every non-zero point outside.
    static let values: [Double] = Array(repeating: 0, count: 9) + [3] + Array(repeating: 0, count: 10)

    @Test func screenedAverage_fallsBackWhenItWouldBeZero() {
        let average = MovingRange.screenedAverage(of: Self.values, screened: true)
        #expect(average.fellBack)
        expectClose(average.value, 6.0 / 19, relative: 1e-12)
        // Ordinary screening is untouched: one wild range among varied ones is dropped.
        let ordinary = MovingRange.screenedAverage(of: [1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 30], screened: true)
        #expect(!ordinary.fellBack)
        expectClose(ordinary.value, 1, relative: 1e-12)
    }

    @Test func iChart_keepsLimits_andWarns() {
        let series = Series(periods: (0..<Self.values.count).map { Int32($0 * 7) }, numerators: Self.values)
        var configuration = AnalysisConfiguration.standard(chart: .i, rules: .anhoej)
        configuration.chart.screenMovingRanges = true
        let analysis = SPCAnalysis.analyse(series, configuration: configuration)
        let outside = (0..<series.count).filter { analysis.lines.isOutsideLimits($0) }
        #expect(outside.count <= 1, "\(outside)")
        #expect(analysis.lines.upper[0].map { $0 > 0 } == true)
        #expect(analysis.warnings.contains { $0.contains("screening the moving ranges would have left an average moving range of 0") })
    }
}
