import Testing
@testable import SPCRender
import WardSPC

@Suite struct ScaleAndTextTests {
    @Test(arguments: [
        (0.0, 29.9, 5, 0.0, 30.0, 5.0),
        (0.0, 1.0, 5, 0.0, 1.0, 0.2),
        (12.0, 87.0, 5, 0.0, 100.0, 20.0),
        (-3.2, 4.1, 4, -4.0, 6.0, 2.0),
        (0.0, 0.0, 5, 0.0, 1.0, 0.2),
        (7.0, 7.0, 5, 3.0, 11.0, 1.0),
    ])
    func niceScale_coversTheRangeAtNiceSteps(minimum: Double, maximum: Double, ticks: Int,
                                             lower: Double, upper: Double, step: Double) {
        let scale = NiceScale(minimum: minimum, maximum: maximum, ticks: ticks)
        #expect(scale.lower == lower)
        #expect(abs(scale.upper - upper) < 1e-9)
        #expect(abs(scale.step - step) < 1e-12)
        #expect(scale.ticks.first == lower)
    }

    @Test func timeAxis_threeYearsOfWeeks_everySixMonths() {
        let axis = TimeAxis(from: CivilDate(year: 2022, month: 12, day: 30)!, to: CivilDate(year: 2025, month: 12, day: 25)!, maxTicks: 7)
        #expect(axis.ticks.map(\.label) == ["Jan 2023", "Jul 2023", "Jan 2024", "Jul 2024", "Jan 2025", "Jul 2025"])
        let short = TimeAxis(from: CivilDate(year: 2024, month: 1, day: 1)!, to: CivilDate(year: 2024, month: 9, day: 30)!, maxTicks: 7)
        #expect(short.ticks.map(\.label) == ["Jan 2024", "Mar 2024", "May 2024", "Jul 2024", "Sep 2024"])
        let weeks = TimeAxis(from: CivilDate(year: 2024, month: 1, day: 3)!, to: CivilDate(year: 2024, month: 1, day: 31)!, maxTicks: 6)
        #expect(weeks.ticks.first?.label == "3 Jan")
    }

    @Test func valueText_readsLikeABoardPaper() {
        #expect(ValueText.reading(1234.56) == "1,235")
        #expect(ValueText.reading(12.345) == "12.3")
        #expect(ValueText.reading(0.0234) == "0.0234")
        #expect(ValueText.reading(7) == "7")
        #expect(ValueText.fixed(-2.5, decimals: 1) == "−2.5")
        #expect(ValueText.fixed(-0.01, decimals: 1) == "0.0")
        #expect(ValueText.signedPercent(-34.4) == "−34%")
        #expect(ValueText.signedPercent(12.6) == "+13%")
        #expect(ValueText.decimals(forStep: 0.25) == 2)
        #expect(ValueText.decimals(forStep: 5) == 0)
    }

    @Test func coordinates_roundToATenth() {
        var bytes: [UInt8] = []
        for value in [0.0, 12.34, -3.06, 100.0, 0.05, .nan] {
            CoordinateText.append(value, to: &bytes)
            bytes.append(32)
        }
        #expect(String(decoding: bytes, as: UTF8.self) == "0 12.3 -3.1 100 0.1 0 ")
    }

    @Test func safeFileNames_arePortableAndUnique() {
        var names = SafeFileNames()
        names.reserve("index.html")
        #expect(names.name(["RX1", "Alder", "restraint"], extension: "svg") == "RX1_Alder_restraint.svg")
        #expect(names.name(["RX1", "Alder", "Restraint"], extension: "svg") == "RX1_Alder_Restraint-2.svg")
        #expect(names.name(["<script>alert(1)</script>"], extension: "svg") == "script-alert-1-script.svg")
        #expect(names.name(["Ysbyty Gwynedd — Ward Ŵ"], extension: "svg") == "Ysbyty-Gwynedd-Ward-W.svg")
        #expect(names.name(["CON"], extension: "svg") == "CON_.svg")
        #expect(names.name(["../../etc/passwd"], extension: "svg") == "etc-passwd.svg")
        #expect(names.name([""], extension: "svg") == "unnamed.svg")
        #expect(names.name(["index"], extension: "svg") == "index-2.svg")
        #expect(names.name([String(repeating: "x", count: 300)], extension: "svg").count <= 104)
    }

    @Test func displayNames_andDates() {
        #expect(DisplayName.measure("rapid_tranquillisation") == "Rapid tranquillisation")
        #expect(DisplayName.measure("awol") == "AWOL")
        #expect(DateText.month(CivilDate(year: 2024, month: 3, day: 4)!) == "Mar 2024")
        #expect(DateText.monthSpan(CivilDate(year: 2023, month: 11, day: 6)!, CivilDate(year: 2024, month: 2, day: 5)!) == "Nov 2023–Feb 2024")
    }
}
