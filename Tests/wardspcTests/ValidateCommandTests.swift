import Foundation
import Testing

@Suite struct ValidateCommandTests {
    @Test func sampleData_validatesWithoutErrors_asJSON() throws {
        let result = try CLIRunner.run(["validate", "SampleData/wards.csv", "--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["schema"] as? String == "wardspc/validation@1")
        #expect(json["ok"] as? Bool == true)
        #expect((json["errors"] as? [Any])?.isEmpty == true)
        let series = try #require(json["series"] as? [[String: Any]])
        // 3 trusts, about 36 wards, six incident measures and ligature assessments.
        #expect(series.count >= 30 * 7)
        #expect(Set(series.compactMap { $0["measure"] as? String })
                == ["restraint", "seclusion", "rapid_tranquillisation", "self_harm", "awol", "sexual_safety",
                    "ligature_assessments"])
        #expect(series.allSatisfy { $0["period"] as? String == "week" })
        #expect(json["trusts"] as? Int == 3)
    }

    @Test func sampleData_tableNamesWhatWasRead() throws {
        let result = try CLIRunner.run(["validate", "SampleData/wards.csv"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("long format, weekly (weeks start on Monday)"))
        #expect(result.stdout.hasSuffix("OK\n"))
    }

    @Test func badFile_exitsWith2_andNamesLineAndColumn() throws {
        let file = try CLIRunner.temporaryFile(named: "bad.csv", contents: """
            trust,ward,measure,week_start,count
            T1,A,restraint,2024-01-01,3
            T1,A,restraint,2024-01-08,-2
            T1,A,restraint,2024-01-15,x
            """)
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let result = try CLIRunner.run(["validate", file.path])
        #expect(result.status == 2)
        #expect(result.stdout.contains("bad.csv:3:count: \"-2\" is negative"))
        #expect(result.stdout.contains("bad.csv:4:count: \"x\" is not a number"))

        let json = try CLIRunner.run(["validate", file.path, "--format", "json"])
        #expect(json.status == 2)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["ok"] as? Bool == false)
        let errors = try #require(object["errors"] as? [[String: Any]])
        #expect(errors.map { $0["line"] as? Int } == [3, 4])
        #expect(errors.allSatisfy { $0["column"] as? String == "count" })
    }

    @Test func lenient_skipsBadRows_listsThem_andExits0() throws {
        let file = try CLIRunner.temporaryFile(named: "bad.csv", contents: """
            trust,ward,measure,week_start,count
            T1,A,restraint,2024-01-01,3
            T1,A,restraint,2024-01-08,-2
            T1,A,restraint,2024-01-15,4
            """)
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let result = try CLIRunner.run(["validate", file.path, "--lenient"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Skipped 1 row (--lenient): lines 3"))
        #expect(result.stdout.contains("1 missing week (8 Jan 2024)"))
    }

    @Test func unknownFlag_andBadFlagValue_exitWith2() throws {
        #expect(try CLIRunner.run(["validate", "SampleData/wards.csv", "--no-such-flag"]).status == 2)
        #expect(try CLIRunner.run(["validate", "SampleData/wards.csv", "--week-start", "someday"]).status == 2)
        #expect(try CLIRunner.run(["validate", "SampleData/wards.csv", "--from", "31/02/2024"]).status == 2)
    }

    @Test func missingFile_exitsWith2_namingIt() throws {
        let result = try CLIRunner.run(["validate", "no-such-file.csv"])
        #expect(result.status == 2)
        #expect(result.stdout.contains("no-such-file.csv: cannot open the file"))
    }

    @Test func help_explainsUnitsAndDefaults() throws {
        let result = try CLIRunner.run(["validate", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("--date-format"))
        #expect(result.stdout.contains("default: auto"))
        #expect(result.stdout.contains("DD/MM/YYYY"))
    }
}
