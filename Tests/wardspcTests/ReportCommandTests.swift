import Foundation
import Testing

@Suite struct ReportCommandTests {
    @Test func sampleReport_isOneSelfContainedPageWithEveryChartBesideIt() throws {
        let out = ChartCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let started = Date()
        let result = try CLIRunner.run(["report", "SampleData/wards.csv", "--events", "SampleData/events.csv",
                                        "--equity", "SampleData/equity.csv",
                                        "--out", out.path, "--title", "Demo <programme>"])
        let seconds = Date().timeIntervalSince(started)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == out.appendingPathComponent("index.html").path + "\n")
        #expect(result.stderr.contains("252 series analysed (auto chart, mdc rules)"))
        let page = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        // The hover figures' data block is base64 (which may hold "//"): checked in ReportScriptTests.
        let html = page.replacingOccurrences(of: #"<script type="text/plain" id="point-figures">[A-Za-z0-9+/=]*</script>"#,
                                             with: "", options: .regularExpression)
        #expect(html.count < page.count)
        #expect(html.contains("<title>Demo &lt;programme&gt;</title>"))
        #expect(html.contains("Joined the restrictive practice collaborative"))
        #expect(html.contains("id=\"data-quality\""))
        for forbidden in ["http:", "//", "src=", "@import"] { #expect(!html.contains(forbidden)) }
        #expect(html.components(separatedBy: "url(").dropFirst().allSatisfy { $0.hasPrefix("#") })
        // Small enough to email (issue 16): every chart, grid, funnel and the inequality section.
        let bytes = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent("index.html").path)[.size] as? Int
        #expect((bytes ?? .max) <= 3_000_000, "index.html is \(bytes ?? -1) bytes")
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path)
        // 252 charts, 7 small-multiple grids (one per measure), 6 funnel plots (one per
        // incident measure: ligature assessments, a proportion, have none) and the inequality
        // section's rate-ratio plot.
        #expect(files.filter { $0.hasSuffix(".svg") }.count == 252 + 7 + 6 + 1)  // + the rate-ratio plot
        #expect(!files.contains("funnel_ligature_assessments.svg"))
        #expect(html.contains("Programme headline against the 15% benchmark"))
        #expect(files.contains { $0.hasPrefix("funnel_") })
        // The sample carries self-harm context and restraint subtype: their breakdowns, prone called out.
        #expect(html.contains("id=\"breakdowns\""))
        #expect(html.contains("Self-harm by where the patient was"))
        #expect(html.contains("Prone restraint — national policy is to eliminate it"))
        // Debug build; the release build takes well under 2 s (README). Sanitizer runs scale the bound.
        #expect(seconds < 30 * HostileInputTests.boundsScale)
    }

    @Test func formats_writeThePDFAndPNGs_withoutThePage() throws {
        let out = ChartCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CLIRunner.run(["report", "SampleData/wards.csv", "--ward", "Alder", "--formats", "pdf,png",
                                        "--scale", "1", "--out", out.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == out.path + "\n")
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { !$0.hasPrefix(".") }
        #expect(files.contains("report.pdf"))
        #expect(!files.contains("index.html"))
        #expect(!files.contains { $0.hasSuffix(".svg") })
        #expect(files.filter { $0.hasSuffix(".png") }.count == 7 + 7 + 6)  // seven charts, seven one-ward grids, six funnels (none for ligature)
        let pdf = try Data(contentsOf: out.appendingPathComponent("report.pdf"))
        #expect(pdf.starts(with: Array("%PDF-".utf8)))
        let refused = try CLIRunner.run(["report", "SampleData/wards.csv", "--formats", "html,docx", "--out", out.path + "-x"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("choose from html, svg, png, pdf, pptx"))
    }

    @Test func rerun_replacesItsOwnReport_whole() throws {
        let out = ChartCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let first = try CLIRunner.run(["report", "SampleData/wards.csv", "--ward", "Alder", "--out", out.path])
        #expect(first.status == 0, "stderr: \(first.stderr)")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("RX1_Alder_awol.svg").path))
        let second = try CLIRunner.run(["report", "SampleData/wards.csv", "--ward", "Brook", "--out", out.path])
        #expect(second.status == 0, "stderr: \(second.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(!files.contains("RX1_Alder_awol.svg"))
        #expect(files.contains("RX2_Brook_awol.svg"))
        // No staging or old copies left beside it.
        let siblings = try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path)
        #expect(!siblings.contains { $0.hasPrefix("." + out.lastPathComponent) })
    }

    @Test func defaultsToACChart_withoutBedDays() throws {
        let input = try CLIRunner.temporaryFile(named: "counts.csv", contents: """
            trust,ward,measure,week_start,count
            T1,A,restraint,2024-01-01,3
            T1,A,restraint,2024-01-08,4
            T1,A,restraint,2024-01-15,2
            T1,A,restraint,2024-01-22,5
            """)
        let out = input.deletingLastPathComponent().appendingPathComponent("report")
        defer { try? FileManager.default.removeItem(at: input.deletingLastPathComponent()) }
        let result = try CLIRunner.run(["report", input.path, "--out", out.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("(auto chart, mdc rules)"))
        // auto chose a chart of counts without bed days: a c chart (weekly or by month).
        let svg = try FileManager.default.contentsOfDirectory(atPath: out.path).first { $0.hasSuffix(".svg") }
        let chart = try String(contentsOf: out.appendingPathComponent(try #require(svg)), encoding: .utf8)
        #expect(chart.contains("c chart"))
    }
}
