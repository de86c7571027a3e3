import Testing
@testable import SPCCore

/// The batch engine against the single-series path (issue 6): on random series with
/// missing weeks, zeros, zero and fractional denominators, phases, exclusions and frozen
/// baselines, every chart and rule set gives the same layout, lines within 1e-12
/// relative, and exactly the same signals, runs statistics, categories, icons and warnings.
@Suite struct BatchAnalysisTests {
    /// SplitMix64: a tiny seeded generator, so a failing case is reproduced by its seed.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ range: ClosedRange<Int>) -> Int {
            range.lowerBound + Int(next() % UInt64(range.count))
        }
        mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }
    }

    static let firstMonday: Int32 = 19_724  // 2024-01-01

    /// A block of series on overlapping weekly grids.
    static func block(seed: UInt64, proportions: Bool) -> [Series] {
        var random = Random(state: seed)
        let count = random.int(1...40)
        let fractional = random.chance(50)
        let missingPercent = [0, 5, 30][random.int(0...2)]
        return (0..<count).map { _ in
            let start = random.int(0...10)
            let length = random.int(0...60)
            var periods: [Int32] = [], numerators: [Double] = [], denominators: [Double] = []
            let level = random.int(0...8)
            for week in start..<(start + length) where !random.chance(missingPercent) {
                periods.append(firstMonday + Int32(7 * week))
                var denominator = Double(random.int(0...200))
                if random.chance(3) { denominator = 0 }
                if fractional { denominator += Double(random.int(0...99)) / 100 }
                var count = Double(random.int(0...(level + (week > 30 ? 4 : 0))))
                if proportions { count = min(count, denominator.rounded(.down)) }
                if denominator == 0 { count = 0 }
                periods.count > 0 && random.chance(5) ? numerators.append(0) : numerators.append(count)
                denominators.append(denominator)
            }
            return Series(periods: periods, numerators: numerators, denominators: denominators)
        }
    }

    static func plan(seed: UInt64) -> PhasePlan {
        var random = Random(state: seed ^ 0xABCD)
        var plan = PhasePlan()
        for _ in 0..<random.int(0...3) { plan.phaseStarts.append(firstMonday + Int32(7 * random.int(-3...75))) }
        if random.chance(40) { plan.baselineUntil = firstMonday + Int32(7 * random.int(0...50)) }
        for _ in 0..<random.int(0...4) { plan.excludedPeriods.insert(firstMonday + Int32(7 * random.int(0...70))) }
        if random.chance(15) { plan.baselinePoints = random.int(1...25) }
        return plan
    }

    static func close(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case let (x?, y?): return x == y || abs(x - y) <= 1e-12 * max(abs(x), abs(y))
        default: return false
        }
    }

    static func expectSame(_ batch: SeriesAnalysis, _ single: SeriesAnalysis, _ context: String) {
        #expect(batch.layout == single.layout, "\(context): layout")
        let pairs: [(String, [Double?], [Double?])] = [
            ("values", batch.lines.values, single.lines.values), ("centre", batch.lines.centre, single.lines.centre),
            ("lower", batch.lines.lower, single.lines.lower), ("upper", batch.lines.upper, single.lines.upper),
            ("lower2", batch.lines.lower2, single.lines.lower2), ("upper2", batch.lines.upper2, single.lines.upper2),
        ]
        for (name, left, right) in pairs {
            #expect(left.count == right.count && zip(left, right).allSatisfy { close($0, $1) }, "\(context): \(name)")
        }
        #expect(batch.outcome == single.outcome, "\(context): signals")
        #expect(batch.sustainedShifts == single.sustainedShifts, "\(context): shifts")
        #expect(batch.variation == single.variation && batch.assurance == single.assurance, "\(context): icons")
        #expect(batch.warnings == single.warnings, "\(context): warnings")
    }

    @Test(arguments: [ChartKind.run, .i, .mr, .c, .u, .up, .p, .pp])
    func batchEqualsSingleSeries(chart: ChartKind) {
        for seed in UInt64(1)...60 {
            let series = Self.block(seed: seed &* 7919 &+ UInt64(ChartKind.allCases.firstIndex(of: chart)!), proportions: chart == .p || chart == .pp)
            let plan = Self.plan(seed: seed)
            for rules in RuleSetKind.allCases {
                var configuration = AnalysisConfiguration.standard(chart: chart, rules: rules)
                configuration.plan = plan
                if seed % 5 == 0 { configuration.autoRebase = AutoRebaseSettings(length: 6, direction: .both) }
                if seed % 3 == 0 { configuration.target = 2 }
                let batch = BatchAnalysis.analyse(series, configuration: configuration, threads: 2)
                #expect(batch.count == series.count)
                for (index, one) in series.enumerated() {
                    let single = SPCAnalysis.analyse(one, configuration: configuration)
                    Self.expectSame(batch[index], single, "seed \(seed), \(chart) \(rules), series \(index)")
                }
            }
        }
    }

    @Test func resultsDoNotDependOnThreadsOrBlocks() {
        var series: [Series] = []
        for seed in UInt64(100)..<UInt64(160) { series += Self.block(seed: seed, proportions: false) }
        let configuration = AnalysisConfiguration.standard(chart: .u, rules: .mdc)
        let one = BatchAnalysis.analyse(series, configuration: configuration, threads: 1)
        let two = BatchAnalysis.analyse(series, configuration: configuration, threads: 2)
        #expect(one.count == series.count && two.count == series.count)
        for index in series.indices {
            #expect(one[index].lines == two[index].lines && one[index].outcome == two[index].outcome)
        }
    }

    @Test func windowSumsMatchHandWorkedValues() {
        // Two series on weeks 0–3; window 0 = weeks 0–1, window 1 = weeks 2–3 (phase from week 2);
        // week 1 excluded; series 1 misses week 3.
        let weeks = (0..<4).map { Self.firstMonday + Int32(7 * $0) }
        let a = Series(periods: weeks, numerators: [1, 2, 3, 4], denominators: [10, 20, 30, 40])
        let b = Series(periods: Array(weeks.prefix(3)), numerators: [5, 6, 7], denominators: [50, 60, 70])
        let matrix = SeriesMatrix([a, b])
        #expect(matrix.periods == weeks)
        #expect(matrix.observed == [1, 1, 1, 1, 1, 1, 1, 0])
        let plan = PhasePlan(phaseStarts: [weeks[2]], excludedPeriods: [weeks[1]])
        let windows = PhaseWindows(plan: plan, periods: matrix.periods)!
        #expect(windows.windowOfColumn == [0, 0, 1, 1])
        let sums = WindowSums(matrix, usable: matrix.observed, windows: windows)
        #expect(sums.numerator(series: 0, window: 0) == 1 && sums.numerator(series: 0, window: 1) == 7)
        #expect(sums.denominator(series: 0, window: 1) == 70 && sums.count(series: 0, window: 1) == 2)
        #expect(sums.numerator(series: 1, window: 0) == 5 && sums.numerator(series: 1, window: 1) == 7)
        #expect(sums.count(series: 1, window: 1) == 1)
    }

    @Test func unionGridMergesRaggedSeries() {
        let a = Series(periods: [1, 3, 5], numerators: [0, 0, 0])
        let b = Series(periods: [2, 3, 8], numerators: [0, 0, 0])
        let matrix = SeriesMatrix([a, b, Series(periods: [], numerators: [])])
        #expect(matrix.periods == [1, 2, 3, 5, 8])
        #expect(Array(matrix.columns(ofSeries: 1)) == [1, 2, 4])
    }

    @Test func selectionMedianMatchesSorting() {
        var random = Random(state: 42)
        for _ in 0..<500 {
            let values = (0..<random.int(1...30)).map { _ in Double(random.int(0...9)) / 4 }
            let sorted = values.sorted()
            let middle = sorted.count / 2
            let expected = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
            #expect(Selection.median(values) == expected)
        }
    }
}
