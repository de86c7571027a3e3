import Foundation

/// The one place SPCCore tests read files from: the team's reference cases, copied unchanged
/// into `Fixtures/reference/` (see its README) and shipped in the test bundle
/// (`Bundle.module`). Tests never read outside the repository.
///
/// Each file is parsed once per test run; `Qicharts2Reference`, `MakingDataCountReference`
/// and `RuncharterReference` assemble series and expectations from these rows.
enum ReferenceFixtures {
    /// Every reference file, by its name in the shared reference folder.
    enum File: String, Sendable, CaseIterable {
        /// 21 weekly series: `trust, ward, measure, week_start, count, denominator`.
        case input = "input.csv"
        /// qicharts2 0.8.1: run, i, mr, c, u, up, p, pp × default, freeze26, part52.
        case qicharts2 = "expected_qicharts2.csv"
        /// NHSRplotthedots 0.2.2 (`ptd`): points and per-series summary.
        case plotTheDotsPoints = "expected_mdc_points.csv"
        case plotTheDotsSummary = "expected_mdc_summary.csv"
        /// NHS England SPC SQL v2.6 (`mdc`): points and per-series summary.
        case sqlV26Points = "expected_mdc_v26_points.csv"
        case sqlV26Summary = "expected_mdc_v26_summary.csv"
        /// runcharter 0.2.0.9000: baseline medians and sustained shifts.
        case runcharter = "expected_runcharter.csv"
        /// AWOL incident dates of 8 wards (event-level input).
        case rareEvents = "rare/events.csv"
        /// qicharts2 0.8.1: g and t charts of the days between those incidents.
        case rare = "rare/expected_rare.csv"
    }

    /// One CSV row: header name → field.
    typealias Row = [String: String]

    struct Missing: Error, CustomStringConvertible {
        var file: File
        var description: String { "no fixture Fixtures/reference/\(file.rawValue) in the test bundle" }
    }

    /// The rows of a reference file, parsed on first use.
    static func rows(_ file: File) throws -> [Row] {
        switch file {
        case .input: return try input.get()
        case .qicharts2: return try qicharts2.get()
        case .plotTheDotsPoints: return try plotTheDotsPoints.get()
        case .plotTheDotsSummary: return try plotTheDotsSummary.get()
        case .sqlV26Points: return try sqlV26Points.get()
        case .sqlV26Summary: return try sqlV26Summary.get()
        case .runcharter: return try runcharter.get()
        case .rareEvents: return try rareEvents.get()
        case .rare: return try rare.get()
        }
    }

    private static let input = Result { try parse(.input) }
    private static let qicharts2 = Result { try parse(.qicharts2) }
    private static let plotTheDotsPoints = Result { try parse(.plotTheDotsPoints) }
    private static let plotTheDotsSummary = Result { try parse(.plotTheDotsSummary) }
    private static let sqlV26Points = Result { try parse(.sqlV26Points) }
    private static let sqlV26Summary = Result { try parse(.sqlV26Summary) }
    private static let runcharter = Result { try parse(.runcharter) }
    private static let rareEvents = Result { try parse(.rareEvents) }
    private static let rare = Result { try parse(.rare) }

    private static func parse(_ file: File) throws -> [Row] {
        let path = file.rawValue as NSString
        guard let url = Bundle.module.url(forResource: (path.lastPathComponent as NSString).deletingPathExtension,
                                          withExtension: path.pathExtension,
                                          subdirectory: "Fixtures/reference/" + path.deletingLastPathComponent)
        else { throw Missing(file: file) }
        let lines = try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline)
        guard let first = lines.first else { return [] }
        let header = fields(first)
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, fields($0))) }
    }

    /// One CSV line's fields; quoted fields (as R's `write.csv` writes text) lose their
    /// quotes, and `""` inside quotes is a quote. The reference files hold no newline in a field.
    static func fields(_ line: Substring) -> [String] {
        var result: [String] = []
        var field = ""
        var quoted = false
        var previous: Character?
        for character in line {
            if character == "\"" {
                // A quote right after a closing quote is an escaped quote inside the field.
                if !quoted, previous == "\"" { field.append("\"") }
                quoted.toggle()
            } else if character == ",", !quoted {
                result.append(field)
                field = ""
            } else {
                field.append(character)
            }
            previous = character
        }
        result.append(field)
        return result
    }

    /// Days since 1970-01-01 of an ISO `YYYY-MM-DD` date (WardSPC's period keys), by
    /// Howard Hinnant's days-from-civil algorithm (proleptic Gregorian calendar).
    static func days(_ isoDate: String) -> Int32 {
        let parts = isoDate.split(separator: "-").compactMap { Int($0) }
        precondition(parts.count == 3, "not an ISO date: \(isoDate)")
        let (month, day) = (parts[1], parts[2])
        let year = month <= 2 ? parts[0] - 1 : parts[0]
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return Int32(era * 146_097 + dayOfEra - 719_468)
    }
}
