/// Finds rows with the same key (trust × ward × period × measure × every dimension):
/// identical ones are merged with a warning, different ones are errors (DESIGN.md §3.6).
enum Duplicates {
    /// Clears `keep` for every duplicate row that must not be used.
    static func check(_ table: RecordTable, keep: inout [Bool], strings: StringPool,
                      dimensionNames: [String], issues: inout IssueCollector) {
        let count = table.count
        guard count > 1 else { return }
        precondition(keep.count == count, "one keep flag per row")
        func compare(_ a: Int, _ b: Int) -> Int {
            if table.trust[a] != table.trust[b] { return table.trust[a] < table.trust[b] ? -1 : 1 }
            if table.ward[a] != table.ward[b] { return table.ward[a] < table.ward[b] ? -1 : 1 }
            if table.measure[a] != table.measure[b] { return table.measure[a] < table.measure[b] ? -1 : 1 }
            if table.period[a] != table.period[b] { return table.period[a] < table.period[b] ? -1 : 1 }
            for column in table.dimensions where column[a] != column[b] {
                return column[a] < column[b] ? -1 : 1
            }
            return 0
        }
        // Rows already refused (an impossible date, a wrong weekday) take no part.
        var order = (0..<count).filter { keep[$0] }
        // Exports are usually grouped by series and sorted by date: then no sort is needed.
        var sorted = true
        for position in order.indices.dropFirst() where compare(order[position - 1], order[position]) > 0 {
            sorted = false
            break
        }
        if !sorted {
            order.sort { a, b in
                let result = compare(a, b)
                return result != 0 ? result < 0 : a < b
            }
        }
        var groupStart = 0
        while groupStart < order.count {
            var groupEnd = groupStart + 1
            while groupEnd < order.count, compare(order[groupStart], order[groupEnd]) == 0 { groupEnd += 1 }
            if groupEnd - groupStart > 1 {
                report(group: Array(order[groupStart..<groupEnd]), table: table, keep: &keep,
                       strings: strings, dimensionNames: dimensionNames, issues: &issues)
            }
            groupStart = groupEnd
        }
    }

    private static func report(group: [Int], table: RecordTable, keep: inout [Bool], strings: StringPool,
                               dimensionNames: [String], issues: inout IssueCollector) {
        let first = group[0]
        let firstLine = Int(table.line[first])
        var key = "\(strings[table.trust[first]]) · \(strings[table.ward[first]]) · \(strings[table.measure[first]]) · \(table.period[first].ukText)"
        for (column, name) in dimensionNames.enumerated() {
            key += " · \(name)=\(strings[table.dimensions[column][first]])"
        }
        let allSame = group.allSatisfy {
            table.value[$0] == table.value[first] && table.denominator[$0] == table.denominator[first]
        }
        if allSame {
            for index in group.dropFirst() {
                keep[index] = false
                issues.warning(line: Int(table.line[index]), column: nil,
                               "identical duplicate of line \(firstLine) (\(key)); merged into one row")
            }
        } else {
            // Neither row can be trusted over the other: with --lenient both are skipped.
            for index in (issues.lenient ? group[...] : group.dropFirst()) {
                let other = index == first ? Int(table.line[group[1]]) : firstLine
                issues.row(line: Int(table.line[index]), column: nil,
                           "same trust, ward, measure, period and dimensions as line \(other) (\(key)) but different numbers",
                           hint: "keep one row per ward, measure and period, or add the dimension column that tells them apart")
                if issues.lenient { keep[index] = false }
            }
        }
    }
}
