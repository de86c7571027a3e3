/// A linear map from data to drawing coordinates.
struct LinearScale: Sendable {
    var domainStart: Double
    var domainEnd: Double
    var rangeStart: Double
    var rangeEnd: Double

    func callAsFunction(_ value: Double) -> Double {
        let span = domainEnd - domainStart
        guard span != 0 else { return (rangeStart + rangeEnd) / 2 }
        return rangeStart + (value - domainStart) / span * (rangeEnd - rangeStart)
    }
}

/// The plotting rectangle inside a chart, in SVG user units.
struct PlotArea: Sendable {
    var left: Double
    var top: Double
    var right: Double
    var bottom: Double

    var width: Double { right - left }
    var height: Double { bottom - top }
}
