import MeasureFile
import SPCCore
import Testing
import WardData
import WardSPC

/// The catalogue where the decisions are made: each series' direction in analysis, the
/// benchmark in evaluate only where it applies, the sample's ligature assessments on a p
/// chart, and their denominator (assessments due) never mixed with bed days.
@Suite struct CatalogueAnalysisTests {
    static let wardsText = SampleProgramme().wardsCSV()
    static let sample: WardDataset = {
        try! WardDataReader.read(InputFile(name: "wards.csv", bytes: Array(wardsText.utf8)), options: ReadOptions())
    }()
    /// The same file without its ligature rows.
    static let withoutLigature: WardDataset = {
        let text = wardsText.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains(",\(SampleProgramme.ligatureMeasure),") }.joined(separator: "\n")
        return try! WardDataReader.read(InputFile(name: "wards.csv", bytes: Array(text.utf8)), options: ReadOptions())
    }()

    static func directions(_ settings: AnalysisSettings) throws -> [String: Set<Improvement>] {
        var found: [String: Set<Improvement>] = [:]
        for report in try Analyzer.analyse(sample, settings: settings).series {
            found[report.measure, default: []].insert(report.rules.improvement)
        }
        return found
    }

    @Test func analyze_takesEachMeasuresDirectionFromTheCatalogue() throws {
        var settings = AnalysisSettings(chart: .run, rules: .anhoej)
        settings.trusts = ["RX1"]
        let found = try Self.directions(settings)
        #expect(found["sexual_safety"] == [.neutral])
        #expect(found["ligature_assessments"] == [.increase])
        for measure in ["restraint", "seclusion", "rapid_tranquillisation", "self_harm", "awol"] {
            #expect(found[measure] == [.decrease], "\(measure)")
        }
    }

    @Test func improvementFlag_overridesTheCatalogueForEveryMeasure() throws {
        var settings = AnalysisSettings(chart: .run, rules: .anhoej, improvement: .decrease)
        settings.trusts = ["RX1"]
        #expect(Set(try Self.directions(settings).values) == [[.decrease]])
    }

    @Test func measuresFile_reachesEverySeriesThroughTheRequest() throws {
        var choices = RequestChoices()
        choices.catalogue = try MeasureCatalogue.builtIn.applying(
            MeasureFile.overrides(text: "[awol]\nimprovement = \"increase\"\n", file: "measures.toml"))
        choices.filters.trusts = ["RX1"]
        choices.filters.measures = ["awol", "restraint"]
        let request = try AnalysisRequest.resolve(choices, purpose: .analyze, facts: DatasetFacts(Self.sample))
        let found = try Self.directions(request.analysis)
        #expect(found["awol"] == [.increase])
        #expect(found["restraint"] == [.decrease])
    }

    @Test func autoChart_drawsLigatureAssessmentsAsAPChart_andIncidentsAsBefore() throws {
        var settings = AnalysisSettings(chart: .u, rules: .mdc)
        settings.autoChart = true
        settings.wards = ["Alder", "Brook"]
        let series = try Analyzer.analyse(Self.sample, settings: settings).series
        let ligature = series.filter { $0.measure == SampleProgramme.ligatureMeasure }
        #expect(ligature.count == 2)
        for report in ligature {
            #expect(report.chart == .p)
            #expect(report.chartReason?.contains("process measure") == true)
            #expect(report.multiplier == 1)
            // The proportion on time: 70% to 100% every week.
            for point in report.points { if let value = point.value { #expect(value >= 0 && value <= 1) } }
        }
        #expect(series.filter { $0.measure == "restraint" }.allSatisfy { $0.chart != .p })
    }

    @Test func ligatureDenominator_neverEntersAnotherMeasuresBedDays() throws {
        var settings = EvaluationSettings()
        settings.windows.baselineUntil = CivilDate(year: 2023, month: 9, day: 25)
        let with = try Evaluator.evaluate(Self.sample, settings: settings)
        let without = try Evaluator.evaluate(Self.withoutLigature, settings: settings)
        // The process measure is left out of evaluate (no rate ratio describes it), and said so.
        #expect(!with.wards.contains { $0.measure == SampleProgramme.ligatureMeasure })
        #expect(with.warnings.contains { $0.hasPrefix("ligature_assessments left out: a process measure") })
        let incidentWards = with.wards
        #expect(incidentWards.count == without.wards.count)
        for (a, b) in zip(incidentWards, without.wards) {
            #expect(a.measure == b.measure && a.ward == b.ward)
            #expect(a.baseline?.exposure == b.baseline?.exposure, "\(a.ward) \(a.measure)")
            #expect(a.comparison?.exposure == b.comparison?.exposure, "\(a.ward) \(a.measure)")
            #expect(a.verdict == b.verdict)
        }
        // The ligature series' own denominator is the assessments due: far fewer than bed days.
        let ligature = SeriesBuilder.build(Self.sample, include: { $2 == SampleProgramme.ligatureMeasure }).series
        let restraint = SeriesBuilder.build(Self.sample, include: { $2 == "restraint" }).series
        let dueTotal = ligature.reduce(0.0) { $0 + $1.denominators.reduce(0) { $0 + ($1 ?? 0) } }
        let bedDayTotal = restraint.reduce(0.0) { $0 + $1.denominators.reduce(0) { $0 + ($1 ?? 0) } }
        #expect(dueTotal > 0 && dueTotal < bedDayTotal / 5)
    }

    @Test func evaluate_judgesAgainstTheBenchmarkOnlyWhereTheCatalogueSaysItApplies() throws {
        var settings = EvaluationSettings()
        settings.windows.baselineUntil = CivilDate(year: 2023, month: 9, day: 25)
        settings.windows.from = CivilDate(year: 2025, month: 1, day: 6)
        let result = try Evaluator.evaluate(Self.withoutLigature, settings: settings)
        let benchmarkVerdicts: Set<Verdict> = [.exceeds, .meets, .below]
        for ward in result.wards {
            let applies = ["restraint", "seclusion", "rapid_tranquillisation"].contains(ward.measure)
            #expect(ward.benchmarkApplies == applies, "\(ward.measure)")
            if applies {
                #expect(ward.verdict != .significantReduction, "\(ward.ward) \(ward.measure)")
            } else {
                #expect(!benchmarkVerdicts.contains(ward.verdict), "\(ward.ward) \(ward.measure): \(ward.verdict)")
            }
        }
        // The sample's restrictive practice falls by 15% on average: some wards meet or beat it.
        #expect(result.wards.contains { benchmarkVerdicts.contains($0.verdict) })
        for pooled in result.programme {
            #expect(pooled.benchmarkApplies == ["restraint", "seclusion", "rapid_tranquillisation"].contains(pooled.measure))
        }
        // JSON: benchmark_applies on every ward and pooled row.
        let json = EvaluationJSON.document(result).rendered()
        #expect(json.contains("\"benchmark_applies\":false") || json.contains("\"benchmark_applies\": false"))
        // CSV: a benchmark_applies column after the verdict, on every row.
        let csv = EvaluationCSV.render(result).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let column = try #require(csv.first?.firstIndex(of: "benchmark_applies"))
        #expect(csv.first?[column - 1] == "verdict")
        for row in csv.dropFirst() where row.count > column {
            #expect(row[column] == (["restraint", "seclusion", "rapid_tranquillisation"].contains(String(row[3])) ? "true" : "false"), "\(row.prefix(4))")
        }
        // The table's words name the benchmark only for the measures it applies to.
        let table = EvaluationTable.render(result)
        for line in table.split(separator: "\n") where line.contains("self_harm") || line.contains("awol") {
            #expect(!line.contains("benchmark") && !line.contains("more than 15%"), "\(line)")
        }
    }

    @Test func evaluate_verdictWithoutBenchmark_isDecidedByTheIntervalAlone() throws {
        // Two wards, the same counts: 60 → 20 incidents over equal bed days (RR 0.33, its
        // interval wholly below 1). Restraint is judged against 15% (exceeds); self-harm,
        // without a benchmark, is a clear reduction.
        var text = "trust,ward,measure,week_start,count,bed_days\n"
        let start = CivilDate(year: 2024, month: 1, day: 1)!
        for measure in ["restraint", "self_harm"] {
            for week in 0..<20 {
                let count = week < 10 ? 6 : 2
                text += "T,W,\(measure),\(start.adding(days: 7 * week).iso),\(count),140\n"
            }
        }
        let dataset = try WardDataReader.read(InputFile(name: "two.csv", bytes: Array(text.utf8)), options: ReadOptions())
        var settings = EvaluationSettings()
        settings.windows.baselinePeriods = 10
        settings.windows.minimumPeriods = 8
        let result = try Evaluator.evaluate(dataset, settings: settings)
        let verdicts = Dictionary(uniqueKeysWithValues: result.wards.map { ($0.measure, $0.verdict) })
        #expect(verdicts["restraint"] == .exceeds)
        #expect(verdicts["self_harm"] == .significantReduction)
    }
}
