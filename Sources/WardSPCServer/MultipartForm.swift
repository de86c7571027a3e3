#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A `multipart/form-data` body (RFC 7578) split into its parts, in memory.
///
/// Strict where it matters: the body must start with the boundary (a preamble is
/// skipped) and end with the closing boundary, so a truncated upload is refused rather
/// than read as a shorter file. Parts' bytes are slices of the body, never copied.
struct MultipartForm: Sendable {
    struct Part: Sendable {
        /// The form field's name (`file`, `events`, `chart`, …).
        var name: String
        /// The file name the browser sent, for file fields.
        var filename: String?
        var bytes: ArraySlice<UInt8>
        /// The content as text (form fields are UTF-8; invalid bytes become U+FFFD).
        var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    enum Failure: Error, Equatable, CustomStringConvertible {
        case notMultipart
        case malformed(String)

        var description: String {
            switch self {
            case .notMultipart: "the request is not a form upload (multipart/form-data with a boundary)"
            case .malformed(let reason): "the upload is incomplete or malformed: \(reason)"
            }
        }
    }

    var parts: [Part]

    /// The first part named `name`.
    func part(_ name: String) -> Part? { parts.first { $0.name == name } }

    /// Most parts one form may have: the page has about a dozen fields.
    static let maxParts = 64
    /// Longest header block of one part.
    static let maxHeaderBytes = 8 * 1024

    /// The boundary from a `Content-Type: multipart/form-data; boundary=…` header value.
    static func boundary(contentType: String) -> String? {
        let pieces = contentType.split(separator: ";", omittingEmptySubsequences: false)
        guard let type = pieces.first, type.trimmingWhitespace.lowercased() == "multipart/form-data" else { return nil }
        for parameter in pieces.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingWhitespace.lowercased() == "boundary" else { continue }
            var value = pair[1].trimmingWhitespace
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            // RFC 2046: 1 to 70 characters.
            guard (1...70).contains(value.utf8.count) else { return nil }
            return value
        }
        return nil
    }

    static func parse(_ body: [UInt8], boundary: String) throws(Failure) -> MultipartForm {
        let delimiter = Array(("--" + boundary).utf8)
        let separator = [13, 10] + delimiter  // CRLF--boundary
        guard var position = firstDelimiter(body, delimiter: delimiter) else {
            throw .malformed("no boundary line")
        }
        var parts: [Part] = []
        while true {
            position += delimiter.count
            if body.count - position >= 2, body[position] == UInt8(ascii: "-"), body[position + 1] == UInt8(ascii: "-") {
                return MultipartForm(parts: parts)
            }
            // Transport padding, then CRLF.
            while position < body.count, body[position] == 32 || body[position] == 9 { position += 1 }
            guard body.count - position >= 2, body[position] == 13, body[position + 1] == 10 else {
                throw .malformed("a boundary line is not followed by a line end")
            }
            position += 2
            guard let headersEnd = search(body, for: [13, 10, 13, 10], from: position - 2) else {
                throw .malformed("a part's headers do not end")
            }
            guard headersEnd - position <= maxHeaderBytes else { throw .malformed("a part's headers are too long") }
            let headers = headersEnd > position ? Array(body[position..<headersEnd]) : []
            let contentStart = headersEnd + 4
            guard let contentEnd = search(body, for: separator, from: contentStart) else {
                throw .malformed("the closing boundary is missing")
            }
            guard parts.count < maxParts else { throw .malformed("more than \(maxParts) fields") }
            guard let disposition = formDisposition(headers) else {
                throw .malformed("a part has no Content-Disposition: form-data name")
            }
            parts.append(Part(name: disposition.name, filename: disposition.filename,
                              bytes: body[contentStart..<contentEnd]))
            position = contentEnd + 2
        }
    }

    /// The first `--boundary` at the start of the body or of a line.
    private static func firstDelimiter(_ body: [UInt8], delimiter: [UInt8]) -> Int? {
        if body.starts(with: delimiter) { return 0 }
        return search(body, for: [13, 10] + delimiter, from: 0).map { $0 + 2 }
    }

    /// The index of the first occurrence of `needle` in `haystack` at or after `start`
    /// (memchr for the first byte, then memcmp: fast on megabytes of CSV).
    private static func search(_ haystack: [UInt8], for needle: [UInt8], from start: Int) -> Int? {
        var position = max(0, start)
        guard let first = needle.first else { return nil }
        return haystack.withUnsafeBytes { hay -> Int? in
            needle.withUnsafeBytes { pin -> Int? in
                let base = hay.baseAddress!
                while hay.count - position >= pin.count {
                    guard let found = memchr(base + position, Int32(first), hay.count - position - pin.count + 1) else { return nil }
                    let index = base.distance(to: UnsafeRawPointer(found))
                    if memcmp(found, pin.baseAddress!, pin.count) == 0 { return index }
                    position = index + 1
                }
                return nil
            }
        }
    }

    /// `name` and `filename` from the part's `Content-Disposition: form-data` header.
    private static func formDisposition(_ headers: [UInt8]) -> (name: String, filename: String?)? {
        let text = String(decoding: headers, as: UTF8.self)
        for line in text.split(separator: "\r\n") {
            let pair = line.split(separator: ":", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingWhitespace.lowercased() == "content-disposition" else { continue }
            let parameters = dispositionParameters(String(pair[1]))
            guard parameters.type == "form-data", let name = parameters.values["name"] else { return nil }
            return (name, parameters.values["filename"])
        }
        return nil
    }

    /// `form-data; name="x"; filename="y"` → the type and its parameters (quoted strings
    /// unquoted, `\"` unescaped; browsers send `"` in file names as `%22`).
    static func dispositionParameters(_ value: String) -> (type: String, values: [String: String]) {
        var scalars = Array(value.unicodeScalars)[...]
        func skipSpaces() { while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() } }
        func token(until stops: Set<Unicode.Scalar>) -> String {
            var result = String.UnicodeScalarView()
            while let first = scalars.first, !stops.contains(first) { result.append(scalars.removeFirst()) }
            return String(result).trimmingWhitespace
        }
        skipSpaces()
        let type = token(until: [";"]).lowercased()
        var values: [String: String] = [:]
        while !scalars.isEmpty {
            scalars.removeFirst()  // ";"
            skipSpaces()
            let key = token(until: ["=", ";"]).lowercased()
            guard scalars.first == "=" else { continue }
            scalars.removeFirst()
            skipSpaces()
            var parameter = ""
            if scalars.first == "\"" {
                scalars.removeFirst()
                while let next = scalars.first, next != "\"" {
                    scalars.removeFirst()
                    if next == "\\", let escaped = scalars.first {
                        parameter.unicodeScalars.append(escaped)
                        scalars.removeFirst()
                    } else {
                        parameter.unicodeScalars.append(next)
                    }
                }
                if !scalars.isEmpty { scalars.removeFirst() }
                _ = token(until: [";"])
            } else {
                parameter = token(until: [";"])
            }
            if values[key] == nil, !key.isEmpty { values[key] = parameter }
        }
        return (type, values)
    }
}
