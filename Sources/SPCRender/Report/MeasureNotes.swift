/// What a reader should know about a measure before reading its chart — said once per
/// chart, in the caption. Matched on the measure's name as the data spells it.
enum MeasureNotes {
    static func note(for measure: String) -> String? {
        let folded = measure.lowercased()
        if folded.contains("sexual") {
            return "A rise in sexual-safety reports can mean better reporting rather than more harm; read its signals with the ward."
        }
        return nil
    }
}
