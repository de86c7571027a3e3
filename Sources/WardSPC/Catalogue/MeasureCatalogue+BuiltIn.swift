import SPCCore

extension MeasureCatalogue {
    /// The caveat of sexual-safety incidents, said wherever its chart or verdict is shown.
    /// What to say of prone restraint (a subtype of restraint, or a measure of its own).
    public static let proneCaveat = "Prone (face-down) restraint: national policy is to eliminate it."
    /// The caveat of sexual-safety incidents, said wherever its chart or verdict is shown.
    public static let sexualSafetyCaveat = "A rise in sexual-safety reports can mean better reporting rather than more harm; read its signals with the ward."

    /// The programme's measures (docs/measures.md): the restrictive practices the
    /// collaborative sets out to reduce — restraint (prone called out), seclusion, rapid
    /// tranquillisation, long-term segregation and their total — are judged against the
    /// benchmark; self-harm, suicide attempts and AWOL are lower-is-better without one;
    /// sexual safety is neutral (more reports can be better reporting); ligature assessments
    /// completed on time are a process measure, higher is better, on a p chart.
    public static let builtIn = MeasureCatalogue(
        definitions: [
            MeasureDefinition(key: "restraint", label: "Restraint", improvement: .decrease, benchmarkApplies: true,
                              subtypeNotes: ["prone": proneCaveat]),
            MeasureDefinition(key: "prone_restraint", label: "Prone restraint", improvement: .decrease,
                              benchmarkApplies: true, caveat: proneCaveat),
            MeasureDefinition(key: "mechanical_restraint", label: "Mechanical restraint", improvement: .decrease,
                              benchmarkApplies: true),
            MeasureDefinition(key: "seclusion", label: "Seclusion", improvement: .decrease, benchmarkApplies: true),
            MeasureDefinition(key: "rapid_tranquillisation", label: "Rapid tranquillisation", improvement: .decrease,
                              benchmarkApplies: true),
            MeasureDefinition(key: "long_term_segregation", label: "Long-term segregation", improvement: .decrease,
                              benchmarkApplies: true),
            MeasureDefinition(key: "restrictive_practice", label: "Restrictive practice", improvement: .decrease,
                              benchmarkApplies: true),
            MeasureDefinition(key: "self_harm", label: "Self-harm", improvement: .decrease, benchmarkApplies: false),
            MeasureDefinition(key: "suicide_attempt", label: "Suicide attempts", improvement: .decrease,
                              benchmarkApplies: false),
            MeasureDefinition(key: "awol", label: "AWOL", improvement: .decrease, benchmarkApplies: false),
            MeasureDefinition(key: "sexual_safety", label: "Sexual safety", improvement: .neutral, benchmarkApplies: false,
                              caveat: sexualSafetyCaveat),
            MeasureDefinition(key: "ligature_assessments", label: "Ligature assessments on time",
                              unit: "assessments completed on time of those due", improvement: .increase, benchmarkApplies: false,
                              preferredChart: .p,
                              caveat: "A process measure: the share of ligature risk assessments due that were completed on time; higher is better."),
        ],
        aliases: [
            "restraints": "restraint", "physical_restraint": "restraint", "prone": "prone_restraint",
            "rapid_tranquilisation": "rapid_tranquillisation", "rapid_tranquilization": "rapid_tranquillisation",
            "rt": "rapid_tranquillisation",
            "lts": "long_term_segregation", "segregation": "long_term_segregation",
            "restrictive_practices": "restrictive_practice", "total_restrictive_practice": "restrictive_practice",
            "selfharm": "self_harm", "self_harm_incidents": "self_harm",
            "suicide_attempts": "suicide_attempt", "attempted_suicide": "suicide_attempt",
            "absent_without_leave": "awol",
            "sexual_safety_incidents": "sexual_safety",
            "ligature_assessment": "ligature_assessments", "ligature_risk_assessments": "ligature_assessments",
            "ligature": "ligature_assessments",
        ])
}
