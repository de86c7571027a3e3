import WardData

extension ValidationReport {
    /// The `wardspc/validation@1` document. The keys of the contract come first, in its
    /// order; the rest (`format`, `period`, `skipped_lines`, …) add detail.
    public var json: JSONValue {
        func issue(_ issue: Issue) -> JSONValue {
            .object([
                ("file", .string(issue.file)),
                ("line", .optional(issue.line) { .number(Double($0)) }),
                ("column", .optional(issue.column, JSONValue.string)),
                ("message", .string(issue.message)),
                ("cell", .optional(issue.cell, JSONValue.string)),
            ])
        }
        func group(_ group: ProblemGroup) -> JSONValue {
            .object([
                ("severity", .string(group.severity)),
                ("count", .number(Double(group.count))),
                ("column", .optional(group.column, JSONValue.string)),
                ("column_letter", .optional(group.columnLetter, JSONValue.string)),
                ("summary", .string(group.summary)),
                ("lines", .array(group.lineRuns.map { .array([.number(Double($0.lowerBound)), .number(Double($0.upperBound))]) })),
            ])
        }
        func date(_ date: CivilDate?) -> JSONValue { .optional(date) { .string($0.iso) } }
        let seriesValues: [JSONValue] = series.map { entry in
            .object([
                ("trust", .string(entry.trust)),
                ("ward", .string(entry.ward)),
                ("measure", .string(entry.measure)),
                ("period", .string(entry.period)),
                ("periods", .number(Double(entry.periods))),
                ("first", date(entry.first)),
                ("last", date(entry.last)),
                ("missing_periods", .array(entry.missingPeriods.map { .string($0.iso) })),
                ("total_count", .number(entry.totalCount)),
                ("implausible_periods", .array(entry.implausiblePeriods.map { .string($0.iso) })),
            ])
        }
        var weekStart: JSONValue = .null
        if case .week(let day)? = periodKind { weekStart = .string(day.rawValue) }
        return .object([
            ("schema", .string("wardspc/validation@1")),
            ("ok", .bool(ok)),
            ("errors", .array(errors.map(issue))),
            ("warnings", .array(warnings.map(issue))),
            ("series", .array(seriesValues)),
            ("file", .string(file)),
            ("format", .optional(format) { .string($0.rawValue) }),
            ("period", .optional(periodKind) { .string($0.name) }),
            ("week_start", weekStart),
            ("value_kind", .optional(valueKind) { .string($0.rawValue) }),
            ("has_denominator", .bool(hasDenominator)),
            ("dimensions", .array(dimensionNames.map(JSONValue.string))),
            ("records", .number(Double(records))),
            ("trusts", .number(Double(trusts))),
            ("wards", .number(Double(wards))),
            ("measures", .number(Double(measures))),
            ("unreported_errors", .number(Double(unreportedErrors))),
            ("unreported_warnings", .number(Double(unreportedWarnings))),
            ("skipped_lines", .array(skippedLines.map { .number(Double($0)) })),
            ("reader_notes", .array(readerNotes.map(JSONValue.string))),
            ("problem_groups", .array(groups.map(group))),
        ])
    }
}
