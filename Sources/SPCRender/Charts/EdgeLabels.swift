/// Labels at the right edge of the plot (centre, limits, target), moved apart just
/// enough that none overlaps another.
struct EdgeLabels {
    struct Label {
        var y: Double
        var text: String
        var colour: StaticString
        var bold = false
    }

    var labels: [Label] = []

    mutating func add(_ y: Double, _ text: String, colour: StaticString, bold: Bool = false) {
        labels.append(Label(y: y, text: text, colour: colour, bold: bold))
    }

    /// Draws the labels at `x`, at least `spacing` apart, inside `top…bottom`.
    func draw(x: Double, top: Double, bottom: Double, spacing: Double, fontSize: Double, into svg: inout MarkupWriter) {
        var placed = labels.sorted { $0.y < $1.y }
        guard !placed.isEmpty else { return }
        for index in placed.indices.dropFirst() where placed[index].y < placed[index - 1].y + spacing {
            placed[index].y = placed[index - 1].y + spacing
        }
        // Pushed past the bottom: slide the stack back up, then keep it inside the top.
        let overflow = placed[placed.count - 1].y - bottom
        if overflow > 0 { for index in placed.indices { placed[index].y -= overflow } }
        for index in placed.indices where placed[index].y < top + Double(index) * spacing {
            placed[index].y = top + Double(index) * spacing
        }
        svg.start("g")
        svg.attribute("class", "edge-labels")
        svg.attribute("font-size", fontSize)
        svg.endStart()
        for label in placed {
            svg.start("text")
            svg.attribute("x", x)
            svg.attribute("y", label.y + fontSize * 0.35)
            svg.attribute("fill", label.colour)
            if label.bold { svg.attribute("font-weight", "bold") }
            svg.endStart()
            svg.text(label.text)
            svg.end("text")
        }
        svg.end("g")
    }
}
