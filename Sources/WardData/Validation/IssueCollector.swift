/// Collects the problems found while reading a file: every error (up to a limit, then
/// a count), warnings, and — with `--lenient` — which rows were skipped.
struct IssueCollector {
    let file: String
    let lenient: Bool
    let maxReported: Int
    private(set) var errors: [InputIssue] = []
    private(set) var warnings: [InputIssue] = []
    private(set) var unreportedErrors = 0
    private(set) var unreportedWarnings = 0
    private var skipped: Set<Int> = []
    /// Every problem counted by kind and column, beyond the reporting limit too.
    var grouper = IssueGrouper()
    /// The choices the reader made (separator, encoding, sheet, skipped rows …), in order.
    var notes: [String] = []

    /// Lines of the rows skipped under `--lenient`, each once, ascending.
    var skippedLines: [Int] { skipped.sorted() }

    init(file: String, lenient: Bool, maxReported: Int) {
        self.file = file
        self.lenient = lenient
        self.maxReported = max(1, maxReported)
    }

    var hasErrors: Bool { !errors.isEmpty || unreportedErrors > 0 }

    /// A problem with one row: an error, or with `--lenient` a warning and the row skipped.
    mutating func row(line: Int, column: String?, _ message: String, hint: String? = nil) {
        if lenient {
            skipped.insert(line)
            warning(line: line, column: column, "\(message); row skipped (--lenient)", hint: hint)
        } else {
            error(line: line, column: column, message, hint: hint)
        }
    }

    /// A problem that stops the file being read, whatever `--lenient` says.
    mutating func error(_ line: Int?, column: String? = nil, _ message: String, hint: String? = nil) {
        error(line: line, column: column, message, hint: hint)
    }

    mutating func error(line: Int? = nil, column: String? = nil, _ message: String, hint: String? = nil) {
        let issue = InputIssue(.error, file: file, line: line, column: column, message: message, hint: hint)
        grouper.add(issue)
        if errors.count < maxReported {
            errors.append(issue)
        } else {
            unreportedErrors += 1
        }
    }

    mutating func warning(line: Int? = nil, column: String? = nil, _ message: String, hint: String? = nil) {
        let issue = InputIssue(.warning, file: file, line: line, column: column, message: message, hint: hint)
        grouper.add(issue)
        if warnings.count < 10 * maxReported {
            warnings.append(issue)
        } else {
            unreportedWarnings += 1
        }
    }

    /// Throws every error found (with the warnings), or returns when there were none.
    func throwIfErrors() throws(InputRejected) {
        guard hasErrors else { return }
        throw InputRejected(issues: errors + warnings, unreportedErrors: unreportedErrors,
                            groups: grouper.groups, notes: notes)
    }
}
