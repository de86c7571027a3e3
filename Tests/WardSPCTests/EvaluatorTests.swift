import Foundation
import SPCCore
import Testing
import WardData
import WardSPC

/// `Evaluator.evaluate` — the façade of `wardspc evaluate` — against DESIGN.md §4.4, case by
/// case on small hand-made series (the reference agreement on whole files is in
/// `ReferenceAgreement/EvaluationReferenceTests.swift`).
@Suite struct EvaluatorTests {
    // MARK: Building data

    /// Monday `index` weeks after 2024-01-01.
    static func week(_ index: Int) -> CivilDate { CivilDate(year: 2024, month: 1, day: 1)!.adding(days: 7 * index) }

    /// One weekly series per ward; `nil` counts are absent weeks. Bed days 100 a week unless
    /// `bedDays` is false (then the file has no bed-days column).
    struct Ward {
        var trust = "T1"
        var name: String
        var measure = "restraint"
        var counts: [Int?]
    }

    static func csv(_ wards: [Ward], bedDays: Bool = true) -> String {
        var text = "trust,ward,measure,week_start,count\(bedDays ? ",bed_days" : "")\n"
        for ward in wards {
            for (index, count) in ward.counts.enumerated() {
                guard let count else { continue }
                text += "\(ward.trust),\(ward.name),\(ward.measure),\(week(index).iso),\(count)\(bedDays ? ",100" : "")\n"
            }
        }
        return text
    }

    static func dataset(_ text: String) throws -> WardDataset {
        try WardDataReader.read(InputFile(name: "wards.csv", bytes: Array(text.utf8)))
    }

    static func evaluate(_ wards: [Ward], bedDays: Bool = true,
                         _ configure: (inout EvaluationSettings) throws -> Void = { _ in }) throws -> EvaluationResult {
        var settings = EvaluationSettings()
        try configure(&settings)
        return try Evaluator.evaluate(dataset(csv(wards, bedDays: bedDays)), settings: settings)
    }

    static func events(_ rows: [(ward: String, week: Int)]) throws -> WardEvents {
        let text = "trust,ward,date,label,kind\n" + rows.map { "T1,\($0.ward),\(week($0.week).iso),joined,phase\n" }.joined()
        return try WardEventsReader.read(InputFile(name: "events.csv", bytes: Array(text.utf8)))
    }

    static func flat(_ weeks: Int, _ count: Int = 2) -> [Int?] { Array(repeating: count, count: weeks) }

    /// The window as (first week index, last week index, periods).
    static func span(_ figures: WindowFigures?) -> (Int, Int, Int)? {
        guard let figures else { return nil }
        let origin = week(0).dayNumber
        return (Int(figures.start.dayNumber - origin) / 7, Int(figures.end.dayNumber - origin) / 7, figures.periods)
    }

    // MARK: Windows (DESIGN §4.4)

    @Test func baselineUntil_takesPeriodsOnOrBeforeTheDate_andTheComparisonEverythingAfter() throws {
        let ward = try #require(Self.evaluate([Ward(name: "A", counts: Self.flat(20))]) {
            $0.windows.baselineUntil = Self.week(7)
        }.wards.first)
        #expect(Self.span(ward.baseline)! == (0, 7, 8))
        #expect(Self.span(ward.comparison)! == (8, 19, 12))
    }

    @Test func baselineWeeks_countsObservedPeriods_notCalendarWeeks() throws {
        var counts = Self.flat(20)
        counts[2] = nil
        counts[3] = nil
        let ward = try #require(Self.evaluate([Ward(name: "A", counts: counts)]) {
            $0.windows.baselinePeriods = 5
        }.wards.first)
        #expect(Self.span(ward.baseline)! == (0, 6, 5))  // weeks 0, 1, 4, 5, 6
        #expect(Self.span(ward.comparison)! == (7, 19, 13))
    }

    @Test func fromAndTo_boundTheComparisonInclusively_andTheBaselineIsEverythingBefore() throws {
        let ward = try #require(Self.evaluate([Ward(name: "A", counts: Self.flat(20))]) {
            $0.windows.from = Self.week(10)
            $0.windows.to = Self.week(14)
        }.wards.first)
        #expect(Self.span(ward.comparison)! == (10, 14, 5))
        #expect(Self.span(ward.baseline)! == (0, 9, 10))
    }

    @Test func eventsFile_eachWardSplitsAtItsOwnFirstPhaseEvent() throws {
        let wards = [Ward(name: "A", counts: Self.flat(30)), Ward(name: "B", counts: Self.flat(30)),
                     Ward(name: "C", counts: Self.flat(30))]
        let result = try Self.evaluate(wards) {
            $0.events = try Self.events([("A", 6), ("B", 20), ("B", 12)])  // B's first event is week 12
        }
        let byName = Dictionary(uniqueKeysWithValues: result.wards.map { ($0.ward, $0) })
        #expect(Self.span(byName["A"]!.baseline)! == (0, 5, 6))
        #expect(Self.span(byName["A"]!.comparison)! == (6, 29, 24))
        #expect(Self.span(byName["B"]!.baseline)! == (0, 11, 12))
        #expect(Self.span(byName["B"]!.comparison)! == (12, 29, 18))
        // No event for C: the default windows (30 periods: halves).
        #expect(Self.span(byName["C"]!.baseline)! == (0, 14, 15))
        #expect(Self.span(byName["C"]!.comparison)! == (15, 29, 15))
    }

    @Test func nothingGiven_first26AndLast26ObservedPeriods() throws {
        let ward = try #require(Self.evaluate([Ward(name: "A", counts: Self.flat(60))]).wards.first)
        #expect(Self.span(ward.baseline)! == (0, 25, 26))
        #expect(Self.span(ward.comparison)! == (34, 59, 26))
    }

    @Test func nothingGiven_overlappingWindows_becomeHalvesWithTheMiddlePeriodInNeither() throws {
        let ward = try #require(Self.evaluate([Ward(name: "A", counts: Self.flat(21))]).wards.first)
        #expect(Self.span(ward.baseline)! == (0, 9, 10))
        #expect(Self.span(ward.comparison)! == (11, 20, 10))
        #expect(ward.notes.contains { $0.contains("middle") })
    }

    @Test func nothingGiven_evenCount_halvesMeet() throws {
        let ward = try #require(Self.evaluate([Ward(name: "A", counts: Self.flat(40))]).wards.first)
        #expect(Self.span(ward.baseline)! == (0, 19, 20))
        #expect(Self.span(ward.comparison)! == (20, 39, 20))
    }

    @Test func fewerThan8ObservedPeriods_nullFiguresAndAWarning_othersStillEvaluated() throws {
        var short = Self.flat(12)
        for index in [1, 3, 5, 7, 9] { short[index] = nil }  // 7 observed weeks
        let result = try Self.evaluate([Ward(name: "Short", counts: short), Ward(name: "Long", counts: Self.flat(8))])
        let byName = Dictionary(uniqueKeysWithValues: result.wards.map { ($0.ward, $0) })
        let shortWard = try #require(byName["Short"])
        #expect(shortWard.baseline == nil && shortWard.comparison == nil)
        #expect(shortWard.rateRatio == nil && shortWard.its == nil && shortWard.centreChangePercent == nil)
        #expect(shortWard.verdict == .insufficientData)
        #expect(shortWard.warnings.contains { $0.contains("fewer than 8") })
        #expect(result.warnings.contains { $0.contains("could not be evaluated") })
        #expect(byName["Long"]?.baseline != nil)
        // The pooled figures come from the evaluated ward only.
        #expect(result.programme.first?.ratioOfTotals?.wards == 1)
    }

    @Test func provisional_lastPeriodsAreLeftOutOfTheComparison() throws {
        let ward = try #require(Self.evaluate([Ward(name: "A", counts: Self.flat(20))]) {
            $0.windows.from = Self.week(10)
            $0.windows.provisional = 3
        }.wards.first)
        #expect(Self.span(ward.comparison)! == (10, 16, 7))
        #expect(ward.notes.contains { $0.contains("provisional") })
        #expect(ward.its?.points == 17)
    }

    @Test func provisional_withTheDefaultWindows_comparesTheLast26SettledPeriods() throws {
        let ward = try #require(Self.evaluate([Ward(name: "A", counts: Self.flat(60))]) {
            $0.windows.provisional = 4
        }.wards.first)
        #expect(Self.span(ward.baseline)! == (0, 25, 26))
        #expect(Self.span(ward.comparison)! == (30, 55, 26))
    }

    @Test func toAlone_endsTheSeriesTheDefaultWindowsComeFrom() throws {
        let ward = try #require(Self.evaluate([Ward(name: "A", counts: Self.flat(80))]) {
            $0.windows.to = Self.week(59)
        }.wards.first)
        #expect(Self.span(ward.baseline)! == (0, 25, 26))
        #expect(Self.span(ward.comparison)! == (34, 59, 26))
    }

    @Test func comparisonAfterTheData_isAnEmptyWindow_withNullFigures() throws {
        let result = try Self.evaluate([Ward(name: "A", counts: Self.flat(20))]) {
            $0.windows.from = Self.week(40)
        }
        let ward = try #require(result.wards.first)
        #expect(ward.comparison == nil)
        #expect(ward.rateRatio == nil && ward.verdict == .insufficientData)
        #expect(ward.notes.contains { $0.contains("comparison window holds no observed period") })
        #expect(result.programme.first?.ratioOfTotals == nil)
    }

    // MARK: Exposure and the rate ratio

    @Test func exposure_isBedDays_withRatesPer1000() throws {
        let result = try Self.evaluate([Ward(name: "A", counts: Self.flat(20, 3))]) { $0.windows.baselinePeriods = 10 }
        let ward = try #require(result.wards.first)
        #expect(result.exposureIsBedDays)
        #expect(ward.baseline?.exposure == 1000)
        #expect(ward.baseline?.count == 30)
        #expect(ward.baseline?.rate == 30)  // 30 per 1,000 bed days
    }

    @Test func exposure_withoutBedDays_isTheNumberOfObservedPeriods_withRatesPerPeriod() throws {
        var counts = Self.flat(20, 3)
        counts[15] = nil
        let result = try Self.evaluate([Ward(name: "A", counts: counts)], bedDays: false) { $0.windows.baselinePeriods = 10 }
        let ward = try #require(result.wards.first)
        #expect(!result.exposureIsBedDays)
        #expect(result.chart == .c)
        #expect(ward.comparison?.exposure == 9)
        #expect(ward.comparison?.count == 27)
        #expect(ward.comparison?.rate == 3)  // per week
    }

    @Test func bedDays_repeatedOnEveryDimensionRow_countOnce_otherwiseAddUp() throws {
        var text = "trust,ward,measure,week_start,subtype,count,bed_days\n"
        for index in 0..<10 {
            text += "T1,Same,restraint,\(Self.week(index).iso),prone,1,100\nT1,Same,restraint,\(Self.week(index).iso),supine,2,100\n"
            text += "T1,Own,restraint,\(Self.week(index).iso),prone,1,60\nT1,Own,restraint,\(Self.week(index).iso),supine,2,40\n"
        }
        var settings = EvaluationSettings()
        settings.windows.baselinePeriods = 5
        let result = try Evaluator.evaluate(Self.dataset(text), settings: settings)
        for ward in result.wards {
            #expect(ward.baseline?.count == 15)
            #expect(ward.baseline?.exposure == 500, "\(ward.ward)")
        }
    }

    @Test func rateRatio_matchesRPoissonTest() throws {
        // 20 incidents over 1,000 bed days, then 10 over 1,000:
        // R 4.3: poisson.test(c(10, 20), c(1000, 1000))$conf.int = 0.2090060 1.1191830.
        let ward = try #require(Self.evaluate([Ward(name: "A", counts: Self.flat(10, 2) + Self.flat(10, 1))]) {
            $0.windows.baselinePeriods = 10
        }.wards.first)
        let ratio = try #require(ward.rateRatio)
        #expect(ratio.estimate == 0.5)
        #expect(abs(ratio.interval.lower - 0.2090059650238328) < 1e-9)
        #expect(abs(ratio.interval.upper - 1.1191830442442052) < 1e-9)
        #expect(ward.reductionPercent == 50)
        #expect(abs(ratio.reductionInterval.lower - (100 * (1 - 1.1191830442442052))) < 1e-7)
        // 50% on the estimate, but the interval (−79% to +12%) includes no change.
        #expect(ward.verdict == .noClearChange)
    }

    @Test func hundredPercentReduction_hasAnHonestExactInterval() throws {
        let zero = try #require(Self.evaluate([Ward(name: "B", counts: Self.flat(6, 2) + Self.flat(10, 0))]) {
            $0.windows.baselinePeriods = 6
        }.wards.first)
        // O_b = 12 over 600, O_c = 0 over 1,000: Clopper–Pearson upper π = 1 − 0.025^(1/12).
        let upperPi = 1 - pow(0.025, 1.0 / 12)
        let zeroRatio = try #require(zero.rateRatio)
        #expect(zeroRatio.estimate == 0)
        #expect(zero.reductionPercent == 100)
        #expect(zeroRatio.interval.lower == 0)
        #expect(abs(zeroRatio.interval.upper - upperPi / (1 - upperPi) * 600 / 1000) < 1e-10)
        #expect(zero.verdict == .exceeds)
    }

    @Test func zeroBaselineCount_reductionUndefined_insufficientData() throws {
        let ward = try #require(Self.evaluate([Ward(name: "A", counts: Self.flat(10, 0) + Self.flat(10, 1))]).wards.first)
        #expect(ward.baseline?.count == 0)
        #expect(ward.rateRatio == nil && ward.reductionPercent == nil)
        #expect(ward.verdict == .insufficientData)
    }

    @Test func significantIncrease_whenTheWholeIntervalIsAboveOne() throws {
        let ward = try #require(Self.evaluate([Ward(name: "A", counts: Self.flat(10, 1) + Self.flat(10, 6))]).wards.first)
        #expect(ward.verdict == .significantIncrease)
    }

    // MARK: Pooled

    @Test func pooled_perTrustAndProgramme_wardsReachingCountsAmongDefinedReductions() throws {
        let wards = [Ward(trust: "T1", name: "A", counts: Self.flat(10, 4) + Self.flat(10, 1)),   // −75%
                     Ward(trust: "T1", name: "B", counts: Self.flat(10, 4) + Self.flat(10, 0)),   // −100%
                     Ward(trust: "T1", name: "C", counts: Self.flat(10, 0) + Self.flat(10, 2)),   // undefined
                     Ward(trust: "T2", name: "D", counts: Self.flat(10, 5) + Self.flat(10, 4))]   // −20%
        let result = try Self.evaluate(wards) { $0.benchmark = 50 }
        #expect(result.trusts.map { $0.trust } == ["T1", "T2"])
        let t1 = try #require(result.trusts.first)
        #expect(t1.wards == 3)
        #expect(t1.reductions.wardsWithEstimate == 2)
        // A: 40 → 10, −75% (−89% to −49%): meets 50% on its estimate; B: 40 → 0 (−100% to
        // −90%) exceeds it; C: no baseline incident.
        #expect(t1.wardsByVerdict == [.meets: 1, .exceeds: 1, .insufficientData: 1])
        // T1's totals 80 → 30 (C's 20 included) give RR_T 0.375, but C's rise makes φ = 34.8 (interval 0.03 to 4.46):
        // the widened interval spans no change, so the pooled verdict is no clear change.
        #expect(t1.verdict == .noClearChange)
        #expect(t1.reductions.meanPercent == 87.5)
        #expect(t1.reductions.reaching15Percent == 2 && t1.reductions.reaching100Percent == 1)
        #expect(t1.reductions.wards(reaching: 50) == 2)
        let programme = try #require(result.programme.first)
        #expect(programme.trust == nil && programme.wards == 4)
        #expect(programme.reductions.medianPercent == 75)
        // Ratio of totals: (10 + 0 + 20 + 40)/(40 + 40 + 0 + 50) over equal exposures.
        #expect(abs(try #require(programme.ratioOfTotals).estimate - 70.0 / 130) < 1e-12)
        // DerSimonian–Laird takes C (0.5 added) and B (0.5 added) with A and D.
        #expect(programme.randomEffects?.wards == 4)
        // A single-ward trust: that ward's own figures, τ² = I² = 0.
        let t2 = try #require(result.trusts.last?.randomEffects)
        #expect(abs(t2.estimate - 0.8) < 1e-12 && t2.tauSquared == 0 && t2.iSquared == 0)
    }

    // MARK: SPC view

    @Test func centreChange_withPhases_comparesTheLatestPhaseWithTheBaselineWindow() throws {
        // Weeks 0–9 at 1 a week, 10–19 at 3, the intervention at week 20, then 1 a week.
        // With --baseline-until week 9 the baseline window's centre is 10 per 1,000 (not the
        // first phase's 20), so the last phase's 10 is no change.
        let counts = Self.flat(10, 1) + Self.flat(10, 3) + Self.flat(20, 1)
        let ward = try #require(Self.evaluate([Ward(name: "A", counts: counts)]) {
            $0.events = try Self.events([("A", 20)])
            $0.windows.baselineUntil = Self.week(9)
        }.wards.first)
        #expect(abs(try #require(ward.centreChangePercent)) < 1e-9)
        #expect(abs(try #require(ward.reductionPercent)) < 1e-9)

        let wholePhase = try #require(Self.evaluate([Ward(name: "A", counts: counts)]) {
            $0.events = try Self.events([("A", 20)])
        }.wards.first)
        #expect(abs(try #require(wholePhase.centreChangePercent) + 50) < 1e-9)
        #expect(abs(try #require(wholePhase.reductionPercent) - 50) < 1e-9)
    }

    @Test func centreChange_withoutPhases_isTheLatestSustainedShift_orNull() throws {
        let step = try #require(Self.evaluate([Ward(name: "A", counts: Self.flat(30, 5) + Self.flat(30, 1))]).wards.first)
        #expect(abs(try #require(step.centreChangePercent) + 80) < 1e-9)
        let flat = try #require(Self.evaluate([Ward(name: "A", counts: Self.flat(60, 3))]).wards.first)
        #expect(flat.centreChangePercent == nil)
    }

    // MARK: Segmented regression

    @Test func segmentedRegression_recoversAnExactLevelAndSlopeChange() throws {
        // Rates 10 + 0.5t before week 20 and 10 + 0.5t − 8 + 0.25(t − 20) after (per 1,000
        // bed days, 4,000 bed days a week so every count is whole): OLS gives them back with
        // zero residuals.
        var text = "trust,ward,measure,week_start,count,bed_days\n"
        for t in 0..<40 {
            let rate = 10 + 0.5 * Double(t) + (t >= 20 ? -8 + 0.25 * Double(t - 20) : 0)
            text += "T1,A,restraint,\(Self.week(t).iso),\(Int(rate * 4)),4000\n"
        }
        var settings = EvaluationSettings()
        settings.windows.from = Self.week(20)
        let its = try #require(try Evaluator.evaluate(Self.dataset(text), settings: settings).wards.first?.its)
        #expect(abs(its.levelChange + 8) < 1e-9)
        #expect(abs(its.slopeChange - 0.25) < 1e-9)
        #expect(its.levelChangeStandardError < 1e-6)
        #expect(its.points == 40)
    }

    @Test func segmentedRegression_nullWithFewerThanTwoPointsOnASide() throws {
        let ward = try #require(Self.evaluate([Ward(name: "A", counts: Self.flat(20))]) {
            $0.windows.baselinePeriods = 1
        }.wards.first)
        #expect(ward.its == nil)
        #expect(ward.rateRatio != nil)
    }

    @Test func poissonSegmentedRegression_isNamed_andNullWhenASideHasNoIncident() throws {
        let counts: [Int?] = [3, 4, 2, 5, 3, 4, 3, 2, 4, 3, 1, 2, 1, 1, 2, 0, 1, 1, 0, 1]
        let result = try Self.evaluate([Ward(name: "A", counts: counts),
                                        Ward(name: "Z", counts: Self.flat(10, 2) + Self.flat(10, 0))]) {
            $0.windows.from = Self.week(10)
            $0.segmentedModel = .poisson
        }
        let fitted = try #require(result.wards.first { $0.ward == "A" }?.its)
        #expect(fitted.model == .poisson)
        #expect(fitted.levelChange.isFinite && fitted.levelChangeStandardError > 0)
        #expect(result.wards.first { $0.ward == "Z" }?.its == nil)
    }

    // MARK: Grouping

    @Test func groupBySubtype_poolsPerSubtype_andKeepsMeasuresWithoutOne() throws {
        var text = "trust,ward,measure,week_start,subtype,count,bed_days\n"
        for ward in ["A", "B"] {
            for index in 0..<20 {
                let date = Self.week(index).iso
                text += "T1,\(ward),restraint,\(date),prone,1,100\nT1,\(ward),restraint,\(date),supine,2,100\n"
                text += "T1,\(ward),awol,\(date),,1,100\n"
            }
        }
        var settings = EvaluationSettings()
        settings.groupBy = .subtype
        let result = try Evaluator.evaluate(Self.dataset(text), settings: settings)
        #expect(result.wards.count == 6)
        #expect(Set(result.programme.map { "\($0.measure)/\($0.group ?? "-")" }) == ["awol/-", "restraint/prone", "restraint/supine"])
        let prone = try #require(result.wards.first { $0.group == "prone" })
        #expect(prone.baseline?.count == 10)
        #expect(prone.baseline?.exposure == 1000)
        #expect(result.warnings.isEmpty)
    }

    @Test func groupByContext_poolsPerContextValue() throws {
        var text = "trust,ward,measure,week_start,context,count,bed_days\n"
        for index in 0..<20 {
            let date = Self.week(index).iso
            text += "T1,A,self_harm,\(date),on_ward,3,100\nT1,A,self_harm,\(date),on_leave,1,100\n"
        }
        var settings = EvaluationSettings()
        settings.groupBy = .context
        let result = try Evaluator.evaluate(Self.dataset(text), settings: settings)
        #expect(result.trusts.map { $0.group } == ["on_leave", "on_ward"])
        #expect(result.wards.first { $0.group == "on_ward" }?.baseline?.count == 30)
    }

    @Test func groupByEthnicGroup_poolsPerBroadGroup_withEachGroupsOwnBedDays() throws {
        var text = "trust,ward,measure,week_start,ethnic_group,count,bed_days\n"
        for index in 0..<20 {
            let date = Self.week(index).iso
            text += "T1,A,restraint,\(date),A,1,80\nT1,A,restraint,\(date),White Irish,1,20\n"
            text += "T1,A,restraint,\(date),N,3,30\nT1,A,restraint,\(date),Z,1,10\n"
        }
        var settings = EvaluationSettings()
        settings.groupBy = .ethnicGroup
        let result = try Evaluator.evaluate(Self.dataset(text), settings: settings)
        #expect(result.trusts.map { $0.group } == ["White", "Black", "Not stated or not known"])
        let white = try #require(result.wards.first { $0.group == "White" })
        #expect(white.baseline?.count == 20)
        #expect(white.baseline?.exposure == 1000)
        #expect(result.wards.first { $0.group == "Black" }?.baseline?.exposure == 300)
    }

    @Test func groupByEthnicGroup_refusesAValueThatIsNoCategory() throws {
        let text = "trust,ward,measure,week_start,ethnic_group,count,bed_days\nT1,A,restraint,2024-01-01,Q,1,80\n"
        var settings = EvaluationSettings()
        settings.groupBy = .ethnicGroup
        #expect {
            _ = try Evaluator.evaluate(Self.dataset(text), settings: settings)
        } throws: { error in
            "\(error)".contains(":2:ethnic_group: \"Q\" is not an NHS ethnic category")
        }
    }

    @Test func groupByMeasure_poolsAcrossTrusts() throws {
        let wards = [Ward(trust: "T1", name: "A", counts: Self.flat(20)), Ward(trust: "T2", name: "B", counts: Self.flat(20))]
        let result = try Self.evaluate(wards) { $0.groupBy = .measure }
        #expect(result.trusts.count == 1)
        #expect(result.trusts.first?.trust == nil && result.trusts.first?.wards == 2)
    }

    // MARK: The batched regression

    @Test func batchedSegmentedRegression_equalsWardByWard() throws {
        let dataset = try WardDataReader.read(path: CLIPaths.sample("wards.csv"))
        let events = try WardEventsReader.read(path: CLIPaths.sample("events.csv"))
        var settings = EvaluationSettings()
        settings.events = events
        settings.analysis.trusts = ["RX3"]
        settings.analysis.measures = ["restraint", "awol"]
        let together = try Evaluator.evaluate(dataset, settings: settings)
        #expect(together.wards.count == 22)
        for ward in together.wards {
            var alone = settings
            alone.analysis.wards = [ward.ward]
            alone.analysis.measures = [ward.measure]
            let single = try #require(try Evaluator.evaluate(dataset, settings: alone).wards.first)
            let a = try #require(ward.its), b = try #require(single.its)
            for (x, y) in [(a.levelChange, b.levelChange), (a.slopeChange, b.slopeChange),
                           (a.levelChangeStandardError, b.levelChangeStandardError),
                           (a.slopeChangeStandardError, b.slopeChangeStandardError)] {
                #expect(abs(x - y) <= 1e-9 * max(1, abs(y)), "\(ward.ward) \(ward.measure)")
            }
        }
    }
}

/// The repository's SampleData, found from this file's path.
enum CLIPaths {
    static func sample(_ name: String) -> String {
        let root = #filePath.split(separator: "/", omittingEmptySubsequences: false).dropLast(3).joined(separator: "/")
        return root + "/SampleData/" + name
    }
}
