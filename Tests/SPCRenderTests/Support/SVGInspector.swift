import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses SVG (or XHTML-compatible markup) with Foundation's XMLParser and keeps every
/// element with its attributes, parent and text, so tests can count and read marks.
final class SVGInspector: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var parent: Int?
        var text = ""
        var classes: Set<String> { Set((attributes["class"] ?? "").split(separator: " ").map(String.init)) }
    }

    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    private(set) var elements: [Element] = []
    private var stack: [Int] = []

    /// Parses `text`; throws when it is not well-formed XML.
    init(_ text: String) throws {
        super.init()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = self
        guard parser.parse() else {
            throw ParseError(description: "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "unknown error") at line \(parser.lineNumber), column \(parser.columnNumber)")
        }
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        elements.append(Element(name: elementName, attributes: attributes, parent: stack.last))
        stack.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let current = stack.last { elements[current].text += string }
    }

    /// Elements having every class in `names` (space-separated).
    func elements(withClass names: String) -> [Element] {
        let wanted = Set(names.split(separator: " ").map(String.init))
        return elements.filter { wanted.isSubset(of: $0.classes) }
    }

    /// The text of the `<title>` children of `element`.
    func title(of index: Int) -> String? {
        elements.firstIndex { $0.name == "title" && $0.parent == index }.map { elements[$0].text }
    }

    func indices(withClass names: String) -> [Int] {
        let wanted = Set(names.split(separator: " ").map(String.init))
        return elements.indices.filter { wanted.isSubset(of: elements[$0].classes) }
    }

    /// All text content, joined.
    var allText: String { elements.map(\.text).joined(separator: "\n") }
}
