/// The shapes that mark points, drawn centred on (x, y) with half-size `size`.
///
/// Each mark opens an element and leaves it open, so the caller can add a `<title>`
/// child before closing it with `close(_:)`.
enum MarkShapes {
    /// Opens the mark of `style`; returns the element name to close.
    static func open(_ style: PointStyle, x: Double, y: Double, size: Double, into svg: inout MarkupWriter) -> StaticString {
        switch style {
        case .commonCause:
            svg.start("circle")
            svg.attribute("cx", x)
            svg.attribute("cy", y)
            svg.attribute("r", size)
            return "circle"
        case .improvement:
            let radius = size * 1.35
            var path = PathData()
            path.move(x, y - radius)
            path.line(x + radius, y)
            path.line(x, y + radius)
            path.line(x - radius, y)
            path.close()
            svg.start("path")
            svg.attribute("d", path: path)
            return "path"
        case .concern:
            let half = size * 1.05
            svg.start("rect")
            svg.attribute("x", x - half)
            svg.attribute("y", y - half)
            svg.attribute("width", half * 2)
            svg.attribute("height", half * 2)
            return "rect"
        case .neutralHigh, .neutralLow:
            let radius = size * 1.4
            let direction = style == .neutralHigh ? -1.0 : 1.0
            var path = PathData()
            path.move(x, y + direction * radius)
            path.line(x + radius * 0.95, y - direction * radius * 0.6)
            path.line(x - radius * 0.95, y - direction * radius * 0.6)
            path.close()
            svg.start("path")
            svg.attribute("d", path: path)
            return "path"
        }
    }

    /// A complete mark with no children (legends, small multiples).
    static func draw(_ style: PointStyle, x: Double, y: Double, size: Double, into svg: inout MarkupWriter) {
        _ = Self.open(style, x: x, y: y, size: size, into: &svg)
        svg.endEmpty()
    }
}
