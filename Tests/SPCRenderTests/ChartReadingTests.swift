import Testing
@testable import SPCRender
import WardSPC

/// The one-line reading under each chart says what the chart shows.
@Suite struct ChartReadingTests {
    @Test func sustainedFall_readsAsImprovementSinceItsStart() throws {
        let counts: [Int?] = Array(repeating: 6, count: 8) + [5, 7, 6, 5, 7, 6, 5, 7] + Array(repeating: 2, count: 8)
        let report = try TestSeries.analyse(TestSeries.weeklyCSV(counts, bedDays: { _ in 100 })) { $0.chart = .c }[0]
        let reading = ChartReading.sentence(report)
        #expect(reading.hasPrefix("Special-cause improvement since Apr 2024: 8 weeks below the mean"), "\(reading)")
    }

    @Test func singleHighPoint_readsAsConcernInTheLatestWeek() throws {
        let counts: [Int?] = [4, 5, 4, 5, 4, 5, 4, 5, 4, 5, 4, 5, 4, 5, 30]
        let report = try TestSeries.analyse(TestSeries.weeklyCSV(counts, bedDays: { _ in 100 })) { $0.chart = .c }[0]
        let reading = ChartReading.sentence(report)
        #expect(reading.hasPrefix("Special-cause concern in the latest week (week of 8 Apr 2024): 30, above the upper limit"), "\(reading)")
    }

    @Test func stableProcess_readsAsCommonCause_andPhasesCompare() throws {
        let report = try TestSeries.featureChart { $0.chart = .c; $0.rules = .mdc }
        let reading = ChartReading.sentence(report)
        #expect(reading.contains("after ‘Joined the collaborative’ (May 2024)"), "\(reading)")
        #expect(reading.contains("Mean fell from"), "\(reading)")
        let flat = try TestSeries.analyse(TestSeries.weeklyCSV([4, 5, 4, 6, 4, 5, 3, 5, 4, 6, 4, 5, 4, 5], bedDays: { _ in 100 })) { $0.chart = .c }[0]
        #expect(ChartReading.sentence(flat).hasPrefix("Common-cause variation only since Jan 2024: weeks vary around a mean of 4.57"))
    }

    @Test func shortPhase_hasNoLimitsYet() throws {
        let report = try TestSeries.analyse(TestSeries.weeklyCSV([4, 5, 4, 6, 4, 5, 3])) { $0.chart = .c }[0]
        #expect(ChartReading.sentence(report).hasPrefix("Too few points since Jan 2024 for limits"))
    }
}

/// Readings on the cases issue 14 names.
@Suite struct ChartReadingCasesTests {
    /// An explicit c chart on rare counts (about 0.35 a week) ending in zero weeks:
    /// the rules call it a shift; the reading says that is no sign of change on its own.
    @Test func zeroWeeksOnRareCounts_areSaidToBeNoSignOfChange() throws {
        let counts: [Int?] = [1, 0, 0, 1, 0, 1, 0, 0, 1, 0, 1, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0]
        let report = try TestSeries.analyse(TestSeries.weeklyCSV(counts)) { $0.chart = .c }[0]
        let reading = ChartReading.sentence(report)
        #expect(reading.hasPrefix("Special-cause improvement since"), "\(reading)")
        #expect(reading.contains("all 7 had no incidents, common by chance when incidents are this rare (0.33 a week): not on its own a sign of change"), "\(reading)")
        #expect(ReadingConsistencyTests.contradictions(report).isEmpty)
    }

    /// RX2 Brook's case: the second phase's mean rose, and its latest weeks are below it.
    /// The reading ties the run to this phase's mean and calls the rise the worse direction.
    @Test func improvementBesideARisingMean_isToldApart() throws {
        let counts: [Int?] = Array(repeating: [4, 3, 5, 4], count: 5).flatMap { $0 }
            + [9, 8, 10, 9, 8, 10, 9, 8, 10, 9, 8, 10, 9, 10] + [6, 6, 6, 6, 6, 6, 6]
        let events = "trust,ward,date,label,kind\nRX9,Willow,2024-05-20,New admissions policy,phase\n"
        let report = try TestSeries.analyse(TestSeries.weeklyCSV(counts, bedDays: { _ in 100 }), events: events) { $0.chart = .c }[0]
        let reading = ChartReading.sentence(report)
        #expect(reading.hasPrefix("Special-cause improvement since"), "\(reading)")
        #expect(reading.contains("below this phase's mean"), "\(reading)")
        #expect(reading.contains("rose from") && reading.contains("the worse direction"), "\(reading)")
        #expect(ReadingConsistencyTests.contradictions(report).isEmpty)
    }

    /// A series `--chart auto` draws without signals (too few incidents) says so, not
    /// "too few points for limits".
    @Test func tooSparseSeries_saysWhyThereAreNoLimits() throws {
        var counts = [Int?](repeating: 0, count: 60)
        for week in stride(from: 2, to: 60, by: 9) { counts[week] = 1 }
        let report = try TestSeries.analyse(TestSeries.weeklyCSV(counts)) { $0.autoChart = true }[0]
        #expect(report.drawnWithoutSignals)
        let reading = ChartReading.sentence(report)
        #expect(reading.hasPrefix("No limits or signals: too few incidents for a chart to tell change from chance; mean"), "\(reading)")
        #expect(ReadingConsistencyTests.contradictions(report).isEmpty)
    }
}
