import SPCCore

/// A verdict in the words every human output uses — the table, the Markdown and the
/// report's headline cards say the same thing: "a clear reduction of more than 15%: the
/// interval runs from a 29% to a 57% fall", "no clear change: the interval runs from a
/// 31% fall to a 43% rise", "too few incidents to judge: 4 in the baseline and 3 in the
/// comparison (at least 10 are needed)".
public enum VerdictWords {
    /// What the 95% interval means, in one sentence for `evaluate --help`, the outputs'
    /// headers and the report.
    public static let intervalMeaning = "The 95% interval is the range of true changes that these counts are consistent with: a change is called clear only when the whole interval lies on one side of no change."

    /// The verdict with its interval in words.
    /// - Parameters:
    ///   - counts: the counts it was decided on (a ward's, or a pooled group's totals).
    ///   - rateRatioInterval: the rate ratio's 95% interval, `nil` when undefined.
    ///   - benchmark: P in percent, `nil` for a measure judged without one.
    public static func sentence(_ verdict: Verdict, counts: WardCounts?, rateRatioInterval: ConfidenceInterval?,
                                benchmark: Double?, minimumIncidents: Int) -> String {
        if verdict == .insufficientData {
            return tooFew(counts, minimumIncidents: minimumIncidents)
        }
        let head = phrase(verdict, benchmark: benchmark)
        guard let interval = rateRatioInterval else { return head }
        return head + ": " + intervalWords(interval)
    }

    /// The verdict alone: "a clear reduction of more than 15%", "no clear change".
    public static func phrase(_ verdict: Verdict, benchmark: Double?) -> String {
        let percent = benchmark.map { CSVCell.number($0) + "%" } ?? ""
        switch verdict {
        case .exceeds: return "a clear reduction of more than \(percent)"
        case .meets: return "a clear reduction that meets the \(percent) benchmark on its estimate, though smaller falls are possible"
        case .below: return "a clear reduction, but below the \(percent) benchmark"
        case .significantReduction: return "a clear reduction"
        case .significantIncrease: return "a clear increase"
        case .noClearChange: return "no clear change"
        case .insufficientData: return "too few incidents to judge"
        }
    }

    /// "too few incidents to judge: 4 in the baseline and 3 in the comparison (at least 10
    /// are needed)", or "… none in the baseline".
    static func tooFew(_ counts: WardCounts?, minimumIncidents: Int) -> String {
        let head = "too few incidents to judge"
        guard let counts, counts.isObserved else { return "too little data to judge" }
        if counts.baselineCount == 0 {
            return head + ": none in the baseline, so a change from it cannot be measured"
        }
        return head + ": \(counts.baselineCount) in the baseline and \(counts.comparisonCount) in the comparison (at least \(minimumIncidents) are needed)"
    }

    /// "the interval runs from a 31% fall to a 43% rise" from a rate ratio's interval;
    /// rises of 100% or more as folds ("a 3.5-fold rise").
    public static func intervalWords(_ interval: ConfidenceInterval) -> String {
        let low = interval.lower, high = interval.upper
        if high < 1 {
            return "the interval runs from \(fall(high)) to \(fall(low)) fall"
        }
        if low > 1 {
            if high >= 2 { return "the interval runs from \(rise(low)) to \(rise(high))" }
            return "the interval runs from \(withArticle(percent(low - 1))) to \(withArticle(percent(high - 1))) rise"
        }
        return "the interval runs from \(fall(low)) fall to \(rise(high))"
    }

    /// "a 31%" for a rate ratio of 0.69.
    static func fall(_ ratio: Double) -> String { withArticle(percent(1 - ratio)) }

    /// "a 43% rise", or "a 3.5-fold rise" for a ratio of 2 or more.
    static func rise(_ ratio: Double) -> String {
        guard ratio.isFinite else { return "an unbounded rise" }
        if ratio >= 2 { return withArticle("\(fold(ratio))-fold") + " rise" }
        return withArticle(percent(ratio - 1)) + " rise"
    }

    /// "a 43%", "an 8%", "an 11%", "an 18%": the article as the number is said.
    static func withArticle(_ number: String) -> String {
        let vowelSound = number.hasPrefix("8") || number.hasPrefix("11%") || number.hasPrefix("18%")
            || number.hasPrefix("11-") || number.hasPrefix("18-")
        return (vowelSound ? "an " : "a ") + number
    }

    /// A fraction as a whole percentage: 0.312 → "31%".
    static func percent(_ fraction: Double) -> String {
        "\(Int((100 * abs(fraction)).rounded()))%"
    }

    /// 3.51 → "3.5", 14.2 → "14", 3.0 → "3".
    static func fold(_ ratio: Double) -> String {
        if ratio >= 10 { return String(Int(ratio.rounded())) }
        let tenths = Int((ratio * 10).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(tenths % 10)"
    }
}
