import Testing
import WardData
@testable import WardSPC

/// The sample's equity file carries the disparity the programme exists for, and its bed
/// days are the wards file's, split between the ethnic groups.
@Suite struct SampleEquityTests {
    static let programme = SampleProgramme()
    static let result: EquityResult = {
        let text = programme.equityCSV()
        let dataset = try! WardDataReader.read(InputFile(name: "equity.csv", bytes: Array(text.utf8)))
        var settings = EquitySettings()
        settings.baselineUntil = CivilDate(year: 2023, month: 10, day: 2)    // before any ward joined
        settings.from = CivilDate(year: 2024, month: 12, day: 2)             // after every ward joined
        return try! EquityAnalysis.analyse(dataset, settings: settings)
    }()

    static func programmeRow(_ group: String, _ window: EquityWindow = .all) -> EquityRow {
        result.rows.first { $0.level == .programme && $0.group == group && $0.window == window }!
    }

    @Test func blackPatients_areRestrainedAboutThreeTimesAsOftenAsWhitePatients() throws {
        let black = try #require(Self.programmeRow("Black").rateRatio)
        #expect(black.estimate > 2.7 && black.estimate < 3.7)
        #expect(black.interval.lower > 2.5)
        #expect(Self.result.reference == "White")
        #expect(Self.result.rows.filter { $0.level == .programme && $0.window == .all }.map(\.group)
                == ["White", "Mixed", "Asian", "Black", "Other"])
    }

    @Test func theGapNarrowsAfterJoining() throws {
        let change = try #require(Self.result.changes.first { $0.level == .programme && $0.group == "Black" })
        let ratio = try #require(change.ratioOfRateRatios)
        #expect(ratio < 1)
        #expect(try #require(change.interval).upper < 1.05)
    }

    @Test func unknownEthnicity_isAFewPerCentAndReported() throws {
        let share = try #require(Self.programmeRow("White").unknownShare)
        #expect(share > 0.03 && share < 0.12)
    }

    @Test func bedDaysByGroup_addUpToTheWardsBedDays() {
        for plan in Self.programme.plans.prefix(6) {
            let bedDays = Self.programme.weeklyNumbers(plan).bedDays
            let split = Self.programme.ethnicWeeklyNumbers(plan, bedDays: bedDays).bedDays
            #expect(zip(bedDays, split).allSatisfy { $0 == $1.reduce(0, +) }, "\(plan.ward.name)")
        }
    }

    @Test func labelTrusts_writeLabels_andOthersCodes() {
        let rows = Self.programme.equityCSV().split(separator: "\n").dropFirst()
        #expect(rows.contains { $0.hasPrefix("RX2,") && $0.contains(",White British,") })
        #expect(rows.contains { $0.hasPrefix("RX1,") && $0.contains(",A,") })
        #expect(!rows.contains { $0.hasPrefix("RX1,") && $0.contains("White British") })
    }
}
