import WardData

/// Dates as NHS board papers write them: "Jan 2024", "week of 8 Jan 2024" (a single day,
/// "8 Jan 2024", is `CivilDate.ukText`).
enum DateText {
    /// "Jan 2024".
    static func month(_ date: CivilDate) -> String {
        let (year, month, _) = date.components
        return "\(CivilDate.monthAbbreviations[month - 1]) \(year)"
    }

    /// One period as a reader names it: "week of 8 Jan 2024", "Jan 2024", "8 Jan 2024".
    static func period(_ date: CivilDate, kind: String) -> String {
        switch kind {
        case "week": return "week of " + date.ukText
        case "month": return month(date)
        default: return date.ukText
        }
    }

    /// "Mar–May 2024", "Nov 2023–Feb 2024" or "Mar 2024".
    static func monthSpan(_ first: CivilDate, _ last: CivilDate) -> String {
        let (firstYear, firstMonth, _) = first.components
        let (lastYear, lastMonth, _) = last.components
        if firstYear == lastYear && firstMonth == lastMonth { return month(first) }
        if firstYear == lastYear { return "\(CivilDate.monthAbbreviations[firstMonth - 1])–\(month(last))" }
        return "\(month(first))–\(month(last))"
    }
}
