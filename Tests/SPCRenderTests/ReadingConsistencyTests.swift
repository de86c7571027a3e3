import Foundation
import Testing
@testable import SPCRender
import SPCCore
import WardData
import WardSPC

/// Issue 14's done-test: the sample report (as `wardspc report SampleData/wards.csv --events
/// SampleData/events.csv` draws it: `--chart auto`, mdc) shows no special cause on a stable
/// rare series, and no reading contradicts its chart.
@Suite struct ReadingConsistencyTests {
    /// The sample as the report resolves it.
    static let report: [SeriesReport] = {
        let root = TestSeries.repositoryRoot.path
        do {
            let dataset = try WardDataReader.read(path: root + "/SampleData/wards.csv")
            var choices = RequestChoices()
            choices.events = try WardEventsReader.read(path: root + "/SampleData/events.csv")
            let request = try AnalysisRequest.resolve(choices, purpose: .picture, facts: DatasetFacts(dataset))
            return try Analyzer.analyse(dataset, settings: request.analysis).series
        } catch {
            fatalError("cannot analyse the sample programme: \(error)")
        }
    }()

    /// The sample's plan changes restrictive practice and sexual-safety reporting only:
    /// AWOL and self-harm are stable in every ward (Sources/WardSPC/Sample).
    static let stableMeasures: Set<String> = ["awol", "self_harm"]

    @Test func stableRareSeries_showNoSpecialCause() {
        let rare = Self.report.filter {
            Self.stableMeasures.contains($0.measure) && ($0.chartReason ?? "").hasPrefix("rare")
        }
        #expect(rare.count >= 10, "the sample has stable rare series to test: \(rare.count)")
        for series in rare {
            let flagged = series.points.filter { PointStyle($0).isSpecialCause }
            #expect(flagged.isEmpty, "\(series.trust) \(series.ward) \(series.measure): \(flagged.count) special-cause points; \(ChartReading.sentence(series))")
        }
    }

    @Test func everyReading_agreesWithItsChart() {
        for series in Self.report {
            let problems = Self.contradictions(series)
            #expect(problems.isEmpty, "\(series.trust) \(series.ward) \(series.measure): \(problems)")
        }
    }

    /// Ways a reading can contradict its chart: its first words against the latest point's
    /// colour and the variation icon; a change between phases said without its direction.
    static func contradictions(_ series: SeriesReport) -> [String] {
        var problems: [String] = []
        let reading = ChartReading.sentence(series)
        guard let latest = series.points.last(where: { $0.value != nil && !$0.excluded }) else { return problems }
        let style = PointStyle(latest)
        let words: [(prefix: String, style: PointStyle?)] = [
            ("Special-cause improvement", .improvement), ("Special-cause concern", .concern),
            ("Special-cause variation", nil), ("Common-cause", .commonCause), ("Random variation", .commonCause),
            ("Non-random", .commonCause), ("Too few points", .commonCause), ("No limits or signals", .commonCause),
        ]
        if let match = words.first(where: { reading.hasPrefix($0.prefix) }) {
            if let expected = match.style, expected != style { problems.append("says ‘\(match.prefix)’ beside a \(style) point") }
            if match.style == nil, !(style == .neutralHigh || style == .neutralLow) { problems.append("says neutral beside \(style)") }
        } else {
            problems.append("unexpected opening: \(reading)")
        }
        if let icon = series.variation {
            let iconWords = IconShapes.words(icon).lowercased()
            if reading.hasPrefix("Special-cause improvement") && !iconWords.contains("improvement") { problems.append("icon \(iconWords)") }
            if reading.hasPrefix("Special-cause concern") && !iconWords.contains("concern") { problems.append("icon \(iconWords)") }
        }
        if series.phases.count > 1, series.rules.improvement != .neutral,
           reading.contains(" rose from ") || reading.contains(" fell from "),
           !(reading.contains("the better direction") || reading.contains("the worse direction")) {
            problems.append("a change between phases without its direction: \(reading)")
        }
        if reading.contains("the worse direction"), reading.hasPrefix("Special-cause improvement"),
           !reading.contains("this phase's") {
            problems.append("improvement beside a worse change, not tied to this phase: \(reading)")
        }
        return problems
    }
}
