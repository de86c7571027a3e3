#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import SPCCore
import WardData

/// Inequality by ethnic group (`wardspc equity`, DESIGN.md §3.1, §4.4): per ward, trust and
/// programme and per measure, each group's rate per 1,000 occupied bed days, its rate ratio
/// against the reference group with the exact conditional 95% interval, the share of
/// incidents whose ethnicity is not stated or not known, and — with baseline and comparison
/// windows — whether the gap narrowed.
///
/// Incidents whose ethnicity is not stated or not known are left out of every group's
/// numerator, and their bed days out of every denominator, together; how many there were is
/// always reported (`unknown_share`). Rows that differ only by `ethnic_group` are distinct
/// records, each with its own bed days.
public enum EquityAnalysis {
    /// Thrown for a request the data cannot answer (no ethnic_group column, a reference group
    /// that is not in the data); input errors are `InputRejected` with every place.
    public static func analyse(_ dataset: WardDataset, settings: EquitySettings) throws -> EquityResult {
        guard dataset.valueKind == .count else {
            throw AnalysisError("equity compares incident counts, and \(dataset.file) has a `value` column (a non-count measure)")
        }
        if settings.windows.baselinePeriods != nil {
            // The groups' windows are programme-wide spans of dates; a count of periods
            // would differ from ward to ward.
            throw AnalysisError("equity compares every ward over the same dates: give the baseline as an end date (--baseline-until), not a number of periods")
        }
        if let problem = settings.windows.problem { throw AnalysisError(problem) }
        guard let column = dataset.dimensionNames.firstIndex(where: { ColumnNames.ethnicGroup.contains(Header.fold($0)) }) else {
            throw AnalysisError("equity needs an `ethnic_group` column (NHS ethnic category codes or labels), and \(dataset.file) has none")
        }
        let columnName = dataset.dimensionNames[column]
        let categories = try categorise(dataset, column: column, columnName: columnName)
        let names = GroupNames(categories: categories.values.compactMap { $0 } + (settings.exposure?.rows.map(\.category) ?? []),
                               grouping: settings.grouping)
        let reference = try resolveReference(settings, names: names, file: dataset.file)

        var builder = Accumulator(dataset: dataset, settings: settings, categories: categories, names: names)
        builder.collect()
        let windows = windowPredicates(settings)
        var rows: [EquityRow] = []
        var changes: [EquityChange] = []
        var spans: [EquitySpan] = []
        let hasExposure = builder.hasExposure
        for (window, contains) in windows {
            let periods = builder.observedPeriods.filter(contains)
            if let first = periods.min(), let last = periods.max() {
                spans.append(EquitySpan(window: window, start: first, end: last))
            }
        }
        for entity in builder.entities(windows: windows) {
            var byWindow: [EquityWindow: [Int: GroupTotals]] = [:]
            for (window, totals) in entity.windows {
                byWindow[window] = totals.groups
                rows += makeRows(entity: entity, window: window, totals: totals, names: names,
                                 reference: reference, hasExposure: hasExposure)
            }
            if hasExposure, let before = byWindow[.baseline], let after = byWindow[.comparison] {
                changes += makeChanges(entity: entity, baseline: before, comparison: after, names: names, reference: reference)
            }
        }
        var warnings = builder.warnings
        if rows.isEmpty { warnings.append("no records matched the filters (--trust, --ward, --measure)") }
        if !hasExposure { warnings.insert(EquityResult.distributionOnlyNote, at: 0) }
        return EquityResult(file: dataset.file, grouping: settings.grouping, reference: names.names[reference],
                            exposureSource: builder.exposureSource, period: dataset.periodKind.name, spans: spans,
                            rows: rows, changes: changes, warnings: warnings)
    }

    // MARK: Categories and groups

    /// Each distinct value of the column as a category (`nil` only while reporting); every
    /// row holding a value that is no ethnic category is an input error at its line.
    static func categorise(_ dataset: WardDataset, column: Int, columnName: String) throws(InputRejected) -> [Int32: EthnicCategory?] {
        var categories: [Int32: EthnicCategory?] = [:]
        for id in Set(dataset.records.dimensions[column]) { categories[id] = EthnicCategory.parse(dataset.strings[id]) }
        guard categories.values.contains(where: { $0 == nil }) else { return categories }
        var issues: [InputIssue] = []
        var unreported = 0
        for index in 0..<dataset.records.count {
            let id = dataset.records.dimensions[column][index]
            guard categories[id] == .some(nil) else { continue }
            if issues.count == 100 { unreported += 1; continue }
            issues.append(InputIssue(.error, file: dataset.file, line: Int(dataset.records.line[index]), column: columnName,
                                     message: "\"\(dataset.strings[id].prefix(40))\" is not an NHS ethnic category",
                                     hint: EthnicCategory.hint))
        }
        throw InputRejected(issues: issues, unreportedErrors: unreported)
    }

    /// The output names of the groups present, in Data Dictionary order.
    struct GroupNames {
        var names: [String] = []
        var index: [String: Int] = [:]

        init(categories: [EthnicCategory], grouping: EthnicGrouping) {
            for category in Set(categories).sorted(by: { $0.order < $1.order }) {
                guard let name = category.name(grouping), index[name] == nil else { continue }
                index[name] = names.count
                names.append(name)
            }
        }

        /// The group index of a category; −1 when its ethnicity is unknown.
        func of(_ category: EthnicCategory, _ grouping: EthnicGrouping) -> Int {
            category.name(grouping).flatMap { index[$0] } ?? -1
        }
    }

    static func resolveReference(_ settings: EquitySettings, names: GroupNames, file: String) throws -> Int {
        let asked = settings.reference ?? (settings.grouping == .broad ? "White" : "White British")
        guard let name = EthnicCategory.group(named: asked, grouping: settings.grouping) else {
            throw AnalysisError("--reference \(asked) is not \(settings.grouping == .broad ? "a broad ethnic group (White, Mixed, Asian, Black, Other)" : "an ethnic category (a code A–S or its label)")")
        }
        guard let index = names.index[name] else {
            throw AnalysisError("the reference group \(name) has no records in \(file)\(settings.exposure == nil ? "" : " or the exposure file"); choose another with --reference")
        }
        return index
    }

    static func windowPredicates(_ settings: EquitySettings) -> [(EquityWindow, (CivilDate) -> Bool)] {
        var windows: [(EquityWindow, (CivilDate) -> Bool)] = [(.all, { _ in true })]
        guard settings.hasWindows else { return windows }
        let until = settings.windows.baselineUntil, from = settings.windows.from, to = settings.windows.to
        windows.append((.baseline, { date in
            if let until { return date <= until }
            return date < from!
        }))
        windows.append((.comparison, { date in
            if let to, date > to { return false }
            if let from { return date >= from }
            return date > until!
        }))
        return windows
    }

    // MARK: Rows

    static func makeRows(entity: Accumulator.Entity, window: EquityWindow, totals: WindowTotals, names: GroupNames,
                         reference: Int, hasExposure: Bool) -> [EquityRow] {
        let known = totals.groups.values.reduce(0) { $0 + $1.count }
        let referenceTotals = totals.groups[reference] ?? GroupTotals()
        var present = Set(totals.groups.filter { $0.value.count > 0 || $0.value.exposure > 0 }.keys)
        if present.isEmpty && totals.unknown == 0 { return [] }
        present.insert(reference)
        return present.sorted().map { group in
            let own = totals.groups[group] ?? GroupTotals()
            var ratio: RateRatio?
            if hasExposure, group != reference {
                ratio = RateRatio.compute(baselineCount: referenceTotals.count, baselineExposure: referenceTotals.exposure,
                                          comparisonCount: own.count, comparisonExposure: own.exposure)
            }
            return EquityRow(level: entity.level, trust: entity.trust, ward: entity.ward, measure: entity.measure,
                             window: window, group: names.names[group], isReference: group == reference,
                             count: own.count, exposure: hasExposure ? own.exposure : nil,
                             share: known > 0 ? Double(own.count) / Double(known) : nil,
                             rate: hasExposure ? BedDayRates.rate(count: Double(own.count), exposure: own.exposure, bedDays: true) : nil,
                             rateRatio: ratio, referenceCount: referenceTotals.count,
                             unknownCount: totals.unknown, totalCount: known + totals.unknown)
        }
    }

    /// The ratio of rate ratios RR_c/RR_b with its 95% interval on the log scale,
    /// SE = √(1/a_b + 1/r_b + 1/a_c + 1/r_c) (the issue's formula: the usual Wald interval
    /// for a ratio of two independent Poisson rate ratios).
    static func makeChanges(entity: Accumulator.Entity, baseline: [Int: GroupTotals], comparison: [Int: GroupTotals],
                            names: GroupNames, reference: Int) -> [EquityChange] {
        let groups = Set(baseline.keys).union(comparison.keys).subtracting([reference]).sorted()
        let rb = baseline[reference] ?? GroupTotals(), rc = comparison[reference] ?? GroupTotals()
        return groups.compactMap { group in
            let ab = baseline[group] ?? GroupTotals(), ac = comparison[group] ?? GroupTotals()
            guard ab.count + ac.count > 0 || ab.exposure + ac.exposure > 0 else { return nil }
            var change = EquityChange(level: entity.level, trust: entity.trust, ward: entity.ward, measure: entity.measure,
                                      group: names.names[group], groupBaseline: ab.count, referenceBaseline: rb.count,
                                      groupComparison: ac.count, referenceComparison: rc.count,
                                      ratioOfRateRatios: nil, interval: nil)
            if let estimate = ratioOfRateRatios(groupBaseline: ab, referenceBaseline: rb,
                                                groupComparison: ac, referenceComparison: rc) {
                change.ratioOfRateRatios = estimate.ratio
                change.interval = estimate.interval
            }
            return change
        }
    }

    /// RR_c/RR_b and its 95% interval, or `nil` when a count is 0 or an exposure is not positive.
    public static func ratioOfRateRatios(groupBaseline ab: GroupTotals, referenceBaseline rb: GroupTotals,
                                         groupComparison ac: GroupTotals, referenceComparison rc: GroupTotals,
                                         level: Double = 0.95) -> (ratio: Double, interval: ConfidenceInterval)? {
        let all = [ab, rb, ac, rc]
        guard all.allSatisfy({ $0.count > 0 && $0.exposure > 0 && $0.exposure.isFinite }),
              let z = Normal.quantile(1 - (1 - level) / 2) else { return nil }
        func rate(_ totals: GroupTotals) -> Double { Double(totals.count) / totals.exposure }
        let ratio = (rate(ac) / rate(rc)) / (rate(ab) / rate(rb))
        let standardError = all.reduce(0.0) { $0 + 1 / Double($1.count) }.squareRoot()
        let logRatio = log(ratio)
        return (ratio, ConfidenceInterval(lower: exp(logRatio - z * standardError),
                                          upper: exp(logRatio + z * standardError), level: level))
    }
}

/// A group's incidents and occupied bed days over a window.
public struct GroupTotals: Sendable, Hashable {
    public var count = 0
    public var exposure = 0.0

    public init(count: Int = 0, exposure: Double = 0) {
        self.count = count
        self.exposure = exposure
    }

    static func += (lhs: inout GroupTotals, rhs: GroupTotals) {
        lhs.count += rhs.count
        lhs.exposure += rhs.exposure
    }
}

/// Every group's totals over one window, and the incidents of unknown ethnicity.
struct WindowTotals {
    var groups: [Int: GroupTotals] = [:]
    var unknown = 0

    static func += (lhs: inout WindowTotals, rhs: WindowTotals) {
        for (group, totals) in rhs.groups { lhs.groups[group, default: GroupTotals()] += totals }
        lhs.unknown += rhs.unknown
    }
}


extension EquityAnalysis {
    /// The name `evaluate --group-by ethnic_group` gives records whose ethnicity is not
    /// stated or not known.
    public static let unknownGroupName = "Not stated or not known"

    /// The dataset once per broad ethnic group present (in White, Mixed, Asian, Black,
    /// Other order), then its records of unknown ethnicity: `evaluate --group-by ethnic_group`.
    static func ethnicGroups(of dataset: WardDataset) throws(AnalysisError) -> [(String?, WardDataset)] {
        guard let column = dataset.dimensionNames.firstIndex(where: { ColumnNames.ethnicGroup.contains(Header.fold($0)) }) else {
            throw AnalysisError("--group-by ethnic_group needs an `ethnic_group` column, and \(dataset.file) has none")
        }
        let categories: [Int32: EthnicCategory?]
        do {
            categories = try categorise(dataset, column: column, columnName: dataset.dimensionNames[column])
        } catch {
            throw AnalysisError(error.description)
        }
        var values: [String: Set<String>] = [:]
        for (id, category) in categories {
            values[category?.name(.broad) ?? unknownGroupName, default: []].insert(dataset.strings[id])
        }
        let names = BroadEthnicGroup.allCases.map(\.rawValue) + [unknownGroupName]
        let columnName = dataset.dimensionNames[column]
        return names.compactMap { name in
            values[name].map { (name, dataset.keeping(dimension: columnName, values: $0)) }
        }
    }
}
