import SPCCore

/// Making Data Count variation and assurance icons drawn as SVG shapes (no bitmaps): a
/// coloured ring, a little run of dots rising or falling, and a letter — H/L for a
/// special cause high or low, P/F/? for a target met, missed, or hit and miss.
enum IconShapes {
    static func words(_ icon: VariationIcon) -> String {
        switch icon {
        case .commonCause: "Common cause variation"
        case .improvementHigh: "Special cause improvement (higher)"
        case .improvementLow: "Special cause improvement (lower)"
        case .concernHigh: "Special cause concern (higher)"
        case .concernLow: "Special cause concern (lower)"
        case .neutralHigh: "Special cause variation (higher)"
        case .neutralLow: "Special cause variation (lower)"
        }
    }

    static func words(_ icon: AssuranceIcon) -> String {
        switch icon {
        case .pass: "Target consistently met"
        case .fail: "Target consistently missed"
        case .hitOrMiss: "Target hit and miss"
        }
    }

    static func colour(_ icon: VariationIcon) -> StaticString {
        switch icon {
        case .commonCause: Palette.commonCause
        case .improvementHigh, .improvementLow: Palette.improvement
        case .concernHigh, .concernLow: Palette.concern
        case .neutralHigh, .neutralLow: Palette.neutral
        }
    }

    static func colour(_ icon: AssuranceIcon) -> StaticString {
        switch icon {
        case .pass: Palette.improvement
        case .fail: Palette.concern
        case .hitOrMiss: Palette.commonCause
        }
    }

    /// The variation icon centred on (x, y).
    static func variation(_ icon: VariationIcon, x: Double, y: Double, radius: Double, into svg: inout MarkupWriter) {
        let colour = colour(icon)
        svg.start("g")
        svg.attribute("class", "icon variation")
        svg.endStart()
        svg.element("title", text: "Variation: " + words(icon))
        ring(colour, x: x, y: y, radius: radius, into: &svg)
        // Five dots below the letter; a special cause bends the last three up or down and
        // colours them. Offsets are in radii from the centre.
        let offsets: [Double]
        let high: Bool?
        switch icon {
        case .commonCause: offsets = [0.05, -0.1, 0.1, -0.06, 0.04]; high = nil
        case .improvementHigh, .concernHigh, .neutralHigh: offsets = [0.56, 0.52, 0.38, 0.22, 0.06]; high = true
        case .improvementLow, .concernLow, .neutralLow: offsets = [0.06, 0.1, 0.24, 0.4, 0.56]; high = false
        }
        let dotRadius = radius * 0.1
        for (index, offset) in offsets.enumerated() {
            let special = high != nil && index >= 2
            svg.start("circle")
            svg.attribute("cx", x + (Double(index) - 2) * radius * 0.27)
            svg.attribute("cy", y + offset * radius)
            svg.attribute("r", dotRadius)
            svg.attribute("fill", special ? colour : Palette.commonCause)
            svg.endEmpty()
        }
        if let high {
            letter(high ? "H" : "L", colour: colour, x: x, y: y - radius * 0.3, radius: radius * 0.95, into: &svg)
        }
        svg.end("g")
    }

    /// The assurance icon centred on (x, y).
    static func assurance(_ icon: AssuranceIcon, x: Double, y: Double, radius: Double, into svg: inout MarkupWriter) {
        let colour = colour(icon)
        svg.start("g")
        svg.attribute("class", "icon assurance")
        svg.endStart()
        svg.element("title", text: "Assurance: " + words(icon))
        ring(colour, x: x, y: y, radius: radius, into: &svg)
        let mark: StaticString
        switch icon {
        case .pass: mark = "P"
        case .fail: mark = "F"
        case .hitOrMiss: mark = "?"
        }
        letter(mark, colour: colour, x: x, y: y + radius * 0.02, radius: radius * 1.25, into: &svg)
        // The target as a short dashed line across the lower part.
        svg.start("line")
        svg.attribute("x1", x - radius * 0.55)
        svg.attribute("x2", x + radius * 0.55)
        svg.attribute("y1", y + radius * 0.5)
        svg.attribute("y2", y + radius * 0.5)
        svg.attribute("stroke", Palette.target)
        svg.attribute("stroke-width", max(1, radius * 0.08))
        svg.attribute("stroke-dasharray", "2 1.5")
        svg.endEmpty()
        svg.end("g")
    }

    /// A small standalone SVG of an icon, for tables.
    static func standalone(variation icon: VariationIcon?, assurance: AssuranceIcon?, size: Double) -> MarkupWriter {
        var svg = MarkupWriter(capacity: 1024)
        svg.start("svg")
        svg.attribute("class", "icon")
        svg.attribute("viewBox", "0 0 32 32")
        svg.attribute("width", size)
        svg.attribute("height", size)
        svg.attribute("role", "img")
        svg.endStart()
        if let icon { variation(icon, x: 16, y: 16, radius: 14, into: &svg) }
        if let assurance { self.assurance(assurance, x: 16, y: 16, radius: 14, into: &svg) }
        svg.end("svg")
        return svg
    }

    private static func ring(_ colour: StaticString, x: Double, y: Double, radius: Double, into svg: inout MarkupWriter) {
        svg.start("circle")
        svg.attribute("cx", x)
        svg.attribute("cy", y)
        svg.attribute("r", radius * 0.93)
        svg.attribute("fill", Palette.background)
        svg.attribute("stroke", colour)
        svg.attribute("stroke-width", radius * 0.14)
        svg.endEmpty()
    }

    private static func letter(_ letter: StaticString, colour: StaticString, x: Double, y: Double, radius: Double,
                               into svg: inout MarkupWriter) {
        svg.start("text")
        svg.attribute("x", x)
        svg.attribute("y", y + radius * 0.18)
        svg.attribute("text-anchor", "middle")
        svg.attribute("font-size", radius * 0.62)
        svg.attribute("font-weight", "bold")
        svg.attribute("fill", colour)
        svg.endStart()
        svg.fixed(letter)
        svg.end("text")
    }
}
