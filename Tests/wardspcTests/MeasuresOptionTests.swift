import Foundation
import Testing

/// `--measures FILE` and the catalogue's directions as a user meets them on the command line.
@Suite struct MeasuresOptionTests {
    static func measuresFile(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wardspc-measures-\(UUID().uuidString).toml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    static func directions(_ stdout: String) throws -> [String: Set<String>] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
        var found: [String: Set<String>] = [:]
        for series in try #require(object["series"] as? [[String: Any]]) {
            found[series["measure"] as! String, default: []].insert(series["improvement"] as! String)
        }
        return found
    }

    @Test func analyze_givesEachMeasureTheCataloguesDirection_andImprovementOverridesIt() throws {
        let result = try CLIRunner.run(["analyze", "SampleData/wards.csv", "--ward", "Alder", "--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let found = try Self.directions(result.stdout)
        #expect(found["sexual_safety"] == ["neutral"])
        #expect(found["ligature_assessments"] == ["increase"])
        #expect(found["restraint"] == ["decrease"] && found["awol"] == ["decrease"])
        let forced = try CLIRunner.run(["analyze", "SampleData/wards.csv", "--ward", "Alder", "--improvement", "decrease",
                                        "--format", "json"])
        #expect(Set(try Self.directions(forced.stdout).values) == [["decrease"]])
    }

    @Test func measuresFile_changesADirection_andTheBenchmarkOfEvaluate() throws {
        let file = try Self.measuresFile("[awol]\nimprovement = \"increase\"\nbenchmark = true\n")
        defer { try? FileManager.default.removeItem(at: file) }
        let analyzed = try CLIRunner.run(["analyze", "SampleData/wards.csv", "--ward", "Alder", "--measure", "awol",
                                          "--measures", file.path, "--format", "json"])
        #expect(analyzed.status == 0, "stderr: \(analyzed.stderr)")
        #expect(try Self.directions(analyzed.stdout)["awol"] == ["increase"])
        let evaluated = try CLIRunner.run(["evaluate", "SampleData/wards.csv", "--measure", "awol", "--measure", "self_harm",
                                           "--measures", file.path, "--format", "json"])
        #expect(evaluated.status == 0, "stderr: \(evaluated.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(evaluated.stdout.utf8)) as? [String: Any])
        for pooled in try #require(object["programme"] as? [[String: Any]]) {
            #expect(pooled["benchmark_applies"] as? Bool == (pooled["measure"] as? String == "awol"))
        }
    }

    @Test func badMeasuresFile_exitsTwo_withEveryProblemAtItsLine_stdoutClean() throws {
        let file = try Self.measuresFile("[seclusion]\nbenchmark = \"yes\"\nimprovement = \"down\"\nshade = 1\n")
        defer { try? FileManager.default.removeItem(at: file) }
        for command in [["analyze"], ["evaluate"], ["report", "--out", FileManager.default.temporaryDirectory.appendingPathComponent("wardspc-m-\(UUID().uuidString)").path]] {
            let result = try CLIRunner.run([command[0], "SampleData/wards.csv", "--measures", file.path] + command.dropFirst())
            #expect(result.status == 2, "\(command[0]): \(result.stderr)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains("\(file.path):2: benchmark of seclusion should be true or false, and it is text"))
            #expect(result.stderr.contains("\(file.path):3: improvement of seclusion is \"down\", which is not a direction"))
            #expect(result.stderr.contains("\(file.path):4: shade is not something a measure's table can set"))
        }
        let missing = try CLIRunner.run(["analyze", "SampleData/wards.csv", "--measures", "no-such-measures.toml"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no-such-measures.toml"))
    }

    @Test func help_saysImprovementOverridesTheCatalogueForEveryMeasure() throws {
        for command in ["analyze", "evaluate", "report", "chart"] {
            let help = try CLIRunner.run([command, "--help"]).stdout.replacingOccurrences(of: "\n", with: " ")
                .split(separator: " ").joined(separator: " ")
            #expect(help.contains("--measures <measures>"), "\(command)")
            #expect(help.contains("for every measure of this run"), "\(command)")
        }
    }
}
