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

    /// A table cell with text.
    public mutating func cell(_ value: String, class cssClass: StaticString? = nil, header: Bool = false) {
        if header { element("th", class: cssClass, text: value) } else { element("td", class: cssClass, text: value) }
    }
}
