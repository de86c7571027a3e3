import SPCCore
import WardData

/// `wardspc/equity@1` (issue 8): one row per level × measure × window × group, then the
/// ratios of rate ratios in `changes`. Suppressed values are `null` with `"suppressed": true`.
public enum EquityJSON {
    static func number(_ value: Double?) -> JSONValue { .optional(value, JSONValue.number) }
    static func text(_ value: String?) -> JSONValue { .optional(value, JSONValue.string) }

    static func interval(_ interval: ConfidenceInterval?) -> JSONValue {
        .optional(interval) { .array([.number($0.lower), .number($0.upper)]) }
    }

    public static func document(_ result: EquityResult, suppression: Suppression = Suppression()) -> JSONValue {
        .object([
            ("schema", .string("wardspc/equity@1")),
            ("reference", .string(result.reference)),
            ("groups", .string(result.grouping.rawValue)),
            ("exposure_by_group", .bool(result.hasExposure)),
            ("exposure_source", text(result.exposureSource)),
            ("rate_per", result.hasExposure ? .string(BedDayRates.unit) : .null),
            ("period", .string(result.period)),
            ("note", result.hasExposure ? .null : .string(EquityResult.distributionOnlyNote)),
            ("windows", .array(result.spans.map { span in
                .object([("window", .string(span.window.rawValue)), ("start", .string(span.start.iso)),
                         ("end", .string(span.end.iso))])
            })),
            ("rows", .array(result.rows.map { row($0, hasExposure: result.hasExposure, suppression: suppression) })),
            ("changes", .array(result.changes.map { change($0, suppression: suppression) })),
            ("warnings", .array(result.warnings.filter { $0 != EquityResult.distributionOnlyNote }.map(JSONValue.string))),
        ])
    }

    static func row(_ row: EquityRow, hasExposure: Bool, suppression: Suppression) -> JSONValue {
        let shown = EquitySuppression(row, suppression: suppression)
        let ratio: JSONValue = !hasExposure ? .null
            : row.isReference ? .number(1) : (shown.ratio ? number(row.rateRatio?.estimate) : .null)
        return .object([
            ("level", .string(row.level.rawValue)),
            ("trust", text(row.trust)),
            ("ward", text(row.ward)),
            ("measure", .string(row.measure)),
            ("window", .string(row.window.rawValue)),
            ("group", .string(row.group)),
            ("count", shown.count ? .number(Double(row.count)) : .null),
            ("share", shown.count ? number(row.share) : .null),
            ("exposure", number(row.exposure)),
            ("rate", shown.count ? number(row.rate) : .null),
            ("rate_ratio", ratio),
            ("ci95", row.isReference || !shown.ratio ? .null : interval(row.rateRatio?.interval)),
            ("unknown_share", shown.unknown ? number(row.unknownShare) : .null),
            ("suppressed", .bool(shown.any)),
        ])
    }

    static func change(_ change: EquityChange, suppression: Suppression) -> JSONValue {
        let hidden = change.counts.contains(where: suppression.hides)
        return .object([
            ("level", .string(change.level.rawValue)),
            ("trust", text(change.trust)),
            ("ward", text(change.ward)),
            ("measure", .string(change.measure)),
            ("group", .string(change.group)),
            ("ratio_of_rate_ratios", hidden ? .null : number(change.ratioOfRateRatios)),
            ("ci95", hidden ? .null : interval(change.interval)),
            ("suppressed", .bool(hidden)),
        ])
    }
}

/// Which figures of an equity row small-number suppression withholds (the rule lives in
/// `Suppression`; this says which figures derive from which counts).
struct EquitySuppression {
    /// The group's count, and its share, rate (and so the ratio) derived from it.
    var count: Bool
    /// The rate ratio and its interval: derived from the group's and the reference's counts.
    var ratio: Bool
    /// The unknown share: derived from the unknown count.
    var unknown: Bool
    var any: Bool { !(count && ratio && unknown) }

    init(_ row: EquityRow, suppression: Suppression) {
        count = !suppression.hides(row.count)
        ratio = count && !suppression.hides(row.referenceCount)
        unknown = !suppression.hides(row.unknownCount)
    }
}
