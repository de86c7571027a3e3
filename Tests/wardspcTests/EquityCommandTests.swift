import Foundation
import Testing

/// `wardspc equity` as a user runs it: the `wardspc/equity@1` contract of issue 8, both
/// sources of bed days, input errors with their place, distribution-only output,
/// suppression, and `evaluate --group-by ethnic_group`.
@Suite struct EquityCommandTests {
    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static let fixtures = "Tests/WardSPCTests/Fixtures/equity/"

    @Test func sample_json_followsTheContract() throws {
        let result = try CLIRunner.run(["equity", "SampleData/equity.csv", "--baseline-until", "2023-10-08",
                                        "--from", "2024-12-02", "--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let document = try Self.json(result.stdout)
        #expect(document["schema"] as? String == "wardspc/equity@1")
        #expect(document["reference"] as? String == "White")
        let rows = try #require(document["rows"] as? [[String: Any]])
        #expect(Set(rows.flatMap(\.keys)) == ["level", "trust", "ward", "measure", "group", "count", "exposure", "rate",
                                              "rate_ratio", "ci95", "unknown_share", "window", "share", "suppressed"])
        #expect(Set(rows.compactMap { $0["level"] as? String }) == ["programme", "trust", "ward"])
        #expect(Set(rows.compactMap { $0["window"] as? String }) == ["all", "baseline", "comparison"])
        #expect(Set(rows.compactMap { $0["group"] as? String }) == ["White", "Mixed", "Asian", "Black", "Other"])
        let programme = rows.filter { $0["level"] as? String == "programme" && $0["window"] as? String == "all" }
        let white = try #require(programme.first { $0["group"] as? String == "White" })
        #expect(white["rate_ratio"] as? Double == 1)
        #expect(white["ci95"] is NSNull)
        #expect(white["trust"] is NSNull && white["ward"] is NSNull)
        let black = try #require(programme.first { $0["group"] as? String == "Black" })
        let ratio = try #require(black["rate_ratio"] as? Double)
        #expect(ratio > 2.7 && ratio < 3.7, "the sample's disparity: Black patients about 3× White")
        let interval = try #require(black["ci95"] as? [Double])
        #expect(interval.count == 2 && interval[0] < ratio && ratio < interval[1])
        let unknown = try #require(black["unknown_share"] as? Double)
        #expect(unknown > 0 && unknown < 1)
        let ward = try #require(rows.first { $0["level"] as? String == "ward" })
        #expect(ward["trust"] is String && ward["ward"] is String)
        let changes = try #require(document["changes"] as? [[String: Any]])
        #expect(Set(changes.flatMap(\.keys)) == ["level", "trust", "ward", "measure", "group", "ratio_of_rate_ratios",
                                                 "ci95", "suppressed"])
        let gap = try #require(changes.first { $0["level"] as? String == "programme" && $0["group"] as? String == "Black" })
        #expect(try #require(gap["ratio_of_rate_ratios"] as? Double) < 1)
    }

    @Test func exposureFile_andBedDaysOnRows_giveTheSameRows() throws {
        let onRows = try CLIRunner.run(["equity", Self.fixtures + "input.csv", "--baseline-until", "2024-01-22", "--format", "csv"])
        let fromFile = try CLIRunner.run(["equity", Self.fixtures + "counts.csv", "--exposure", Self.fixtures + "exposure.csv",
                                          "--baseline-until", "2024-01-22", "--format", "csv"])
        #expect(onRows.status == 0 && fromFile.status == 0, "stderr: \(onRows.stderr) \(fromFile.stderr)")
        #expect(onRows.stdout == fromFile.stdout)
        #expect(onRows.stdout.hasPrefix("level,trust,ward,measure,window,group,count,share,exposure,rate,rate_ratio,ci95_low,ci95_high,unknown_share,suppressed\n"))
        #expect(onRows.stdout.contains(",change,"))
    }

    @Test func unrecognisedEthnicGroup_exits2_namingFileLineAndColumn() throws {
        let input = try CLIRunner.temporaryFile(named: "eth.csv", contents: "trust,ward,measure,week_start,ethnic_group,count\nT,W,r,2024-01-01,A,1\nT,W,r,2024-01-01,Klingon,2\n")
        defer { try? FileManager.default.removeItem(at: input.deletingLastPathComponent()) }
        let result = try CLIRunner.run(["equity", input.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(input.path):3:ethnic_group: \"Klingon\" is not an NHS ethnic category"))
        #expect(result.stdout.isEmpty)
    }

    @Test func badExposureFile_exits2_withItsPlace() throws {
        let exposure = try CLIRunner.temporaryFile(named: "exposure.csv", contents: "trust,ward,week_start,ethnic_group,bed_days\nT,W,2024-01-01,A,many\n")
        defer { try? FileManager.default.removeItem(at: exposure.deletingLastPathComponent()) }
        let result = try CLIRunner.run(["equity", Self.fixtures + "counts.csv", "--exposure", exposure.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(exposure.path):2:bed_days: \"many\" is not a number"))
    }

    @Test func noEthnicGroupColumn_exits2() throws {
        let result = try CLIRunner.run(["equity", "SampleData/wards.csv"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("equity needs an `ethnic_group` column"))
    }

    @Test func withoutBedDays_saysOnlyTheDistributionIsShown() throws {
        let result = try CLIRunner.run(["equity", Self.fixtures + "counts.csv", "--format", "markdown"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("Distribution only: no bed days by ethnic group"))
        #expect(result.stderr.contains("warning: no bed days by ethnic group"))
        #expect(!result.stdout.contains("rate ratio |"))
        let json = try Self.json(try CLIRunner.run(["equity", Self.fixtures + "counts.csv", "--format", "json"]).stdout)
        #expect(json["exposure_by_group"] as? Bool == false)
        #expect(json["note"] is String)
    }

    @Test func suppressBelow_withholdsSmallCounts() throws {
        let result = try CLIRunner.run(["equity", Self.fixtures + "input.csv", "--suppress-below", "10", "--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let rows = try #require(try Self.json(result.stdout)["rows"] as? [[String: Any]])
        let hidden = rows.filter { $0["suppressed"] as? Bool == true }
        #expect(!hidden.isEmpty)
        for row in rows {
            if let count = row["count"] as? Int { #expect(count == 0 || count >= 10) }
        }
        #expect(hidden.contains { $0["count"] is NSNull && $0["rate"] is NSNull && $0["rate_ratio"] is NSNull })
        let table = try CLIRunner.run(["equity", Self.fixtures + "input.csv", "--suppress-below", "10"])
        #expect(table.stdout.contains("* withheld: fewer than 10 incidents"))
        #expect(try CLIRunner.run(["equity", Self.fixtures + "input.csv", "--suppress-below", "1"]).status == 2)
    }

    @Test func detailedGroups_andAnotherReference() throws {
        let result = try CLIRunner.run(["equity", Self.fixtures + "input.csv", "--groups", "detailed", "--reference", "N",
                                        "--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let document = try Self.json(result.stdout)
        #expect(document["reference"] as? String == "African")
        let groups = Set((document["rows"] as? [[String: Any]] ?? []).compactMap { $0["group"] as? String })
        #expect(groups.isSuperset(of: ["White British", "White Irish", "Pakistani", "Caribbean", "African"]))
        let unknown = try CLIRunner.run(["equity", Self.fixtures + "input.csv", "--reference", "Purple"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("--reference Purple is not a broad ethnic group"))
    }

    @Test func help_givesUnitsAndDefaults() throws {
        let help = try CLIRunner.run(["equity", "--help"]).stdout
        for text in ["Default: White", "bed days in days", "Default: broad", "Default: off", "Default: table",
                     "per 1,000 occupied bed days"] {
            #expect(help.contains(text), "\(text)")
        }
    }

    @Test func evaluate_groupByEthnicGroup_poolsPerBroadGroup() throws {
        let result = try CLIRunner.run(["evaluate", Self.fixtures + "input.csv", "--group-by", "ethnic_group",
                                        "--baseline-until", "2024-01-22", "--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let programme = try #require(try Self.json(result.stdout)["programme"] as? [[String: Any]])
        #expect(Set(programme.compactMap { $0["ethnic_group"] as? String })
                == ["White", "Mixed", "Asian", "Black", "Other", "Not stated or not known"])
    }

    @Test func report_withEquityData_hasTheSectionAndItsChart() throws {
        let out = ChartCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CLIRunner.run(["report", Self.fixtures + "input.csv", "--out", out.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let html = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(html.contains("id=\"equity\""))
        #expect(html.contains("Inequality by ethnic group"))
        #expect(html.contains("class=\"rate-ratio-plot\""))
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(files.contains { $0.hasPrefix("rate-ratios") && $0.hasSuffix(".svg") })
    }

    @Test func report_withoutBedDaysByGroup_saysItShowsOnlyTheDistribution() throws {
        let out = ChartCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CLIRunner.run(["report", Self.fixtures + "counts.csv", "--out", out.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let html = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(html.contains("No bed days by ethnic group (give --exposure FILE"))
        #expect(!html.contains("class=\"rate-ratio-plot\""))
    }

    @Test func report_escapesNamesFromTheData() throws {
        var text = "trust,ward,measure,week_start,ethnic_group,count,bed_days\n"
        for week in ["2024-01-01", "2024-01-08"] {
            text += "\"<b>T</b>\",\"<script>alert(1)</script>\",\"<i>m</i>\",\(week),A,3,100\n"
            text += "\"<b>T</b>\",\"<script>alert(1)</script>\",\"<i>m</i>\",\(week),N,4,50\n"
        }
        let input = try CLIRunner.temporaryFile(named: "hostile.csv", contents: text)
        let out = input.deletingLastPathComponent().appendingPathComponent("report")
        defer { try? FileManager.default.removeItem(at: input.deletingLastPathComponent()) }
        let result = try CLIRunner.run(["report", input.path, "--out", out.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let html = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(!html.contains("<script>alert") && !html.contains("<b>T</b>") && !html.contains("<i>m</i>"))
        // The only scripts are the page's own: the hover figures' data block and its fixed reader.
        #expect(html.components(separatedBy: "<script").count - 1 == 2)
        #expect(html.contains("<script type=\"text/plain\" id=\"point-figures\">"))
        #expect(html.contains("Trust &lt;b&gt;T&lt;/b&gt;"))
    }
}
