/// A file made ready for the readers: comma-separated UTF-8 text whose lines are the
/// original file's lines (a workbook's sheet rows), and every choice made to get there.
struct PreparedInput {
    /// The text the readers scan: the input itself when it needed nothing.
    var file: InputFile
    /// The choices made (encoding, separator, sheet, columns left out …), for people.
    var notes: [String] = []
    /// The whole text is known to be free of NUL bytes and invalid UTF-8.
    var isClean = false
    /// For a workbook: the sheet's name (problems are placed as `Sheet1!C14`).
    var sheet: String?
    /// For a workbook: the sheet column of the text's first column (0 = A).
    var firstColumn = 0
}

/// Recognises what a file is (CSV text in some encoding and separator, an Excel
/// workbook, or a format to refuse with advice) and prepares it for the readers.
enum InputPreparation {
    static func prepare(_ file: InputFile, options: ReadOptions) throws(InputRejected) -> PreparedInput {
        let kind = file.withBytes { FileKind.sniff($0, name: file.name) }
        switch kind {
        case .xlsx:
            return try WorkbookInput.prepare(file, options: options)
        case .xls:
            throw refusal(file, "this is an Excel 97–2003 workbook (.xls), which WardSPC does not read",
                          hint: "open it in Excel and save it as an Excel Workbook (.xlsx) or as CSV UTF-8")
        case .ods:
            throw refusal(file, "this is an OpenDocument spreadsheet (.ods), which WardSPC does not read",
                          hint: "save it as an Excel Workbook (.xlsx) or as CSV UTF-8")
        case .text:
            return try prepareText(file, options: options)
        }
    }

    static func refusal(_ file: InputFile, _ message: String, hint: String) -> InputRejected {
        InputRejected(issues: [InputIssue(.error, file: file.name, message: message, hint: hint)])
    }

    /// CSV text: decoded to UTF-8, its separator found from the header, trailing unnamed
    /// empty columns left out. A file that needs none of it is passed on untouched.
    static func prepareText(_ file: InputFile, options: ReadOptions) throws(InputRejected) -> PreparedInput {
        var notes: [String] = []
        let decoded = file.withBytes { TextDecoding.decode($0, requested: options.encoding) }
        if let note = decoded.note { notes.append(note) }
        let text = decoded.bytes.map { InputFile(name: file.name, bytes: $0) } ?? file
        let plan = text.withBytes { bytes -> (Separator?, Int, Int) in
            let separator = options.separator == .auto ? Separator.detect(bytes) : options.separator
            let (named, total) = headerColumns(bytes, separator: separator?.byte ?? UInt8(ascii: ","))
            return (separator, named, total)
        }
        guard let separator = plan.0 else {
            throw refusal(file, "the header row has as many commas as semicolons or tabs, so the separator cannot be told",
                          hint: "say which one separates the columns with --separator comma, semicolon or tab")
        }
        if separator != .comma {
            notes.append("columns separated by \(separator.name)\(options.separator == .auto ? " (found from the header row)" : "")")
        }
        let (named, total) = (plan.1, plan.2)
        let dropTrailing = named > 0 && named < total
        guard separator != .comma || dropTrailing else {
            return PreparedInput(file: text, notes: notes, isClean: decoded.isClean)
        }
        let rewritten = text.withBytes {
            CSVRewriter.rewrite($0, separator: separator.byte, keptColumns: dropTrailing ? named : nil)
        }
        if rewritten.dropped {
            let first = IssueGrouper.columnLetter(named), last = IssueGrouper.columnLetter(total - 1)
            let count = total - named
            notes.append("\(count) empty column\(count == 1 ? "" : "s") with no name at the right, \(first == last ? "column \(first)" : "columns \(first) to \(last)"), ignored")
        }
        return PreparedInput(file: InputFile(name: file.name, bytes: rewritten.bytes), notes: notes)
    }

    /// The header's columns up to its last named one, and all of them.
    static func headerColumns(_ bytes: UnsafeBufferPointer<UInt8>, separator: UInt8) -> (named: Int, total: Int) {
        var index = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        // Skip blank lines before the header, as the scanner does.
        while index < bytes.count, bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x20 { index += 1 }
        var quoted = false, total = 1, named = 0, hasText = false
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "\"") { quoted.toggle(); hasText = true; continue }
            if quoted { hasText = true; continue }
            if byte == 0x0A || byte == 0x0D { break }
            if byte == separator {
                if hasText { named = total }
                total += 1
                hasText = false
                continue
            }
            if byte != 0x20 && byte != 0x09 { hasText = true }
        }
        if hasText { named = total }
        return (named, total)
    }
}

/// What kind of file the bytes are, from their first bytes (and the name).
enum FileKind {
    case text, xlsx, xls, ods

    static func sniff(_ bytes: UnsafeBufferPointer<UInt8>, name: String) -> FileKind {
        let lower = name.lowercased()
        if bytes.count >= 8, bytes[0] == 0xD0, bytes[1] == 0xCF, bytes[2] == 0x11, bytes[3] == 0xE0 { return .xls }
        if bytes.count >= 4, bytes[0] == 0x50, bytes[1] == 0x4B, bytes[2] == 0x03, bytes[3] == 0x04 {
            // An OpenDocument file starts with its uncompressed `mimetype` entry.
            let head = String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<min(bytes.count, 120)]), as: UTF8.self)
            if head.contains("opendocument") || lower.hasSuffix(".ods") { return .ods }
            return .xlsx
        }
        return .text
    }
}
