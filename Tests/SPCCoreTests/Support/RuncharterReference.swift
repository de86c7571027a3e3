import Foundation
@testable import SPCCore

/// The runcharter 0.2.0.9000 reference cases (`input.csv` and `expected_runcharter.csv` in
/// `Fixtures/reference/`, read through `ReferenceFixtures`).
enum RuncharterReference {
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
        var points: [String: [(week: String, count: Double)]] = [:]
        for row in try ReferenceFixtures.rows(.input) {
            let (ward, week, count) = try (cell("ward", row), cell("week_start", row), cell("count", row))
            guard let value = Double(count) else { throw FixtureError("count \(count) is not a number") }
            points[ward, default: []].append((week, value))
        }
        var wards: [String: Ward] = [:]
        for (name, list) in points {
            let sorted = list.sorted { $0.week < $1.week }  // ISO dates sort as text
            wards[name] = Ward(name: name, weeks: sorted.map(\.week), counts: sorted.map(\.count))
        }
        return wards
    }

    /// The rows of expected_runcharter.csv for one direction, in file order.
    static func expected(direction: RebaseDirection) throws -> [ExpectedRow] {
        try ReferenceFixtures.rows(.runcharter).compactMap { row in
            guard try cell("direction", row) == direction.rawValue else { return nil }
            let median = try cell("median", row)
            guard let value = Double(median) else { throw FixtureError("median \(median) is not a number") }
            return ExpectedRow(ward: try cell("grp", row), median: value, startDate: try cell("start_date", row),
                               endDate: try cell("end_date", row), runType: try cell("run_type", row),
                               direction: direction.rawValue)
        }
    }

    struct FixtureError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    private static func cell(_ column: String, _ row: ReferenceFixtures.Row) throws -> String {
        guard let value = row[column] else { throw FixtureError("no column \(column) in \(row.keys.sorted())") }
        return value
    }
}
