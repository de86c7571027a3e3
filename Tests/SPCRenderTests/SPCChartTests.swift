import Testing
@testable import SPCRender
import WardSPC

/// What a chart must draw, counted in the parsed SVG.
@Suite struct SPCChartTests {
    @Test func featureChart_parsesAsXML_withTitleDescAndSize() throws {
        let report = try TestSeries.featureChart()
        let svg = try SVGInspector(SPCChart.svg(report))
        let root = try #require(svg.elements.first)
        #expect(root.name == "svg")
        #expect(root.attributes["viewBox"] == "0 0 480 300")
        #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(svg.elements.contains { $0.name == "title" && $0.parent == 0 && $0.text == "RX9 · Willow · Restraint" })
        let desc = try #require(svg.elements.first { $0.name == "desc" && $0.parent == 0 })
        #expect(desc.text.contains("u chart"))
        #expect(desc.text.contains("per 1,000 occupied bed days"))
    }

    @Test func onePointMarkPerObservation_eachWithATooltip() throws {
        let report = try TestSeries.featureChart()
        let svg = try SVGInspector(SPCChart.svg(report))
        let marks = svg.indices(withClass: "point")
        #expect(marks.count == report.points.filter { $0.value != nil }.count)
        #expect(marks.count == 39)  // 40 weeks, one missing
        for mark in marks {
            let title = try #require(svg.title(of: mark))
            #expect(title.hasPrefix("Week of "))
        }
        let first = try #require(svg.title(of: marks[0]))
        #expect(first.contains("Week of 1 Jan 2024: "))
        #expect(first.contains("(4 in 90 bed days)"))
        #expect(first.contains("Mean "))
    }

    @Test func oneCentreLinePerPhase_andLimitsWhereTheChartHasThem() throws {
        let report = try TestSeries.featureChart()
        #expect(report.phases.count == 2)
        let svg = try SVGInspector(SPCChart.svg(report))
        #expect(svg.elements(withClass: "centre").count == 2)
        #expect(svg.elements(withClass: "limit upper").count == 2)
        #expect(svg.elements(withClass: "limit lower").count == 2)
        // u-chart limits step with the bed days: vertical moves in the path.
        let upper = try #require(svg.elements(withClass: "limit upper").first?.attributes["d"])
        #expect(upper.lowercased().contains("v"))
        #expect(svg.elements(withClass: "phase-separator").count == 1)

        let run = try TestSeries.featureChart { $0.chart = .run; $0.rules = .anhoej }
        let runSVG = try SVGInspector(SPCChart.svg(run))
        #expect(runSVG.elements(withClass: "centre").count == 2)
        #expect(runSVG.elements(withClass: "limit").isEmpty)
        #expect(runSVG.elements.contains { $0.name == "text" && $0.text.hasPrefix("Median ") })
    }

    @Test func missingWeek_breaksTheLine_andAnMRChartsFirstPointHasNoMark() throws {
        let report = try TestSeries.featureChart()
        let svg = try SVGInspector(SPCChart.svg(report))
        let line = try #require(svg.elements(withClass: "data-line").first?.attributes["d"])
        #expect(PathPoints.subpaths(line) == 2)

        let complete = try TestSeries.analyse(TestSeries.weeklyCSV([3, 4, 5, 4, 3, 4, 5, 6, 4, 3, 4, 5, 4, 3]))[0]
        let unbroken = try #require(try SVGInspector(SPCChart.svg(complete)).elements(withClass: "data-line").first?.attributes["d"])
        #expect(PathPoints.subpaths(unbroken) == 1)

        let mr = try TestSeries.featureChart { $0.chart = .mr; $0.rules = .anhoej }
        let mrSVG = try SVGInspector(SPCChart.svg(mr))
        #expect(mrSVG.indices(withClass: "point").count == mr.points.filter { $0.value != nil }.count)
        #expect(mr.points[0].value == nil)
    }

    @Test func excludedPointIsHollow_phaseAndNoteAreLabelled() throws {
        let report = try TestSeries.featureChart()
        let svg = try SVGInspector(SPCChart.svg(report))
        let marks = svg.indices(withClass: "point")
        let excluded = marks.filter { svg.elements[$0].attributes["fill"] == "#ffffff" }
        #expect(excluded.count == 1)
        #expect(svg.title(of: excluded[0])?.contains("Excluded from the calculations (Ward move)") == true)
        #expect(svg.elements(withClass: "phase-label").map(\.text) == ["Joined the collaborative"])
        #expect(svg.elements(withClass: "note").count == 1)
        #expect(svg.elements.contains { $0.name == "text" && $0.text == "New ward manager" })
    }

    @Test func signalsAreColouredAndShaped_makingDataCountColours() throws {
        let report = try TestSeries.featureChart()
        let svg = try SVGInspector(SPCChart.svg(report))
        let improvement = svg.elements(withClass: "point improvement")
        #expect(!improvement.isEmpty)
        #expect(improvement.allSatisfy { $0.name == "path" && $0.attributes["fill"] == "#00b0f0" })
        let common = svg.elements(withClass: "point common-cause")
        #expect(common.allSatisfy { $0.name == "circle" })
        // An outlier before the phase: concern, a square.
        let high = try TestSeries.analyse(TestSeries.weeklyCSV([4, 5, 4, 5, 4, 5, 4, 5, 4, 5, 4, 5, 4, 5, 60]))[0]
        let concern = try SVGInspector(SPCChart.svg(high)).elements(withClass: "point concern")
        #expect(concern.count == 1)
        #expect(concern[0].name == "rect" && concern[0].attributes["fill"] == "#e46c0a")
        // Neutral direction: purple triangles.
        let neutral = try TestSeries.analyse(TestSeries.weeklyCSV([4, 5, 4, 5, 4, 5, 4, 5, 4, 5, 4, 5, 4, 5, 60])) { $0.improvement = .neutral }[0]
        let purple = try SVGInspector(SPCChart.svg(neutral)).elements(withClass: "point neutral-high")
        #expect(purple.count == 1 && purple[0].attributes["fill"] == "#490092")
    }

    @Test func iconsAreShapes_andTargetLineIsLabelled() throws {
        let report = try TestSeries.featureChart { $0.target = 20 }
        var options = ChartRenderOptions()
        options.target = 20
        let text = SPCChart.svg(report, options: options)
        #expect(!text.contains("<image"))
        let svg = try SVGInspector(text)
        #expect(svg.elements(withClass: "icon variation").count == 1)
        #expect(svg.elements(withClass: "icon assurance").count == 1)
        #expect(svg.elements(withClass: "target").count == 1)
        #expect(svg.elements.contains { $0.name == "text" && $0.text == "Target 20" })
        let variation = try #require(svg.indices(withClass: "icon variation").first)
        #expect(svg.title(of: variation) == "Variation: Special cause improvement (lower)")
    }

    @Test func axes_sayUnitsAndMonths_andEdgeLabelsGiveValues() throws {
        let report = try TestSeries.featureChart()
        let svg = try SVGInspector(SPCChart.svg(report))
        #expect(svg.elements(withClass: "y-units").first?.text == "per 1,000 occupied bed days")
        let months = svg.elements.filter { $0.name == "text" && svg.elements[$0.parent ?? 0].classes.contains("x-axis") }.map(\.text)
        #expect(months.contains("Jan 2024"))
        #expect(months.allSatisfy { $0.range(of: #"^[A-Z][a-z]{2} \d{4}$"#, options: .regularExpression) != nil })
        let edge = svg.elements.filter { $0.name == "text" && svg.elements[$0.parent ?? 0].classes.contains("edge-labels") }.map(\.text)
        #expect(edge.contains { $0.hasPrefix("Mean ") })
        #expect(edge.contains { $0.hasPrefix("Upper ") })
        #expect(edge.contains { $0.hasPrefix("Lower ") })
        #expect(svg.elements(withClass: "chart-subtitle").map(\.text).joined(separator: " ").contains("Making Data Count rules"))
    }

    @Test func everySampleChart_parsesAsXML_withOneMarkPerObservation() throws {
        for report in TestSeries.sample {
            let svg = try SVGInspector(SPCChart.svg(report))
            #expect(svg.indices(withClass: "point").count == report.points.filter { $0.value != nil }.count)
            #expect(svg.elements(withClass: "centre").count == report.phases.count)
        }
    }

    @Test func emptySeries_stillDrawsAValidChart() throws {
        let report = try TestSeries.featureChart()
        var empty = report
        empty.points = []
        empty.phases = []
        let svg = try SVGInspector(SPCChart.svg(empty))
        #expect(svg.elements.contains { $0.name == "text" && $0.text == "No data" })
    }
}
