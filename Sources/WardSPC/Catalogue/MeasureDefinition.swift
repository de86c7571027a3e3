import SPCCore

/// What WardSPC knows of one measure: how to name it, which way is better, whether the
/// restrictive-practice benchmark applies, the chart an expert would draw for it and what a
/// reader must know before reading its chart (docs/measures.md). The built-in definitions
/// are `MeasureCatalogue.builtIn`; a `--measures FILE` overrides or adds to them.
public struct MeasureDefinition: Sendable, Equatable {
    /// The measure's name as files spell it, folded (`MeasureCatalogue.fold`): `rapid_tranquillisation`.
    public var key: String
    /// As a person reads it: "Rapid tranquillisation".
    public var label: String
    /// What one count is, plural: "incidents", "assessments completed on time".
    public var unit: String
    /// Which way is better: the orientation of every signal and icon on its charts.
    public var improvement: Improvement
    /// Whether a ward's change is judged against the restrictive-practice benchmark
    /// (`--benchmark`, 15%): `exceeds`, `meets` or `below` for a clear fall. Without it a clear
    /// fall is `significant_reduction` and the words say nothing of a benchmark.
    public var benchmarkApplies: Bool
    /// The chart `--chart auto` draws when the data can take it (a p chart for a process
    /// measure with numerator and denominator); `nil` = by the data alone (`ChartAdvisor`).
    public var preferredChart: ChartKind?
    /// One sentence a reader must know before reading the measure's charts and verdicts.
    public var caveat: String?
    /// Subtypes (values of the `subtype` column) worth calling out, with what to say of
    /// each: `prone` for restraint.
    public var subtypeNotes: [String: String]

    /// The unit of an incident measure (the default).
    public static let incidents = "incidents"

    public init(key: String, label: String, unit: String = MeasureDefinition.incidents, improvement: Improvement,
                benchmarkApplies: Bool, preferredChart: ChartKind? = nil, caveat: String? = nil,
                subtypeNotes: [String: String] = [:]) {
        self.key = key
        self.label = label
        self.unit = unit
        self.improvement = improvement
        self.benchmarkApplies = benchmarkApplies
        self.preferredChart = preferredChart
        self.caveat = caveat
        self.subtypeNotes = subtypeNotes
    }

    /// The definition of a measure the catalogue does not know: its label from its name
    /// ("night_checks" → "Night checks"), incidents, lower is better (the programme's
    /// measures are mostly harms; `--improvement` overrides it for a run), no benchmark (a
    /// benchmark is a claim about a measure that must be made on purpose, in the file).
    public static func unknown(_ name: String) -> MeasureDefinition {
        MeasureDefinition(key: MeasureCatalogue.fold(name), label: label(from: name), improvement: .decrease,
                          benchmarkApplies: false)
    }

    /// "rapid_tranquillisation" → "Rapid tranquillisation": underscores as spaces, the first
    /// letter capitalised (names that start with a capital are kept as they are).
    public static func label(from name: String) -> String {
        let spaced = name.replacingOccurrences(of: "_", with: " ")
        guard let first = spaced.first, first.isLowercase else { return spaced }
        return first.uppercased() + spaced.dropFirst()
    }
}
