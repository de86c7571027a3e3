import Testing
@testable import WardData

@Suite("SeriesBuilder: records into ward × measure series")
struct SeriesBuilderTests {
    @Test func series_comeInOrderOfFirstAppearance() throws {
        let output = SeriesBuilder.build(try Fixtures.read("long_valid"))
        #expect(output.series.map { "\($0.ward)·\($0.measure)" } == ["Willow·restraint", "Willow·seclusion", "Rowan·restraint"])
        #expect(output.issues.isEmpty)
    }

    @Test func series_keepCountsDenominatorsAndLines() throws {
        let output = SeriesBuilder.build(try Fixtures.read("long_valid"))
        let rowan = try #require(output.series(ward: "Rowan", measure: "restraint"))
        #expect(rowan.trust == "RXX")
        #expect(rowan.periodsISO == ["2024-01-01", "2024-01-08"])
        #expect(rowan.values == [5, 2])
        #expect(rowan.denominators == [nil, 91])
        #expect(rowan.lines == [5, 6])
        #expect(rowan.total == 7)
    }

    @Test func bedDaysByEthnicGroup_addUp_evenWhenTwoGroupsHaveTheSame() throws {
        // The file's bed days are by group (they differ between groups in week 2), so in
        // week 1 two groups with 50 bed days each are 100, not one repeated ward figure;
        // within a group, a value repeated across subtypes still counts once.
        let dataset = try Fixtures.read(text: """
            trust,ward,measure,week_start,ethnic_group,subtype,count,bed_days
            T,W,restraint,2024-01-01,A,prone,1,50
            T,W,restraint,2024-01-01,A,supine,2,50
            T,W,restraint,2024-01-01,N,prone,3,50
            T,W,restraint,2024-01-01,N,supine,0,50
            T,W,restraint,2024-01-08,A,prone,1,60
            T,W,restraint,2024-01-08,N,prone,1,40
            """)
        #expect(dataset.denominatorsAreByEthnicGroup)
        let series = try #require(SeriesBuilder.build(dataset).series(ward: "W", measure: "restraint"))
        #expect(series.values == [6, 2])
        #expect(series.denominators == [100, 100])
    }

    @Test func wardBedDaysRepeatedOnEveryEthnicGroup_countOnce() throws {
        let dataset = try Fixtures.read(text: """
            trust,ward,measure,week_start,ethnic_group,count,bed_days
            T,W,restraint,2024-01-01,A,1,140
            T,W,restraint,2024-01-01,N,3,140
            T,W,restraint,2024-01-08,A,1,150
            T,W,restraint,2024-01-08,N,1,150
            """)
        #expect(!dataset.denominatorsAreByEthnicGroup)
        let series = try #require(SeriesBuilder.build(dataset).series(ward: "W", measure: "restraint"))
        #expect(series.denominators == [140, 150])
    }

    @Test func missingWeeks_areReportedAsMissing_neverAsZeros() throws {
        let series = try #require(SeriesBuilder.build(try Fixtures.read("long_missing_weeks")).series(ward: "Willow", measure: "restraint"))
        #expect(series.periodsISO == ["2024-01-01", "2024-01-08", "2024-01-29", "2024-02-05"])
        #expect(series.values == [3, 0, 2, 1])
        #expect(series.missingISO == ["2024-01-15", "2024-01-22"])
    }

    @Test func missingMonths_areReportedAsMissing() throws {
        let series = try #require(SeriesBuilder.build(try Fixtures.read("long_month_column")).series(ward: "Willow", measure: "restraint"))
        #expect(series.periodsISO == ["2024-01-01", "2024-02-01", "2024-04-01"])
        #expect(series.missingISO == ["2024-03-01"])
    }

    @Test func rowsDifferingBySubtype_addCounts_andARepeatedDenominatorCountsOnce() throws {
        let series = try #require(SeriesBuilder.build(try Fixtures.read("long_subtypes")).series(ward: "Willow", measure: "restraint"))
        #expect(series.values == [5, 1])
        #expect(series.denominators == [70, 68])
        #expect(series.lines == [2, 4])
    }

    @Test func rowsDifferingBySubtype_withDifferentDenominators_addThemUp() throws {
        let series = try #require(SeriesBuilder.build(try Fixtures.read("long_subtypes_own_denominators")).series(ward: "Willow", measure: "restraint"))
        #expect(series.values == [5])
        #expect(series.denominators == [70])
    }

    @Test func denominatorScopeRow_addsUpEvenWhenEqual() throws {
        let dataset = try Fixtures.read("long_subtypes", options { $0.denominatorScope = .row })
        #expect(dataset.denominatorScope == .row)
        let series = try #require(SeriesBuilder.build(dataset).series(ward: "Willow", measure: "restraint"))
        #expect(series.denominators == [140, 68])
    }

    @Test func denominatorScopeWard_withDifferentDenominators_isAnIssue() throws {
        let dataset = try Fixtures.read("long_subtypes_own_denominators", options { $0.denominatorScope = .ward })
        let output = SeriesBuilder.build(dataset)
        #expect(output.issues.count == 1)
        #expect(output.issues.first?.severity == .error)
        #expect(output.issues.first?.line == 2)
    }

    @Test func denominatorScopeWard_withEqualDenominators_countsOnce() throws {
        let dataset = try Fixtures.read("long_subtypes", options { $0.denominatorScope = .ward })
        let output = SeriesBuilder.build(dataset)
        #expect(output.issues.isEmpty)
        #expect(output.series(ward: "Willow", measure: "restraint")?.denominators == [70, 68])
    }

    @Test func include_keepsOnlyTheSeriesItAccepts() throws {
        let output = SeriesBuilder.build(try Fixtures.read("long_valid")) { _, ward, _ in ward == "Rowan" }
        #expect(output.series.map(\.ward) == ["Rowan"])
    }
}
