import SPCCore
import Testing
@testable import WardSPC

/// The plain words of every verdict (table, Markdown and the report's headline cards), on
/// hand-worked counts; intervals are R's `poisson.test`.
@Suite struct VerdictWordsTests {
    static func words(_ ob: Int, _ tb: Double, _ oc: Int, _ tc: Double, benchmark: Double? = 15,
                      minimumIncidents: Int = 10) -> String {
        let counts = WardCounts(baselineCount: ob, baselineExposure: tb, comparisonCount: oc, comparisonExposure: tc)
        let ratio = RateRatio.compute(counts)
        let verdict = Verdict(rateRatio: ratio, benchmark: benchmark, minimumIncidents: minimumIncidents)
        return VerdictWords.sentence(verdict, counts: counts, rateRatioInterval: ratio?.interval, benchmark: benchmark,
                                     minimumIncidents: minimumIncidents)
    }

    @Test func theIssuesExamples() {
        // Heather: 65 → 65, 0% (−30% to +43%).
        #expect(Self.words(65, 100, 65, 100) == "no clear change: the interval runs from a 30% fall to a 43% rise")
        // Alder seclusion: 4 → 8 over 1,000 then 2,597 bed days, −23% (−79% to +249%).
        #expect(Self.words(4, 1000, 8, 2597) == "no clear change: the interval runs from a 79% fall to a 3.5-fold rise")
        #expect(Self.words(4, 100, 3, 100)
                == "too few incidents to judge: 4 in the baseline and 3 in the comparison (at least 10 are needed)")
        #expect(Self.words(0, 100, 12, 100) == "too few incidents to judge: none in the baseline, so a change from it cannot be measured")
    }

    @Test func everyVerdict() {
        // −50% (−61% to −36%).
        #expect(Self.words(200, 10000, 100, 10000)
                == "a clear reduction of more than 15%: the interval runs from a 36% to a 61% fall")
        // −43% (−68% to −2%).
        #expect(Self.words(40, 5200, 22, 5050)
                == "a clear reduction that meets the 15% benchmark on its estimate, though smaller falls are possible: the interval runs from a 2% to a 68% fall")
        // −89% (−99.7% to −20%) against 90%.
        #expect(Self.words(9, 1, 1, 1, benchmark: 90)
                == "a clear reduction, but below the 90% benchmark: the interval runs from a 20% to a 100% fall")
        #expect(Self.words(200, 10000, 100, 10000, benchmark: nil) == "a clear reduction: the interval runs from a 36% to a 61% fall")
        // +500% (+131% to +1881%): folds above a doubling.
        #expect(Self.words(5, 1000, 30, 1000) == "a clear increase: the interval runs from a 2.3-fold rise to a 20-fold rise")
        // +50% (+16% to +95%).
        #expect(Self.words(100, 1, 150, 1) == "a clear increase: the interval runs from a 16% to a 95% rise")
    }

    @Test func articles_followTheSpokenNumber() {
        #expect(VerdictWords.withArticle("8%") == "an 8%")
        #expect(VerdictWords.withArticle("11%") == "an 11%")
        #expect(VerdictWords.withArticle("18%") == "an 18%")
        #expect(VerdictWords.withArticle("83%") == "an 83%")
        #expect(VerdictWords.withArticle("1%") == "a 1%")
        #expect(VerdictWords.withArticle("110%") == "a 110%")
        #expect(VerdictWords.withArticle("8.5-fold") == "an 8.5-fold")
    }

    @Test func folds_roundAsSaid() {
        #expect(VerdictWords.fold(3.51) == "3.5")
        #expect(VerdictWords.fold(3.0) == "3")
        #expect(VerdictWords.fold(14.2) == "14")
    }

    @Test func theIntervalSentence_isOneSentence() {
        #expect(VerdictWords.intervalMeaning.hasPrefix("The 95% interval is the range of true changes"))
        #expect(VerdictWords.intervalMeaning.filter { $0 == "." }.count == 1)
    }
}
