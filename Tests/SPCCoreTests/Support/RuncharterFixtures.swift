import Foundation
@testable import SPCCore

/// The runcharter 0.2.0.9000 reference cases in `Fixtures/runcharter/` (copies of the team's
/// `reference/input.csv` and `expected_runcharter.csv`; tests never read outside the bundle).
enum RuncharterFixtures {
    /// One ward's weekly counts from input.csv, in date order.
    struct Ward {
        var name: String
        /// `week_start` as written (ISO dates), one per point.
        var weeks: [String]
        var counts: [Double]
    }

    /// One row of expected_runcharter.csv.
    struct ExpectedRow: Equatable {
        var ward: String
        var median: Double
        var startDate: String
        var endDate: String
        /// `baseline` for the first median, `sustained` for each shift.
        var runType: String
        var direction: String
    }

    /// Every ward of input.csv (the count column), keyed by ward name.
    static func wards() throws -> [String: Ward] {
        var wards: [String: Ward] = [:]
        let rows = try table("input")
        let header = rows[0]
        let ward = try column("ward", in: header), week = try column("week_start", in: header)
        let count = try column("count", in: header)
        var points: [String: [(week: String, count: Double)]] = [:]
        for row in rows.dropFirst() {
            guard let value = Double(row[count]) else { throw FixtureError("count \(row[count]) is not a number") }
            points[row[ward], default: []].append((row[week], value))
        }
        for (name, list) in points {
            let sorted = list.sorted { $0.week < $1.week }  // ISO dates sort as text
            wards[name] = Ward(name: name, weeks: sorted.map(\.week), counts: sorted.map(\.count))
        }
        return wards
    }

    /// The rows of expected_runcharter.csv for one direction, in file order.
    static func expected(direction: RebaseDirection) throws -> [ExpectedRow] {
        let rows = try table("expected_runcharter")
        let header = rows[0]
        let grp = try column("grp", in: header), median = try column("median", in: header)
        let start = try column("start_date", in: header), end = try column("end_date", in: header)
        let runType = try column("run_type", in: header), dir = try column("direction", in: header)
        return try rows.dropFirst().compactMap { row in
            guard row[dir] == direction.rawValue else { return nil }
            guard let value = Double(row[median]) else { throw FixtureError("median \(row[median]) is not a number") }
            return ExpectedRow(ward: row[grp], median: value, startDate: row[start], endDate: row[end],
                               runType: row[runType], direction: row[dir])
        }
    }

    struct FixtureError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// A small CSV file (no embedded commas or newlines) as rows of unquoted cells.
    private static func table(_ name: String) throws -> [[String]] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Fixtures/runcharter") else {
            throw FixtureError("no fixture Fixtures/runcharter/\(name).csv in the test bundle")
        }
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).map { line in
            line.split(separator: ",", omittingEmptySubsequences: false).map { cell in
                var cell = cell.trimmingCharacters(in: .whitespaces)
                if cell.hasPrefix("\""), cell.hasSuffix("\""), cell.count >= 2 { cell = String(cell.dropFirst().dropLast()) }
                return cell
            }
        }
    }

    private static func column(_ name: String, in header: [String]) throws -> Int {
        guard let index = header.firstIndex(of: name) else { throw FixtureError("no column \(name) in \(header)") }
        return index
    }
}
