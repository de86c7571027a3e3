import Foundation
@testable import WardSPC

/// The calibration simulation of issue 14 (docs/analysis.md, "Calibration"): stable rare
/// series and series whose rate falls, through the product's own path — a `WardDataset`
/// read from CSV text in memory, then `Analyzer.analyse` — with fixed seeds.
///
/// - stable: a mean of λ ~ U(0.1, 1.0) incidents a week, 104 weeks from Monday
///   1 January 2024, bed days ~ U{150…300} a week, counts ~ Poisson(λ·bed days/225);
/// - falling: λ ~ U(0.4, 1.5) before, the rate × 0.4 from week 53 (30 December 2024);
/// - normal reference: N(0, 1) points on an i chart under the same rules, for each series
///   length the charts have (so the false-alarm share is compared like with like).
struct RareEventSimulation {
    struct Figures {
        /// Share of the stable series' points flagged special cause (mdc).
        var flaggedShare: Double
        /// The share the same rules flag on normal data with the same numbers of points.
        var normalShare: Double
        var ratio: Double { flaggedShare / normalShare }
        /// Falling series with special-cause improvement on a point after the fall (mdc).
        var detected: Double
        /// Stable series with any signal under the Anhøj rules.
        var anhoejSignalled: Double
    }

    static let firstWeek = CivilDate(year: 2024, month: 1, day: 1)!
    static let weeks = 104
    static let fallWeek = 52

    var seriesCount: Int
    var seed: UInt64

    /// The figures for `chart` (`nil`: auto) under mdc, and under `anhoejChart` (nil: auto) with anhoej.
    func figures(chart: ChartKind?, anhoejChart: ChartKind?) throws -> Figures {
        var random = SplitMix(seed: seed)
        let stable = try dataset((0..<seriesCount).map { _ in
            weekly(mean: random.uniform(0.1, 1.0), fall: false, random: &random)
        })
        let falling = try dataset((0..<seriesCount).map { _ in
            weekly(mean: random.uniform(0.4, 1.5), fall: true, random: &random)
        })
        let stableMDC = try Analyzer.analyse(stable, settings: settings(chart, .mdc)).series
        var flagged = 0, points: [Int: Int] = [:]
        for report in stableMDC {
            flagged += report.points.filter { $0.category.map { $0 != .commonCause } ?? false }.count
            points[report.points.count, default: 0] += 1
        }
        var normalFlagged = 0.0, total = 0
        for (length, series) in points {
            normalFlagged += Double(series * length) * Self.normalShare(points: length, seed: seed ^ UInt64(length))
            total += series * length
        }
        let fallMonth = MonthlyAggregation.month(ofWeekStarting: Self.firstWeek.adding(days: 7 * Self.fallWeek))
        let fallDate = Self.firstWeek.adding(days: 7 * Self.fallWeek)
        let detected = try Analyzer.analyse(falling, settings: settings(chart, .mdc)).series.filter { report in
            let after = report.period == "month" ? fallMonth : fallDate
            return report.points.contains { $0.period >= after && $0.category == .specialCauseImprovement }
        }.count
        let anhoej = try Analyzer.analyse(stable, settings: settings(anhoejChart, .anhoej)).series.filter { report in
            report.points.contains { !$0.signals.isEmpty } || report.phases.contains { !$0.signals.isEmpty }
        }.count
        return Figures(flaggedShare: Double(flagged) / Double(total), normalShare: normalFlagged / Double(total),
                       detected: Double(detected) / Double(seriesCount),
                       anhoejSignalled: Double(anhoej) / Double(stableMDC.count))
    }

    func settings(_ chart: ChartKind?, _ rules: RuleSetKind) -> AnalysisSettings {
        var settings = AnalysisSettings(chart: chart ?? .u, rules: rules)
        settings.autoChart = chart == nil
        return settings
    }

    /// One series' weekly counts and bed days.
    func weekly(mean: Double, fall: Bool, random: inout SplitMix) -> [(count: Int, bedDays: Int)] {
        (0..<Self.weeks).map { week in
            let bedDays = 150 + Int(random.next() % 151)
            let rate = mean / 225 * (fall && week >= Self.fallWeek ? 0.4 : 1)
            return (random.poisson(rate * Double(bedDays)), bedDays)
        }
    }

    func dataset(_ series: [[(count: Int, bedDays: Int)]]) throws -> WardDataset {
        var text = "trust,ward,measure,week_start,count,bed_days\n"
        text.reserveCapacity(series.count * Self.weeks * 40)
        let dates = (0..<Self.weeks).map { Self.firstWeek.adding(days: 7 * $0).iso }
        for (index, weeks) in series.enumerated() {
            let ward = "W\(index)"
            for (week, value) in weeks.enumerated() {
                text += "T1,\(ward),self_harm,\(dates[week]),\(value.count),\(value.bedDays)\n"
            }
        }
        return try WardDataReader.read(InputFile(name: "simulated.csv", bytes: Array(text.utf8)))
    }

    /// The share of N(0, 1) points an i chart flags special cause under mdc, over 4,000
    /// series of `points` points.
    static func normalShare(points: Int, seed: UInt64) -> Double {
        var random = SplitMix(seed: seed &+ 0x5EED)
        let configuration = AnalysisConfiguration.standard(chart: .i, rules: .mdc)
        var flagged = 0
        let repeats = 4_000
        for _ in 0..<repeats {
            let values = (0..<points).map { _ in random.normal() }
            let series = Series(periods: (0..<points).map(Int32.init), numerators: values)
            let analysis = SPCAnalysis.analyse(series, configuration: configuration)
            flagged += analysis.outcome.categories?.filter { $0 != .commonCause }.count ?? 0
        }
        return Double(flagged) / Double(repeats * points)
    }
}

/// SplitMix64 (Steele, Lea & Flood 2014): small, fast, reproducible on every platform.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform on [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }
    mutating func uniform(_ low: Double, _ high: Double) -> Double { low + (high - low) * unit() }

    /// Knuth's multiplication method: exact, and quick for the small means simulated here.
    mutating func poisson(_ mean: Double) -> Int {
        let limit = exp(-mean)
        var product = unit(), count = 0
        while product > limit { product *= unit(); count += 1 }
        return count
    }

    /// Box–Muller.
    mutating func normal() -> Double {
        let u = max(unit(), 0x1p-53), v = unit()
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }
}
