import Testing
import WardSPC

/// The streaming path (issue 6) against the whole-file path: on generated programmes —
/// missing weeks, zeros, fractional bed days, dimension rows, monthly data — cut into
/// pieces of every size and read on 1–8 threads, `StreamingAnalysis` and
/// `StreamingEvaluation` give exactly the text `WardDataReader` + `Analyzer`/`Evaluator`
/// give; files the fast path must not take fall back.
@Suite struct StreamingTests {
    /// A seeded long-format programme, rows grouped by series and dated in order.
    static func programme(seed: UInt64, dimensions: Bool, monthly: Bool = false) -> String {
        var random = SplitMix64(seed: seed)
        var lines = [dimensions ? "trust,ward,measure,week_start,subtype,count,bed_days"
                                : "trust,ward,measure,\(monthly ? "month" : "week_start"),count,bed_days"]
        let start = CivilDate(year: 2023, month: 1, day: 2)!
        for ward in 0..<Int(2 + random.next() % 5) {
            let trust = ward % 2 == 0 ? "RX1" : "RX2"
            for measure in ["restraint", "self_harm"].prefix(Int(1 + random.next() % 2)) {
                let level = random.next() % 6
                for period in Int(random.next() % 4)..<Int(20 + random.next() % 40) where random.next() % 8 != 0 {
                    let date = monthly ? CivilDate(year: 2020 + period / 12, month: 1 + period % 12, day: 1)!
                                       : start.adding(days: 7 * period)
                    let bedDays = Double(100 + random.next() % 150) + (random.next() % 3 == 0 ? 0.25 : 0)
                    // Ward 4's name and ward 5's trust are written differently from row to
                    // row (spaces around, quotes): the same series all the same.
                    let padded = ["Ward 4", " Ward 4", "Ward 4 ", "\"Ward 4\""][Int(random.next() % 4)]
                    let name = ward == 1 ? "\"Ward, \(ward)\"" : ward == 4 ? padded : "Ward \(ward)"
                    let trustCell = ward == 3 || (ward == 5 && random.next() % 2 == 0) ? "\"\(trust)\"" : trust
                    for subtype in dimensions ? ["prone", "", "supine"].prefix(Int(1 + random.next() % 3)) : [""] {
                        let count = random.next() % (level + (period > 25 ? 4 : 1))
                        let dimension = dimensions ? "\(subtype)," : ""
                        lines.append("\(trustCell),\(name),\(measure),\(date.iso),\(dimension)\(count),\(bedDays)")
                    }
                }
            }
        }
        return lines.joined(separator: random.next() % 2 == 0 ? "\n" : "\r\n") + "\n"
    }

    static func file(_ text: String) -> InputFile { InputFile(name: "programme.csv", bytes: Array(text.utf8)) }

    static func wholeFileAnalysis(_ text: String, _ settings: AnalysisSettings) throws -> (String, String) {
        let whole = try wholeFileOutputs(text, settings)
        return (whole.json, whole.summary)
    }

    /// The whole-file path's JSON, summary CSV and every-point CSV.
    static func wholeFileOutputs(_ text: String, _ settings: AnalysisSettings) throws -> (json: String, summary: String, points: String) {
        let dataset = try WardDataReader.read(file(text))
        let reports = try Analyzer.analyse(dataset, settings: settings).series
        return (AnalysisJSON.analysis(reports).rendered(pretty: false), AnalysisCSV.summary(reports), AnalysisCSV.points(reports))
    }

    static func settings(_ chart: ChartKind, _ rules: RuleSetKind) -> AnalysisSettings {
        var settings = AnalysisSettings()
        settings.chart = chart
        settings.rules = rules
        return settings
    }

    @Test(arguments: [false, true])
    func analysis_equalsWholeFilePath_inEveryPieceSize(dimensions: Bool) throws {
        for seed in UInt64(1)...12 {
            let text = Self.programme(seed: seed, dimensions: dimensions, monthly: !dimensions && seed % 4 == 0)
            for (chart, rules) in [(ChartKind.u, RuleSetKind.anhoej), (.c, .mdc), (.up, .ihi), (.i, .ptd), (.run, .anhoej)] {
                let settings = Self.settings(chart, rules)
                let (wholeJSON, wholeSummary, wholePoints) = try Self.wholeFileOutputs(text, settings)
                for (threads, pieceBytes) in [(1, 1 << 20), (2, 1), (3, 97), (8, 1)] {
                    let context = "seed \(seed), \(chart) \(rules), \(threads) threads, pieces of \(pieceBytes) bytes"
                    let outcome = try StreamingAnalysis.analyse(
                        Self.file(text), options: ReadOptions(), settings: settings, product: .reports,
                        threads: threads, minimumPieceBytes: pieceBytes)
                    guard case .done(.reports(let reports), _, _) = outcome else {
                        Issue.record("\(context): \(outcome)"); continue
                    }
                    #expect(AnalysisJSON.analysis(reports).rendered(pretty: false) == wholeJSON, "\(context)")
                    guard case .done(.summaries(let summaries), _, _) = try StreamingAnalysis.analyse(
                        Self.file(text), options: ReadOptions(), settings: settings, product: .summaries,
                        threads: threads, minimumPieceBytes: pieceBytes) else {
                        Issue.record("\(context): summary fell back"); continue
                    }
                    #expect(AnalysisCSV.summary(summaries) == wholeSummary, "\(context): summary")
                    guard case .done(.csvPoints(let rows), _, _) = try StreamingAnalysis.analyse(
                        Self.file(text), options: ReadOptions(), settings: settings, product: .csvPoints,
                        threads: threads, minimumPieceBytes: pieceBytes) else {
                        Issue.record("\(context): CSV points fell back"); continue
                    }
                    #expect(AnalysisCSV.pointsOutput(rows: rows).string == wholePoints, "\(context): CSV points")
                }
            }
        }
    }

    @Test func summaryFromAnalysis_equalsSummaryFromReport() throws {
        for seed in UInt64(20)...26 {
            let dataset = try WardDataReader.read(Self.file(Self.programme(seed: seed, dimensions: true)))
            for chart in [ChartKind.u, .c, .p, .i, .mr, .run] {
                for rules in RuleSetKind.allCases {
                    var settings = Self.settings(chart, rules)
                    settings.autoRebaseLength = seed % 2 == 0 ? 6 : nil
                    if chart == .p { settings.chart = .c }
                    let reports = try Analyzer.analyse(dataset, settings: settings).series
                    guard case .done(.summaries(let summaries), _, _) = try StreamingAnalysis.analyse(
                        Self.file(Self.programme(seed: seed, dimensions: true)), options: ReadOptions(), settings: settings,
                        product: .summaries, threads: 2, minimumPieceBytes: 64) else {
                        Issue.record("fell back"); continue
                    }
                    #expect(summaries == reports.map(SeriesSummary.init), "seed \(seed), \(chart) \(rules)")
                }
            }
        }
    }

    @Test func evaluation_equalsWholeFilePath() throws {
        for seed in UInt64(30)...37 {
            let text = Self.programme(seed: seed, dimensions: seed % 2 == 0)
            var settings = EvaluationSettings()
            settings.windows.baselinePeriods = 12
            settings.segmentedModel = seed % 3 == 0 ? .poisson : .linear
            settings.groupBy = seed % 4 == 0 ? .measure : .trust
            let whole = try Evaluator.evaluate(WardDataReader.read(Self.file(text)), settings: settings)
            for (threads, pieceBytes) in [(1, 1 << 20), (2, 1), (5, 200)] {
                guard case .done(let streamed, _) = try StreamingEvaluation.evaluate(
                    Self.file(text), options: ReadOptions(), settings: settings, threads: threads,
                    minimumPieceBytes: pieceBytes) else {
                    Issue.record("seed \(seed): fell back"); continue
                }
                #expect(EvaluationJSON.document(streamed).rendered(pretty: true)
                        == EvaluationJSON.document(whole).rendered(pretty: true), "seed \(seed), \(threads) threads")
            }
        }
    }

    /// Files the whole-file reader must read (to report, merge or group them) never stream.
    @Test(arguments: [
        ("a series that comes back", "RX1,A,restraint,2024-01-01,1,100\nRX1,B,restraint,2024-01-01,1,100\nRX1,A,restraint,2024-01-08,1,100\n"),
        ("an identical duplicate", "RX1,A,restraint,2024-01-01,1,100\nRX1,A,restraint,2024-01-01,1,100\n"),
        ("rows out of date order", "RX1,A,restraint,2024-01-08,1,100\nRX1,A,restraint,2024-01-01,1,100\n"),
        ("a UK date", "RX1,A,restraint,08/01/2024,1,100\n"),
        ("a week on another weekday", "RX1,A,restraint,2024-01-01,1,100\nRX1,A,restraint,2024-01-09,1,100\n"),
        ("a closed ward", "RX1,A,restraint,2024-01-01,0,0\nRX1,A,restraint,2024-01-08,1,100\n"),
        ("a bad count", "RX1,A,restraint,2024-01-01,1.5,100\n"),
        ("an empty bed-days cell", "RX1,A,restraint,2024-01-01,1,\n"),
        ("a short row", "RX1,A,restraint,2024-01-01,1\n"),
        ("an unterminated quote", "RX1,\"A,restraint,2024-01-01,1,100\n"),
        ("a name with a doubled quote", "RX1,\"A \"\"B\"\"\",restraint,2024-01-01,1,100\n"),
    ])
    func filesTheFastPathMustNotTake_fallBack(reason: String, rows: String) throws {
        let text = "trust,ward,measure,week_start,count,bed_days\n" + rows
        let outcome = try StreamingAnalysis.analyse(Self.file(text), options: ReadOptions(), settings: Self.settings(.u, .anhoej),
                                                    product: .summaries, threads: 2, minimumPieceBytes: 1)
        guard case .fallback = outcome else { Issue.record("\(reason): streamed"); return }
    }

    @Test func aQuotedLineBreakAcrossAPieceBoundary_fallsBackOrReadsRight() throws {
        let text = "trust,ward,measure,week_start,count,bed_days\n"
            + (0..<40).map { "RX1,\"Ward\nA\",restraint,\(CivilDate(year: 2024, month: 1, day: 1)!.adding(days: 7 * $0).iso),\($0 % 3),100" }
                .joined(separator: "\n") + "\n"
        let settings = Self.settings(.u, .anhoej)
        let (wholeJSON, _) = try Self.wholeFileAnalysis(text, settings)
        for pieceBytes in [1, 13, 50, 1 << 20] {
            let outcome = try StreamingAnalysis.analyse(Self.file(text), options: ReadOptions(), settings: settings,
                                                        product: .reports, threads: 4, minimumPieceBytes: pieceBytes)
            if case .done(.reports(let reports), _, _) = outcome {
                #expect(AnalysisJSON.analysis(reports).rendered(pretty: false) == wholeJSON, "pieces of \(pieceBytes)")
            }
        }
    }

    @Test func anEthnicGroupColumn_fallsBack() throws {
        let text = "trust,ward,measure,week_start,ethnic_group,count,bed_days\nRX1,A,restraint,2024-01-01,A,1,60\nRX1,A,restraint,2024-01-01,N,1,40\n"
        guard case .fallback = try StreamingAnalysis.analyse(Self.file(text), options: ReadOptions(),
                                                             settings: Self.settings(.u, .anhoej), product: .summaries) else {
            Issue.record("an ethnic_group column streamed"); return
        }
    }

    @Test func optionsTheFastPathDoesNotTake_fallBack() throws {
        let text = Self.programme(seed: 3, dimensions: false)
        var lenient = ReadOptions()
        lenient.lenient = true
        guard case .fallback = try StreamingAnalysis.analyse(Self.file(text), options: lenient,
                                                             settings: Self.settings(.u, .anhoej), product: .summaries) else {
            Issue.record("--lenient streamed"); return
        }
        var subtype = Self.settings(.u, .anhoej)
        subtype.subtypes = ["prone"]
        guard case .fallback = try StreamingAnalysis.analyse(Self.file(Self.programme(seed: 3, dimensions: true)),
                                                             options: ReadOptions(), settings: subtype, product: .summaries) else {
            Issue.record("--subtype streamed"); return
        }
    }

    @Test func aRequestTheDataCannotSupport_fallsBack() throws {
        // The whole-file path then lists the file's problems first, and the request's after.
        let text = "trust,ward,measure,week_start,count\nRX1,A,restraint,2024-01-01,1\n"
        guard case .fallback = try StreamingAnalysis.analyse(Self.file(text), options: ReadOptions(),
                                                             settings: Self.settings(.u, .anhoej), product: .summaries) else {
            Issue.record("a u chart without bed days streamed"); return
        }
    }
}
