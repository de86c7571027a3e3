import WardSPC

/// What a reader should know about a measure before reading its chart — said once per
/// chart, in the caption: the catalogue's caveat for the measure (docs/measures.md).
enum MeasureNotes {
    static func note(for measure: String, catalogue: MeasureCatalogue) -> String? {
        catalogue.definition(of: measure).caveat
    }
}
