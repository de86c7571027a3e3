import WardData

/// Where a baseline ends, as the person said it — the one baseline type from flag to mask.
///
/// On a chart it freezes each phase's centre and limits (`PhasePlan`); in a before-and-after
/// comparison (`evaluate`, the report's headline) it is the baseline window.
public enum Baseline: Sendable, Equatable {
    /// The first N observed periods (of each phase, on a chart): weeks, or months with
    /// `--period month`.
    case firstPeriods(Int)
    /// Every period starting on or before this date.
    case until(CivilDate)
}

/// The windows of a before-and-after comparison as the person gave them (DESIGN.md §4.4):
/// `--baseline-periods`/`--baseline-until`, `--from` and `--to` on every command that has
/// them, and the upload page's fields of the same names.
public struct StudyWindows: Sendable, Equatable {
    public var baseline: Baseline?
    /// Comparison: periods starting on or after this date …
    public var from: CivilDate?
    /// … and on or before this one.
    public var to: CivilDate?

    public init(baseline: Baseline? = nil, from: CivilDate? = nil, to: CivilDate? = nil) {
        self.baseline = baseline
        self.from = from
        self.to = to
    }

    /// The baseline's end date, when it was given as one (setting it replaces the baseline).
    public var baselineUntil: CivilDate? {
        get { if case .until(let date) = baseline { return date } else { return nil } }
        set { baseline = newValue.map { .until($0) } ?? (baselineUntil == nil ? baseline : nil) }
    }

    /// The baseline's length in periods, when it was given as one (setting it replaces the baseline).
    public var baselinePeriods: Int? {
        get { if case .firstPeriods(let count) = baseline { return count } else { return nil } }
        set { baseline = newValue.map { .firstPeriods($0) } ?? (baselinePeriods == nil ? baseline : nil) }
    }

    /// Whether any window was asked for.
    public var isEmpty: Bool { baseline == nil && from == nil && to == nil }

    /// Why these windows cannot be used, in words the person knows; `nil` when they can.
    public var problem: String? {
        if case .firstPeriods(let count) = baseline, count < 1 { return "the baseline must hold at least 1 period" }
        if let from, let to, to < from { return "the comparison ends (\(to.ukText)) before it starts (\(from.ukText))" }
        if let until = baselineUntil, let from, from <= until {
            return "the comparison must start after the baseline ends (\(until.ukText))"
        }
        return nil
    }
}
