import Testing
import WardData
@testable import WardSPC

/// Self-harm by context and restraint by subtype, programme-wide: the programme rows of
/// `evaluate --group-by context|subtype`, with shares and rates.
@Suite struct DimensionBreakdownTests {
    /// Two wards, 20 weeks from 2024-01-01, 100 bed days a week; baseline = first 10 weeks.
    static func dataset() throws -> WardDataset {
        var text = "trust,ward,measure,week_start,subtype,context,count,bed_days\n"
        let first = CivilDate(year: 2024, month: 1, day: 1)!
        for ward in ["A", "B"] {
            for week in 0..<20 {
                let date = first.adding(days: 7 * week).iso
                let after = week >= 10
                text += "T,\(ward),restraint,\(date),supine,,2,100\n"
                text += "T,\(ward),restraint,\(date),prone,,\(after ? 0 : 1),100\n"
                text += "T,\(ward),self_harm,\(date),,awol,1,100\n"
                text += "T,\(ward),self_harm,\(date),,on_ward,3,100\n"
                text += "T,\(ward),self_harm,\(date),,on_leave,\(after ? 2 : 1),100\n"
                text += "T,\(ward),awol,\(date),,,1,100\n"
            }
        }
        return try WardDataReader.read(InputFile(name: "wards.csv", bytes: Array(text.utf8)))
    }

    static func settings() -> EvaluationSettings {
        var settings = EvaluationSettings()
        settings.windows.baselineUntil = CivilDate(year: 2024, month: 3, day: 4)
        return settings
    }

    @Test func selfHarmByContext_countsSharesRatesAndChange() throws {
        let breakdowns = try DimensionBreakdown.compute(Self.dataset(), by: .context, settings: Self.settings())
        #expect(breakdowns.map(\.measure) == ["self_harm"])
        let rows = breakdowns[0].rows
        #expect(rows.map(\.value) == ["on_ward", "on_leave", "awol"])
        let leave = rows[1]
        #expect(leave.baselineCount == 20 && leave.comparisonCount == 40)
        #expect(leave.baselineExposure == 2000)   // the wards' bed days, counted once per ward-week
        #expect(leave.rate(leave.baselineCount, leave.baselineExposure, bedDays: true) == 10)
        #expect(leave.baselineShare == 0.2 && leave.comparisonShare == 40.0 / 120.0)
        #expect(abs(try #require(leave.change).estimate - 2) < 1e-12)
    }

    @Test func restraintBySubtype_putsProneFirst_andMarksIt() throws {
        let breakdowns = try DimensionBreakdown.compute(Self.dataset(), by: .subtype, settings: Self.settings())
        let rows = try #require(breakdowns.first { $0.measure == "restraint" }).rows
        #expect(rows.map(\.value) == ["prone", "supine"])
        #expect(rows[0].isProne && !rows[1].isProne)
        #expect(rows[0].comparisonCount == 0)
        #expect(try #require(rows[0].change).estimate == 0)
    }

    @Test func noSuchColumn_givesNoBreakdown() throws {
        let dataset = try WardDataReader.read(InputFile(name: "w.csv", bytes: Array("trust,ward,measure,week_start,count\nT,A,r,2024-01-01,1\n".utf8)))
        #expect(try DimensionBreakdown.compute(dataset, by: .context, settings: EvaluationSettings()).isEmpty)
    }
}
