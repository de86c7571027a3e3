import Testing
@testable import SPCCore

/// The team's qicharts2 0.8.1 reference cases (`Fixtures/reference/`, read through
/// `ReferenceFixtures`): the weekly input series, the g/t intervals built from the
/// incident dates, and what qicharts2 computed from them.
enum Qicharts2Reference {
    /// The 21 weekly series: seven kinds × three wards (the `-3` ones miss weeks 30, 31, 77).
    static let weeklyWards: [String] = ["stable", "step", "sparse", "trend", "overdispersed", "outlier", "rise"]
        .flatMap { kind in (1...3).map { "\(kind)-\($0)" } }
    /// The 8 wards of AWOL incident dates.
    static let rareWards: [String] = (1...8).map { "rare-\($0)" }

    /// The reference variants: all points as baseline, a frozen baseline, a second phase.
    enum Variant: String, Sendable, CaseIterable {
        case `default`, freeze26, part52, freeze15
    }

    /// One point of a qicharts2 chart; `nil` where the reference says NA.
    struct Point: Sendable {
        var period: Int32
        var value: Double?
        var centre: Double?
        var lower: Double?
        var upper: Double?
        /// qicharts2's `part`, 1-based.
        var part: Int
        var runsSignal: Bool
        var sigmaSignal: Bool
        var useful: Int?
        var longestRun: Int?
        var longestRunLimit: Int?
        var crossings: Int?
        var crossingsLimit: Int?
    }

    struct Key: Hashable, Sendable {
        var ward: String
        var chart: String
        var variant: String
    }

    /// The input series of a ward: counts and bed days per observed week.
    static func weeklySeries(_ ward: String) -> Series {
        let rows = weeklyInput[ward] ?? []
        return Series(periods: rows.map(\.period), numerators: rows.map(\.count), denominators: rows.map(\.denominator))
    }

    /// One point per incident from the second on: period = the incident's date, value =
    /// days since the previous incident (DESIGN.md §3.3).
    static func intervalSeries(_ ward: String) -> Series {
        let dates = (incidentDates[ward] ?? []).sorted()
        guard dates.count > 1 else { return Series(periods: [], numerators: []) }
        let periods = Array(dates.dropFirst())
        let intervals = (1..<dates.count).map { Double(dates[$0] - dates[$0 - 1]) }
        return Series(periods: periods, numerators: intervals)
    }

    /// The phase plan of a variant for a series.
    static func plan(_ variant: Variant, for series: Series) -> PhasePlan {
        switch variant {
        case .default: return PhasePlan()
        case .freeze26: return PhasePlan(baselinePoints: 26)
        case .freeze15: return PhasePlan(baselinePoints: 15)
        case .part52: return PhasePlan(phaseStarts: [series.periods[52]])
        }
    }

    static func expected(ward: String, chart: ChartKind, variant: Variant) -> [Point] {
        let key = Key(ward: ward, chart: chart.rawValue, variant: variant.rawValue)
        return (chart.needsIncidentDates ? expectedRare : expectedWeekly)[key] ?? []
    }

    // MARK: Loading (once per test run)

    struct WeeklyRow: Sendable {
        var period: Int32
        var count: Double
        var denominator: Double
    }

    static let weeklyInput: [String: [WeeklyRow]] = {
        var byWard: [String: [WeeklyRow]] = [:]
        for row in load(.input) {
            byWard[row["ward"]!, default: []].append(
                WeeklyRow(period: ReferenceFixtures.days(row["week_start"]!), count: Double(row["count"]!)!,
                          denominator: Double(row["denominator"]!)!))
        }
        return byWard.mapValues { $0.sorted { $0.period < $1.period } }
    }()

    static let incidentDates: [String: [Int32]] = {
        var byWard: [String: [Int32]] = [:]
        for row in load(.rareEvents) { byWard[row["ward"]!, default: []].append(ReferenceFixtures.days(row["date"]!)) }
        return byWard
    }()

    static let expectedWeekly: [Key: [Point]] = points(load(.qicharts2))
    static let expectedRare: [Key: [Point]] = points(load(.rare))

    static func load(_ file: ReferenceFixtures.File) -> [ReferenceFixtures.Row] {
        do {
            return try ReferenceFixtures.rows(file)
        } catch {
            Issue.record("cannot load \(file.rawValue): \(error)")
            return []
        }
    }

    static func points(_ rows: [[String: String]]) -> [Key: [Point]] {
        func number(_ text: String?) -> Double? { text == "NA" ? nil : text.flatMap(Double.init) }
        func integer(_ text: String?) -> Int? { text == "NA" ? nil : text.flatMap(Int.init) }
        var result: [Key: [Point]] = [:]
        for row in rows {
            let key = Key(ward: row["ward"]!, chart: row["chart"]!, variant: row["variant"]!)
            result[key, default: []].append(Point(
                period: ReferenceFixtures.days(row["x"]!), value: number(row["y"]), centre: number(row["cl"]),
                lower: number(row["lcl"]), upper: number(row["ucl"]), part: integer(row["part"])!,
                runsSignal: row["runs.signal"] == "TRUE", sigmaSignal: row["sigma.signal"] == "TRUE",
                useful: integer(row["n.useful"]), longestRun: integer(row["longest.run"]),
                longestRunLimit: integer(row["longest.run.max"]), crossings: integer(row["n.crossings"]),
                crossingsLimit: integer(row["n.crossings.min"])))
        }
        return result.mapValues { $0.sorted { $0.period < $1.period } }
    }
}
