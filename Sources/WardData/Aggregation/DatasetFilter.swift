extension WardDataset {
    /// The dataset with only the records (and incidents) whose `dimension` column holds
    /// one of `values` — e.g. `subtype` = prone. A dataset without that column keeps nothing.
    public func keeping(dimension: String, values: Set<String>) -> WardDataset {
        var result = self
        guard let column = dimensionNames.firstIndex(where: { Header.fold($0) == Header.fold(dimension) }) else {
            result.records = RecordTable(dimensionCount: dimensionNames.count)
            result.events = events.map { _ in EventTable(dimensionCount: dimensionNames.count) }
            return result
        }
        let wanted = Set(values.compactMap { strings.id(of: $0) })
        result.records = records.filtered(records.dimensions[column].map { wanted.contains($0) })
        if let events {
            var kept = EventTable(dimensionCount: events.dimensions.count)
            for index in 0..<events.count where wanted.contains(events.dimensions[column][index]) {
                kept.append(trust: events.trust[index], ward: events.ward[index], measure: events.measure[index],
                            date: events.date[index], dimensions: events.dimensions.map { $0[index] },
                            line: Int(events.line[index]))
            }
            result.events = kept
        }
        return result
    }
}
