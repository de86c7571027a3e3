import Foundation

/// Axis bounds and ticks at "nice" numbers (1, 2, 2.5 or 5 × a power of ten), after
/// Heckbert's "Nice numbers for graph labels" (Graphics Gems, 1990).
struct NiceScale: Sendable, Equatable {
    var lower: Double
    var upper: Double
    var step: Double

    /// A scale covering `minimum…maximum` with about `ticks` intervals.
    init(minimum: Double, maximum: Double, ticks: Int = 5) {
        var low = minimum.isFinite ? minimum : 0
        var high = maximum.isFinite ? maximum : 1
        if high < low { swap(&low, &high) }
        if high - low < 1e-12 * max(1, abs(high)) {
            // A flat series: give it room around its value.
            let pad = low == 0 ? 1 : abs(low) * 0.5
            if low >= 0 && low - pad < 0 { low = 0 } else { low -= pad }
            high += pad
        }
        let step = NiceScale.nice((high - low) / Double(max(1, ticks)), round: true)
        self.step = step
        lower = (low / step).rounded(.down) * step
        upper = (high / step).rounded(.up) * step
        if upper - lower < step { upper = lower + step }
    }

    /// The tick values from `lower` to `upper`.
    var ticks: [Double] {
        let count = Int(((upper - lower) / step).rounded())
        return (0...max(0, count)).map { index in
            let value = lower + Double(index) * step
            return abs(value) < step * 1e-9 ? 0 : value
        }
    }

    /// The nice number closest to (or, without rounding, at least) `value`.
    static func nice(_ value: Double, round: Bool) -> Double {
        guard value > 0, value.isFinite else { return 1 }
        let power = pow(10, log10(value).rounded(.down))
        let fraction = value / power
        let niceFraction: Double
        if round {
            niceFraction = fraction < 1.5 ? 1 : fraction < 2.25 ? 2 : fraction < 3.5 ? 2.5 : fraction < 7.5 ? 5 : 10
        } else {
            niceFraction = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10
        }
        return niceFraction * power
    }
}
