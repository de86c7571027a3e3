import Testing
@testable import SPCCore

/// Automatic re-basing (DESIGN.md §4.3) against runcharter 0.2.0.9000, then by hand.
@Suite struct AutoRebaseTests {
    // `--auto-rebase 9 --median-points 13 --rebase-direction <direction>` on every ward's counts.
    @Test(arguments: RebaseDirection.allCases)
    func test_sustainedShifts_everyWard_matchesRuncharter(direction: RebaseDirection) throws {
        let wards = try RuncharterReference.wards()
        let expected = try RuncharterReference.expected(direction: direction)
        let expectedWards = Set(expected.map(\.ward))
        #expect(expectedWards == Set(wards.keys), "runcharter reports every ward")
        #expect(wards.count == 21)

        var shiftsSeen = 0
        for name in expectedWards.sorted() {
            let ward = try #require(wards[name])
            let rows = expected.filter { $0.ward == name }
            let baselineRows = rows.filter { $0.runType == "baseline" }
            try #require(baselineRows.count == 1, "one baseline row for \(name)")
            let sustained = rows.filter { $0.runType == "sustained" }.sorted { $0.startDate < $1.startDate }
            shiftsSeen += sustained.count

            let result = AutoRebase.sustainedShifts(values: ward.counts.map { Optional($0) },
                                                    excluded: Array(repeating: false, count: ward.counts.count),
                                                    length: 9, medianPoints: 13, direction: direction)
            // The baseline covers the first 13 weeks.
            #expect(result.baselineMedian == baselineRows[0].median, "\(name) \(direction): baseline median")
            #expect(ward.weeks[0] == baselineRows[0].startDate && ward.weeks[12] == baselineRows[0].endDate,
                    "\(name) \(direction): baseline dates")
            let got = result.shifts.map { [ward.weeks[$0.start], ward.weeks[$0.end], "\($0.median)"] }
            let want = sustained.map { [$0.startDate, $0.endDate, "\($0.median)"] }
            #expect(got == want, "\(name) \(direction)")
        }
        // The reference finds 10 (below), 10 (above) and 31 (both) sustained shifts.
        let counts: [RebaseDirection: Int] = [.below: 10, .above: 10, .both: 31]
        #expect(shiftsSeen == counts[direction])
    }

    @Test func test_sustainedShifts_runBelow_startsAtItsFirstAndEndsAtItsLengthThPoint() {
        // Baseline 5,5,5 → median 5; then 3 points below: a shift of length 3 on points 3…5,
        // median of (2, 1, 4) = 2; the run's 4th point (index 6) is past the shift's end.
        let values: [Double] = [5, 5, 5, 2, 1, 4, 0]
        let result = sustainedShifts(values, length: 3, medianPoints: 3, direction: .below)
        #expect(result.baselineMedian == 5)
        #expect(result.shifts == [SustainedShift(start: 3, end: 5, median: 2)])
    }

    @Test func test_sustainedShifts_pointsOnMedian_neitherCountNorBreak() {
        // Median 5; 4, 5, 3, 5, 2: the points on 5 are skipped, so 4, 3, 2 is a run of 3.
        let values: [Double] = [5, 5, 5, 4, 5, 3, 5, 2]
        let result = sustainedShifts(values, length: 3, medianPoints: 3, direction: .below)
        #expect(result.shifts == [SustainedShift(start: 3, end: 7, median: 3)])
    }

    @Test func test_sustainedShifts_runOnTheOtherSide_breaksTheRunAndIsIgnored() {
        // Median 5: 4, 4 below, then 6, 6, 6 above (ignored for `below`), then 3, 2, 1 below.
        let values: [Double] = [5, 5, 5, 4, 4, 6, 6, 6, 3, 2, 1]
        let below = sustainedShifts(values, length: 3, medianPoints: 3, direction: .below)
        #expect(below.shifts == [SustainedShift(start: 8, end: 10, median: 2)])
        let above = sustainedShifts(values, length: 3, medianPoints: 3, direction: .above)
        // After the shift (median 6) the search restarts at index 8: 3, 2, 1 are below, not above.
        #expect(above.shifts == [SustainedShift(start: 5, end: 7, median: 6)])
    }

    @Test func test_sustainedShifts_both_takesTheFirstRunOnEitherSide_andRestartsAgainstTheNewMedian() {
        // Median 5: 6, 7, 8 above → median 7; restart at index 6 against 7: 6, 5, 4 below → 5;
        // restart at index 9 against 5: 9, 9 above only (too short).
        let values: [Double] = [5, 5, 5, 6, 7, 8, 6, 5, 4, 9, 9]
        let result = sustainedShifts(values, length: 3, medianPoints: 3, direction: .both)
        #expect(result.shifts == [SustainedShift(start: 3, end: 5, median: 7),
                                  SustainedShift(start: 6, end: 8, median: 5)])
    }

    @Test func test_sustainedShifts_restartsAfterTheLengthThPoint_notAfterTheRun() {
        // Median 10: a run of 5 below (6, 5, 4, 3, 2). length 3: the shift is 6, 5, 4 (median 5);
        // the search restarts at 3 against 5: 3, 2, 1 below → a second shift, median 2.
        let values: [Double] = [10, 10, 10, 6, 5, 4, 3, 2, 1]
        let result = sustainedShifts(values, length: 3, medianPoints: 3, direction: .below)
        #expect(result.shifts == [SustainedShift(start: 3, end: 5, median: 5),
                                  SustainedShift(start: 6, end: 8, median: 2)])
    }

    @Test func test_sustainedShifts_evenLength_usesTheMeanOfTheMiddleTwo() {
        let values: [Double] = [9, 10, 11, 1, 2, 4, 8]
        let result = sustainedShifts(values, length: 4, medianPoints: 3, direction: .below)
        #expect(result.baselineMedian == 10)
        #expect(result.shifts == [SustainedShift(start: 3, end: 6, median: 3)])
    }

    @Test func test_sustainedShifts_excludedAndMissingPoints_areSkipped() {
        // Baseline: 4, [excluded 100], 6, nil → median of 4 and 6 = 5 (the M points still
        // count as four). Then 3, excluded 9, nil, 2, 1: a run of 3 below on 4, 7, 8.
        let values: [Double?] = [4, 100, 6, nil, 3, 9, nil, 2, 1]
        let excluded = [false, true, false, false, false, true, false, false, false]
        let result = AutoRebase.sustainedShifts(values: values, excluded: excluded, length: 3, medianPoints: 4,
                                                direction: .below)
        #expect(result.baselineMedian == 5)
        #expect(result.shifts == [SustainedShift(start: 4, end: 8, median: 2)])
    }

    @Test func test_sustainedShifts_tooShortOrEmpty() {
        #expect(sustainedShifts([5, 5, 5, 1, 1], length: 3, medianPoints: 3, direction: .below).shifts.isEmpty)
        let empty = AutoRebase.sustainedShifts(values: [], excluded: [], length: 9, medianPoints: 13, direction: .both)
        #expect(empty.baselineMedian == nil && empty.shifts.isEmpty)
        // Fewer points than the baseline needs: the median of what there is, no shift.
        let short = sustainedShifts([1, 2, 3], length: 9, medianPoints: 13, direction: .both)
        #expect(short.baselineMedian == 2 && short.shifts.isEmpty)
    }

    private func sustainedShifts(_ values: [Double], length: Int, medianPoints: Int,
                                 direction: RebaseDirection) -> (baselineMedian: Double?, shifts: [SustainedShift]) {
        AutoRebase.sustainedShifts(values: values.map { Optional($0) },
                                   excluded: Array(repeating: false, count: values.count),
                                   length: length, medianPoints: medianPoints, direction: direction)
    }

    /// `SPCAnalysis.sustainedShiftsAlone` finds exactly the shifts `analyse` finds, on
    /// random series with zeros, missing bed days, exclusions, phases and multipliers.
    @Test func shiftsAlone_equalTheFullAnalysis() {
        var random = SystemRandomNumberGenerator()
        var roundsWithShifts = 0
        for round in 0..<600 {
            let count = 5 + Int(random.next() % 80)
            let level = Double(random.next() % 6)
            let step = count / 2
            let numerators = (0..<count).map { index in
                Double(random.next() % UInt64(1 + level + (index >= step && round % 2 == 0 ? 4 : 0)))
            }
            let denominators = (0..<count).map { _ in random.next() % 15 == 0 ? 0 : Double(50 + random.next() % 100) }
            let excluded = round % 3 == 0 ? (0..<count).map { _ in random.next() % 12 == 0 } : nil
            let periods = (0..<count).map { Int32($0 * 7) }
            let kinds: [ChartKind] = [.c, .u, .up, .p, .pp, .i, .run, .mr, .g, .t]
            let kind = kinds[round % kinds.count]
            var series = Series(periods: periods, numerators: numerators,
                                denominators: kind == .c || kind == .i || kind == .run || kind == .g || kind == .t
                                    ? (round % 4 == 0 ? denominators : nil) : denominators,
                                excluded: excluded)
            if kind == .p || kind == .pp {
                series = Series(periods: periods, numerators: numerators,
                                denominators: numerators.map { $0 + Double(random.next() % 20) }, excluded: excluded)
            }
            var configuration = AnalysisConfiguration.standard(chart: kind, rules: .anhoej,
                                                               multiplier: round % 5 == 0 ? 1000 : nil,
                                                               plotRate: (kind == .i || kind == .run) && series.denominators != nil)
            configuration.plan = round % 2 == 0 ? PhasePlan(baselineUntil: periods[count / 3])
                                                : PhasePlan(phaseStarts: [periods[count / 2]])
            configuration.autoRebase = AutoRebaseSettings(length: 3 + Int(random.next() % 6), medianPoints: 5 + Int(random.next() % 9),
                                                          direction: RebaseDirection.allCases[round % RebaseDirection.allCases.count])
            let alone = SPCAnalysis.sustainedShiftsAlone(series, configuration: configuration)
            if kind == .mr || kind == .g || kind == .t {
                #expect(alone == nil)
            } else {
                #expect(alone == SPCAnalysis.analyse(series, configuration: configuration).sustainedShifts,
                        "round \(round), \(kind)")
                if alone?.isEmpty == false { roundsWithShifts += 1 }
            }
        }
        #expect(roundsWithShifts > 40, "the random series must hold shifts to compare")
    }
}
