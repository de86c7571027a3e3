import Testing
@testable import SPCRender

@Suite struct FunnelPlotTests {
    /// Poisson-style limits around a pooled rate of 10 per 1,000 bed days.
    static let example: FunnelPlotData = {
        let target = 10.0
        let limits = stride(from: 200.0, through: 8_000, by: 200).map { exposure -> FunnelPlotData.LimitPoint in
            let sd = (target / 1000 / exposure).squareRoot() * 1000
            return .init(exposure: exposure, lower95: max(0, target - 1.96 * sd), upper95: target + 1.96 * sd,
                         lower998: max(0, target - 3.09 * sd), upper998: target + 3.09 * sd)
        }
        let units: [FunnelPlotData.Unit] = [
            .init(label: "Alder", exposure: 4_200, rate: 9.1, flag: .within),
            .init(label: "Brook", exposure: 1_500, rate: 21.0, flag: .above998),
            .init(label: "Cedar", exposure: 6_800, rate: 6.9, flag: .below95),
            .init(label: "Daisy", exposure: 2_900, rate: 12.4, flag: .within),
            .init(label: "Elm", exposure: 7_600, rate: 12.8, flag: .above95),
        ]
        return FunnelPlotData(title: "Restraint: wards compared", rateUnits: "per 1,000 occupied bed days",
                              exposureUnits: "occupied bed days", target: target, units: units, limits: limits,
                              subtitle: "Jan–Dec 2025 · exact Poisson limits")
    }()

    @Test func everyUnitIsMarkedAndNamed_limitsDrawn() throws {
        let svg = try SVGInspector(FunnelPlot.svg(Self.example))
        let marks = svg.indices(withClass: "point")
        #expect(marks.count == 5)
        #expect(marks.compactMap { svg.title(of: $0) }.allSatisfy { $0.contains("per 1,000 occupied bed days over") })
        #expect(svg.elements(withClass: "point concern").count == 2)
        #expect(svg.elements(withClass: "point improvement").count == 1)
        for name in ["upper-95", "lower-95", "upper-99-8", "lower-99-8", "target"] {
            #expect(svg.elements(withClass: name).count == 1, "missing \(name)")
        }
        let labels = svg.elements.filter { $0.name == "text" && svg.elements[$0.parent ?? 0].classes.contains("unit-labels") }.map(\.text)
        #expect(Set(labels) == ["Alder", "Brook", "Cedar", "Daisy", "Elm"])
        #expect(svg.elements.contains { $0.text == "Occupied bed days" })
    }

    @Test func limitCurves_areCutAtThePlotEdge() throws {
        let svg = try SVGInspector(FunnelPlot.svg(Self.example))
        let upper = try #require(svg.elements(withClass: "upper-99-8").first?.attributes["d"])
        let ys = PathPoints.points(upper).map(\.y)
        #expect(ys.count > 10)
        #expect(ys.allSatisfy { $0 >= 55.5 && $0 <= 356.5 })
    }
}

extension FunnelPlotTests {
    /// The label placer's grid answers exactly as testing every box would (it replaced that
    /// n² scan), including boxes across cell edges, negative coordinates and piled duplicates.
    @Test func boxGrid_answersAsTestingEveryBox() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            var grid = FunnelPlot.BoxGrid()
            var every: [FunnelPlot.Box] = []
            for _ in 0..<300 {
                let left = Double(Int.random(in: -60...600, using: &generator)) + [0, 0.5, 0.25].randomElement(using: &generator)!
                let top = Double(Int.random(in: -30...400, using: &generator))
                let box = FunnelPlot.Box(left: left, top: top, right: left + Double.random(in: 0.5...90, using: &generator),
                                         bottom: top + Double.random(in: 0.5...12, using: &generator))
                #expect(grid.overlaps(box) == every.contains { $0.overlaps(box) })
                if Bool.random(using: &generator) {
                    grid.insert(box)
                    every.append(box)
                }
            }
        }
    }
}
