/// Rates per occupied bed days are shown per 1,000 (the NHS convention for inpatient
/// incident rates): the one place the scale and its words are kept.
public enum BedDayRates {
    /// Incidents per bed day × this = incidents per 1,000 occupied bed days.
    public static let multiplier = 1000.0
    /// "per 1,000 occupied bed days", for axes, captions and tables.
    public static let words = "per 1,000 occupied bed days"
    /// "per 1,000 OBD", for narrow table headers.
    public static let shortWords = "per 1,000 OBD"
    /// "1,000 occupied bed days", the unit a JSON `rate_per` field names.
    public static let unit = "1,000 occupied bed days"

    /// `count` ÷ `exposure`, per 1,000 bed days when `bedDays`, else per period; `nil`
    /// without exposure.
    public static func rate(count: Double, exposure: Double, bedDays: Bool) -> Double? {
        exposure > 0 ? count / exposure * (bedDays ? multiplier : 1) : nil
    }
}
