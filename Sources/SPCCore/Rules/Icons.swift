/// The Making Data Count variation icon (DESIGN.md §4.2): what the latest point says.
///
/// High/low follows the improvement direction, as in the SQL: with improvement upwards an
/// improvement is always `improvement_high` and a concern `concern_low` (an improving
/// downward trend still above the mean reads `improvement_low` when lower is better).
public enum VariationIcon: String, Sendable, Codable, CaseIterable {
    case commonCause = "common_cause"
    case improvementHigh = "improvement_high"
    case improvementLow = "improvement_low"
    case concernHigh = "concern_high"
    case concernLow = "concern_low"
    case neutralHigh = "neutral_high"
    case neutralLow = "neutral_low"

    /// The icon of a point of `category`; `nil` for a category the direction cannot
    /// produce (an improvement under `neutral`, a neutral signal under increase/decrease).
    public init?(category: PointCategory, improvement: Improvement) {
        switch (category, improvement) {
        case (.commonCause, _): self = .commonCause
        case (.specialCauseImprovement, .increase): self = .improvementHigh
        case (.specialCauseImprovement, .decrease): self = .improvementLow
        case (.specialCauseConcern, .increase): self = .concernLow
        case (.specialCauseConcern, .decrease): self = .concernHigh
        case (.specialCauseNeutralHigh, .neutral): self = .neutralHigh
        case (.specialCauseNeutralLow, .neutral): self = .neutralLow
        default: return nil
        }
    }

    /// The icon of the chart's latest point — the last non-excluded point with a value, as
    /// the SQL takes its last non-ghosted point. `nil` outside `mdc`/`ptd`, without
    /// categories, or where that point has no limits (a run chart; under `mdc`, a phase
    /// shorter than `MakingDataCount.minimumPhasePoints`).
    public static func latest(_ outcome: RuleOutcome, lines: ChartLines, layout: PhaseLayout,
                              parameters: RuleParameters) -> VariationIcon? {
        guard parameters.kind.hasIcons, let categories = outcome.categories,
              let point = MakingDataCount.iconPoint(lines, layout: layout),
              lines.lower[point] != nil || lines.upper[point] != nil else { return nil }
        if parameters.kind == .mdc, MakingDataCount.shortPhases(lines, layout: layout)[layout.phaseOfPoint[point]] {
            return nil
        }
        return VariationIcon(category: categories[point], improvement: parameters.improvement)
    }
}

/// The Making Data Count assurance icon (DESIGN.md §4.2): can the process be relied on to
/// meet a target? NHSRplotthedots calls these consistent_pass, consistent_fail and inconsistent.
public enum AssuranceIcon: String, Sendable, Codable, CaseIterable {
    case pass
    case fail
    case hitOrMiss = "hit_or_miss"

    /// With improvement upwards: target ≤ lower limit → pass, target ≥ upper limit → fail,
    /// otherwise hit or miss; mirrored downwards (the SQL's comparisons, pass tested first).
    /// `ptd` uses strict inequalities, upper limit first, as NHSRplotthedots 0.2.2's
    /// `ptd_calculate_assurance_type`. `nil` outside `mdc`/`ptd` or with a neutral direction.
    public init?(target: Double, lower: Double, upper: Double, improvement: Improvement, rules: RuleSetKind) {
        guard rules.hasIcons, improvement != .neutral else { return nil }
        let upwards = improvement == .increase
        if rules == .ptd {
            if target > upper { self = upwards ? .fail : .pass }
            else if target < lower { self = upwards ? .pass : .fail }
            else { self = .hitOrMiss }
            return
        }
        if upwards {
            if target <= lower { self = .pass } else if target >= upper { self = .fail } else { self = .hitOrMiss }
        } else {
            if target >= upper { self = .pass } else if target <= lower { self = .fail } else { self = .hitOrMiss }
        }
    }

    /// `target` against the limits of the chart's latest point (the one `VariationIcon.latest`
    /// describes, in the last phase). `nil` without a target, outside `mdc`/`ptd`, with a
    /// neutral direction, or where that point lacks either limit (under `mdc`, a last phase
    /// shorter than `MakingDataCount.minimumPhasePoints` has none).
    public static func against(target: Double?, lines: ChartLines, layout: PhaseLayout,
                               parameters: RuleParameters) -> AssuranceIcon? {
        guard let target, let point = MakingDataCount.iconPoint(lines, layout: layout),
              let lower = lines.lower[point], let upper = lines.upper[point] else { return nil }
        if parameters.kind == .mdc, MakingDataCount.shortPhases(lines, layout: layout)[layout.phaseOfPoint[point]] {
            return nil
        }
        return AssuranceIcon(target: target, lower: lower, upper: upper, improvement: parameters.improvement,
                             rules: parameters.kind)
    }
}
