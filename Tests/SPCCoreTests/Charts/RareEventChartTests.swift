import Foundation
import Testing
@testable import SPCCore

@Suite struct RareEventChartTests {
    @Test func gChart_limitsFromMean_centreIsMedian() {
        // ḡ = 4, median 3, σ = √(4·5) = √20.
        let lines = RareEventChart.g(values: [1, 3, 8], baseline: [true, true, true])
        let sigma = 20.0.squareRoot()
        #expect(lines.centre == 3)
        #expect(abs(lines.upper[0]! - (4 + 3 * sigma)) < 1e-12)
        #expect(abs(lines.upper2[0]! - (4 + 2 * sigma)) < 1e-12)
        #expect(lines.lower[0] == 0 && lines.lower2[0] == 0)
    }

    @Test func tChart_individualsChartOnTransformedValues_backTransformed() {
        // y^(1/3.6) = 1, 2, 1, 2: mean 1.5, MR̄ 1, σ = 1/1.128; the lower lines fall below 0 → 0.
        let two = pow(2, 3.6)
        let lines = RareEventChart.t(values: [1, two, 1, two], baseline: [true, true, true, true], screened: true)
        let sigma = 1 / 1.128
        func close(_ a: Double?, _ b: Double) -> Bool { abs(a! - b) <= 1e-12 * abs(b) }
        #expect(close(lines.centre, pow(1.5, 3.6)))
        #expect(close(lines.upper[0], pow(1.5 + 3 * sigma, 3.6)))
        #expect(close(lines.upper2[0], pow(1.5 + 2 * sigma, 3.6)))
        #expect(lines.lower[0] == 0 && lines.lower2[0] == 0)
        #expect(lines.values[1] == two)
    }

    @Test(arguments: Qicharts2Reference.rareWards)
    func gChart_default_matchesQicharts2(ward: String) {
        Agreement.expectMatchesQicharts2(ward: ward, chart: .g, variant: .default)
    }

    @Test(arguments: Qicharts2Reference.rareWards)
    func gChart_frozenBaseline_matchesQicharts2(ward: String) {
        Agreement.expectMatchesQicharts2(ward: ward, chart: .g, variant: .freeze15)
    }

    @Test(arguments: Qicharts2Reference.rareWards)
    func tChart_default_matchesQicharts2(ward: String) {
        Agreement.expectMatchesQicharts2(ward: ward, chart: .t, variant: .default)
    }

    @Test(arguments: Qicharts2Reference.rareWards)
    func tChart_frozenBaseline_matchesQicharts2(ward: String) {
        Agreement.expectMatchesQicharts2(ward: ward, chart: .t, variant: .freeze15)
    }
}
