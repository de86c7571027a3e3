import MeasureFile
import SPCCore
import Testing
import WardData
import WardSPC

/// `--measures FILE`: TOML overrides applied to the built-in catalogue, and every problem of
/// a bad file as `FILE:LINE: message` in plain words.
@Suite struct MeasureFileTests {
    static func catalogue(_ text: String) throws -> MeasureCatalogue {
        try MeasureCatalogue.builtIn.applying(MeasureFile.overrides(text: text, file: "measures.toml"))
    }

    /// The messages a bad file gives, each as printed.
    static func problems(_ text: String) -> [String] {
        do {
            _ = try catalogue(text)
            return []
        } catch let rejected as InputRejected {
            return rejected.errors.map(\.description)
        } catch {
            return ["unexpected \(error)"]
        }
    }

    @Test func override_changesOnlyTheKeysGiven() throws {
        let catalogue = try Self.catalogue("""
            # seclusion judged without the benchmark on this programme
            [seclusion]
            benchmark = false
            label = "Seclusion (any length)"

            [sexual_safety]
            improvement = "decrease"
            caveat = ""
            """)
        let seclusion = catalogue.definition(of: "Seclusion")
        #expect(!seclusion.benchmarkApplies)
        #expect(seclusion.label == "Seclusion (any length)")
        #expect(seclusion.improvement == .decrease)
        #expect(catalogue.definition(of: "sexual_safety").improvement == .decrease)
        #expect(catalogue.definition(of: "sexual_safety").caveat == nil)
        // Untouched measures keep their built-in definitions.
        #expect(catalogue.definition(of: "ligature_assessments") == MeasureCatalogue.builtIn.definition(of: "ligature_assessments"))
    }

    @Test func override_byAlias_changesTheMeasureItNames() throws {
        let catalogue = try Self.catalogue("[rt]\nbenchmark = false\n")
        #expect(!catalogue.definition(of: "rapid_tranquillisation").benchmarkApplies)
    }

    @Test func newMeasure_isAdded_withItsAliases() throws {
        let catalogue = try Self.catalogue("""
            ["Observations on time"]
            improvement = "increase"
            chart = "p"
            unit = "observations on time"
            aliases = ["obs"]
            benchmark = false
            """)
        let definition = catalogue.definition(of: "observations_on_time")
        #expect(definition.label == "Observations on time")
        #expect(definition.improvement == .increase)
        #expect(definition.preferredChart == .p)
        #expect(catalogue.known("OBS")?.key == "observations_on_time")
    }

    @Test func unknownKey_wrongType_unknownDirection_areEachReportedWithTheirLine() {
        let problems = Self.problems("""
            [seclusion]
            benchmark = "yes"
            improvement = "down"
            colour = "red"
            label = 3
            chart = "pie"
            """)
        #expect(problems == [
            "measures.toml:2: benchmark of seclusion should be true or false, and it is text",
            "measures.toml:3: improvement of seclusion is \"down\", which is not a direction (use \"decrease\" when lower is better, \"increase\" when higher is better, or \"neutral\")",
            "measures.toml:4: colour is not something a measure's table can set (the keys are label, unit, improvement, benchmark, chart, caveat, aliases)",
            "measures.toml:5: label of seclusion should be text, and it is a number",
            "measures.toml:6: chart of seclusion is \"pie\", which is not a chart (use auto or one of run, i, mr, c, u, up, p, pp, g, t)",
        ])
    }

    @Test func keyOutsideATable_andAMeasureGivenTwice_areRefused() {
        let problems = Self.problems("""
            benchmark = true
            [restraint]
            benchmark = true
            [Restraint]
            label = "Holds"
            """)
        #expect(problems.count == 2)
        #expect(problems.first?.hasPrefix("measures.toml:1: benchmark is outside any measure's table") == true)
        #expect(problems.last == "measures.toml:4: Restraint is given twice (the same measure as the table at line 2)")
    }

    @Test func fileThatIsNotTOML_isRefusedWithTheParsersLine() {
        let problems = Self.problems("[seclusion]\nbenchmark = true\n[awol\n")
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("measures.toml:3: not a TOML file here") == true, "\(problems)")
    }

    @Test func missingFile_isRefusedWithItsName() {
        #expect(throws: InputRejected.self) { try MeasureFile.catalogue(path: "/nonexistent/measures.toml") }
    }
}
