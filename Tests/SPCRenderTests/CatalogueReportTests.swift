import Foundation
import Testing
@testable import SPCRender
import SPCCore
import WardData
import WardSPC

/// The report as the measure catalogue shapes it: the sample's ligature assessments on a p
/// chart, the headline judging against the benchmark only where it applies, the captions'
/// caveats and the methods' directions from the catalogue.
@Suite struct CatalogueReportTests {
    static let content: ReportContent = {
        let root = TestSeries.repositoryRoot.path
        do {
            let dataset = try WardDataReader.read(path: root + "/SampleData/wards.csv")
            var choices = RequestChoices()
            choices.events = try WardEventsReader.read(path: root + "/SampleData/events.csv")
            choices.filters.wards = ["Alder", "Brook", "Harbour", "Oak"]
            let request = try AnalysisRequest.resolve(choices, purpose: .picture, facts: DatasetFacts(dataset))
            let about = ReportBuilder.About(dataFile: "SampleData/wards.csv", eventsFile: "SampleData/events.csv",
                                            generated: "2026-01-01")
            return try ReportBuilder.content(dataset, request: request, about: about)
        } catch {
            fatalError("the sample report: \(error)")
        }
    }()
    static let html = HTMLReport.build(content).index.string

    @Test func sampleReport_drawsLigatureAssessmentsAsPCharts() {
        let ligature = Self.content.series.filter { $0.measure == SampleProgramme.ligatureMeasure }
        #expect(ligature.count == 4)
        #expect(ligature.allSatisfy { $0.chart == .p && $0.rules.improvement == .increase })
        #expect(Self.html.contains("p chart (proportions) of ligature assessments on time (proportion: assessments completed on time of those due)"))
        #expect(Self.html.contains("a process measure (completed of those due)"))
    }

    @Test func headline_leavesOutTheProcessMeasure_andJudgesOnlyRestrictivePracticeAgainstTheBenchmark() throws {
        let headline = try #require(Self.content.headline)
        let byMeasure = Dictionary(uniqueKeysWithValues: headline.measures.map { ($0.measure, $0) })
        #expect(byMeasure[SampleProgramme.ligatureMeasure] == nil)
        for measure in ["restraint", "seclusion", "rapid_tranquillisation"] {
            #expect(byMeasure[measure]?.benchmarkApplies == true, "\(measure)")
        }
        for measure in ["self_harm", "awol", "sexual_safety"] {
            let card = try #require(byMeasure[measure])
            #expect(!card.benchmarkApplies)
            #expect(!["exceeds", "meets", "below"].contains(card.verdict ?? ""), "\(measure)")
            #expect(card.verdictWords?.contains("benchmark") == false, "\(measure): \(card.verdictWords ?? "")")
        }
        #expect(byMeasure["sexual_safety"]?.note == MeasureCatalogue.sexualSafetyCaveat)
        #expect(headline.notes.contains { $0.contains("judged on the interval alone") })
        #expect(headline.notes.contains { $0.hasPrefix("Ligature assessments on time: a process measure") })
    }

    @Test func captionsAndMethods_comeFromTheCatalogue() {
        let caveats = Self.html.components(separatedBy: "A rise in sexual-safety reports can mean better reporting").count - 1
        // Under each of the four wards' sexual-safety charts, and on its headline card.
        #expect(caveats >= 4)
        #expect(Self.html.contains("higher is better for ligature assessments on time"))
        #expect(Self.html.contains("neither direction is better for sexual safety"))
        #expect(Self.html.contains("lower is better for AWOL, rapid tranquillisation, restraint"))
        #expect(!Self.html.contains("lower is better for every measure"))
    }

    @Test func measuresFileLabel_reachesTheChartTitlesAndTheHeadline() throws {
        let root = TestSeries.repositoryRoot.path
        let dataset = try WardDataReader.read(path: root + "/SampleData/wards.csv")
        var choices = RequestChoices()
        var catalogue = MeasureCatalogue.builtIn
        var restraint = catalogue.definition(of: "restraint")
        restraint.label = "Physical holds"
        catalogue.set(restraint)
        choices.catalogue = catalogue
        choices.filters.wards = ["Alder"]
        choices.filters.measures = ["restraint"]
        let request = try AnalysisRequest.resolve(choices, purpose: .picture, facts: DatasetFacts(dataset))
        let content = try ReportBuilder.content(dataset, request: request,
                                                about: ReportBuilder.About(dataFile: "wards.csv", generated: "2026-01-01"))
        #expect(content.series.allSatisfy { $0.measureLabel == "Physical holds" })
        let html = HTMLReport.build(content).index.string
        #expect(html.contains("RX1 · Alder · Physical holds"))
        #expect(content.headline?.measures.first?.label == "Physical holds")
    }
}
