import WardSPC

/// Centre lines and limits as paths, one per phase: a level line where the value is the
/// same at every point, steps where it changes with the denominator (u and p charts).
enum LimitPaths {
    enum Line { case centre, lower, upper }

    /// The path of `line` over the points of `phase`, broken where a point has none
    /// (`wholeUnits`: rounded to whole units, for small drawings).
    static func path(_ line: Line, phase: Int, report: SeriesReport, geometry: ChartGeometry,
                     x: LinearScale, y: LinearScale, wholeUnits: Bool = false) -> PathData {
        var path = PathData(wholeUnits: wholeUnits)
        var currentY: Double? = nil
        var pendingEnd = 0.0
        for (index, point) in report.points.enumerated() where point.phase == phase {
            let value: Double?
            switch line {
            case .centre: value = point.centre
            case .lower: value = point.lower
            case .upper: value = point.upper
            }
            guard let value, value.isFinite else {
                if currentY != nil { path.horizontal(pendingEnd) }
                currentY = nil
                continue
            }
            let level = y(value)
            if let drawn = currentY {
                if abs(drawn - level) >= 0.05 {
                    path.horizontal(pendingEnd)
                    path.vertical(level)
                    currentY = level
                }
            } else {
                path.move(x(geometry.stepStart[index]), level)
                currentY = level
            }
            pendingEnd = x(geometry.stepEnd[index])
        }
        if currentY != nil { path.horizontal(pendingEnd) }
        return path
    }
}
