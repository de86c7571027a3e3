/// How many problems a listing leaves out — counted here once for every output that lists
/// some and says how many more there were (`validate`, the other commands' warnings, the
/// report's data-quality section, a rejection's errors). A reader keeps the first problems
/// up to its limit (`kept`) and counts the rest (`unreported`); a listing then shows
/// `listed` of the kept ones. Issue 17: the report said "970 more" (kept − listed) when
/// 20,939 were not shown.
public enum UnlistedIssues {
    /// The problems not listed: the kept ones beyond `listed`, and every unreported one.
    public static func count(listed: Int, kept: Int, unreported: Int) -> Int {
        max(0, kept - min(listed, kept)) + max(0, unreported)
    }

    /// `… and 19969 more warnings`, or `nil` when every problem was listed.
    public static func line(listed: Int, kept: Int, unreported: Int, noun: String) -> String? {
        let more = count(listed: listed, kept: kept, unreported: unreported)
        return more > 0 ? "… and \(more) more \(noun)" : nil
    }
}
