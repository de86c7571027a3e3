/// One series as the statistics see it: observed points in time order.
///
/// Periods are integer keys that increase with time — WardSPC passes days since
/// 1970-01-01 (a week's first day, a month's first day, or an incident's date). A
/// period missing from the data is simply absent (moving ranges bridge it); there is no
/// NaN anywhere. `numerators` are counts (or values, or days between incidents);
/// `denominators` are bed days or patients, present for u/up/p/pp charts and rates.
public struct Series: Sendable, Equatable {
    public var periods: [Int32]
    public var numerators: [Double]
    public var denominators: [Double]?
    /// Points drawn and tested against the limits but left out of estimation and of the runs test.
    public var excluded: [Bool]

    public init(periods: [Int32], numerators: [Double], denominators: [Double]? = nil, excluded: [Bool]? = nil) {
        precondition(periods.count == numerators.count, "one numerator per period")
        precondition(denominators.map { $0.count == periods.count } ?? true, "one denominator per period")
        self.periods = periods
        self.numerators = numerators
        self.denominators = denominators
        self.excluded = excluded ?? Array(repeating: false, count: periods.count)
    }

    public var count: Int { periods.count }
}
