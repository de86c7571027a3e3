import PropertyBased
import Testing
import WardSPC

/// Properties the whole pipeline must keep whatever the data (issue 7), checked with
/// x-sheep/swift-property-based on generated programmes. Case counts are modest so the
/// suite stays fast; a failure prints the seed that reproduces it (`.fixedSeed`).
@Suite struct PropertyTests {
    // MARK: generated data

    /// A small programme of weekly long-format rows, made from a seed (so a failing case
    /// is reproduced by its seed alone): some wards and measures, a `subtype` dimension,
    /// missing weeks, bed days on every row of a ward × week.
    struct Programme: CustomStringConvertible {
        var rows: [String]
        var seed: UInt64
        static let header = "trust,ward,measure,week_start,subtype,count,bed_days"

        init(seed: UInt64, wards: Int, weeks: Int) {
            self.seed = seed
            var random = SplitMix64(seed: seed)
            var rows: [String] = []
            let monday = CivilDate(year: 2024, month: 1, day: 1)!
            for ward in 0..<wards {
                let trust = ward % 2 == 0 ? "RX1" : "RX2"
                for measure in ["restraint", "seclusion"].prefix(1 + Int(random.next() % 2)) {
                    let level = 1 + random.next() % 12
                    for week in 0..<weeks where random.next() % 10 != 0 {  // about one week in ten missing
                        let date = monday.adding(days: 7 * week).iso
                        let bedDays = 100 + random.next() % 120
                        for subtype in measure == "restraint" ? ["prone", "supine"] : [""] {
                            let count = random.next() % (level + (week > weeks / 2 ? 6 : 0))
                            rows.append("\(trust),Ward \(ward),\(measure),\(date),\(subtype),\(count),\(bedDays)")
                        }
                    }
                }
            }
            self.rows = rows
        }

        var csv: String { ([Self.header] + rows).joined(separator: "\n") + "\n" }
        var description: String { "Programme(seed: \(seed), \(rows.count) rows)" }
    }

    static func read(_ csv: String) throws -> WardDataset {
        try WardDataReader.read(InputFile(name: "programme.csv", bytes: Array(csv.utf8)))
    }

    /// Each series' report as JSON text keyed by trust · ward · measure: everything the
    /// analysis says, compared whole.
    static func reports(_ dataset: WardDataset, _ settings: AnalysisSettings) throws -> [String: String] {
        let result = try Analyzer.analyse(dataset, settings: settings)
        var byKey: [String: String] = [:]
        for report in result.series {
            byKey["\(report.trust) · \(report.ward) · \(report.measure)"] = AnalysisJSON.analysis([report]).rendered(pretty: false)
        }
        return byKey
    }

    static let programmes = zip(Gen.uint64(), Gen.int(in: 1...4), Gen.int(in: 12...40))
        .map { Programme(seed: $0, wards: $1, weeks: $2) }

    // MARK: reading

    @Test func shufflingTheRows_changesNoSeriesAndNoAnalysis() async throws {
        await propertyCheck(count: 25, input: Self.programmes, Gen.uint64()) { programme, shuffleSeed in
            var random = SplitMix64(seed: shuffleSeed)
            var shuffled = programme
            shuffled.rows.shuffle(using: &random)
            let original = try Self.read(programme.csv), reordered = try Self.read(shuffled.csv)
            func series(_ dataset: WardDataset) -> [String: String] {
                var byKey: [String: String] = [:]
                for series in SeriesBuilder.build(dataset).series {
                    byKey["\(series.trust) · \(series.ward) · \(series.measure)"] =
                        "\(series.periods) \(series.values) \(series.denominators) \(series.missingPeriods)"
                }
                return byKey
            }
            #expect(series(original) == series(reordered))
            for chart in [ChartKind.u, .c, .i] {
                var settings = AnalysisSettings()
                settings.chart = chart
                settings.rules = chart == .u ? .mdc : .anhoej
                #expect(try Self.reports(original, settings) == Self.reports(reordered, settings), "\(chart) chart")
            }
        }
    }

    // MARK: charts

    /// Counts and bed days of a random weekly series.
    static let countSeries = zip(Gen.int(in: 0...30).array(of: 12...60), Gen.int(in: 40...400).array(of: 60))
        .map { counts, bedDays -> Series in
            Series(periods: counts.indices.map { Int32($0 * 7) }, numerators: counts.map(Double.init),
                   denominators: counts.indices.map { Double(bedDays[$0]) })
        }

    @Test func scalingBedDaysAndTheMultiplierTogether_leavesUChartSignalsUnchanged() async {
        // Powers of two scale exactly in floating point, so every rate, centre and limit
        // is the same number and any difference in signals would be a real one.
        await propertyCheck(count: 40, input: Self.countSeries, Gen.element(of: [0.125, 0.5, 2, 4, 1024]),
                            Gen<RuleSetKind>.case) { series, factor, rules in
            let factor = factor ?? 2
            var scaled = series
            scaled.denominators = series.denominators!.map { $0 * factor }
            let base = SPCAnalysis.analyse(series, configuration: .standard(chart: .u, rules: rules))
            let other = SPCAnalysis.analyse(scaled, configuration: .standard(chart: .u, rules: rules, multiplier: 1000 * factor))
            #expect(base.pointSignals == other.pointSignals)
            #expect(base.lines == other.lines)
            #expect(base.variation == other.variation)
        }
    }

    @Test func addingAConstantToAnXmRSeries_shiftsCentreAndLimits_andKeepsTheSignals() async {
        let values = Gen.int(in: 0...50).array(of: 12...60)
        await propertyCheck(count: 40, input: values, Gen.int(in: -1000...1000),
                            Gen<RuleSetKind>.case) { values, constant, rules in
            let periods = values.indices.map { Int32($0 * 7) }
            let series = Series(periods: periods, numerators: values.map(Double.init))
            let shifted = Series(periods: periods, numerators: values.map { Double($0 + constant) })
            let base = SPCAnalysis.analyse(series, configuration: .standard(chart: .i, rules: rules, improvement: .neutral))
            let moved = SPCAnalysis.analyse(shifted, configuration: .standard(chart: .i, rules: rules, improvement: .neutral))
            #expect(base.pointSignals == moved.pointSignals)
            for (name, a, b) in [("centre", base.lines.centre, moved.lines.centre), ("lower", base.lines.lower, moved.lines.lower),
                                 ("upper", base.lines.upper, moved.lines.upper)] {
                for (x, y) in zip(a, b) {
                    #expect((x == nil) == (y == nil), "\(name)")
                    if let x, let y { #expect(abs(x + Double(constant) - y) < 1e-9, "\(name): \(x) + \(constant) ≠ \(y)") }
                }
            }
        }
    }

    @Test func limitsAreSymmetricAroundTheCentre_whereTheChartSaysSo() async {
        await propertyCheck(count: 40, input: Self.countSeries) { series in
            // i: always; c, u, u′ and p: wherever the lower limit was not clamped at 0 (nor p's upper at 1).
            var proportions = series
            proportions.denominators = zip(series.numerators, series.denominators!).map { max($0, $1 / 8) }
            let cases: [(ChartKind, Series)] = [(.i, series), (.c, series), (.u, series), (.up, series), (.p, proportions)]
            for (chart, data) in cases {
                let lines = SPCAnalysis.analyse(data, configuration: .standard(chart: chart, rules: .anhoej)).lines
                let top = chart == .p ? 1.0 : .infinity  // p: proportions (multiplier 1)
                for index in 0..<lines.count {
                    guard let centre = lines.centre[index], let lower = lines.lower[index], let upper = lines.upper[index],
                          chart == .i || (lower > 0 && upper < top) else { continue }
                    let scale = max(1, abs(centre), upper - lower)
                    #expect(abs((upper - centre) - (centre - lower)) <= 1e-9 * scale,
                            "\(chart) point \(index): \(lower) < \(centre) < \(upper)")
                }
            }
        }
    }

    // MARK: whole datasets

    @Test func excludingAPointOfOneWard_neverChangesAnotherSeries() async throws {
        await propertyCheck(count: 20, input: Self.programmes, Gen.int(in: 0...39)) { programme, week in
            let dataset = try Self.read(programme.csv)
            let date = CivilDate(year: 2024, month: 1, day: 1)!.adding(days: 7 * week + 2)
            let eventsCSV = "trust,ward,date,label,kind\nRX1,Ward 0,\(date.iso),strike,exclude\n"
            let events = try WardEventsReader.read(InputFile(name: "events.csv", bytes: Array(eventsCSV.utf8)))
            for chart in [ChartKind.u, .i] {
                var settings = AnalysisSettings()
                settings.chart = chart
                let before = try Self.reports(dataset, settings)
                settings.events = events
                let after = try Self.reports(dataset, settings)
                #expect(before.keys.sorted() == after.keys.sorted())
                for (key, report) in before where !key.hasPrefix("RX1 · Ward 0 ·") {
                    #expect(after[key] == report, "\(key) changed")
                }
            }
        }
    }

    @Test func analysingTheWholeDataset_equalsAnalysingEachSeriesAlone() async throws {
        await propertyCheck(count: 15, input: Self.programmes, Gen<RuleSetKind>.case) { programme, rules in
            let dataset = try Self.read(programme.csv)
            for chart in [ChartKind.u, .c, .run] {
                var settings = AnalysisSettings()
                settings.chart = chart
                settings.rules = rules
                let whole = try Self.reports(dataset, settings)
                for (key, report) in whole {
                    let parts = key.components(separatedBy: " · ")
                    var alone = settings
                    alone.trusts = [parts[0]]
                    alone.wards = [parts[1]]
                    alone.measures = [parts[2]]
                    #expect(try Self.reports(dataset, alone) == [key: report], "\(chart) \(key)")
                }
            }
        }
    }
}

/// A small deterministic generator (SplitMix64) for the programmes' contents.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
