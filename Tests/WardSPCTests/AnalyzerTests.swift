import Testing
@testable import WardSPC

/// Hand-worked checks of the façade: what the references do not cover.
@Suite struct AnalyzerTests {
    static func dataset(_ text: String) throws -> WardDataset {
        try WardDataReader.read(InputFile(name: "wards.csv", bytes: Array(text.utf8)))
    }

    /// 20 weekly rows for one ward with counts `counts` and 100 bed days each.
    static func weekly(_ counts: [Int], measure: String = "restraint", subtype: String? = nil) -> String {
        var text = "trust,ward,measure,week_start,count,bed_days\(subtype == nil ? "" : ",subtype")\n"
        for (index, count) in counts.enumerated() {
            let date = CivilDate(year: 2024, month: 1, day: 1)!.adding(days: 7 * index)
            text += "T1,A,\(measure),\(date.iso),\(count),100\(subtype.map { ",\($0)" } ?? "")\n"
        }
        return text
    }

    @Test func excludeDate_anyDayOfTheWeek_excludesThatWeek() throws {
        var settings = AnalysisSettings()
        settings.chart = .c
        settings.excludedDates = [CivilDate(year: 2024, month: 1, day: 10)!]  // Wednesday of week 2
        let report = try Analyzer.analyse(try Self.dataset(Self.weekly([4, 40, 4, 4, 4, 4, 4, 4, 4, 4])),
                                          settings: settings).series[0]
        #expect(report.points[1].excluded)
        #expect(report.points[1].centre == 4)             // 40 took no part in the mean
        #expect(report.points[1].signals.contains(.outsideLimits))  // but is still tested
    }

    @Test func eventsFile_phaseExcludeAndNote_apply() throws {
        let events = try WardEventsReader.read(InputFile(name: "events.csv", bytes: Array("""
            trust,ward,date,label,kind
            T1,A,2024-02-05,Joined,phase
            T1,A,2024-01-15,Ward move,exclude
            T1,A,2024-03-04,New lead,note
            """.utf8)))
        var settings = AnalysisSettings()
        settings.chart = .c
        settings.events = events
        let report = try Analyzer.analyse(try Self.dataset(Self.weekly(Array(repeating: 3, count: 5) + Array(repeating: 1, count: 10))),
                                          settings: settings).series[0]
        #expect(report.phases.count == 2)
        #expect(report.phases[1].start == CivilDate(year: 2024, month: 2, day: 5))
        #expect(report.phases[1].label == "Joined")
        #expect(report.points[2].excluded)
        #expect(report.annotations.contains { $0.kind == .note && $0.label == "New lead" })
    }

    @Test func neutralDirection_orientsSignalsHighAndLow() throws {
        var settings = AnalysisSettings()
        settings.chart = .i
        settings.rules = .mdc
        settings.improvement = .neutral
        let counts = [5, 6, 5, 4, 5, 6, 5, 4, 5, 6, 5, 4, 5, 30]
        let report = try Analyzer.analyse(try Self.dataset(Self.weekly(counts)), settings: settings).series[0]
        #expect(report.points.last?.category == .specialCauseNeutralHigh)
        #expect(report.variation == .neutralHigh)
    }

    @Test func subtypeFilter_keepsOnlyThoseRows() throws {
        let text = """
            trust,ward,measure,week_start,count,bed_days,subtype
            T1,A,restraint,2024-01-01,3,100,prone
            T1,A,restraint,2024-01-01,5,100,supine
            T1,A,restraint,2024-01-08,2,100,prone
            T1,A,restraint,2024-01-08,1,100,supine
            """
        var settings = AnalysisSettings()
        settings.subtypes = ["prone"]
        let prone = try Analyzer.analyse(try Self.dataset(text), settings: settings).series[0]
        #expect(prone.points.map(\.count) == [3, 2])
        settings.subtypes = []
        let all = try Analyzer.analyse(try Self.dataset(text), settings: settings).series[0]
        #expect(all.points.map(\.count) == [8, 3])
        #expect(all.points.map(\.denominator) == [100, 100])   // the ward's bed days, counted once
    }

    @Test func uChartWithoutDenominator_isRefusedSayingWhatIsNeeded() throws {
        var settings = AnalysisSettings()
        settings.chart = .u
        let data = try Self.dataset("trust,ward,measure,week_start,count\nT1,A,restraint,2024-01-01,3\n")
        #expect { try Analyzer.analyse(data, settings: settings) } throws: { error in
            (error as? AnalysisError)?.message.contains("needs a denominator") == true
        }
    }

    @Test func pChart_countAboveDenominator_isRefused() throws {
        var settings = AnalysisSettings()
        settings.chart = .p
        let data = try Self.dataset("trust,ward,measure,week_start,count,denominator\nT1,A,restraint,2024-01-01,30,20\n")
        #expect { try Analyzer.analyse(data, settings: settings) } throws: { error in
            (error as? AnalysisError)?.message.contains("above its denominator") == true
        }
    }

    @Test func tChart_sameDayIncidents_isRefusedSuggestingG_whileGAcceptsThem() throws {
        let data = try Self.dataset("""
            trust,ward,measure,date
            T1,A,awol,2024-01-01
            T1,A,awol,2024-01-05
            T1,A,awol,2024-01-05
            T1,A,awol,2024-01-20
            """)
        var settings = AnalysisSettings()
        settings.chart = .t
        #expect { try Analyzer.analyse(data, settings: settings) } throws: { error in
            (error as? AnalysisError)?.message.contains("--chart g") == true
        }
        settings.chart = .g
        let report = try Analyzer.analyse(data, settings: settings).series[0]
        #expect(report.points.map(\.value) == [4, 0, 15])
        #expect(report.period == "incident")
    }

    @Test func cChartOnAValueMeasure_isRefused() throws {
        var settings = AnalysisSettings()
        settings.chart = .c
        let data = try Self.dataset("trust,ward,measure,week_start,value\nT1,A,seclusion_hours,2024-01-01,3.5\n")
        #expect(throws: AnalysisError.self) { try Analyzer.analyse(data, settings: settings) }
        settings.chart = .i
        #expect(try Analyzer.analyse(data, settings: settings).series[0].points[0].count == nil)
    }

    @Test func plotRate_onRunChart_isPer1000BedDays() throws {
        var settings = AnalysisSettings()
        settings.plotRate = true
        let report = try Analyzer.analyse(try Self.dataset(Self.weekly([2, 4])), settings: settings).series[0]
        #expect(report.points.map(\.value) == [20, 40])
        #expect(report.multiplier == 1000)
    }

    @Test func cChart_withBedDaysVaryingMoreThan25Percent_warnsToUseU() throws {
        var text = "trust,ward,measure,week_start,count,bed_days\n"
        for index in 0..<12 {
            let date = CivilDate(year: 2024, month: 1, day: 1)!.adding(days: 7 * index)
            text += "T1,A,restraint,\(date.iso),3,\(index < 6 ? 60 : 140)\n"
        }
        var settings = AnalysisSettings()
        settings.chart = .c
        let report = try Analyzer.analyse(try Self.dataset(text), settings: settings).series[0]
        #expect(report.warnings.contains { $0.contains("u chart") })
    }

    @Test func shortSeriesUnderMDC_hasNoLimitsButKeepsTheMean() throws {
        var settings = AnalysisSettings()
        settings.chart = .i
        settings.rules = .mdc
        let report = try Analyzer.analyse(try Self.dataset(Self.weekly([1, 2, 3, 4, 5])), settings: settings).series[0]
        #expect(report.points.allSatisfy { $0.upper == nil && $0.lower == nil && $0.signals.isEmpty })
        #expect(report.points[0].centre == 3)
        #expect(report.variation == nil)
        #expect(report.warnings.contains { $0.contains("fewer than 13 usable points") })
    }
}
