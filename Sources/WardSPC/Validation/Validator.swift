import WardData

/// Builds a `ValidationReport` for a file: reads it with every input rule of DESIGN.md
/// §3.6, combines its series, and adds the checks that need whole series (missing
/// periods, implausible counts) or a chart type (p-chart counts above their denominator,
/// g/t charts that need incident dates).
public enum Validator {
    /// How much larger than the series median a count must be to be called implausible.
    public static let implausibleFactor = 10.0

    /// - Parameter chart: the chart the data is meant for (`p`, `pp`, `g`, `t` add checks); `nil` for none.
    public static func validate(path: String, options: ReadOptions = ReadOptions(), chart: String? = nil) -> ValidationReport {
        var report = ValidationReport(file: path)
        let dataset: WardDataset
        do {
            dataset = try WardDataReader.read(path: path, options: options)
        } catch {
            report.errors = error.errors.map(ValidationReport.Issue.init)
            report.unreportedErrors = error.unreportedErrors
            report.warnings = error.issues.filter { $0.severity == .warning }.map(ValidationReport.Issue.init)
            report.readerNotes = error.notes
            report.groups = error.groups.map { ValidationReport.ProblemGroup($0, file: path) }
            report.placeCells(letters: [:], sheet: nil, groups: error.groups)
            return report
        }
        return validate(dataset, chart: chart, maxReportedErrors: options.maxReportedErrors)
    }

    /// The report for a dataset already read; at most `maxReportedErrors` chart errors are listed.
    public static func validate(_ dataset: WardDataset, chart: String? = nil,
                                maxReportedErrors: Int = 100) -> ValidationReport {
        var report = ValidationReport(file: dataset.file)
        report.format = dataset.format
        report.periodKind = dataset.periodKind
        report.valueKind = dataset.valueKind
        report.hasDenominator = dataset.hasDenominator
        report.dimensionNames = dataset.dimensionNames
        report.records = dataset.records.count
        report.readerNotes = dataset.readerNotes
        var grouper = IssueGrouper()
        grouper.letters = dataset.columnLetters
        grouper.sheet = dataset.sheet
        for warning in dataset.warnings { grouper.add(warning) }
        report.warnings = dataset.warnings.map(ValidationReport.Issue.init)
        report.unreportedWarnings = dataset.unreportedWarnings
        report.skippedLines = dataset.skippedLines
        let chartErrors = chartChecks(dataset, chart: chart)
        // Listed like the reader's errors: the first `maxReportedErrors`, then a count.
        report.errors += chartErrors.prefix(maxReportedErrors).map(\.issue)
        report.unreportedErrors += max(0, chartErrors.count - maxReportedErrors)

        let built = SeriesBuilder.build(dataset)
        report.errors += built.issues.map(ValidationReport.Issue.init)
        for series in built.series {
            let quality = ValidationReport.SeriesQuality(
                trust: series.trust, ward: series.ward, measure: series.measure, period: dataset.periodKind.name,
                periods: series.periods.count, first: series.periods.first, last: series.periods.last,
                missingPeriods: series.missingPeriods, totalCount: series.total,
                implausiblePeriods: implausible(series))
            report.series.append(quality)
            let name = "\(series.trust) · \(series.ward) · \(series.measure)"
            if !series.missingPeriods.isEmpty {
                let shown = series.missingPeriods.prefix(5).map(\.ukText).joined(separator: ", ")
                let more = series.missingPeriods.count > 5 ? " and \(series.missingPeriods.count - 5) more" : ""
                report.warnings.append(.init(file: dataset.file, line: nil, column: nil,
                                             message: "\(name): \(series.missingPeriods.count) missing \(dataset.periodKind.name)\(series.missingPeriods.count == 1 ? "" : "s") (\(shown)\(more)); treated as missing, not zero"))
            }
            for period in quality.implausiblePeriods {
                let slot = series.periods.firstIndex(of: period)!
                report.warnings.append(.init(file: dataset.file, line: series.lines[slot], column: nil,
                                             message: "\(name): \(formatNumber(series.values[slot])) in the \(dataset.periodKind.name) of \(period.ukText) is more than \(Int(implausibleFactor))× the series median (\(formatNumber(median(series.values)))); check it"))
            }
        }
        // Chart and series problems are the report's own: every chart problem is counted in
        // its group, those beyond the listing limit too.
        let known = dataset.warnings.count
        for (issue, kind) in chartErrors {
            grouper.add(InputIssue(.error, file: issue.file, line: issue.line, column: issue.column, message: issue.message),
                        kind: kind)
        }
        for issue in report.errors.dropFirst(min(chartErrors.count, maxReportedErrors)) {
            grouper.add(InputIssue(.error, file: issue.file, line: issue.line, column: issue.column, message: issue.message))
        }
        for issue in report.warnings.dropFirst(known) {
            grouper.add(InputIssue(.warning, file: issue.file, line: issue.line, column: issue.column, message: issue.message))
        }
        report.groups = grouper.groups.map { ValidationReport.ProblemGroup($0, file: dataset.file) }
        report.placeCells(letters: dataset.columnLetters, sheet: dataset.sheet, groups: grouper.groups)
        return report
    }

    /// Periods whose value exceeds `implausibleFactor` × max(median, 1).
    static func implausible(_ series: WardSeries) -> [CivilDate] {
        guard series.values.count >= 5 else { return [] }
        let threshold = implausibleFactor * max(median(series.values), 1)
        return series.periods.indices.filter { series.values[$0] > threshold }.map { series.periods[$0] }
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    static func formatNumber(_ value: Double) -> String { CSVCell.number(value) }

    /// The chart's own checks, each with the kind of problem it is (its group: the message
    /// carries the row's numbers).
    private static func chartChecks(_ dataset: WardDataset, chart: String?) -> [(issue: ValidationReport.Issue, kind: String?)] {
        guard let chart else { return [] }
        var issues: [(issue: ValidationReport.Issue, kind: String?)] = []
        switch chart {
        case "p", "pp":
            if !dataset.hasDenominator {
                issues.append((.init(file: dataset.file, line: 1, column: nil,
                                     message: "a \(chart) chart needs a denominator column (patients) (add a `denominator` column)"), nil))
            }
            let records = dataset.records
            for index in 0..<records.count {
                guard let denominator = records.denominator[index], records.value[index] > denominator else { continue }
                issues.append((.init(file: dataset.file, line: Int(records.line[index]), column: "count",
                                     message: "count \(formatNumber(records.value[index])) is above its denominator \(formatNumber(denominator)); a proportion cannot exceed 1 (a p chart's denominator is the number of patients)"),
                               "count above its denominator"))
            }
        case "g", "t":
            if dataset.events == nil {
                issues.append((.init(file: dataset.file, line: nil, column: nil,
                                     message: "a \(chart) chart plots the days between incidents, so it needs incident dates (give an event-level file with trust, ward, measure and date columns, one row per incident)"), nil))
            }
        default: break
        }
        return issues
    }
}
