import SPCCore

/// The measures WardSPC knows, looked up by the name a file spells (docs/measures.md): the
/// programme's built-in defaults (`builtIn`), with a `--measures FILE`'s changes applied
/// (`MeasureOverrides`). A measure it does not know gets `MeasureDefinition.unknown`.
///
/// Names are matched folded (`fold`): case-insensitive, spaces and hyphens as underscores,
/// so `Rapid Tranquillisation`, `rapid-tranquillisation` and `rapid_tranquillisation` are
/// one measure; each built-in also has the aliases analysts use (`rt`, `lts`, the American
/// spelling `rapid_tranquilization`).
public struct MeasureCatalogue: Sendable, Equatable {
    /// By folded key.
    public private(set) var definitions: [String: MeasureDefinition]
    /// Folded alias → folded key.
    public private(set) var aliases: [String: String]

    public init(definitions: [MeasureDefinition], aliases: [String: String] = [:]) {
        var byKey: [String: MeasureDefinition] = [:]
        for definition in definitions { byKey[definition.key] = definition }
        self.definitions = byKey
        var folded: [String: String] = [:]
        for (alias, key) in aliases { folded[Self.fold(alias)] = Self.fold(key) }
        self.aliases = folded
    }

    /// "Rapid Tranquillisation" → "rapid_tranquillisation": lower case, spaces and hyphens as
    /// underscores, leading and trailing spaces dropped.
    public static func fold(_ name: String) -> String {
        var folded = ""
        folded.reserveCapacity(name.utf8.count)
        for character in name.trimmingSpaces.lowercased() {
            folded.append(character == " " || character == "-" ? "_" : character)
        }
        return folded
    }

    /// The definition of `measure` as the data spells it: by its folded name, then by alias;
    /// otherwise `MeasureDefinition.unknown`.
    public func definition(of measure: String) -> MeasureDefinition {
        known(measure) ?? .unknown(measure)
    }

    /// The definition of `measure` when the catalogue knows it (by name or alias).
    public func known(_ measure: String) -> MeasureDefinition? {
        let folded = Self.fold(measure)
        if let definition = definitions[folded] { return definition }
        if let key = aliases[folded] { return definitions[key] }
        return nil
    }

    /// Which way is better for `measure`: `given` (`--improvement`, for every measure of one
    /// run) when there is one, else the catalogue's.
    public func improvement(of measure: String, given: Improvement?) -> Improvement {
        given ?? definition(of: measure).improvement
    }

    /// The benchmark `measure` is judged against: `benchmark` when the catalogue says the
    /// restrictive-practice benchmark applies, `nil` otherwise.
    public func benchmark(for measure: String, _ benchmark: Double) -> Double? {
        definition(of: measure).benchmarkApplies ? benchmark : nil
    }

    /// Every definition, by key.
    public var sortedDefinitions: [MeasureDefinition] {
        definitions.keys.sorted().map { definitions[$0]! }
    }

    /// Adds `definition`, or replaces the one of the same key.
    public mutating func set(_ definition: MeasureDefinition) {
        definitions[definition.key] = definition
    }
}

extension String {
    var trimmingSpaces: Substring {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text = text.dropFirst() }
        while text.last?.isWhitespace == true { text = text.dropLast() }
        return text
    }
}
