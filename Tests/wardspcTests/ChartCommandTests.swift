import Foundation
import Testing

@Suite struct ChartCommandTests {
    static func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("wardspc-chart-\(UUID().uuidString)")
    }

    @Test func oneSVGPerSeries_withSafeNames_andProgressOnStandardError() throws {
        let out = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CLIRunner.run(["chart", "SampleData/wards.csv", "--ward", "Alder", "--out", out.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout == out.path + "\n")
        #expect(result.stderr.contains("7 series analysed (auto chart, mdc rules)"))
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".svg") }.sorted()
        #expect(files == ["RX1_Alder_awol.svg", "RX1_Alder_ligature_assessments.svg",
                          "RX1_Alder_rapid_tranquillisation.svg", "RX1_Alder_restraint.svg",
                          "RX1_Alder_seclusion.svg", "RX1_Alder_self_harm.svg", "RX1_Alder_sexual_safety.svg"])
        let svg = try String(contentsOf: out.appendingPathComponent("RX1_Alder_restraint.svg"), encoding: .utf8)
        #expect(svg.hasPrefix("<?xml"))
        #expect(svg.contains("RX1 · Alder · Restraint"))
    }

    @Test func formatPNGAndPDF_atTheWidthAsked_andAnUnknownFormatRefused() throws {
        let out = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CLIRunner.run(["chart", "SampleData/wards.csv", "--ward", "Alder", "--measure", "restraint",
                                        "--format", "png,pdf", "--width", "1200", "--out", out.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { !$0.hasPrefix(".") }.sorted()
        #expect(files == ["RX1_Alder_restraint.pdf", "RX1_Alder_restraint.png"])
        let png = [UInt8](try Data(contentsOf: out.appendingPathComponent("RX1_Alder_restraint.png")))
        func word(_ at: Int) -> Int { png[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        #expect(word(16) == 1_200 && word(20) == 750)
        let pdf = try Data(contentsOf: out.appendingPathComponent("RX1_Alder_restraint.pdf"))
        #expect(pdf.starts(with: Array("%PDF-".utf8)))

        let refused = try CLIRunner.run(["chart", "SampleData/wards.csv", "--format", "gif", "--out", Self.temporaryDirectory().path])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("‘gif’ is not a format this command writes; choose from svg, png, pdf"))
        let both = try CLIRunner.run(["chart", "SampleData/wards.csv", "--format", "png", "--width", "900", "--scale", "2",
                                      "--out", Self.temporaryDirectory().path])
        #expect(both.stderr.contains("Give --width or --scale, not both."))
    }

    @Test func smallMultiples_oneGridPerMeasure_andAnalyzeFlagsApply() throws {
        let out = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CLIRunner.run(["chart", "SampleData/wards.csv", "--trust", "RX2", "--small-multiples",
                                        "--chart", "c", "--rules", "anhoej", "--out", out.path])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".svg") }.sorted()
        #expect(files.count == 7)  // six incident measures and ligature assessments
        #expect(files.contains("restraint_all-wards.svg"))
        let svg = try String(contentsOf: out.appendingPathComponent("restraint_all-wards.svg"), encoding: .utf8)
        #expect(svg.contains("c chart (counts) · Anhøj rules"))
        #expect(svg.components(separatedBy: "class=\"panel\"").count - 1 == 12)
    }

    @Test func refusesAForeignDirectoryAndAnInput_beforeAnyWork() throws {
        let out = Self.temporaryDirectory()
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: out) }
        try "mine".write(to: out.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let refused = try CLIRunner.run(["chart", "SampleData/wards.csv", "--ward", "Alder", "--out", out.path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("not empty and was not written by wardspc"))
        #expect(!refused.stderr.contains("reading"))
        let forced = try CLIRunner.run(["chart", "SampleData/wards.csv", "--ward", "Alder", "--out", out.path, "--force"])
        #expect(forced.status == 0)
        #expect(try String(contentsOf: out.appendingPathComponent("notes.txt"), encoding: .utf8) == "mine")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("RX1_Alder_awol.svg").path))

        let input = try CLIRunner.run(["chart", "SampleData/wards.csv", "--out", "SampleData/wards.csv"])
        #expect(input.status == 2)
        #expect(input.stderr.contains("input of this run"))
        let holder = try CLIRunner.run(["chart", "SampleData/wards.csv", "--out", "SampleData", "--force"])
        #expect(holder.status == 2)
        #expect(holder.stderr.contains("holds SampleData/wards.csv"))
    }
}
