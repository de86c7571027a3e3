import WardData

extension ValidationReport {
    /// The report for a terminal: what was read, every problem, then one line per series.
    public var table: String {
        var out: [String] = []
        if let format, let periodKind {
            var period = periodKind.name == "week" ? "weekly" : "monthly"
            if case .week(let day) = periodKind { period += " (weeks start on \(day.capitalized))" }
            out.append("\(file): \(format.rawValue) format, \(period), \(records) records, \(trusts) trust\(trusts == 1 ? "" : "s"), \(wards) ward\(wards == 1 ? "" : "s"), \(measures) measure\(measures == 1 ? "" : "s")\(dimensionNames.isEmpty ? "" : "; dimensions: \(dimensionNames.joined(separator: ", "))")")
        }
        if !readerNotes.isEmpty {
            out.append("How the file was read:")
            out += readerNotes.map { "  - \($0)" }
        }
        func place(_ issue: Issue) -> String {
            var text = issue.file
            if let cell = issue.cell {
                text += ":\(cell)"
            } else if let line = issue.line {
                text += ":\(line)"
            }
            if let column = issue.column { text += ":\(column)" }
            return text
        }
        // One line per kind of problem, at the place of its first: a single one with its
        // message, several with their count, first lines and hint.
        func lines(_ severity: String, _ issues: [Issue]) -> [String] {
            groups.filter { $0.severity == severity }.map { group in
                "  \(place(group.first)): \(group.count == 1 ? group.first.message : group.summary)"
            }
        }
        let errorCount = errors.count + unreportedErrors
        out.append(errorCount == 0 ? "No errors." : "\(errorCount) error\(errorCount == 1 ? "" : "s"):")
        if groups.isEmpty {
            out += errors.map { "  \(place($0)): \($0.message)" }
            if let more = UnlistedIssues.line(listed: errors.count, kept: errors.count, unreported: unreportedErrors,
                                              noun: "errors") { out.append("  " + more) }
        } else {
            out += lines("error", errors)
        }
        let warningCount = warnings.count + unreportedWarnings
        if warningCount > 0 {
            out.append("\(warningCount) warning\(warningCount == 1 ? "" : "s"):")
            if groups.isEmpty {
                out += warnings.map { "  \(place($0)): \($0.message)" }
                if let more = UnlistedIssues.line(listed: warnings.count, kept: warnings.count, unreported: unreportedWarnings,
                                                  noun: "warnings") { out.append("  " + more) }
            } else {
                out += lines("warning", warnings)
            }
        }
        if !skippedLines.isEmpty {
            out.append("Skipped \(skippedLines.count) row\(skippedLines.count == 1 ? "" : "s") (--lenient): lines \(skippedLines.map(String.init).joined(separator: ", "))")
        }
        if !series.isEmpty {
            out.append("")
            let table = TextTable(
                headers: ["trust", "ward", "measure", "periods", "first", "last", "missing", "total", "implausible"],
                rows: series.map { entry in
                    [entry.trust, entry.ward, entry.measure, String(entry.periods), entry.first?.iso ?? "",
                     entry.last?.iso ?? "", String(entry.missingPeriods.count), CSVCell.number(entry.totalCount),
                     String(entry.implausiblePeriods.count)]
                },
                numericColumns: [3, 6, 7, 8])
            out.append(table.rendered())
        }
        out.append(ok ? "OK" : "NOT OK: fix the errors above and run validate again")
        return out.joined(separator: "\n")
    }
}
