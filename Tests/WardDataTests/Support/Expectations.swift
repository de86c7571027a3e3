import Testing
@testable import WardData

extension InputRejected {
    /// The errors reported at `line` (`nil`: the file-level errors).
    func errors(atLine line: Int?) -> [InputIssue] { errors.filter { $0.line == line } }

    /// Every issue's text (message, hint, place) joined, to check what a message never contains.
    var allText: String { issues.map { "\($0.description) \($0.hint ?? "")" }.joined(separator: "\n") }
}

extension WardDataset {
    /// Each warning's line, in order.
    var warningLines: [Int?] { warnings.map(\.line) }

    /// Every issue's text (message and hint) joined.
    var allWarningText: String { warnings.map { "\($0.description) \($0.hint ?? "")" }.joined(separator: "\n") }

    /// The records as plain values, in table order, for readable expectations.
    var rows: [Row] {
        (0..<records.count).map { index in
            var dimensions: [String: String] = [:]
            for (column, name) in dimensionNames.enumerated() {
                dimensions[name] = strings[records.dimensions[column][index]]
            }
            return Row(trust: strings[records.trust[index]], ward: strings[records.ward[index]],
                       measure: strings[records.measure[index]], period: records.period[index].iso,
                       value: records.value[index], denominator: records.denominator[index],
                       dimensions: dimensions, line: Int(records.line[index]))
        }
    }

    /// The records of one ward and measure, by period.
    func rows(ward: String, measure: String) -> [Row] {
        rows.filter { $0.ward == ward && $0.measure == measure }.sorted { $0.period < $1.period }
    }

    struct Row: Equatable, CustomStringConvertible {
        var trust: String
        var ward: String
        var measure: String
        var period: String
        var value: Double
        var denominator: Double?
        var dimensions: [String: String]
        var line: Int

        var description: String {
            "\(trust)·\(ward)·\(measure)·\(period)=\(value)/\(denominator.map { "\($0)" } ?? "nil") \(dimensions) @\(line)"
        }
    }
}

extension SeriesBuilder.Output {
    /// The one series for `ward` and `measure`; records a test issue when there is not exactly one.
    func series(ward: String, measure: String, sourceLocation: SourceLocation = #_sourceLocation) -> WardSeries? {
        let matches = series.filter { $0.ward == ward && $0.measure == measure }
        guard matches.count == 1 else {
            Issue.record("expected one series for \(ward) · \(measure), found \(matches.count)", sourceLocation: sourceLocation)
            return nil
        }
        return matches[0]
    }
}

extension WardSeries {
    var periodsISO: [String] { periods.map(\.iso) }
    var missingISO: [String] { missingPeriods.map(\.iso) }
}

/// Checks that `rejection` holds exactly one error at `line` (nil = file-level) naming
/// `column`, whose message contains each of `words`; returns it.
@discardableResult
func expectError(_ rejection: InputRejected, line: Int?, column: String?, containing words: String...,
                 sourceLocation: SourceLocation = #_sourceLocation) -> InputIssue? {
    let atLine = rejection.errors(atLine: line)
    guard atLine.count == 1, let issue = atLine.first else {
        Issue.record("expected one error at line \(line.map(String.init) ?? "nil"), found \(atLine.count): \(rejection.errors.map(\.description))",
                     sourceLocation: sourceLocation)
        return nil
    }
    #expect(issue.severity == .error, sourceLocation: sourceLocation)
    #expect(issue.column == column, "column of \(issue)", sourceLocation: sourceLocation)
    for word in words {
        #expect(issue.fullMessage.lowercased().contains(word.lowercased()), "“\(word)” in \(issue)",
                sourceLocation: sourceLocation)
    }
    return issue
}
