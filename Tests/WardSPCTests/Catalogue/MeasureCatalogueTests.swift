import SPCCore
import Testing
import WardSPC

/// The built-in catalogue (docs/measures.md): lookup by the name as files spell it, aliases,
/// and the definition of a measure it does not know.
@Suite struct MeasureCatalogueTests {
    let catalogue = MeasureCatalogue.builtIn

    @Test func fold_lowerCasesAndTurnsSpacesAndHyphensIntoUnderscores() {
        #expect(MeasureCatalogue.fold("Rapid Tranquillisation") == "rapid_tranquillisation")
        #expect(MeasureCatalogue.fold("  long-term segregation ") == "long_term_segregation")
        #expect(MeasureCatalogue.fold("AWOL") == "awol")
    }

    @Test(arguments: [
        ("restraint", "restraint"), ("Restraint", "restraint"), ("RESTRAINT", "restraint"),
        ("rapid tranquilisation", "rapid_tranquillisation"), ("Rapid-Tranquillisation", "rapid_tranquillisation"),
        ("rapid_tranquilization", "rapid_tranquillisation"), ("rt", "rapid_tranquillisation"), ("RT", "rapid_tranquillisation"),
        ("lts", "long_term_segregation"), ("Long-term segregation", "long_term_segregation"),
        ("prone restraint", "prone_restraint"), ("prone", "prone_restraint"),
        ("self-harm", "self_harm"), ("Suicide attempts", "suicide_attempt"), ("absent without leave", "awol"),
        ("Sexual Safety", "sexual_safety"), ("ligature assessments", "ligature_assessments"),
        ("total restrictive practice", "restrictive_practice"),
    ])
    func lookup_findsTheMeasureByNameOrAlias(name: String, key: String) {
        #expect(catalogue.known(name)?.key == key, "\(name)")
    }

    @Test func restrictivePractices_areLowerIsBetter_andJudgedAgainstTheBenchmark() {
        for name in ["restraint", "prone_restraint", "seclusion", "rapid_tranquillisation", "long_term_segregation",
                     "restrictive_practice"] {
            let definition = catalogue.definition(of: name)
            #expect(definition.improvement == .decrease, "\(name)")
            #expect(definition.benchmarkApplies, "\(name)")
        }
        #expect(catalogue.definition(of: "restraint").subtypeNotes["prone"] == MeasureCatalogue.proneCaveat)
    }

    @Test func harmsOtherThanRestrictivePractice_areLowerIsBetter_withoutTheBenchmark() {
        for name in ["self_harm", "suicide_attempt", "awol"] {
            let definition = catalogue.definition(of: name)
            #expect(definition.improvement == .decrease, "\(name)")
            #expect(!definition.benchmarkApplies, "\(name)")
            #expect(definition.preferredChart == nil, "\(name)")
        }
    }

    @Test func sexualSafety_isNeutral_withTheReportingCaveat() {
        let definition = catalogue.definition(of: "sexual_safety")
        #expect(definition.improvement == .neutral)
        #expect(!definition.benchmarkApplies)
        #expect(definition.caveat?.hasPrefix("A rise in sexual-safety reports can mean better reporting") == true)
    }

    @Test func ligatureAssessments_areAProcessMeasure_onAPChart_higherIsBetter() {
        let definition = catalogue.definition(of: "ligature_assessments")
        #expect(definition.improvement == .increase)
        #expect(definition.preferredChart == .p)
        #expect(!definition.benchmarkApplies)
        #expect(definition.unit == "assessments completed on time of those due")
    }

    @Test func unknownMeasure_getsItsNameAsLabel_decrease_andNoBenchmark() {
        #expect(catalogue.known("night_checks") == nil)
        let definition = catalogue.definition(of: "night_checks")
        #expect(definition.label == "Night checks")
        #expect(definition.improvement == .decrease)
        #expect(!definition.benchmarkApplies)
        #expect(definition.caveat == nil)
        #expect(definition.preferredChart == nil)
    }

    @Test func givenDirection_overridesEveryMeasure() {
        #expect(catalogue.improvement(of: "sexual_safety", given: nil) == .neutral)
        #expect(catalogue.improvement(of: "sexual_safety", given: .decrease) == .decrease)
        #expect(catalogue.improvement(of: "ligature_assessments", given: .neutral) == .neutral)
        #expect(catalogue.benchmark(for: "seclusion", 15) == 15)
        #expect(catalogue.benchmark(for: "awol", 15) == nil)
    }
}
