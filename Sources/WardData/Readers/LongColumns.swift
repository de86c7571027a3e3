/// The columns of the long format (DESIGN.md §3.1) picked from a header — the same
/// picks for the whole-file reader and the streaming one. Missing or doubled columns
/// are errors in the picker's collector; whatever is left over is a dimension.
struct LongColumns {
    var trust: Int?
    var ward: Int?
    var measure: Int?
    var count: Int?
    var value: Int?
    var period: ColumnPicker.PeriodColumn?
    var denominator: Int?
    var dimensions: [Int]

    init(_ columns: inout ColumnPicker) {
        trust = columns.require(ColumnNames.trust, role: "trust")
        ward = columns.require(ColumnNames.ward, role: "ward")
        measure = columns.require(ColumnNames.measure, role: "measure")
        count = columns.optional(ColumnNames.count)
        value = columns.optional(ColumnNames.value)
        period = columns.periodColumn(dateAllowed: count != nil || value != nil)
        denominator = columns.optional(ColumnNames.denominator, role: "denominator")
        dimensions = columns.remaining()
    }
}
