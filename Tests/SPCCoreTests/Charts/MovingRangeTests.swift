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
