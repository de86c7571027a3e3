import SPCCore
import Testing
import WardData
import WardSPC

/// `wardspc analyze input.csv --auto-rebase 9 --median-points 13 --rebase-direction D` end to
/// end, against runcharter 0.2.0.9000 (`expected_runcharter.csv`): every ward's baseline
/// median and every sustained shift (start, end, median).
@Suite struct RuncharterEndToEndTests {
    static let expected = ReferenceFiles.runcharter.map { $0.grouped(by: ["grp", "direction"]) }

    @Test(arguments: RebaseDirection.allCases)
    func test_sustainedShifts_inputCSVThroughAnalyzer_matchRuncharter_0_2_0_9000(direction: RebaseDirection) throws {
        var settings = AnalysisSettings()
        settings.autoRebaseLength = 9
        settings.medianPoints = 13
        settings.rebaseDirection = direction
        let reports = try EndToEnd.reports(ReferenceFiles.weeklyInput, settings: settings)
        #expect(reports.count == 21)
        var shiftsSeen = 0
        for ward in ReferenceFiles.weeklyWards {
            let report = try #require(reports[ward], "no report for \(ward)")
            let rows = try #require(try Self.expected.get()[[ward, direction.rawValue]], "\(ward) \(direction): no reference rows")
            let baseline = try #require(rows.first { $0["run_type"] == "baseline" })
            #expect(report.rebaseBaselineMedian == baseline.number("median"), "\(ward) \(direction): baseline median")
            // runcharter's baseline spans the first 13 rows, i.e. the first 13 points.
            #expect(report.points.first?.period.iso == baseline["start_date"] && report.points[12].period.iso == baseline["end_date"],
                    "\(ward) \(direction): baseline dates")

            let want = rows.filter { $0["run_type"] == "sustained" }
                .map { "\($0["start_date"] ?? "")…\($0["end_date"] ?? "") median \($0.number("median") ?? .nan)" }.sorted()
            let got = report.sustainedShifts.map { "\($0.start.iso)…\($0.end.iso) median \($0.median)" }
            #expect(got == want, "\(ward) \(direction)")
            shiftsSeen += want.count
        }
        // The reference finds 10 (below), 10 (above) and 31 (both) sustained shifts.
        #expect(shiftsSeen == [RebaseDirection.below: 10, .above: 10, .both: 31][direction])
    }

    /// Without `--rebase-direction`, `--improvement` picks it (DESIGN.md §4.0): below for
    /// decrease, above for increase, both for neutral.
    @Test(arguments: [(Improvement.decrease, RebaseDirection.below), (.increase, .above), (.neutral, .both)])
    func test_defaultRebaseDirection_followsImprovement_matchesRuncharter(improvement: Improvement, direction: RebaseDirection) throws {
        var settings = AnalysisSettings()
        settings.autoRebaseLength = 9
        settings.improvement = improvement
        let reports = try EndToEnd.reports(ReferenceFiles.weeklyInput, settings: settings)
        for ward in ReferenceFiles.weeklyWards {
            let rows = try #require(try Self.expected.get()[[ward, direction.rawValue]])
            let want = rows.filter { $0["run_type"] == "sustained" }.compactMap { $0["start_date"] }.sorted()
            #expect(reports[ward]?.sustainedShifts.map(\.start.iso) == want, "\(ward) --improvement \(improvement.rawValue)")
        }
    }
}
