/// One problem found in an input file, with its place.
///
/// Printed as `FILE:LINE:COLUMN: message`; `line` is the physical line where the
/// record starts (the header is line 1) and is `nil` for problems of the whole file;
/// `column` is the header name as written in the file, `nil` when no column applies.
public struct InputIssue: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public var severity: Severity
    public var file: String
    public var line: Int?
    public var column: String?
    /// What was found and what was expected.
    public var message: String
    /// How to fix it, when there is something to say.
    public var hint: String?

    public init(_ severity: Severity, file: String, line: Int? = nil, column: String? = nil,
                message: String, hint: String? = nil) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
    }

    /// `message` followed by the hint, as one sentence pair.
    public var fullMessage: String {
        guard let hint else { return message }
        return "\(message) (\(hint))"
    }

    /// `FILE:LINE:COLUMN: message (hint)`, safe to print on a terminal (`terminalSafe`):
    /// the message may quote a hostile cell.
    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        return "\(place): \(severity == .warning ? "warning: " : "")\(fullMessage)".terminalSafe
    }
}

/// Errors that stop reading: the file could not be read as data at all, or it had
/// errors (all of them are in `issues`, up to the reporting limit).
public struct InputRejected: Error, Sendable, CustomStringConvertible {
    /// Every error found (up to the limit) followed by the warnings.
    public var issues: [InputIssue]
    /// Errors found beyond the reporting limit.
    public var unreportedErrors: Int

    /// The problems by kind and column, every one counted (`IssueGroup`); built from
    /// `issues` when the thrower had no collector.
    public var groups: [IssueGroup]
    /// The choices the reader made before it found the problems (separator, encoding, sheet …).
    public var notes: [String]

    public init(issues: [InputIssue], unreportedErrors: Int = 0, groups: [IssueGroup]? = nil, notes: [String] = []) {
        self.issues = issues
        self.unreportedErrors = unreportedErrors
        if let groups {
            self.groups = groups
        } else {
            var grouper = IssueGrouper()
            for issue in issues { grouper.add(issue) }
            self.groups = grouper.groups
        }
        self.notes = notes
    }

    /// The errors grouped, for people: a single problem as `FILE:LINE:COLUMN: message`,
    /// several of one kind as one line that starts at the first one's `FILE:LINE:COLUMN`,
    /// with their count and first places.
    public var groupedLines: [String] {
        var lines: [String] = []
        for group in groups where group.severity == .error {
            if group.count == 1, let issue = errors.first(where: { $0.message == group.firstMessage && $0.column == group.column }) {
                lines.append(issue.description)
            } else {
                let file = errors.first?.file ?? ""
                lines.append("\(group.place(file: file)): \(group.summary)".terminalSafe)
            }
        }
        return lines
    }

    public var errors: [InputIssue] { issues.filter { $0.severity == .error } }

    public var description: String {
        var lines = errors.map(\.description)
        let errorCount = errors.count
        if let more = UnlistedIssues.line(listed: errorCount, kept: errorCount, unreported: unreportedErrors, noun: "errors") {
            lines.append(more)
        }
        return lines.joined(separator: "\n")
    }
}
