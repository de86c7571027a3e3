/// Problems of one kind in one column, counted over the whole file: what people read
/// instead of thousands of identical lines ("120 dates like ‘8-Jan-24’ in column B (Week
/// commencing), lines 2–121 …"). The individual problems stay in `InputRejected.issues`
/// (and `validate --format json`); a group counts every one, beyond the reporting limit too.
public struct IssueGroup: Sendable, Hashable {
    public var severity: InputIssue.Severity
    /// The header name as written, when one column applies.
    public var column: String?
    /// The column's letter as Excel shows it (`B`), when the column is known.
    public var columnLetter: String?
    /// The sheet of a workbook, for cell references (`Sheet1!B2`); `nil` for CSV.
    public var sheet: String?
    /// The first problem's message, with its quoted value.
    public var firstMessage: String
    /// The first problem's hint.
    public var hint: String?
    /// The value quoted in the first problem's message, if it quotes one.
    public var example: String?
    /// How many problems the group holds.
    public var count: Int
    /// The first lines (sheet rows for a workbook), as runs of consecutive lines.
    public var lineRuns: [ClosedRange<Int>]
    /// Lines beyond `lineRuns` (not kept).
    public var moreLines: Int
    /// The message with its quoted value taken out: what makes two problems the same kind.
    var pattern: String

    /// Runs of lines kept per group before the rest are only counted.
    static let keptRuns = 5

    /// The group as one line for people: the count and kind, the column's letter and
    /// header, the first lines (or cells), then the hint. No backticks, no brackets inside brackets.
    public var summary: String {
        let what = IssueGroup.phrase(firstMessage: firstMessage, pattern: pattern, example: example, count: count)
        var text = what
        if let column {
            let header = column.contains("(") || column.contains(")") ? "‘\(column)’" : "(\(column))"
            text += columnLetter.map { " in column \($0) \(header)" } ?? " in column \(header)"
        }
        if !lineRuns.isEmpty {
            let places = lineRuns.map(describe).joined(separator: ", ")
            let noun = sheet == nil ? (count == 1 && lineRuns[0].count == 1 ? "line" : "lines")
                : (count == 1 && lineRuns[0].count == 1 ? "cell" : "cells")
            text += ", \(noun) \(places)\(moreLines > 0 ? " …" : "")"
        }
        if let hint { text += ": " + IssueGroup.plain(hint) }
        return IssueGroup.plain(text)
    }

    /// Where the group starts, as `FILE:LINE:COLUMN` (the line as its cell, `Sheet1!C14`,
    /// in a workbook): a grouped problem still says where, as a single one does.
    public func place(file: String) -> String {
        var text = file
        if let line = lineRuns.first?.lowerBound {
            if let sheet { text += ":\(sheet)!\(columnLetter ?? "")\(line)" } else { text += ":\(line)" }
        }
        if let column { text += ":\(column)" }
        return text
    }

    private func describe(_ run: ClosedRange<Int>) -> String {
        func place(_ line: Int) -> String {
            guard let sheet else { return String(line) }
            return "\(sheet)!\(columnLetter ?? "")\(line)"
        }
        return run.count == 1 ? place(run.lowerBound) : "\(place(run.lowerBound))–\(place(run.upperBound))"
    }

    /// The count and the kind of problem in words ("120 dates like ‘8-Jan-24’ could not be read").
    static func phrase(firstMessage: String, pattern: String, example: String?, count: Int) -> String {
        let shown = example.map { "‘\($0)’" } ?? ""
        guard count > 1 else { return plain(firstMessage.replacingQuoted(with: shown)) }
        switch pattern {
        case "# is not a date": return "\(count) dates like \(shown) could not be read"
        case "# has a two-digit year": return "\(count) dates like \(shown) have a two-digit year"
        case "# is not a number": return "\(count) values like \(shown) are not numbers"
        case "# is not a whole number": return "\(count) values like \(shown) are not whole numbers"
        case "# is negative": return "\(count) values like \(shown) are negative"
        default:
            if pattern.hasSuffix(" is empty"), example == nil { return "\(count) rows where \(plain(pattern))" }
            return "\(count) rows, the first: \(plain(firstMessage.replacingQuoted(with: shown)))"
        }
    }

    /// Backticks become quotes (‘count’): messages for people show no code marks.
    static func plain(_ text: String) -> String {
        guard text.contains("`") else { return text }
        var result = ""
        var open = true
        for character in text {
            if character == "`" { result.append(open ? "‘" : "’"); open.toggle() } else { result.append(character) }
        }
        return result
    }
}

/// Builds `IssueGroup`s as problems arrive: one group per severity × column × kind.
public struct IssueGrouper: Sendable {
    private struct Key: Hashable { var severity: InputIssue.Severity; var column: String?; var pattern: String }
    private var index: [Key: Int] = [:]
    public private(set) var groups: [IssueGroup] = []
    /// Column letters by header name (set once the header is read).
    public var letters: [String: String] = [:]
    /// The sheet, for a workbook.
    public var sheet: String?

    public init() {}

    /// Counts `issue` in its group. `kind` names the group when the message quotes no value
    /// but differs from row to row (a chart check's numbers); by default the message with
    /// its quoted value taken out.
    public mutating func add(_ issue: InputIssue, kind: String? = nil) {
        var (pattern, example) = issue.message.splitQuoted()
        if let kind { pattern = kind }
        let key = Key(severity: issue.severity, column: issue.column, pattern: pattern)
        guard let slot = index[key] else {
            index[key] = groups.count
            groups.append(IssueGroup(
                severity: issue.severity, column: issue.column, columnLetter: issue.column.flatMap { letters[$0] },
                sheet: sheet, firstMessage: issue.message, hint: issue.hint, example: example, count: 1,
                lineRuns: issue.line.map { [$0...$0] } ?? [], moreLines: 0, pattern: pattern))
            return
        }
        groups[slot].count += 1
        guard let line = issue.line else { return }
        var runs = groups[slot].lineRuns
        if let last = runs.last, last.upperBound == line || last.upperBound + 1 == line {
            runs[runs.count - 1] = last.lowerBound...line
        } else if runs.count < IssueGroup.keptRuns {
            runs.append(line...line)
        } else {
            groups[slot].moreLines += 1
            return
        }
        groups[slot].lineRuns = runs
    }

    /// The column letters of a header (A, B, … Z, AA, …), offset by `firstColumn` columns.
    public static func letters(for names: [String], firstColumn: Int = 0) -> [String: String] {
        var letters: [String: String] = [:]
        for (index, name) in names.enumerated() where letters[name] == nil {
            letters[name] = columnLetter(index + firstColumn)
        }
        return letters
    }

    /// `0` → `A`, `25` → `Z`, `26` → `AA`.
    public static func columnLetter(_ index: Int) -> String {
        var number = index + 1
        var letters: [Character] = []
        while number > 0 {
            let remainder = (number - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + remainder))))
            number = (number - 1) / 26
        }
        return String(letters.reversed())
    }
}

extension String {
    /// The message with its first quoted value (`"…"`) replaced by `#`, and that value.
    func splitQuoted() -> (pattern: String, value: String?) {
        guard let open = firstIndex(of: "\""), let close = self[index(after: open)...].lastIndex(of: "\"") else {
            return (self, nil)
        }
        let value = String(self[index(after: open)..<close])
        return (String(self[..<open]) + "#" + String(self[index(after: close)...]), value)
    }

    /// The message with its first quoted value (`"…"`) replaced by `replacement`.
    func replacingQuoted(with replacement: String) -> String {
        guard let open = firstIndex(of: "\""), let close = self[index(after: open)...].lastIndex(of: "\"") else {
            return self
        }
        return String(self[..<open]) + replacement + String(self[index(after: close)...])
    }
}
