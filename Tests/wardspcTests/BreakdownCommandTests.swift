import Foundation
import Testing

/// `wardspc breakdown`: self-harm by context and restraint by subtype on the sample.
@Suite struct BreakdownCommandTests {
    @Test func selfHarmByContext_json() throws {
        let result = try CLIRunner.run(["breakdown", "SampleData/wards.csv", "--events", "SampleData/events.csv",
                                        "--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(document["schema"] as? String == "wardspc/breakdown@1")
        let rows = try #require(document["rows"] as? [[String: Any]])
        #expect(rows.compactMap { $0["value"] as? String } == ["on_ward", "on_leave", "awol"])
        #expect(rows.allSatisfy { $0["measure"] as? String == "self_harm" })
        let shares = rows.compactMap { ($0["baseline"] as? [String: Any])?["share"] as? Double }
        #expect(abs(shares.reduce(0, +) - 1) < 1e-12)
        #expect(rows.allSatisfy { ($0["ci95"] as? [Double])?.count == 2 })
    }

    @Test func restraintBySubtype_table_callsOutProne() throws {
        let result = try CLIRunner.run(["breakdown", "SampleData/wards.csv", "--by", "subtype", "--baseline-weeks", "40"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("restraint by subtype (rates per 1,000 OBD)"))
        #expect(result.stdout.contains("Prone restraint (national policy is to eliminate it): "))
        let lines = result.stdout.split(separator: "\n")
        let first = try #require(lines.firstIndex { $0.hasPrefix("--------") })
        #expect(lines[first + 1].hasPrefix("prone "))
    }

    @Test func suppression_andMissingColumn() throws {
        let csv = try CLIRunner.run(["breakdown", "SampleData/wards.csv", "--ward", "Alder", "--suppress-below", "30",
                                     "--format", "csv"])
        #expect(csv.status == 0, "stderr: \(csv.stderr)")
        #expect(csv.stdout.contains(",*,"))
        #expect(csv.stdout.contains(",true\n"))
        let missing = try CLIRunner.run(["breakdown", "SampleData/equity.csv"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("needs a `context` column"))
    }
}
