import Foundation
import SPCCore
import Testing
import WardData
import WardSPC

/// Per-ward phases from an events file (`--events FILE`, DESIGN.md §4.3), read by
/// `WardEventsReader` as the CLI reads it.
@Suite struct EventsFileEndToEndTests {
    /// Writes `text` to a fresh temporary events file and reads it as `--events` does.
    static func events(_ text: String) throws -> WardEvents {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wardspc-events-\(UUID().uuidString).csv")
        try text.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        return try WardEventsReader.read(path: url.path)
    }

    /// An events file with each ward's own phase at its 53rd row's date (the `-3` wards miss
    /// three weeks, so theirs differ) gives qicharts2's `part52` charts for every ward at once.
    @Test(arguments: [ChartKind.run, .u, .pp])
    func test_perWardPhaseEvents_matchQicharts2_0_8_1_part52(chart: ChartKind) throws {
        var lines = ["trust,ward,date,label,kind"]
        for ward in ReferenceFiles.weeklyWards {
            let trust = try #require(try ReferenceFiles.inputRows(ward: ward).first?["trust"])
            lines.append("\(trust),\(ward),\(try ReferenceFiles.weekStart(ward: ward, row: 53).iso),week 53,phase")
        }
        var settings = AnalysisSettings()
        settings.chart = chart
        settings.events = try Self.events(lines.joined(separator: "\n") + "\n")
        let reports = try EndToEnd.reports(ReferenceFiles.weeklyInput, settings: settings)
        for ward in ReferenceFiles.weeklyWards {
            let report = try #require(reports[ward])
            let expected = try #require(try Qicharts2EndToEndTests.expectedWeekly.get()[[ward, chart.rawValue, "part52"]])
            EndToEnd.expectNoMismatches(Qicharts2EndToEndTests.mismatches(report, expected), in: "\(ward) --events, \(chart.rawValue)")
            #expect(report.phases.map(\.label) == [nil, "week 53"], "\(ward)")
        }
    }

    /// A phase started by `--phase` carries no label, even after an events-file phase.
    @Test func test_phaseLabel_belongsOnlyToThePhaseItsEventStarts() throws {
        var settings = AnalysisSettings()
        settings.chart = .i
        // 2023-06-07 is a Wednesday: the phase starts at the next week, 2023-06-12.
        settings.events = try Self.events("trust,ward,date,label,kind\n,step-1,2023-06-07,new policy,phase\n")
        settings.phaseStarts = [try #require(ReferenceFiles.civilDate("2024-01-01"))]
        let report = try EndToEnd.report(ReferenceFiles.weeklyInput, ward: "step-1", settings: settings)
        #expect(report.phases.map(\.start.iso) == ["2023-01-02", "2023-06-12", "2024-01-01"])
        #expect(report.phases.map(\.label) == [nil, "new policy", nil])
    }
}
