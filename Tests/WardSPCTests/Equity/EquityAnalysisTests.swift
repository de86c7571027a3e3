import Foundation
import Testing
import WardData
@testable import WardSPC

/// Unknown ethnicity, missing exposure, suppression and grouping of `wardspc equity`.
@Suite struct EquityAnalysisTests {
    static func read(_ text: String) throws -> WardDataset {
        try WardDataReader.read(InputFile(name: "memory.csv", bytes: Array(text.utf8)))
    }

    static let header = "trust,ward,measure,week_start,ethnic_group,count,bed_days\n"

    @Test func unknownEthnicity_isLeftOutOfNumeratorAndDenominatorAndReported() throws {
        let dataset = try Self.read(Self.header + """
            T,W,restraint,2024-01-01,A,10,1000
            T,W,restraint,2024-01-01,N,9,300
            T,W,restraint,2024-01-01,Z,5,400
            T,W,restraint,2024-01-01,99,3,100
            T,W,restraint,2024-01-01,,3,50
            """)
        let result = try EquityAnalysis.analyse(dataset, settings: EquitySettings())
        let rows = result.rows.filter { $0.level == .ward }
        #expect(rows.map(\.group) == ["White", "Black"])
        let black = rows[1]
        #expect(black.count == 9 && black.exposure == 300)
        #expect(black.rate == 30)
        #expect(black.rateRatio?.estimate == 3)
        #expect(black.unknownCount == 11 && black.totalCount == 30)
        #expect(black.unknownShare == 11.0 / 30.0)
        #expect(black.share == 9.0 / 19.0)
    }

    @Test func unrecognisedValue_isAnInputErrorWithItsPlace() throws {
        let dataset = try Self.read(Self.header + "T,W,restraint,2024-01-01,A,1,10\nT,W,restraint,2024-01-01,Martian,1,10\n")
        #expect {
            _ = try EquityAnalysis.analyse(dataset, settings: EquitySettings())
        } throws: { error in
            guard let rejected = error as? InputRejected else { return false }
            return rejected.errors.map(\.description) == [
                "memory.csv:3:ethnic_group: \"Martian\" is not an NHS ethnic category (\(EthnicCategory.hint))",
            ]
        }
    }

    @Test func withoutBedDays_onlyTheDistributionIsShown() throws {
        let dataset = try Self.read("trust,ward,measure,week_start,ethnic_group,count\nT,W,self_harm,2024-01-01,A,6\nT,W,self_harm,2024-01-01,M,2\nT,W,self_harm,2024-01-01,Z,2\n")
        let result = try EquityAnalysis.analyse(dataset, settings: EquitySettings())
        #expect(!result.hasExposure)
        #expect(result.warnings.first == EquityResult.distributionOnlyNote)
        let programme = result.rows.filter { $0.level == .programme }
        #expect(programme.map(\.share) == [0.75, 0.25])
        #expect(programme.allSatisfy { $0.rate == nil && $0.rateRatio == nil && $0.exposure == nil })
        let json = EquityJSON.document(result).rendered()
        #expect(json.contains("\"exposure_by_group\":false"))
        #expect(json.contains("\"note\":\"no bed days by ethnic group"))
        #expect(json.contains("\"rate_ratio\":null"))
        #expect(EquityTable.render(result).contains("Distribution only: no bed days by ethnic group"))
        #expect(!EquityTable.render(result).contains("95% CI"))
    }

    @Test func wardBedDaysRepeatedOnEveryGroup_giveOnlyTheDistribution() throws {
        let dataset = try Self.read(Self.header + "T,W,r,2024-01-01,A,4,140\nT,W,r,2024-01-01,N,6,140\nT,W,r,2024-01-08,A,2,150\nT,W,r,2024-01-08,N,1,150\n")
        let result = try EquityAnalysis.analyse(dataset, settings: EquitySettings())
        #expect(!result.hasExposure)
        #expect(result.warnings.contains { $0.contains("the ward's bed days, not each group's") })
        #expect(result.rows.allSatisfy { $0.rate == nil && $0.rateRatio == nil })
    }

    @Test func exposureFileMissingAWeek_leavesThatWeekOutWithAWarning() throws {
        let dataset = try Self.read("trust,ward,measure,week_start,ethnic_group,count\nT,W,restraint,2024-01-01,A,2\nT,W,restraint,2024-01-01,N,4\nT,W,restraint,2024-01-08,A,7\n")
        let exposure = try ExposureReader.read(InputFile(name: "exposure.csv", bytes: Array(
            "trust,ward,week_start,ethnic_group,bed_days\nT,W,2024-01-01,A,400\nT,W,2024-01-01,Black African,100\n".utf8)))
        var settings = EquitySettings()
        settings.exposure = exposure
        let result = try EquityAnalysis.analyse(dataset, settings: settings)
        let white = result.rows.first { $0.level == .ward && $0.group == "White" }!
        #expect(white.count == 2 && white.exposure == 400)
        #expect(result.warnings.contains { $0.hasPrefix("1 ward × measure × week cell has no bed days by ethnic group") && $0.contains("with 7 incidents") })
    }

    @Test func rowsDifferingOnlyByEthnicGroup_eachKeepTheirOwnBedDays() throws {
        // Codes A and B roll up to White: their bed days add up; a subtype split repeats a
        // group's bed days, which count once.
        let dataset = try Self.read("trust,ward,measure,week_start,subtype,ethnic_group,count,bed_days\n"
            + "T,W,restraint,2024-01-01,prone,A,1,300\nT,W,restraint,2024-01-01,supine,A,2,300\n"
            + "T,W,restraint,2024-01-01,prone,B,1,100\nT,W,restraint,2024-01-01,supine,B,0,100\n"
            + "T,W,restraint,2024-01-01,prone,M,3,50\nT,W,restraint,2024-01-01,supine,M,1,50\n")
        let result = try EquityAnalysis.analyse(dataset, settings: EquitySettings())
        let ward = result.rows.filter { $0.level == .ward }
        #expect(ward.map(\.exposure) == [400, 50])
        #expect(ward.map(\.count) == [4, 4])
    }

    @Test func detailedGroups_useTheCategoryLabels_andTheirOwnDefaultReference() throws {
        let dataset = try Self.read(Self.header + "T,W,r,2024-01-01,A,4,100\nT,W,r,2024-01-01,B,1,50\nT,W,r,2024-01-01,White and Asian,2,20\n")
        var settings = EquitySettings()
        settings.grouping = .detailed
        let result = try EquityAnalysis.analyse(dataset, settings: settings)
        #expect(result.reference == "White British")
        #expect(result.rows.filter { $0.level == .ward }.map(\.group) == ["White British", "White Irish", "White and Asian"])
        settings.reference = "f"
        #expect(try EquityAnalysis.analyse(dataset, settings: settings).reference == "White and Asian")
        settings.reference = "Black"
        #expect(throws: AnalysisError.self) { try EquityAnalysis.analyse(dataset, settings: settings) }
    }

    @Test func suppression_withholdsSmallCountsAndWhatDerivesFromThem() throws {
        let dataset = try Self.read(Self.header + """
            T,W,restraint,2024-01-01,A,20,1000
            T,W,restraint,2024-01-01,N,3,100
            T,W,restraint,2024-01-01,H,8,300
            T,W,restraint,2024-01-01,Z,2,10
            T,V,restraint,2024-01-01,A,4,1000
            T,V,restraint,2024-01-01,N,9,100
            """)
        let result = try EquityAnalysis.analyse(dataset, settings: EquitySettings())
        let suppression = Suppression(threshold: 5)
        let json = EquityJSON.document(result, suppression: suppression).rendered()
        // T W Black: 3 incidents → count, share, rate and ratio withheld; bed days shown.
        #expect(json.contains("\"ward\":\"W\",\"measure\":\"restraint\",\"window\":\"all\",\"group\":\"Black\",\"count\":null,\"share\":null,\"exposure\":100,\"rate\":null,\"rate_ratio\":null,\"ci95\":null,\"unknown_share\":null,\"suppressed\":true"))
        // T V Black: 9 incidents but the reference's 4 are withheld, so the ratio is too.
        #expect(json.contains("\"ward\":\"V\",\"measure\":\"restraint\",\"window\":\"all\",\"group\":\"Black\",\"count\":9,\"share\":0.6923076923076923,\"exposure\":100,\"rate\":90,\"rate_ratio\":null,\"ci95\":null,\"unknown_share\":0,\"suppressed\":true"))
        // The unknown share of T W (2 of 33) is withheld on every row of it.
        #expect(json.contains("\"ward\":\"W\",\"measure\":\"restraint\",\"window\":\"all\",\"group\":\"Asian\",\"count\":8"))
        let csv = EquityCSV.render(result, suppression: suppression)
        #expect(csv.contains("ward,T,W,restraint,all,Black,*,,100,,,,,,true\n"))
        let table = EquityTable.render(result, suppression: suppression)
        #expect(table.contains("* withheld: fewer than 5 incidents"))
        // Nothing hidden without suppression.
        #expect(!EquityJSON.document(result).rendered().contains("\"suppressed\":true"))
    }

    @Test func changes_areSuppressedWhenAnyOfTheirCountsIs() throws {
        let dataset = try Self.read(Self.header + """
            T,W,r,2024-01-01,A,20,1000
            T,W,r,2024-01-01,N,15,300
            T,W,r,2024-01-08,A,25,1000
            T,W,r,2024-01-08,N,4,300
            """)
        var settings = EquitySettings()
        settings.from = CivilDate(year: 2024, month: 1, day: 8)
        let result = try EquityAnalysis.analyse(dataset, settings: settings)
        let change = try #require(result.changes.first { $0.level == .ward })
        // (4/300 ÷ 25/1000) / (15/300 ÷ 20/1000) = 0.21333…
        #expect(abs(change.ratioOfRateRatios! - (4.0 / 300 / (25.0 / 1000)) / (15.0 / 300 / (20.0 / 1000))) < 1e-15)
        let se = (1 / 20.0 + 1 / 15.0 + 1 / 25.0 + 1 / 4.0).squareRoot()
        #expect(abs(change.interval!.upper - change.ratioOfRateRatios! * Foundation.exp(1.959963984540054 * se)) < 1e-12)
        let json = EquityJSON.document(result, suppression: Suppression(threshold: 5)).rendered()
        #expect(json.contains("\"group\":\"Black\",\"ratio_of_rate_ratios\":null,\"ci95\":null,\"suppressed\":true"))
    }

    @Test func csvCells_areExcelSafe() throws {
        let dataset = try Self.read(Self.header + "=HYPERLINK(1),-ward,r,2024-01-01,A,4,100\n")
        let csv = EquityCSV.render(try EquityAnalysis.analyse(dataset, settings: EquitySettings()))
        #expect(csv.contains("ward,'=HYPERLINK(1),'-ward,r,all,White,4,"))
    }
}
