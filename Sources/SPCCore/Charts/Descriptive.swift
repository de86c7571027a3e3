/// Mean and median as R computes them, for the centre lines.
enum Descriptive {
    /// The arithmetic mean, `nil` for no values.
    ///
    /// Two passes like R's `mean()`: the plain mean, then the mean of the residuals added
    /// back, which recovers most of the rounding of the first sum.
    static func mean(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let count = Double(values.count)
        let first = values.reduce(0, +) / count
        let correction = values.reduce(0) { $0 + ($1 - first) } / count
        return first + correction
    }

    /// The median (the mean of the two middle values for an even count), `nil` for no values,
    /// by selection rather than sorting.
    static func median(_ values: [Double]) -> Double? { Selection.median(values) }

    /// The values of `values` where `mask` is true and a value exists, in order.
    static func selected(_ values: [Double?], where mask: [Bool]) -> [Double] {
        var result: [Double] = []
        for (value, keep) in zip(values, mask) where keep {
            if let value { result.append(value) }
        }
        return result
    }
}
