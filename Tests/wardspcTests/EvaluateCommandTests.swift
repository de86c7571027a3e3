import Foundation
import Testing

/// `wardspc evaluate` and `wardspc funnel` as a user runs them: exit codes, the JSON
/// contract of issue 4 / DESIGN.md §5.2, the table, Markdown and CSV writers, suppression.
@Suite struct EvaluateCommandTests {
    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// A long-format file of weekly series from 2024-01-01, 100 bed days a week; one row of
    /// `rows` per ward: (trust, ward, measure, counts by week).
    static func weeklyFile(_ rows: [(String, String, String, [Int])], bedDays: Bool = true) throws -> URL {
        var text = "trust,ward,measure,week_start,count\(bedDays ? ",bed_days" : "")\n"
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "UTC")
        let start = formatter.date(from: "2024-01-01")!
        for (trust, ward, measure, counts) in rows {
            for (index, count) in counts.enumerated() {
                let date = formatter.string(from: start.addingTimeInterval(Double(index) * 7 * 86_400))
                let quotedWard = ward.contains(",") || ward.contains("\"") ? "\"\(ward.replacingOccurrences(of: "\"", with: "\"\""))\"" : ward
                text += "\(trust),\(quotedWard),\(measure),\(date),\(count)\(bedDays ? ",100" : "")\n"
            }
        }
        return try CLIRunner.temporaryFile(named: "wards.csv", contents: text)
    }

    static func remove(_ url: URL) { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }

    static func flat(_ weeks: Int, _ count: Int) -> [Int] { Array(repeating: count, count: weeks) }

    // MARK: The sample programme

    @Test func sampleProgramme_withEvents_exitsZero_withAProgrammeLinePerMeasure() throws {
        let result = try CLIRunner.run(["evaluate", "SampleData/wards.csv", "--events", "SampleData/events.csv"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first?.hasPrefix("Programme against the 15% benchmark") == true)
        #expect(lines.dropFirst().first?.hasPrefix("The 95% interval is the range of true changes") == true)
        let programme = lines.dropFirst(2).prefix { !$0.isEmpty }
        let measures = ["awol", "rapid_tranquillisation", "restraint", "seclusion", "self_harm", "sexual_safety"]
        #expect(programme.count == measures.count)
        for measure in measures {
            #expect(programme.contains { $0.hasPrefix("  \(measure) (36 wards): ") && $0.contains("ratio of totals") },
                    "no programme line for \(measure)")
        }
        #expect(lines.contains("Trusts") && lines.contains("Wards"))
        // A sentence per ward and its windows, always printed.
        #expect(result.stdout.contains("RX1 Alder restraint: "))
        #expect(result.stdout.contains("per 1,000 OBD"))
        #expect(result.stdout.contains("baseline 2 Jan 2023 to 23 Oct 2023 (43 weeks); comparison 30 Oct 2023 to 22 Dec 2025 (112 weeks)"))
        #expect(result.stdout.contains("the 15% benchmark"))
    }

    @Test func jsonContract_hasExactlyTheIssueFields() throws {
        let result = try CLIRunner.run(["evaluate", "SampleData/wards.csv", "--events", "SampleData/events.csv",
                                        "--trust", "RX2", "--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let object = try Self.json(result.stdout)
        #expect(object["schema"] as? String == "wardspc/evaluation@2")
        #expect(object["min_incidents"] as? Int == 10 && object["group_by"] as? String == "trust")
        let wards = try #require(object["wards"] as? [[String: Any]])
        let trusts = try #require(object["trusts"] as? [[String: Any]])
        let programme = try #require(object["programme"] as? [[String: Any]])
        #expect(wards.count == 12 * 6 && trusts.count == 6 && programme.count == 6)

        for ward in wards {
            for key in ["trust", "ward", "measure", "baseline", "comparison", "rate_ratio", "rate_ratio_ci95",
                        "change_percent", "change_ci95", "reduction_percent", "reduction_ci95", "verdict",
                        "centre_change_percent", "its"] {
                #expect(ward[key] != nil, "ward misses \(key)")
            }
            for window in ["baseline", "comparison"] {
                let figures = try #require(ward[window] as? [String: Any])
                for key in ["start", "end", "count", "exposure", "rate"] { #expect(figures[key] != nil, "\(window) misses \(key)") }
            }
            let its = try #require(ward["its"] as? [String: Any])
            for key in ["level_change", "level_change_se", "slope_change", "slope_change_se"] {
                #expect(its[key] is Double, "its misses \(key)")
            }
            #expect((ward["reduction_ci95"] as? [Double])?.count == 2)
            #expect(ward["group"] == nil, "no --group-by: no group field")
            // One sign convention: the change is the reduction with its sign turned.
            if let change = ward["change_percent"] as? Double, let reduction = ward["reduction_percent"] as? Double {
                #expect(abs(change + reduction) < 1e-9)
            }
            let verdicts = ["insufficient_data", "significant_increase", "exceeds", "meets", "below", "no_clear_change"]
            #expect(verdicts.contains(ward["verdict"] as? String ?? ""))
        }
        for (rows, hasTrust) in [(trusts, true), (programme, false)] {
            for row in rows {
                #expect((row["trust"] != nil) == hasTrust)
                for key in ["measure", "wards", "wards_with_estimate", "verdict", "wards_by_verdict", "ratio_of_totals",
                            "mean_reduction_percent", "median_reduction_percent", "random_effects", "wards_reaching"] {
                    #expect(row[key] != nil, "pooled row misses \(key)")
                }
                let totals = try #require(row["ratio_of_totals"] as? [String: Any])
                for key in ["rate_ratio", "rate_ratio_ci95", "change_percent", "change_ci95", "reduction_percent",
                            "reduction_ci95"] { #expect(totals[key] != nil) }
                // Wards with an estimate are all the wards with a defined figure, whatever
                // its sign; the verdict counts add up to every ward.
                let byVerdict = try #require(row["wards_by_verdict"] as? [String: Int])
                #expect(byVerdict.values.reduce(0, +) == row["wards"] as? Int)
                let effects = try #require(row["random_effects"] as? [String: Any])
                for key in ["rate_ratio", "reduction_percent", "reduction_ci95", "tau2", "i2"] { #expect(effects[key] != nil) }
                let reaching = try #require(row["wards_reaching"] as? [String: Any])
                #expect(Set(reaching.keys) == ["15", "25", "100"])
            }
        }
    }

    @Test func benchmark20_addsAWardsReachingKey_andTheVerdictsUseIt() throws {
        let result = try CLIRunner.run(["evaluate", "SampleData/wards.csv", "--events", "SampleData/events.csv",
                                        "--measure", "restraint", "--benchmark", "20", "--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let object = try Self.json(result.stdout)
        let programme = try #require((object["programme"] as? [[String: Any]])?.first)
        let reaching = try #require(programme["wards_reaching"] as? [String: Int])
        #expect(Set(reaching.keys) == ["15", "20", "25", "100"])
        #expect(reaching["15"]! >= reaching["20"]! && reaching["20"]! >= reaching["25"]!)
        for ward in try #require(object["wards"] as? [[String: Any]]) {
            guard let interval = ward["reduction_ci95"] as? [Double], let reduction = ward["reduction_percent"] as? Double,
                  let ratioInterval = ward["rate_ratio_ci95"] as? [Double] else { continue }
            let counts = [ward["baseline"], ward["comparison"]].compactMap { ($0 as? [String: Any])?["count"] as? Int }
            let expected = counts.reduce(0, +) < 10 ? "insufficient_data"
                : ratioInterval[0] > 1 ? "significant_increase" : interval[0] > 20 ? "exceeds"
                : interval[0] > 0 && reduction >= 20 ? "meets" : interval[0] > 0 ? "below" : "no_clear_change"
            #expect(ward["verdict"] as? String == expected)
        }
        let table = try CLIRunner.run(["evaluate", "SampleData/wards.csv", "--measure", "restraint", "--benchmark", "20"])
        #expect(table.stdout.contains("Programme against the 20% benchmark"))
    }

    // MARK: Windows on the command line

    @Test func windowFlags_arePrintedAndApplied() throws {
        let file = try Self.weeklyFile([("T1", "A", "restraint", Self.flat(20, 3) + Self.flat(20, 1))])
        defer { Self.remove(file) }
        let result = try CLIRunner.run(["evaluate", file.path, "--baseline-until", "2024-02-26", "--from", "2024-06-03",
                                        "--to", "2024-08-26", "--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let ward = try #require((try Self.json(result.stdout)["wards"] as? [[String: Any]])?.first)
        let baseline = try #require(ward["baseline"] as? [String: Any])
        let comparison = try #require(ward["comparison"] as? [String: Any])
        #expect(baseline["start"] as? String == "2024-01-01" && baseline["end"] as? String == "2024-02-26")
        #expect(comparison["start"] as? String == "2024-06-03" && comparison["end"] as? String == "2024-08-26")
        #expect(baseline["exposure"] as? Double == 900 && comparison["exposure"] as? Double == 1300)
        #expect(baseline["rate"] as? Double == 30 && comparison["rate"] as? Double == 10)

        let table = try CLIRunner.run(["evaluate", file.path, "--baseline-weeks", "10", "--provisional", "2"])
        #expect(table.status == 0)
        #expect(table.stdout.contains("baseline 1 Jan 2024 to 4 Mar 2024 (10 weeks); comparison 11 Mar 2024 to 16 Sep 2024 (28 weeks)"))
        #expect(table.stdout.contains("provisional"))
    }

    @Test func defaultWindows_overlapping_areHalves_withANote() throws {
        let file = try Self.weeklyFile([("T1", "A", "restraint", Self.flat(11, 3) + Self.flat(10, 1))])
        defer { Self.remove(file) }
        let result = try CLIRunner.run(["evaluate", file.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("baseline 1 Jan 2024 to 4 Mar 2024 (10 weeks); comparison 18 Mar 2024 to 20 May 2024 (10 weeks)"))
        #expect(result.stdout.contains("the middle one in neither"))
    }

    @Test func fewerThan8Periods_nullFigures_warning_exitZero() throws {
        let file = try Self.weeklyFile([("T1", "Short", "restraint", Self.flat(7, 2)), ("T1", "Long", "restraint", Self.flat(20, 2))])
        defer { Self.remove(file) }
        let result = try CLIRunner.run(["evaluate", file.path, "--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("could not be evaluated"))
        let wards = try #require(try Self.json(result.stdout)["wards"] as? [[String: Any]])
        let short = try #require(wards.first { $0["ward"] as? String == "Short" })
        for key in ["baseline", "comparison", "rate_ratio", "reduction_percent", "reduction_ci95", "its"] {
            #expect(short[key] is NSNull, "\(key) should be null")
        }
        #expect(short["verdict"] as? String == "insufficient_data")
        #expect((short["warnings"] as? [String])?.first?.contains("fewer than 8") == true)
        let table = try CLIRunner.run(["evaluate", file.path])
        #expect(table.status == 0)
        #expect(table.stdout.contains("T1 Short restraint: not evaluated"))
    }

    @Test func exposure_withoutBedDays_isPeriods_ratesPerWeek() throws {
        let file = try Self.weeklyFile([("T1", "A", "awol", Self.flat(10, 4) + Self.flat(10, 2))], bedDays: false)
        defer { Self.remove(file) }
        let result = try CLIRunner.run(["evaluate", file.path, "--format", "json"])
        #expect(result.status == 0)
        let object = try Self.json(result.stdout)
        #expect(object["exposure"] as? String == "periods")
        #expect(object["chart"] as? String == "c")
        let ward = try #require((object["wards"] as? [[String: Any]])?.first)
        let baseline = try #require(ward["baseline"] as? [String: Any])
        #expect(baseline["exposure"] as? Double == 10 && baseline["rate"] as? Double == 4)
        #expect(ward["reduction_percent"] as? Double == 50)
        let table = try CLIRunner.run(["evaluate", file.path])
        #expect(table.stdout.contains("T1 A awol: 4 → 2 per week, −50%"))
    }

    // MARK: Suppression

    @Test func suppressBelow_hidesSmallCounts_andWhatDerivesFromThem_inEveryFormat() throws {
        // Ward Small: 3 incidents before (hidden with K = 5), 6 after; Big: 40 → 20 (shown).
        let file = try Self.weeklyFile([("T1", "Small", "restraint", [1, 0, 1, 0, 1, 0, 0, 0, 0, 0] + [1, 1, 1, 1, 1, 1, 0, 0, 0, 0]),
                                        ("T1", "Big", "restraint", Self.flat(10, 4) + Self.flat(10, 2))])
        defer { Self.remove(file) }
        let events = try CLIRunner.temporaryFile(named: "events.csv", contents: "trust,ward,date,label\nT1,Small,2024-03-11,joined\nT1,Big,2024-03-11,joined\n")
        defer { Self.remove(events) }
        let base = ["evaluate", file.path, "--events", events.path, "--suppress-below", "5"]

        let json = try CLIRunner.run(base + ["--format", "json"])
        #expect(json.status == 0, "stderr: \(json.stderr)")
        let wards = try #require(try Self.json(json.stdout)["wards"] as? [[String: Any]])
        let small = try #require(wards.first { $0["ward"] as? String == "Small" })
        let baseline = try #require(small["baseline"] as? [String: Any])
        #expect(baseline["count"] is NSNull && baseline["rate"] is NSNull && baseline["suppressed"] as? Bool == true)
        #expect(baseline["exposure"] as? Double == 1000)
        #expect(small["suppressed"] as? Bool == true)
        // The comparison's own count is not small: it and its rate are shown.
        #expect((small["comparison"] as? [String: Any])?["count"] as? Int == 6)
        for key in ["rate_ratio", "rate_ratio_ci95", "change_percent", "change_ci95", "reduction_percent",
                    "reduction_ci95", "centre_change_percent", "its"] {
            #expect(small[key] is NSNull, "\(key) should be withheld")
        }
        let big = try #require(wards.first { $0["ward"] as? String == "Big" })
        #expect((big["baseline"] as? [String: Any])?["count"] as? Int == 40)
        #expect(big["suppressed"] == nil && big["reduction_percent"] as? Double == 50)

        let csv = try CLIRunner.run(base + ["--format", "csv"])
        let rows = csv.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = try #require(rows.first)
        let smallRow = try #require(rows.first { $0.count > 2 && $0[0] == "ward" && $0[2] == "Small" })
        func cell(_ name: String) -> String { smallRow[header.firstIndex(of: name)!] }
        #expect(cell("baseline_count") == "*" && cell("comparison_count") == "6")
        for name in ["baseline_rate", "comparison_rate", "rate_ratio", "change_percent", "change_ci95_low",
                     "reduction_percent", "reduction_ci95_low", "centre_change_percent", "its_level_change"] {
            #expect(cell(name) == "", "\(name) should be empty")
        }
        #expect(cell("baseline_exposure") == "1000")

        let table = try CLIRunner.run(base)
        #expect(table.stdout.contains("T1 Small restraint: counts * → 6 (small numbers withheld)"))
        #expect(!table.stdout.contains("T1 Small restraint: 3"))

        let markdown = try CLIRunner.run(base + ["--format", "markdown"])
        let smallLine = try #require(markdown.stdout.split(separator: "\n").first { $0.contains("| Small |") })
        #expect(smallLine.contains("| * incidents | 6 incidents |"))
        #expect(!smallLine.contains("%"), "no change or centre line for a suppressed ward: \(smallLine)")
    }

    // MARK: CSV and Markdown

    @Test func csv_isExcelSafe_forTextCells_andLeavesNumbersAlone() throws {
        let file = try Self.weeklyFile([("T1", "=HYPERLINK(\"http://x.example\",\"y\")", "restraint", Self.flat(10, 1) + Self.flat(10, 3)),
                                        ("T1", "-3 South", "restraint", Self.flat(10, 3) + Self.flat(10, 1)),
                                        ("@T2", "+Ward", "restraint", Self.flat(10, 2) + Self.flat(10, 2))])
        defer { Self.remove(file) }
        let result = try CLIRunner.run(["evaluate", file.path, "--format", "csv"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("level,trust,ward,measure,wards,") == true)
        #expect(lines.contains { $0.hasPrefix("ward,T1,\"'=HYPERLINK(\"\"http://x.example\"\",\"\"y\"\")\",restraint,") })
        let south = try #require(lines.first { $0.hasPrefix("ward,T1,'-3 South,restraint,") })
        #expect(lines.contains { $0.hasPrefix("ward,'@T2,'+Ward,restraint,") })
        #expect(lines.contains { $0.hasPrefix("trust,'@T2,,restraint,1,") })
        // The −3 South reduction is 66.67%, the HYPERLINK ward's −200%: a negative number
        // is written as a plain number, never prefixed.
        let hyperlink = try #require(lines.first { $0.contains("HYPERLINK") })
        #expect(hyperlink.contains(",-200,"))
        #expect(!hyperlink.contains(",'-"))
        #expect(south.contains(",66.66666666666667,") || south.contains(",66.66666666666666,"))
    }

    @Test func csv_hasWardTrustAndProgrammeRows_andADimensionColumnOnlyWhenGrouped() throws {
        let result = try CLIRunner.run(["evaluate", "SampleData/wards.csv", "--events", "SampleData/events.csv",
                                        "--trust", "RX2", "--format", "csv"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let rows = result.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = try #require(rows.first)
        #expect(!header.contains("group") && !header.contains("subtype"))
        #expect(header.contains("change_percent") && header.contains("wards_with_estimate") && !header.contains("wards_with_reduction"))
        let body = rows.dropFirst()
        #expect(body.allSatisfy { $0.count == header.count })
        let levels = body.map { $0[0] }
        #expect(levels.filter { $0 == "ward" }.count == 12 * 6)
        #expect(levels.filter { $0 == "trust" }.count == 6 && levels.filter { $0 == "programme" }.count == 6)
        func cell(_ row: [String], _ name: String) -> String { row[header.firstIndex(of: name)!] }
        for row in body {
            if let change = Double(cell(row, "change_percent")), let reduction = Double(cell(row, "reduction_percent")) {
                #expect(abs(change + reduction) < 1e-9, "one sign convention")
            }
            #expect(["insufficient_data", "significant_increase", "exceeds", "meets", "below", "no_clear_change"].contains(cell(row, "verdict")))
        }
        // A programme row's counts are the totals of its wards.
        let restraint = try #require(body.first { $0[0] == "programme" && cell($0, "measure") == "restraint" })
        let wardRows = body.filter { $0[0] == "ward" && cell($0, "measure") == "restraint" }
        #expect(Int(cell(restraint, "baseline_count")) == wardRows.compactMap { Int(cell($0, "baseline_count")) }.reduce(0, +))
        #expect(cell(restraint, "wards") == "12" && cell(restraint, "ward") == "" && cell(restraint, "trust") == "")

        let grouped = try CLIRunner.run(["evaluate", "SampleData/wards.csv", "--group-by", "context", "--measure", "self_harm",
                                         "--trust", "RX2", "--format", "csv"])
        let groupedHeader = try #require(grouped.stdout.split(separator: "\n").first).split(separator: ",").map(String.init)
        #expect(Array(groupedHeader.prefix(6)) == ["level", "trust", "ward", "measure", "context", "wards"])
        #expect(grouped.stdout.contains(",self_harm,on_leave,"))
    }

    @Test func markdown_rendersBoardPaperTables_withTheSexualSafetyNote() throws {
        let file = try Self.weeklyFile([("T1", "A|B", "sexual_safety", Self.flat(10, 1) + Self.flat(10, 2)),
                                        ("T1", "C", "restraint", Self.flat(10, 4) + Self.flat(10, 1))])
        defer { Self.remove(file) }
        let result = try CLIRunner.run(["evaluate", file.path, "--format", "markdown"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "## Against the 15% benchmark")
        #expect(lines.contains("### Trusts") && lines.contains("### Wards"))
        // Every table row has the same number of unescaped pipes as its header.
        func cells(_ line: String) -> Int { line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count }
        let wardHeader = try #require(lines.first { $0.hasPrefix("| trust | ward | measure |") })
        let wardRows = lines.drop { $0 != wardHeader }.dropFirst(2).prefix { $0.hasPrefix("|") }
        #expect(wardRows.count == 2)
        for row in wardRows { #expect(cells(row) == cells(wardHeader), "\(row)") }
        #expect(wardRows.contains { $0.contains("| A\\|B |") })
        #expect(result.stdout.contains("| T1 | C | restraint | 40 (40) | 10 (10) | −75% ("))
        // The measure catalogue's caveat, once.
        #expect(result.stdout.contains("_A rise in sexual-safety reports can mean better reporting rather than more harm; read its signals with the ward._"))
    }

    @Test func sexualSafety_noteInTableAndJSON() throws {
        let result = try CLIRunner.run(["evaluate", "SampleData/wards.csv", "--events", "SampleData/events.csv",
                                        "--measure", "sexual_safety", "--ward", "Alder", "--format", "json"])
        #expect(result.status == 0)
        let ward = try #require((try Self.json(result.stdout)["wards"] as? [[String: Any]])?.first)
        #expect((ward["notes"] as? [String])?.contains { $0.contains("better reporting") } == true)
        let table = try CLIRunner.run(["evaluate", "SampleData/wards.csv", "--measure", "sexual_safety", "--ward", "Alder"])
        #expect(table.stdout.contains("note: A rise in sexual-safety reports can mean better reporting rather than more harm"))
        let restraint = try CLIRunner.run(["evaluate", "SampleData/wards.csv", "--measure", "restraint", "--ward", "Alder"])
        #expect(!restraint.stdout.contains("better reporting"))
    }

    // MARK: Grouping and models

    @Test func groupBySubtype_andContext_poolPerValue_keepingOtherMeasures() throws {
        let subtype = try CLIRunner.run(["evaluate", "SampleData/wards.csv", "--group-by", "subtype", "--trust", "RX1",
                                         "--format", "json"])
        #expect(subtype.status == 0, "stderr: \(subtype.stderr)")
        let object = try Self.json(subtype.stdout)
        let programme = try #require(object["programme"] as? [[String: Any]])
        #expect(object["group_by"] as? String == "subtype")
        // The dimension's value is under its own name, on every row (null without one).
        let groups = Set(programme.map { "\($0["measure"] as! String)/\($0["subtype"] as? String ?? "-")" })
        #expect(programme.allSatisfy { $0.keys.contains("subtype") && $0["group"] == nil })
        #expect(groups.isSuperset(of: ["restraint/prone", "restraint/supine", "restraint/standing", "restraint/seated",
                                       "restraint/other", "awol/-", "seclusion/-"]))
        #expect(!groups.contains("restraint/-"))
        #expect((object["wards"] as? [[String: Any]])?.count == 13 * (5 + 5))

        let context = try CLIRunner.run(["evaluate", "SampleData/wards.csv", "--group-by", "context", "--measure", "self_harm"])
        #expect(context.status == 0)
        for value in ["on_ward", "on_leave", "awol"] { #expect(context.stdout.contains("self_harm · \(value) (36 wards)")) }

        let missing = try Self.weeklyFile([("T1", "A", "restraint", Self.flat(20, 1))])
        defer { Self.remove(missing) }
        let noColumn = try CLIRunner.run(["evaluate", missing.path, "--group-by", "subtype"])
        #expect(noColumn.status == 2)
        #expect(noColumn.stderr.contains("needs a `subtype` column"))
    }

    @Test func itsPoisson_reportsTheModel() throws {
        let result = try CLIRunner.run(["evaluate", "SampleData/wards.csv", "--events", "SampleData/events.csv",
                                        "--its", "poisson", "--measure", "restraint", "--trust", "RX1", "--format", "json"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let wards = try #require(try Self.json(result.stdout)["wards"] as? [[String: Any]])
        #expect(wards.count == 13)
        for ward in wards {
            let its = try #require(ward["its"] as? [String: Any])
            #expect(its["model"] as? String == "poisson")
            #expect((its["level_change_se"] as? Double).map { $0 > 0 } == true)
        }
    }

    @Test func badFlags_exitTwo_withAMessage() throws {
        let both = try CLIRunner.run(["evaluate", "SampleData/wards.csv", "--baseline-until", "2023-12-25", "--baseline-weeks", "10"])
        #expect(both.status == 2)
        #expect(both.stderr.contains("not both"))
        let backwards = try CLIRunner.run(["evaluate", "SampleData/wards.csv", "--from", "2024-07-01", "--to", "2024-01-01"])
        #expect(backwards.status == 2)
        let notADate = try CLIRunner.run(["evaluate", "SampleData/wards.csv", "--from", "2024-13-01"])
        #expect(notADate.status == 2)
    }

    // MARK: Funnel

    @Test func funnel_needsExactlyOneMeasure() throws {
        for arguments in [["funnel", "SampleData/wards.csv"],
                          ["funnel", "SampleData/wards.csv", "--measure", "restraint", "--measure", "awol"]] {
            let result = try CLIRunner.run(arguments)
            #expect(result.status == 2)
            #expect(result.stderr.contains("exactly one --measure"))
        }
        let unknown = try CLIRunner.run(["funnel", "SampleData/wards.csv", "--measure", "nosuch"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no ward has nosuch data"))
    }

    @Test func funnel_jsonAndCSV_agree_andPositionsAreConsistentWithTheLimits() throws {
        for extra in [[String](), ["--overdispersion"]] {
            let arguments = ["funnel", "SampleData/wards.csv", "--measure", "restraint", "--observed-from", "2025-01-06"] + extra
            let json = try CLIRunner.run(arguments)
            #expect(json.status == 0, "stderr: \(json.stderr)")
            let object = try Self.json(json.stdout)
            #expect(object["schema"] as? String == "wardspc/funnel@1")
            let target = try #require(object["target"] as? Double)
            let wards = try #require(object["wards"] as? [[String: Any]])
            let limits = try #require(object["limits"] as? [[String: Double]])
            #expect(wards.count == 36 && limits.count > 20)
            // The pooled rate is the target.
            let counts = wards.map { $0["count"] as! Double }, exposures = wards.map { $0["exposure"] as! Double }
            #expect(abs(counts.reduce(0, +) / exposures.reduce(0, +) * 1000 - target) < 1e-9 * target)
            // The limits widen as exposure falls, and always bracket the target.
            for (smaller, larger) in zip(limits, limits.dropFirst()) {
                #expect(smaller["exposure"]! < larger["exposure"]!)
                #expect(smaller["upper998"]! >= larger["upper998"]! - 1e-9)
                #expect(smaller["upper95"]! >= larger["upper95"]! - 1e-9)
            }
            for limit in limits {
                #expect(limit["lower998"]! <= limit["lower95"]! && limit["lower95"]! <= target)
                #expect(target <= limit["upper95"]! && limit["upper95"]! <= limit["upper998"]!)
            }
            // Positions: above/below the target on the right side, 99.8% outside ⇒ 95% outside,
            // and against the limits of the nearest curve exposures on either side.
            for ward in wards {
                let rate = ward["rate"] as! Double, exposure = ward["exposure"] as! Double
                let p95 = ward["position95"] as! String, p998 = ward["position998"] as! String
                if p95 == "above" { #expect(rate > target) }
                if p95 == "below" { #expect(rate < target) }
                if p998 != "inside" { #expect(p95 == p998) }
                let below = limits.last { $0["exposure"]! <= exposure }, above = limits.first { $0["exposure"]! >= exposure }
                if let below, let above {
                    // Limits narrow with exposure: the ward's lie between its neighbours'.
                    if rate > below["upper95"]! { #expect(p95 == "above") }
                    if rate < above["upper95"]! && rate > above["lower95"]! { #expect(p95 == "inside") }
                    if rate < below["lower95"]! { #expect(p95 == "below") }
                }
            }
            let csv = try CLIRunner.run(arguments + ["--format", "csv"])
            #expect(csv.status == 0)
            let lines = csv.stdout.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
            #expect(lines.first == ["trust", "ward", "measure", "count", "exposure", "rate", "target", "z", "position95", "position998"])
            #expect(lines.count == wards.count + 1)
            for (line, ward) in zip(lines.dropFirst(), wards) {
                #expect(line[1] == ward["ward"] as? String && line[8] == ward["position95"] as? String
                        && line[9] == ward["position998"] as? String)
            }
        }
    }
}
