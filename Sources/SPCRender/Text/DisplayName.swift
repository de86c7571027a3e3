import WardSPC

/// Measure names as a person reads them: the catalogue's label (`rapid_tranquillisation` →
/// "Rapid tranquillisation", `awol` → "AWOL"), else the name with spaces for underscores.
/// Trust and ward names are shown exactly as the data spells them.
public enum DisplayName {
    public static func measure(_ name: String, catalogue: MeasureCatalogue = .builtIn) -> String {
        catalogue.definition(of: name).label
    }

    /// A chart's measure: the label its analysis gave it (the request's catalogue, so a
    /// `--measures` file's label), else the built-in one.
    public static func measure(of report: SeriesReport) -> String {
        report.measureLabel ?? measure(report.measure)
    }
}
