/// The values a denominator can take for one ward and period (issue 17): 0 (a closed ward,
/// or no patients), or from `smallestPositive` to `largest(monthly:)`. Outside that range
/// a number is not a ward's bed days — a unit or typing error, or a hostile file — and
/// would give an infinite or meaningless rate and a "100% reduction": the readers refuse
/// it with its line and column, and the fast path sends the file to them.
///
/// Denominators are occupied bed days (u charts) or patients or assessments due (p charts).
/// The ceiling is physical and deliberately generous: 10,000 a day — every bed of the
/// largest NHS mental-health trusts (1,000–2,000 beds) five times over, so a file of
/// trust-wide totals passes — times the days of the period: 70,000 for a week, 310,000
/// for a month (31 days, whatever the month). The floor, 0.01, is under a quarter of an
/// hour of one occupied bed: a positive value below it is not a measurement.
public enum DenominatorRange {
    /// The smallest positive denominator (a hundredth of a bed day).
    public static let smallestPositive = 0.01
    /// The most bed days (or patients) a ward can have per day of a period.
    public static let largestPerDay = 10_000.0

    /// The largest denominator of one period: 70,000 for a week, 310,000 for a month.
    public static func largest(monthly: Bool) -> Double { (monthly ? 31 : 7) * largestPerDay }

    /// Whether `value` (≥ 0, finite) can be a ward's denominator for one period.
    @inline(__always)
    public static func contains(_ value: Double, monthly: Bool) -> Bool {
        value == 0 || (value >= smallestPositive && value <= largest(monthly: monthly))
    }

    /// A whole number with thousands separators, for messages (`70,000`).
    static func text(_ value: Double) -> String {
        var digits = String(Int(value))
        var index = digits.count - 3
        while index > 0 {
            digits.insert(",", at: digits.index(digits.startIndex, offsetBy: index))
            index -= 3
        }
        return digits
    }
}
