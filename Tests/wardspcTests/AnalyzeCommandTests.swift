import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

@Suite struct AnalyzeCommandTests {
    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func sampleProgramme_uChartMDCSummary_isASensibleOverview() throws {
        let result = try CLIRunner.run(["analyze", "SampleData/wards.csv", "--chart", "u", "--rules", "mdc",
                                        "--summary", "--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let object = try Self.json(result.stdout)
        #expect(object["schema"] as? String == "wardspc/summary@1")
        let series = try #require(object["series"] as? [[String: Any]])
        #expect(series.count == 36 * 6)
        for entry in series {
            let latest = try #require(entry["latest_phase"] as? [String: Any])
            // u charts under mdc have a centre and limits on 150+ weekly points.
            #expect((latest["centre"] as? Double).map { $0 >= 0 } == true)
            #expect(latest["upper"] is Double)
            #expect(entry["variation"] is String)
            #expect(entry["chart"] as? String == "u")
        }
        let table = try CLIRunner.run(["analyze", "SampleData/wards.csv", "--chart", "u", "--rules", "mdc", "--summary"])
        #expect(table.status == 0)
        #expect(table.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(table.stdout.contains("RX1"))
    }

    @Test func jsonContract_hasEveryFieldOfDesign51() throws {
        let result = try CLIRunner.run(["analyze", "SampleData/wards.csv", "--chart", "u", "--rules", "mdc",
                                        "--ward", "Alder", "--measure", "restraint", "--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let object = try Self.json(result.stdout)
        #expect(object["schema"] as? String == "wardspc/analysis@1")
        let series = try #require((object["series"] as? [[String: Any]])?.first)
        for key in ["trust", "ward", "measure", "chart", "rules", "multiplier", "screen_mr", "period", "phases",
                    "points", "sustained_shifts", "icons", "warnings"] {
            #expect(series[key] != nil, "missing \(key)")
        }
        #expect(series["multiplier"] as? Double == 1000)
        #expect(series["screen_mr"] as? Bool == false)
        let point = try #require((series["points"] as? [[String: Any]])?.first)
        for key in ["period", "count", "denominator", "value", "centre", "lower", "upper", "phase", "baseline",
                    "excluded", "signals", "mdc"] {
            #expect(point[key] != nil, "missing \(key)")
        }
        #expect(point["phase"] as? Int == 1)
        let count = try #require(point["count"] as? Double)
        let denominator = try #require(point["denominator"] as? Double)
        let value = try #require(point["value"] as? Double)
        #expect(abs(value - 1000 * count / denominator) < 1e-9)
    }

    @Test func csv_isOneTidyRowPerPoint() throws {
        let result = try CLIRunner.run(["analyze", "SampleData/wards.csv", "--chart", "i", "--ward", "Alder",
                                        "--measure", "awol", "--format", "csv"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first == "trust,ward,measure,chart,phase,period,count,denominator,value,centre,lower,upper,baseline,excluded,signals,mdc")
        #expect(lines.count == 1 + 155)
        #expect(lines.dropFirst().allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == 16 })
    }

    @Test func gChartOnPeriodicCounts_isRefusedWithExit2_explainingTheInput() throws {
        let result = try CLIRunner.run(["analyze", "SampleData/wards.csv", "--chart", "g"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("incident dates"))
    }

    @Test func eventsFile_startsAPhasePerWard() throws {
        let result = try CLIRunner.run(["analyze", "SampleData/wards.csv", "--chart", "u", "--events", "SampleData/events.csv",
                                        "--ward", "Alder", "--measure", "restraint", "--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let series = try #require((try Self.json(result.stdout)["series"] as? [[String: Any]])?.first)
        let phases = try #require(series["phases"] as? [[String: Any]])
        #expect(phases.count == 2)
        #expect(phases[1]["start"] as? String == "2023-10-30")
        #expect(phases[1]["label"] as? String == "Joined the restrictive practice collaborative")
    }

    @Test func filtersThatMatchNothing_exitTwo_listTheFilesValues_withTheNearMatch_stdoutClean() throws {
        // Issue 18: `--measure Restraint` when the file says `restraint` was an empty answer.
        let wrongCase = try CLIRunner.run(["analyze", "SampleData/wards.csv", "--measure", "Restraint", "--format", "json"])
        #expect(wrongCase.status == 2)
        #expect(wrongCase.stdout.isEmpty)
        #expect(wrongCase.stderr.contains("--measure Restraint matches nothing in SampleData/wards.csv"))
        #expect(wrongCase.stderr.contains("Did you mean restraint?"))
        #expect(wrongCase.stderr.contains("awol, rapid_tranquillisation, restraint, seclusion"))
        let nowhere = try CLIRunner.run(["analyze", "SampleData/wards.csv", "--ward", "Nowhere", "--format", "json"])
        #expect(nowhere.status == 2 && nowhere.stdout.isEmpty)
        #expect(nowhere.stderr.contains("Its wards: Alder, Anchor"))
        #expect(!nowhere.stderr.contains("Did you mean"), "nothing is near Nowhere")
        let typo = try CLIRunner.run(["evaluate", "SampleData/wards.csv", "--ward", "Alderr"])
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("Did you mean Alder?"))
        // Every value is in the file, but no series has them together.
        let apart = try CLIRunner.run(["analyze", "SampleData/wards.csv", "--trust", "RX2", "--ward", "Alder"])
        #expect(apart.status == 2)
        #expect(apart.stderr.contains("not in the same series"))
    }
}

@Suite struct FunnelAndReportCommandTests {
    @Test func funnel_writesCSVAndAnSVGThatParses() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wardspc-funnel-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let svg = directory.appendingPathComponent("funnel.svg").path
        let result = try CLIRunner.run(["funnel", "SampleData/wards.csv", "--measure", "seclusion", "--svg", svg,
                                        "--format", "csv"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.hasPrefix("trust,ward,measure,count,exposure,rate,target,z,position95,position998\n"))
        #expect(result.stdout.split(separator: "\n").count == 37)
        let parser = XMLParser(data: try Data(contentsOf: URL(fileURLWithPath: svg)))
        #expect(parser.parse())
    }

    @Test func funnel_needsExactlyOneMeasure() throws {
        #expect(try CLIRunner.run(["funnel", "SampleData/wards.csv"]).status == 2)
        #expect(try CLIRunner.run(["funnel", "SampleData/wards.csv", "--measure", "awol", "--measure", "seclusion"]).status == 2)
    }
}
