/// A tiny builder for SVG and HTML markup: elements, attributes and text appended to one
/// UTF-8 buffer.
///
/// Element names, attribute names and fixed values are `StaticString`s — written in this
/// module's source, never user text. Every `String` goes through `Markup` on its way in,
/// and numbers through `CoordinateText`, so no method here can write unescaped user text.
public struct MarkupWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 16_384) {
        bytes.reserveCapacity(capacity)
    }

    /// The markup written so far.
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    // MARK: Elements

    /// `<name` — follow with attributes, then `endStart()` or `endEmpty()`.
    public mutating func start(_ name: StaticString) {
        bytes.append(UInt8(ascii: "<"))
        append(name)
    }

    /// `>` after a start tag's attributes.
    public mutating func endStart() { bytes.append(UInt8(ascii: ">")) }

    /// `/>`: closes an element with no content.
    public mutating func endEmpty() {
        bytes.append(UInt8(ascii: "/"))
        bytes.append(UInt8(ascii: ">"))
    }

    /// `</name>`.
    public mutating func end(_ name: StaticString) {
        bytes.append(UInt8(ascii: "<"))
        bytes.append(UInt8(ascii: "/"))
        append(name)
        bytes.append(UInt8(ascii: ">"))
    }

    /// `<name>text</name>` with `text` escaped.
    public mutating func element(_ name: StaticString, text value: String) {
        start(name)
        endStart()
        text(value)
        end(name)
    }

    // MARK: Attributes

    /// ` name="value"` with a value fixed in the source.
    public mutating func attribute(_ name: StaticString, _ value: StaticString) {
        attributeName(name)
        append(value)
        bytes.append(UInt8(ascii: "\""))
    }

    /// ` name="1.5"`: a coordinate or length, rounded to one decimal.
    public mutating func attribute(_ name: StaticString, _ value: Double) {
        attributeName(name)
        CoordinateText.append(value, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// ` name="12"`.
    public mutating func attribute(_ name: StaticString, _ value: Int) {
        attributeName(name)
        CoordinateText.append(value, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// ` name="…"` with `text` escaped for an attribute value.
    public mutating func attribute(_ name: StaticString, text value: String) {
        attributeName(name)
        Markup.appendEscaped(value, to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// ` d="M…"` (or any attribute holding path data).
    public mutating func attribute(_ name: StaticString, path: PathData) {
        attributeName(name)
        bytes.append(contentsOf: path.bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    // MARK: Content

    /// Element content, escaped.
    public mutating func text(_ value: String) {
        Markup.appendEscaped(value, to: &bytes)
    }

    /// `value` as a quoted CSS string, inside a `<style>` element (where entities mean
    /// nothing, so CSS escapes are the only safe form).
    public mutating func cssString(_ value: String) {
        bytes.append(contentsOf: Markup.cssString(value).utf8)
    }

    /// Markup fixed in the source (a doctype, a style sheet, a constant fragment).
    public mutating func fixed(_ markup: StaticString) { append(markup) }

    /// A number as element content, rounded to one decimal.
    public mutating func coordinate(_ value: Double) { CoordinateText.append(value, to: &bytes) }

    /// Markup built by another writer (itself safe by construction), e.g. an inline SVG
    /// inside the HTML report.
    public mutating func append(_ fragment: MarkupWriter) { bytes.append(contentsOf: fragment.bytes) }

    /// Part of another writer's markup (e.g. an inline chart after its `<svg`, re-opened
    /// with a placement); internal, so only this module's own markup arrives here.
    mutating func append(markup piece: ArraySlice<UInt8>) { bytes.append(contentsOf: piece) }

    private mutating func attributeName(_ name: StaticString) {
        bytes.append(UInt8(ascii: " "))
        append(name)
        bytes.append(UInt8(ascii: "="))
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func append(_ constant: StaticString) {
        constant.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }
}
