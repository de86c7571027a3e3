/// The days between consecutive incidents of one trust × ward × measure: what g and t
/// charts plot (DESIGN.md §3.3).
public struct IncidentIntervals: Sendable {
    public var trust: String
    public var ward: String
    public var measure: String
    /// The date of each incident from the second on (one point per interval).
    public var dates: [CivilDate]
    /// Days since the previous incident (0 for a second incident on the same day).
    public var days: [Double]
    /// Lines of the incidents behind each point.
    public var lines: [Int]
}

extension IncidentIntervals {
    /// Intervals per series of an event-derived dataset, in order of first appearance;
    /// `nil` when the dataset has no incident dates (periodic counts).
    /// Only incidents inside the dataset's event window are used.
    public static func build(_ dataset: WardDataset,
                             include: ((String, String, String) -> Bool)? = nil) -> [IncidentIntervals]? {
        guard let events = dataset.events else { return nil }
        struct Key: Hashable { var trust: Int32, ward: Int32, measure: Int32 }
        var order: [Key] = []
        var dates: [Key: [(date: CivilDate, line: Int32)]] = [:]
        for index in 0..<events.count {
            let key = Key(trust: events.trust[index], ward: events.ward[index], measure: events.measure[index])
            if dates[key] == nil {
                if let include, !include(dataset.strings[key.trust], dataset.strings[key.ward], dataset.strings[key.measure]) {
                    continue
                }
                order.append(key)
                dates[key] = []
            }
            let date = events.date[index]
            if let window = dataset.eventWindow, !window.contains(date) { continue }
            dates[key]!.append((date, events.line[index]))
        }
        return order.map { key in
            let sorted = dates[key]!.sorted { $0.date != $1.date ? $0.date < $1.date : $0.line < $1.line }
            var result = IncidentIntervals(trust: dataset.strings[key.trust], ward: dataset.strings[key.ward],
                                           measure: dataset.strings[key.measure], dates: [], days: [], lines: [])
            for (previous, current) in zip(sorted, sorted.dropFirst()) {
                result.dates.append(current.date)
                result.days.append(Double(current.date.dayNumber - previous.date.dayNumber))
                result.lines.append(Int(current.line))
            }
            return result
        }
    }
}
