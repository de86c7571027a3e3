import WardData

/// How a request's file was read: on the streaming fast path (`GroupedLongReader`), or
/// whole into memory, and why — `--verbose` says which. The output is the same byte for
/// byte either way.
public enum ReadingPath: Sendable, Equatable {
    /// Streamed in pieces on every core: this many rows.
    case streamed(rows: Int)
    /// Read whole, for this reason.
    case wholeFile(reason: String)

    /// In words, for `--verbose`.
    public var description: String {
        switch self {
        case .streamed(let rows): return "streamed \(rows) rows grouped by series"
        case .wholeFile(let reason): return "read the whole file into memory (\(reason))"
        }
    }
}

/// What reading a request's file left to say: the reader's choices (encoding, separator,
/// skipped rows …) and the dataset's warnings (and the count of those beyond the
/// reporting limit) on the whole-file path — the streaming path takes only files that
/// have none.
public struct ReadingNotes: Sendable {
    /// The choices the reader made, in words (`WardDataset.readerNotes`).
    public var readerNotes: [String] = []
    public var warnings: [InputIssue] = []
    public var unreportedWarnings = 0
    public var path: ReadingPath

    public init(path: ReadingPath, dataset: WardDataset? = nil) {
        self.path = path
        if let dataset {
            readerNotes = dataset.readerNotes
            warnings = dataset.warnings
            unreportedWarnings = dataset.unreportedWarnings
        }
    }
}

extension InputFile {
    /// The file at `path`, or the rejection that names it (a missing file, a folder).
    public static func open(_ path: String) throws(InputRejected) -> InputFile {
        do { return try InputFile(path: path) } catch { throw InputRejected(issues: [error]) }
    }
}
