#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
import WardData
@testable import WardSPC

@Suite struct SampleProgrammeTests {
    /// The committed sample: built once, shared by the tests that only read it.
    static let programme = SampleProgramme()
    static let wardsText = programme.wardsCSV()
    static let eventsText = programme.eventsCSV()
    static let equityText = programme.equityCSV()

    /// The wards file as rows of fields (the sample writes no quoted fields).
    static let wardRows: [[String]] = wardsText.split(separator: "\n").dropFirst()
        .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }

    // MARK: Determinism

    @Test func sameSeed_givesIdenticalFiles() {
        let again = SampleProgramme(seed: SampleProgramme.defaultSeed)
        #expect(again.wardsCSV() == Self.wardsText)
        #expect(again.eventsCSV() == Self.eventsText)
        #expect(again.equityCSV() == Self.equityText)
    }

    @Test func differentSeed_givesDifferentFiles() {
        let other = SampleProgramme(seed: 2027)
        #expect(other.wardsCSV() != Self.wardsText)
        #expect(other.eventsCSV() != Self.eventsText)
        #expect(other.equityCSV() != Self.equityText)
    }

    @Test func xoshiro256StarStar_matchesTheReferenceOutputs() {
        // Blackman & Vigna's xoshiro256starstar.c from state {1, 2, 3, 4} (as in rand_xoshiro's tests).
        var random = SampleRandom(state: (1, 2, 3, 4))
        #expect((0..<5).map { _ in random.next() } == [11520, 0, 1_509_978_240, 1_215_971_899_390_074_240, 1_216_172_134_540_287_360])
    }

    @Test func randomStream_isPinnedForTheDefaultSeed() {
        // A change here changes every committed sample file: regenerate SampleData/ with it.
        var random = SampleRandom(seed: 2026)
        #expect((0..<3).map { _ in random.next() } == [826_387_137_138_331_767, 10_103_760_542_516_964_429, 5_153_485_916_201_436_118])
        var otherStream = SampleRandom(seed: 2026, stream: 1)
        #expect(otherStream.next() != 826_387_137_138_331_767)
    }

    @Test func committedSampleData_isWhatTheGeneratorWrites() throws {
        // Tests/WardSPCTests/SampleProgrammeTests.swift → the package root.
        let root = String(#filePath.split(separator: "/", omittingEmptySubsequences: false).dropLast(3).joined(separator: "/"))
        for (name, text) in [("wards.csv", Self.wardsText), ("events.csv", Self.eventsText), ("equity.csv", Self.equityText)] {
            let file = try InputFile(path: root + "/SampleData/" + name)
            let committed = file.withBytes { String(decoding: $0, as: UTF8.self) }
            #expect(committed == text, "SampleData/\(name) differs from `wardspc sample --out SampleData`; regenerate it")
        }
    }

    // MARK: Shape

    @Test func wardsFile_hasTheLongFormatHeader() {
        #expect(Self.wardsText.hasPrefix("trust,ward,measure,week_start,subtype,context,count,bed_days\n"))
        #expect(Self.wardRows.allSatisfy { $0.count == 8 })
    }

    @Test func wardsFile_covers3Trusts36Wards156MondaysAndSevenMeasures() {
        let rows = Self.wardRows
        #expect(Set(rows.map { $0[0] }) == ["RX1", "RX2", "RX3"])
        #expect(Set(rows.map { $0[0] + "/" + $0[1] }).count == 36)
        #expect(Set(rows.map { $0[2] }) == ["restraint", "seclusion", "rapid_tranquillisation",
                                             "self_harm", "awol", "sexual_safety", "ligature_assessments"])
        let weeks = Set(rows.map { $0[3] }).sorted()
        #expect(weeks.count == 156)
        #expect(weeks.first == "2023-01-02")
        #expect(weeks.last == "2025-12-22")
        let first = CivilDate(year: 2023, month: 1, day: 2)!
        #expect(weeks == (0..<156).map { first.adding(days: 7 * $0).iso })
        #expect(first.weekday == .monday)
    }

    @Test func dimensions_areFilledOnlyOnTheirMeasure() {
        for row in Self.wardRows {
            #expect(row[4].isEmpty == (row[2] != "restraint"), "subtype on \(row)")
            #expect(row[5].isEmpty == (row[2] != "self_harm"), "context on \(row)")
        }
        let rows = Self.wardRows
        #expect(Set(rows.filter { $0[2] == "restraint" }.map { $0[4] }) == ["prone", "supine", "standing", "seated", "other"])
        #expect(Set(rows.filter { $0[2] == "self_harm" }.map { $0[5] }) == ["on_ward", "on_leave", "awol"])
    }

    @Test func counts_areWholeNumbers_andBedDaysAreTheWardsOnEveryIncidentRowOfTheWeek() {
        var bedDays: [String: String] = [:]
        for row in Self.wardRows {
            #expect(Int(row[6]).map { $0 >= 0 } == true, "count in \(row)")
            #expect(Int(row[7]).map { $0 >= 0 } == true, "bed days in \(row)")
            // The process measure's denominator is the assessments due, not bed days.
            guard row[2] != SampleProgramme.ligatureMeasure else { continue }
            let key = row[0] + "/" + row[1] + "/" + row[3]
            if let earlier = bedDays[key] { #expect(earlier == row[7], "bed days of \(key)") } else { bedDays[key] = row[7] }
        }
    }

    /// Ligature assessments: completed on time of those due — never more than due, at least
    /// one due in every open week, 0 of 0 only in the closed ward's weeks — and on-time
    /// shares a ward manager would recognise (70–95%).
    @Test func ligatureAssessments_areCompletedOfDue_withSharesBetween70And95Percent() {
        let rows = Self.wardRows.filter { $0[2] == SampleProgramme.ligatureMeasure }
        #expect(rows.count == 36 * 156 - Self.programme.plans.reduce(0) { $0 + $1.missingWeeks.count })
        var completed = 0, due = 0
        for row in rows {
            let onTime = Int(row[6])!, dueNow = Int(row[7])!
            #expect(onTime <= dueNow, "\(row)")
            #expect(dueNow >= 1 || (row[0] == "RX2" && row[1] == "Oak"), "\(row)")
            completed += onTime
            due += dueNow
        }
        let share = Double(completed) / Double(due)
        #expect(share > 0.70 && share < 0.95, "on-time share \(share)")
    }

    @Test func rows_areOrderedByTrustWardMeasureWeek() {
        let keys = Self.wardRows.map { [$0[0], $0[1], $0[2], $0[3]] }
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0.lexicographicallyPrecedes($1) || $0 == $1 })
    }

    @Test func missingWeeks_haveNoRows_andTheClosedWardHasZeroRows() {
        let programme = Self.programme
        let missing = programme.plans.reduce(0) { $0 + $1.missingWeeks.count }
        #expect(missing > 0)
        let rowsPerWeek = 5 + 1 + 1 + 3 + 1 + 1 + 1  // restraint by subtype, …, ligature assessments
        #expect(Self.wardRows.count == (36 * 156 - missing) * rowsPerWeek)
        let closed = Self.wardRows.filter { $0[7] == "0" }
        #expect(closed.count == 8 * rowsPerWeek)
        #expect(Set(closed.map { $0[0] + " " + $0[1] }) == ["RX2 Oak"])
        #expect(closed.allSatisfy { $0[6] == "0" })
    }

    @Test func eventsFile_hasOneJoiningMondayPerWard() {
        let lines = Self.eventsText.split(separator: "\n")
        #expect(lines.first == "trust,ward,date,label,kind")
        #expect(lines.count == 37)
        let first = CivilDate(year: 2023, month: 1, day: 2)!
        for plan in Self.programme.plans {
            #expect((40...100).contains(plan.joinWeek))
            let expected = "\(plan.ward.trust),\(plan.ward.name),\(first.adding(days: 7 * plan.joinWeek).iso),Joined the restrictive practice collaborative,phase"
            #expect(lines.contains(Substring(expected)))
        }
    }

    // MARK: The collaborative's effect

    @Test func averageRestrictivePracticeReduction_is15Percent_withTwoWardsAt100() {
        let plans = Self.programme.plans
        #expect(abs(Self.programme.averageReduction - 0.15) < 0.005)
        #expect(plans.filter { $0.reduction == 1 }.count == 2)
        #expect(plans.allSatisfy { (0...1).contains($0.reduction) })
        #expect(plans.filter { $0.reduction < 1 }.allSatisfy { $0.reduction <= 0.9 })
    }

    @Test func restrictivePractice_fallsGraduallyAfterJoining() throws {
        let plan = try #require(Self.programme.plans.first { $0.reduction > 0.1 && $0.reduction < 1 })
        #expect(plan.restrictivePracticeFactor(week: plan.joinWeek - 1) == 1)
        #expect(plan.restrictivePracticeFactor(week: plan.joinWeek) == 1)
        let halfway = plan.restrictivePracticeFactor(week: plan.joinWeek + plan.rampWeeks / 2)
        #expect(halfway < 1 && halfway > 1 - plan.reduction)
        #expect(abs(plan.restrictivePracticeFactor(week: plan.joinWeek + plan.rampWeeks) - (1 - plan.reduction)) < 1e-12)
        #expect(abs(plan.restrictivePracticeFactor(week: 155) - (1 - plan.reduction)) < 1e-12)
    }

    @Test func sexualSafetyReports_riseAfterJoiningThenSettle() throws {
        let plan = try #require(Self.programme.plans.first)
        let factor = { plan.sexualSafetyFactor(week: $0, peakWeeks: 10, settledRise: 0.15) }
        #expect(factor(plan.joinWeek - 1) == 1)
        #expect(abs(factor(plan.joinWeek + 10) - (1 + 0.15 * (1 - exp(-1)) + plan.sexualSafetyPeak)) < 1e-12)
        #expect(factor(plan.joinWeek + 10) > factor(plan.joinWeek + 60))
        #expect(abs(factor(plan.joinWeek + 100) - 1.15) < 0.01)
    }

    // MARK: Samplers

    @Test(arguments: [0.5, 4, 10, 30, 250])
    func poisson_meanAndVarianceMatchLambda(lambda: Double) {
        var random = SampleRandom(seed: 7, stream: UInt64(lambda * 10))
        let draws = 200_000
        var sum = 0.0, sumOfSquares = 0.0
        for _ in 0..<draws {
            let value = Double(random.poisson(mean: lambda))
            sum += value
            sumOfSquares += value * value
        }
        let mean = sum / Double(draws)
        let variance = (sumOfSquares - sum * mean) / Double(draws - 1)
        // Five standard errors: SE(mean) = √(λ/n), SE(variance) ≈ √((λ + 2λ²)/n).
        #expect(abs(mean - lambda) < 5 * (lambda / Double(draws)).squareRoot())
        #expect(abs(variance - lambda) < 5 * ((lambda + 2 * lambda * lambda) / Double(draws)).squareRoot())
    }

    @Test(arguments: [4.0, 30.0])
    func poisson_frequenciesMatchTheProbabilityMassFunction(lambda: Double) {
        // Mean and variance could hide a wrong shape: compare each k's frequency with
        // P(X = k) = e^−λ·λᵏ/k!, within five binomial standard errors.
        var random = SampleRandom(seed: 5, stream: UInt64(lambda))
        let draws = 200_000
        var tally = [Int](repeating: 0, count: 200)
        for _ in 0..<draws { tally[min(random.poisson(mean: lambda), 199)] += 1 }
        for k in 0..<Int(3 * lambda) {
            let probability = exp(Double(k) * log(lambda) - lambda - lgamma(Double(k + 1)))
            let frequency = Double(tally[k]) / Double(draws)
            let tolerance = 5 * (probability * (1 - probability) / Double(draws)).squareRoot() + 1e-5
            #expect(abs(frequency - probability) < tolerance, "P(X = \(k)) for λ = \(lambda)")
        }
    }

    @Test func poisson_zeroFrequencyMatches_forSmallLambda() {
        var random = SampleRandom(seed: 11)
        let draws = 200_000
        let zeros = (0..<draws).filter { _ in random.poisson(mean: 0.5) == 0 }.count
        let expected = exp(-0.5)
        #expect(abs(Double(zeros) / Double(draws) - expected) < 5 * (expected * (1 - expected) / Double(draws)).squareRoot())
        #expect(random.poisson(mean: 0) == 0)
    }

    @Test(arguments: [0.7, 5.0])
    func gamma_meanAndVarianceMatchShape(shape: Double) {
        var random = SampleRandom(seed: 3)
        let draws = 200_000
        var sum = 0.0, sumOfSquares = 0.0
        for _ in 0..<draws {
            let value = random.gamma(shape: shape)
            sum += value
            sumOfSquares += value * value
        }
        let mean = sum / Double(draws)
        let variance = (sumOfSquares - sum * mean) / Double(draws - 1)
        #expect(abs(mean - shape) < 5 * (shape / Double(draws)).squareRoot())
        // Var of the sample variance of Gamma(k): (μ4 − σ⁴)/n with μ4 = 3k² + 6k.
        #expect(abs(variance - shape) < 5 * ((2 * shape * shape + 6 * shape) / Double(draws)).squareRoot())
    }

    @Test func portableMath_agreesWithTheSystemLibrary() {
        for x in [1e-300, 1e-9, 0.001, 0.3, 0.5, 0.999_999, 1, 1.000_001, 2, 3.7, 10, 123.456, 1e6, 1e300] {
            #expect(abs(PortableMath.log(x) - log(x)) <= 4 * log(x).ulp.magnitude + 1e-300, "log(\(x))")
        }
        for x in [-700.0, -30, -10, -4, -0.5, -1e-9, 0, 1e-9, 0.25, 1, 2.5, 30, 700] {
            #expect(abs(PortableMath.exp(x) - exp(x)) <= 4 * exp(x).ulp, "exp(\(x))")
        }
        #expect(PortableMath.logFactorial(0) == 0)
        for k in [1, 5, 19, 20, 21, 50, 170] {
            #expect(abs(PortableMath.logFactorial(k) - lgamma(Double(k + 1))) < 1e-12 * max(1, lgamma(Double(k + 1))), "log \(k)!")
        }
    }

    // MARK: Reading it back

    @Test func wardsFile_isReadByWardDataWithNoErrors() throws {
        let file = InputFile(name: "wards.csv", bytes: Array(Self.wardsText.utf8))
        let dataset = try WardDataReader.read(file, options: ReadOptions())
        #expect(dataset.format == .long)
        #expect(dataset.hasDenominator)
        #expect(dataset.dimensionNames == ["subtype", "context"])
        // Every row is kept except the closed ward's 0/0 rows, read as missing with one
        // warning for the ward that names how many rows and weeks.
        #expect(dataset.records.count == Self.wardRows.count - 8 * 13)
        #expect(dataset.warnings.count == 1)
        #expect(dataset.warnings.allSatisfy {
            $0.severity == .warning && $0.message.contains("denominator 0 on 104 rows (8 weeks from")
        })
    }
}

