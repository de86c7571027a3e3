/// One trust × ward × measure over time, rows that differ only by a dimension combined.
public struct WardSeries: Sendable {
    public var trust: String
    public var ward: String
    public var measure: String
    /// Observed periods (first days), ascending.
    public var periods: [CivilDate]
    /// Count (or value) per observed period, summed over dimension rows.
    public var values: [Double]
    /// Denominator per observed period; `nil` where the file gives none.
    public var denominators: [Double?]
    /// Periods between the first and last observed one that have no data (never zeros).
    public var missingPeriods: [CivilDate]
    /// Line of the first row behind each observed period (`nil` for zero-filled event periods).
    public var lines: [Int?]

    public var total: Double { values.reduce(0, +) }
}

/// Combines a dataset's records into series (DESIGN.md §3.1): counts add up; a
/// denominator repeated with the same value on every row of a ward × period × measure
/// is the ward's and counts once, otherwise the rows' denominators add up
/// (`DenominatorScope` overrides). Event-derived data is zero-filled over its window.
public enum SeriesBuilder {
    public struct Output: Sendable {
        public var series: [WardSeries]
        /// Problems found while combining (denominators that disagree under `--denominator-scope ward`).
        public var issues: [InputIssue]
    }

    /// Series in order of first appearance, optionally only those `include` accepts
    /// (given trust, ward and measure).
    public static func build(_ dataset: WardDataset,
                              include: ((String, String, String) -> Bool)? = nil) -> Output {
        struct Key: Hashable { var trust: Int32, ward: Int32, measure: Int32 }
        let records = dataset.records
        // Bed days by ethnic group add up across the groups (issue 8); the ward's bed days
        // repeated on every group's row follow the usual rule.
        let ethnicGroups = dataset.denominatorScope == .auto && dataset.denominatorsAreByEthnicGroup
            ? dataset.ethnicGroupColumn.map { records.dimensions[$0] } : nil
        // Each record's series number; a dictionary lookup only where the key changes
        // (exports arrive grouped by series, so that is once per series).
        var seriesNumber: [Key: Int32] = [:]
        var keys: [Key] = []
        var wanted: [Bool] = []
        func number(of key: Key) -> Int32 {
            if let known = seriesNumber[key] { return known }
            let next = Int32(keys.count)
            seriesNumber[key] = next
            keys.append(key)
            wanted.append(include?(dataset.strings[key.trust], dataset.strings[key.ward], dataset.strings[key.measure]) ?? true)
            return next
        }
        var recordSeries = [Int32](repeating: 0, count: records.count)
        var previous: Key?
        var previousNumber: Int32 = 0
        for index in 0..<records.count {
            let key = Key(trust: records.trust[index], ward: records.ward[index], measure: records.measure[index])
            if key != previous {
                previousNumber = number(of: key)
                previous = key
            }
            recordSeries[index] = previousNumber
        }
        if let events = dataset.events {
            for index in 0..<events.count {
                _ = number(of: Key(trust: events.trust[index], ward: events.ward[index], measure: events.measure[index]))
            }
        }
        // Record indices grouped by series, in file order within each (a counting sort).
        var starts = [Int](repeating: 0, count: keys.count + 1)
        for series in recordSeries { starts[Int(series) + 1] += 1 }
        for series in 0..<keys.count { starts[series + 1] += starts[series] }
        var grouped = [Int](repeating: 0, count: records.count)
        var cursor = starts
        for index in 0..<records.count {
            let series = Int(recordSeries[index])
            grouped[cursor[series]] = index
            cursor[series] += 1
        }

        var issues: [InputIssue] = []
        var result: [WardSeries] = []
        result.reserveCapacity(keys.count)
        for (seriesIndex, key) in keys.enumerated() where wanted[seriesIndex] {
            var indices = Array(grouped[starts[seriesIndex]..<starts[seriesIndex + 1]])
            let inOrder = zip(indices, indices.dropFirst()).allSatisfy { records.period[$0] <= records.period[$1] }
            if !inOrder {
                indices.sort { records.period[$0] != records.period[$1] ? records.period[$0] < records.period[$1] : $0 < $1 }
            }
            var series = WardSeries(trust: dataset.strings[key.trust], ward: dataset.strings[key.ward],
                                    measure: dataset.strings[key.measure], periods: [], values: [],
                                    denominators: [], missingPeriods: [], lines: [])
            var start = 0
            while start < indices.count {
                var end = start + 1
                while end < indices.count, records.period[indices[end]] == records.period[indices[start]] { end += 1 }
                let group = indices[start..<end]
                series.periods.append(records.period[group.first!])
                series.values.append(group.reduce(0) { $0 + records.value[$1] })
                series.denominators.append(combinedDenominator(group, records: records, scope: dataset.denominatorScope,
                                                               ethnicGroups: ethnicGroups, series: series,
                                                               file: dataset.file, issues: &issues))
                series.lines.append(Int(records.line[group.first!]))
                start = end
            }
            if let window = dataset.observationWindow {
                zeroFill(&series, window: window, kind: dataset.periodKind)
            } else {
                series.missingPeriods = dataset.periodKind.missingPeriods(in: series.periods)
            }
            result.append(series)
        }
        return Output(series: result, issues: issues)
    }

    /// The denominator of one ward × period × measure. When the file's bed days are by
    /// ethnic group (`denominatorsAreByEthnicGroup`), rows that differ by `ethnic_group` are
    /// distinct records, each with its own bed days (issue 8): the scope rule applies
    /// within each ethnic group's rows, and the groups' denominators add up.
    private static func combinedDenominator(_ group: ArraySlice<Int>, records: RecordTable, scope: DenominatorScope,
                                            ethnicGroups: [Int32]?, series: WardSeries, file: String,
                                            issues: inout [InputIssue]) -> Double? {
        if let ethnicGroups, let first = group.first, group.contains(where: { ethnicGroups[$0] != ethnicGroups[first] }) {
            var order: [Int32] = []
            var members: [Int32: [Int]] = [:]
            for index in group {
                if members[ethnicGroups[index]] == nil { order.append(ethnicGroups[index]) }
                members[ethnicGroups[index], default: []].append(index)
            }
            var total = 0.0
            for value in order {
                guard let part = combinedDenominator(ArraySlice(members[value]!), records: records, scope: scope,
                                                     ethnicGroups: nil, series: series, file: file, issues: &issues)
                else { return nil }
                total += part
            }
            return total
        }
        var values: [Double] = []
        for index in group {
            guard let value = records.denominator[index] else { return nil }
            values.append(value)
        }
        guard let first = values.first else { return nil }
        guard let combined = scope.combined(values) else {
            issues.append(InputIssue(.error, file: file, line: Int(records.line[group.first!]), column: nil,
                                     message: "rows of \(series.trust) · \(series.ward) · \(series.measure) for \(records.period[group.first!].ukText) carry different denominators, but --denominator-scope ward says they are the ward's",
                                     hint: "use --denominator-scope row if each row has its own denominator"))
            return first
        }
        return combined
    }

    private static func zeroFill(_ series: inout WardSeries, window: ClosedRange<CivilDate>, kind: PeriodKind) {
        let all = kind.starts(from: window.lowerBound, through: window.upperBound)
        var values = [Double](repeating: 0, count: all.count)
        var lines = [Int?](repeating: nil, count: all.count)
        for (index, period) in series.periods.enumerated() {
            let slot = kind.distance(from: window.lowerBound, to: period)
            values[slot] = series.values[index]
            lines[slot] = series.lines[index]
        }
        series.periods = all
        series.values = values
        series.lines = lines
        series.denominators = Array(repeating: nil, count: all.count)
    }
}
