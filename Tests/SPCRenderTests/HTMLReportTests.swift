import Foundation
import Testing
@testable import SPCRender
import SPCCore
import WardSPC

/// The report is one self-contained page.
@Suite struct HTMLReportTests {
    static func sampleContent(headline: ReportHeadline? = nil) -> ReportContent {
        let series = Array(TestSeries.sample.filter { ["Alder", "Brook", "Harbour"].contains($0.ward) })
        return ReportContent(title: "Sample programme", series: series,
                             provenance: .init(dataFile: "SampleData/wards.csv", eventsFile: "SampleData/events.csv",
                                               software: "wardspc 0.1.0", generated: "2026-01-01",
                                               settings: ["--chart u", "--rules mdc"]),
                             headline: headline)
    }

    @Test func html_hasNoExternalReference() throws {
        let page = HTMLReport.build(Self.sampleContent(headline: Self.headline)).index.string
        // The one script is the hover figures' own, fixed in the source; nothing else runs.
        let html = try #require(ReportScriptTests.withoutFigureScript(page))
        for forbidden in ["http:", "https:", "//", "src=", "@import", "<script", "<link", "<img", "<iframe", "xlink:href"] {
            #expect(!html.contains(forbidden), "index.html contains \(forbidden)")
        }
        // url() only for the page's own markers.
        #expect(html.components(separatedBy: "url(").dropFirst().allSatisfy { $0.hasPrefix("#inline-") })
        // Links stay inside the page.
        var rest = html[...]
        while let range = rest.range(of: "href=\"") {
            let after = rest[range.upperBound...]
            #expect(after.hasPrefix("#"), "external link: \(after.prefix(40))")
            rest = after
        }
    }

    @Test func html_hasEverySection_andAChartPerSeries() throws {
        let content = Self.sampleContent()
        let output = HTMLReport.build(content)
        let html = output.index.string
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<meta name=\"viewport\""))
        for id in ["summary", "overview", "trust-1", "ward-1-1", "data-quality", "methods"] {
            #expect(html.contains("id=\"\(id)\""), "missing section \(id)")
        }
        #expect(!html.contains("id=\"headline\""))  // no evaluation given
        #expect(html.components(separatedBy: "class=\"spc-chart\"").count - 1 == content.series.count)
        #expect(html.components(separatedBy: "class=\"reading\"").count - 1 == content.series.count)
        #expect(html.contains("wardspc 0.1.0"))
        // Files: one SVG per series, one grid per measure (7 in the sample), index.html last.
        let files = output.files
        #expect(files.last?.name == "index.html")
        #expect(Set(content.series.map(\.measure)).count == 7)
        #expect(files.count == content.series.count + 7 + 1)
        #expect(Set(files.map(\.name)).count == files.count)
    }

    @Test func html_inlineSVGHasUniqueIDs() throws {
        let html = HTMLReport.build(Self.sampleContent()).index.string
        var ids: [Substring] = []
        var rest = html[...]
        while let range = rest.range(of: " id=\"") {
            let after = rest[range.upperBound...]
            let end = after.firstIndex(of: "\"")!
            ids.append(after[..<end])
            rest = after[end...]
        }
        #expect(ids.count > 50)
        #expect(Set(ids).count == ids.count)
    }

    static let headline = ReportHeadline(
        comparison: "Weeks before each ward joined against the weeks from 40 weeks after joining.",
        measures: [.init(measure: "restraint", wards: 36, reductionPercent: 18.2,
                         reductionCI95: .init(low: 11.4, high: 24.5), verdict: "meets",
                         verdictWords: "a clear reduction that meets the 15% benchmark on its estimate, though smaller falls are possible: the interval runs from an 11% to a 25% fall",
                         wardsWithEstimate: 36,
                         reaching: [.init(percent: 15, wards: 17), .init(percent: 25, wards: 9), .init(percent: 100, wards: 2)])],
        notes: ["Pooled as a ratio of totals."])

    @Test func headline_isShownWhenGiven() throws {
        let html = HTMLReport.build(Self.sampleContent(headline: Self.headline)).index.string
        #expect(html.contains("id=\"headline\""))
        #expect(html.contains("18% lower"))
        #expect(html.contains("A clear reduction that meets the 15% benchmark on its estimate, though smaller falls are possible: the interval runs from an 11% to a 25% fall."))
        #expect(html.contains("17 of 36 ≥ 15%"))
    }

    @Test func iconSummary_putsWorstConcernsFirst() throws {
        let rows = IconSummary.rows(TestSeries.sample)
        #expect(rows.count == TestSeries.sample.count)
        let concerns = rows.map(\.concern)
        #expect(concerns == concerns.sorted())
        #expect(concerns.first == .concern)
        #expect(concerns.contains(.improvement))
    }

    @Test func dataQuality_listsMissingWeeks() throws {
        let dataset = try WardDataReader.read(path: TestSeries.repositoryRoot.path + "/SampleData/wards.csv")
        var content = Self.sampleContent()
        content.dataQuality = Validator.validate(dataset, chart: "u")
        let html = HTMLReport.build(content).index.string
        #expect(html.contains("72,592 records read"))
        #expect(html.contains("missing weeks"))
        #expect(html.contains("Oak"))
    }
}

extension HTMLReportTests {
    @Test func atAGlance_concernsAndLargestImprovementsFirst_theRestFolded() throws {
        let content = Self.sampleContent()
        let rows = IconSummary.rows(content.series)
        let (first, rest) = SummarySection.split(rows, series: content.series)
        // Every chart once, in one part or the other.
        #expect((first + rest).map(\.seriesIndex).sorted() == rows.map(\.seriesIndex).sorted())
        #expect(first.allSatisfy { [.concern, .failingTarget, .neutral, .improvement].contains($0.concern) })
        #expect(rows.filter { [.concern, .failingTarget, .neutral].contains($0.concern) }.allSatisfy { row in
            first.contains { $0.seriesIndex == row.seriesIndex } })
        let shown = first.filter { $0.concern == .improvement }
        #expect(shown.count <= SummarySection.improvementsShown)
        // No improvement left in the fold moved further in the better direction than one shown.
        let least = shown.map { IconSummary.betterness($0, content.series[$0.seriesIndex]) }.min() ?? .infinity
        #expect(rest.filter { $0.concern == .improvement }.allSatisfy {
            IconSummary.betterness($0, content.series[$0.seriesIndex]) <= least })
        let html = HTMLReport.build(content).index.string
        #expect(html.contains("<details class=\"summary-rest\">") == !rest.isEmpty)
        // Cells name their column for the phone layout.
        #expect(html.contains("data-label=\"Centre now\"") && html.contains("data-label=\"Change\""))
    }

    @Test func key_showsOnlyWhatThePageUses() throws {
        let content = Self.sampleContent()
        #expect(!content.series.contains { $0.assurance != nil })
        let html = HTMLReport.build(content).index.string
        let keyStart = try #require(html.range(of: "<div class=\"key\">"))
        let keyEnd = try #require(html.range(of: "</div>", range: keyStart.upperBound..<html.endIndex))
        let key = String(html[keyStart.upperBound..<keyEnd.lowerBound])
        for assurance in [AssuranceIcon.pass, .fail, .hitOrMiss] { #expect(!key.contains(IconShapes.words(assurance))) }
        let styles = Set(content.series.flatMap { $0.points.filter { $0.value != nil }.map(PointStyle.init) })
        #expect(key.contains("special cause: concern") == styles.contains(.concern))
        #expect(key.contains("special cause: improvement") == styles.contains(.improvement))
    }
}
