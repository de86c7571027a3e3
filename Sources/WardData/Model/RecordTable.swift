/// Periodic records, one per trust × ward × measure × period × dimension values, stored
/// column by column.
///
/// Strings are ids into the dataset's `StringPool`. `value` is the count (a whole number)
/// or, for non-count measures, the value. A denominator is `nil` when the file has none.
public struct RecordTable: Sendable {
    public var trust: [Int32] = []
    public var ward: [Int32] = []
    public var measure: [Int32] = []
    /// First day of the period.
    public var period: [CivilDate] = []
    public var value: [Double] = []
    public var denominator: [Double?] = []
    /// One array per dimension column, each `count` long.
    public var dimensions: [[Int32]]
    /// Physical line of the record in the file (the first line, for aggregated events).
    public var line: [Int32] = []

    public init(dimensionCount: Int) {
        dimensions = Array(repeating: [], count: dimensionCount)
    }

    public var count: Int { value.count }

    /// Makes room for `rows` records without reallocating.
    public mutating func reserveCapacity(_ rows: Int) {
        trust.reserveCapacity(rows)
        ward.reserveCapacity(rows)
        measure.reserveCapacity(rows)
        period.reserveCapacity(rows)
        value.reserveCapacity(rows)
        denominator.reserveCapacity(rows)
        for column in dimensions.indices { dimensions[column].reserveCapacity(rows) }
        line.reserveCapacity(rows)
    }

    public mutating func append(trust: Int32, ward: Int32, measure: Int32, period: CivilDate,
                                value: Double, denominator: Double?, dimensions dimensionValues: [Int32], line: Int) {
        self.trust.append(trust)
        self.ward.append(ward)
        self.measure.append(measure)
        self.period.append(period)
        self.value.append(value)
        self.denominator.append(denominator)
        for (column, id) in dimensionValues.enumerated() { dimensions[column].append(id) }
        self.line.append(Int32(clamping: line))
    }

    /// The records whose `keep` flag is set, in order.
    public func filtered(_ keep: [Bool]) -> RecordTable {
        var result = RecordTable(dimensionCount: dimensions.count)
        for index in 0..<count where keep[index] {
            result.append(trust: trust[index], ward: ward[index], measure: measure[index], period: period[index],
                          value: value[index], denominator: denominator[index],
                          dimensions: dimensions.map { $0[index] }, line: Int(line[index]))
        }
        return result
    }
}

/// Incidents read from event-level or MHSDS input, one per row (or per distinct incident
/// × type for MHSDS), kept for g and t charts and for re-aggregation.
public struct EventTable: Sendable {
    public var trust: [Int32] = []
    public var ward: [Int32] = []
    public var measure: [Int32] = []
    public var date: [CivilDate] = []
    public var dimensions: [[Int32]]
    public var line: [Int32] = []

    public init(dimensionCount: Int) {
        dimensions = Array(repeating: [], count: dimensionCount)
    }

    public var count: Int { date.count }

    public mutating func append(trust: Int32, ward: Int32, measure: Int32, date: CivilDate,
                                dimensions dimensionValues: [Int32], line: Int) {
        self.trust.append(trust)
        self.ward.append(ward)
        self.measure.append(measure)
        self.date.append(date)
        for (column, id) in dimensionValues.enumerated() { dimensions[column].append(id) }
        self.line.append(Int32(clamping: line))
    }
}
