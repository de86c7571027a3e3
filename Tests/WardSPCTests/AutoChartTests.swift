import Testing
@testable import WardSPC

/// `--chart auto` through the façade: each series gets its own chart and reason.
@Suite struct AutoChartTests {
    static let monday = CivilDate(year: 2024, month: 1, day: 1)!

    /// 104 weeks of ward `ward` with the given count per week and 200 bed days, skipping `missing`.
    static func rows(_ ward: String, _ count: (Int) -> Int, missing: Set<Int> = []) -> String {
        var text = ""
        for week in 0..<104 where !missing.contains(week) {
            text += "T1,\(ward),self_harm,\(monday.adding(days: 7 * week).iso),\(count(week)),200\n"
        }
        return text
    }

    static func dataset(_ body: String) throws -> WardDataset {
        try WardDataReader.read(InputFile(name: "wards.csv", bytes: Array(("trust,ward,measure,week_start,count,bed_days\n" + body).utf8)))
    }

    static var auto: AnalysisSettings {
        var settings = AnalysisSettings(chart: .u, rules: .mdc)
        settings.autoChart = true
        return settings
    }

    @Test func ordinaryAndRareSeries_eachGetTheirChart() throws {
        let data = try Self.dataset(Self.rows("Busy", { 3 + $0 % 3 }) + Self.rows("Quiet", { $0 % 3 == 0 ? 1 : 0 }, missing: [30])
                                    + Self.rows("Empty", { $0 % 15 == 0 ? 1 : 0 }))
        let reports = try Analyzer.analyse(data, settings: Self.auto).series
        #expect(reports.map(\.ward) == ["Busy", "Quiet", "Empty"])
        let busy = reports[0], quiet = reports[1], empty = reports[2]
        #expect(busy.chart == .u && busy.period == "week" && busy.points.count == 104)
        #expect(busy.chartReason?.contains("exact Poisson limits") == true)
        #expect(busy.points.allSatisfy { !$0.partial })

        // 35 incidents in 104 weeks: months, with the month of the missing week partial.
        #expect(quiet.chart == .u && quiet.period == "month" && quiet.points.count == 24)
        #expect(quiet.chartReason?.hasPrefix("rare: 0.33 incidents a week") == true)
        let partial = quiet.points.filter(\.partial)
        #expect(partial.map(\.period) == [CivilDate(year: 2024, month: 8, day: 1)!])   // week 30 starts Monday 29 July: its Thursday is in August
        #expect(partial.allSatisfy { $0.excluded })
        #expect(quiet.points.map { $0.count ?? -1 }.reduce(0, +) == 35 - 1)   // the missing week's incident is not there
        #expect(quiet.warnings.contains { $0.contains("1 partial month") })
        #expect(quiet.multiplier == 1000)

        // 7 incidents in two years: drawn, no limits or signals.
        #expect(empty.chartReason?.hasPrefix("too few incidents for an SPC chart to tell change from chance: 7 in two years") == true)
        #expect(empty.points.allSatisfy { $0.upper == nil && $0.signals.isEmpty && $0.category == .commonCause })
        #expect(empty.variation == nil)
    }

    @Test func explicitChart_drawsWhatWasAsked_andWarnsOnRareData() throws {
        let data = try Self.dataset(Self.rows("Quiet", { $0 % 3 == 0 ? 1 : 0 }))
        var settings = AnalysisSettings(chart: .u, rules: .mdc)
        let report = try Analyzer.analyse(data, settings: settings).series[0]
        #expect(report.chart == .u && report.period == "week" && report.points.count == 104 && report.chartReason == nil)
        #expect(report.warnings.contains { $0.hasPrefix("rare events: 0.34 incidents a week") })
        settings.chart = .c
        #expect(try Analyzer.analyse(data, settings: settings).series[0].warnings.contains { $0.hasPrefix("rare events") })
    }

    @Test func eventLevelRareSeries_getAGChartWithTheDirectionReversed() throws {
        var text = "trust,ward,measure,date\n"
        for incident in 0..<30 { text += "T1,A,awol,\(Self.monday.adding(days: 23 * incident).iso)\n" }
        let data = try WardDataReader.read(InputFile(name: "events.csv", bytes: Array(text.utf8)))
        let report = try Analyzer.analyse(data, settings: Self.auto).series[0]
        #expect(report.chart == .g && report.period == "incident" && report.points.count == 29)
        #expect(report.rules.improvement == .increase)
        #expect(report.chartReason?.contains("g chart of the days between incidents") == true)
    }
}
