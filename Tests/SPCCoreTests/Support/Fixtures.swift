import Foundation
import Testing

/// The one place SPCCore tests load files from: CSV fixtures under `Fixtures/` copied
/// into the test bundle (`Bundle.module`). Tests never read outside the repository.
enum Fixtures {
    struct Missing: Error, CustomStringConvertible {
        var name: String
        var description: String { "no fixture Fixtures/\(name) in the test bundle" }
    }

    /// The rows of `Fixtures/<name>` as header → field dictionaries.
    ///
    /// The reference files are plain: no field holds a comma or a newline; surrounding
    /// double quotes (as R's `write.csv` puts them) are removed.
    static func csvRows(_ name: String) throws -> [[String: String]] {
        let path = name as NSString
        guard let url = Bundle.module.url(forResource: (path.lastPathComponent as NSString).deletingPathExtension,
                                          withExtension: path.pathExtension,
                                          subdirectory: ("Fixtures/" + path.deletingLastPathComponent) as String)
        else { throw Missing(name: name) }
        let text = try String(contentsOf: url, encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        guard !lines.isEmpty else { return [] }
        let header = fields(lines.removeFirst())
        return lines.map { line in
            Dictionary(uniqueKeysWithValues: zip(header, fields(line)))
        }
    }

    static func fields(_ line: String) -> [String] {
        line.split(separator: ",", omittingEmptySubsequences: false).map { field in
            var text = Substring(field)
            if text.hasPrefix("\""), text.hasSuffix("\""), text.count >= 2 { text = text.dropFirst().dropLast() }
            return String(text)
        }
    }

    /// Days since 1970-01-01 of an ISO `YYYY-MM-DD` date (WardSPC's period keys).
    static func days(_ isoDate: String) -> Int32 {
        let parts = isoDate.split(separator: "-").compactMap { Int($0) }
        precondition(parts.count == 3, "not an ISO date: \(isoDate)")
        return Int32(daysFromCivil(year: parts[0], month: parts[1], day: parts[2]))
    }

    /// Howard Hinnant's days-from-civil algorithm (proleptic Gregorian calendar).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
