import Testing
@testable import SPCCore

@Suite struct ChartComputationTests {
    /// Weekly periods 7 days apart from day 0.
    static func weeks(_ count: Int) -> [Int32] { (0..<count).map { Int32($0 * 7) } }

    @Test func plotRate_runChartPlotsNumeratorOverDenominatorTimesMultiplier() {
        let series = Series(periods: Self.weeks(3), numerators: [1, 2, 6], denominators: [100, 100, 200])
        let options = ChartOptions(kind: .run, plotRate: true)
        #expect(options.multiplier == 1000)
        let lines = ChartComputation.lines(for: series, layout: PhasePlan().layout(for: series), options: options)
        #expect(lines.values == [10, 20, 30])
        #expect(lines.centre == [20, 20, 20])
        #expect(lines.upper == [nil, nil, nil])
    }

    @Test func plotRate_iChartEstimatesOnRates() {
        // Rates 0.01, 0.02, 0.03 → per 1,000: mean 20, MR̄ 10.
        let series = Series(periods: Self.weeks(3), numerators: [1, 2, 6], denominators: [100, 100, 200])
        let lines = ChartComputation.lines(for: series, layout: PhasePlan().layout(for: series),
                                           options: ChartOptions(kind: .i, plotRate: true))
        #expect(abs(lines.centre[0]! - 20) < 1e-9)
        #expect(abs(lines.upper[0]! - (20 + 30 / 1.128)) < 1e-9)
    }

    @Test func withoutPlotRate_iChartPlotsNumerators() {
        let series = Series(periods: Self.weeks(3), numerators: [1, 2, 6], denominators: [100, 100, 200])
        let lines = ChartComputation.lines(for: series, layout: PhasePlan().layout(for: series),
                                           options: ChartOptions(kind: .i))
        #expect(lines.values == [1, 2, 6])
    }

    @Test func multiplier_appliesToValuesAndEveryLine() {
        let series = Series(periods: Self.weeks(2), numerators: [2, 6], denominators: [100, 100])
        let perThousand = ChartComputation.lines(for: series, layout: PhasePlan().layout(for: series),
                                                 options: ChartOptions(kind: .u))
        let perDay = ChartComputation.lines(for: series, layout: PhasePlan().layout(for: series),
                                            options: ChartOptions(kind: .u, multiplier: 1))
        for index in 0..<2 {
            #expect(abs(perThousand.values[index]! - 1000 * perDay.values[index]!) < 1e-9)
            #expect(abs(perThousand.upper[index]! - 1000 * perDay.upper[index]!) < 1e-9)
            #expect(abs(perThousand.upper2[index]! - 1000 * perDay.upper2[index]!) < 1e-9)
            #expect(perThousand.lower[index]! == 1000 * perDay.lower[index]!)
            #expect(abs(perThousand.centre[index]! - 40) < 1e-9)
        }
    }

    @Test func excludedPoint_leftOutOfEstimation_stillDrawnAndOutsideLimits() {
        // The 50 is excluded: mean 60/11, moving ranges bridge it (all 1).
        let values: [Double] = [5, 6, 5, 6, 5, 6, 50, 5, 6, 5, 6, 5]
        let series = Series(periods: Self.weeks(values.count), numerators: values)
        let layout = PhasePlan(excludedPeriods: [42]).layout(for: series)
        let lines = ChartComputation.lines(for: series, layout: layout, options: ChartOptions(kind: .i))
        #expect(abs(lines.centre[0]! - 60.0 / 11) < 1e-12)
        #expect(abs(lines.upper[0]! - (60.0 / 11 + 3 / 1.128)) < 1e-12)
        #expect(lines.values[6] == 50)
        let outcome = Anhoej.evaluate(lines, layout: layout, chart: .i)
        #expect(outcome.events == [SignalEvent(kind: .outsideLimits, points: [6], side: .high, phase: 0)])
        #expect(outcome.runs[0]?.useful == 11)
        #expect(outcome.runs[0]?.crossings == 10)
    }

    @Test func twoPhases_eachHasItsOwnLines_mrFirstPointOfEachPhaseHasNoValue() {
        let series = Series(periods: Self.weeks(6), numerators: [1, 2, 3, 10, 12, 14])
        let layout = PhasePlan(phaseStarts: [21]).layout(for: series)
        let mr = ChartComputation.lines(for: series, layout: layout, options: ChartOptions(kind: .mr))
        #expect(mr.values == [nil, 1, 1, nil, 2, 2])
        #expect(mr.centre == [1, 1, 1, 2, 2, 2])
        #expect(mr.upper[3] != nil)
        let c = ChartComputation.lines(for: series, layout: layout, options: ChartOptions(kind: .c))
        #expect(c.centre == [2, 2, 2, 12, 12, 12])
    }

    @Test func frozenBaseline_linesExtendAcrossThePhase() {
        let series = Series(periods: Self.weeks(5), numerators: [4, 6, 5, 20, 30])
        let layout = PhasePlan(baselinePoints: 3).layout(for: series)
        let lines = ChartComputation.lines(for: series, layout: layout, options: ChartOptions(kind: .c))
        #expect(lines.centre == [5, 5, 5, 5, 5])
        let outcome = Anhoej.evaluate(lines, layout: layout, chart: .c)
        #expect(outcome.events.map(\.points) == [[3], [4]])
    }

    @Test func chartKindsWithLimits_haveTwoSigmaLines() {
        let series = Series(periods: Self.weeks(6), numerators: [3, 5, 4, 6, 2, 5], denominators: [50, 60, 55, 40, 50, 45])
        let layout = PhasePlan().layout(for: series)
        for kind in ChartKind.allCases where kind.hasLimits {
            let lines = ChartComputation.lines(for: series, layout: layout, options: ChartOptions(kind: kind))
            #expect(lines.upper2.allSatisfy { $0 != nil }, "\(kind)")
            #expect(lines.lower2.allSatisfy { $0 != nil }, "\(kind)")
            for index in 0..<series.count {
                #expect(lines.upper2[index]! <= lines.upper[index]!, "\(kind)")
                #expect(lines.lower2[index]! >= lines.lower[index]!, "\(kind)")
            }
        }
    }
}
