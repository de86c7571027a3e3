/// Shorthands for the HTML the report (and the upload server's page) writes, on top of
/// `MarkupWriter` (so every text and attribute is still escaped by `Markup`).
extension MarkupWriter {
    /// `<name class="…" id="…">`.
    public mutating func open(_ name: StaticString, class cssClass: StaticString? = nil, id: String? = nil) {
        start(name)
        if let cssClass { attribute("class", cssClass) }
        if let id { attribute("id", text: id) }
        endStart()
    }

    /// `<name class="…">text</name>`.
    public mutating func element(_ name: StaticString, class cssClass: StaticString?, text value: String) {
        self.open(name, class: cssClass)
        text(value)
        end(name)
    }

    /// `<p>text</p>`.
    public mutating func paragraph(_ value: String, class cssClass: StaticString? = nil) {
        element("p", class: cssClass, text: value)
    }

    /// `<a href="#fragment">text</a>`: links stay inside the page.
    public mutating func link(_ value: String, toFragment fragment: String) {
        start("a")
        attribute("href", text: "#" + fragment)
        endStart()
        text(value)
        end("a")
    }

    /// `<a href="NAME">text</a>` to a file written beside the page. `fileName` comes from
    /// `SafeFileNames` (ASCII letters, digits, `-`, `_` and one `.`), so it can name no
    /// other place; anything else is a programming error.
    mutating func link(_ value: String, toFile fileName: String) {
        precondition(fileName.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
        } && !fileName.hasPrefix("."), "a file name from SafeFileNames")
        start("a")
        attribute("href", text: fileName)
        endStart()
        text(value)
        end("a")
    }

    /// "Chart file: SVG · PNG", linking a chart's files beside the page (nothing when none were written).
    mutating func chartFileLinks(stem: String, formats: [ChartFormat]) {
        guard !formats.isEmpty else { return }
        self.open("p", class: "files")
        text(formats.count == 1 ? "Chart file: " : "Chart files: ")
        for (position, format) in formats.enumerated() {
            if position > 0 { text(" · ") }
            link(format.rawValue.uppercased(), toFile: stem + "." + format.rawValue)
        }
        end("p")
    }

    /// A table cell with text.
    public mutating func cell(_ value: String, class cssClass: StaticString? = nil, header: Bool = false) {
        if header { element("th", class: cssClass, text: value) } else { element("td", class: cssClass, text: value) }
    }

    /// `<td class="…" data-label="…">`: a cell that names its column when a narrow screen
    /// lays the table out as one block per row (the style sheet shows the label before it).
    public mutating func openCell(class cssClass: StaticString? = nil, label: String) {
        start("td")
        if let cssClass { attribute("class", cssClass) }
        attribute("data-label", text: label)
        endStart()
    }

    /// A labelled cell with text.
    public mutating func cell(_ value: String, class cssClass: StaticString? = nil, label: String) {
        openCell(class: cssClass, label: label)
        text(value)
        end("td")
    }
}
