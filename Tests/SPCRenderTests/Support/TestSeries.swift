import Foundation
import WardSPC

/// Series for the rendering tests: small hand-made ones (every feature a chart draws) and
/// the sample programme, analysed once.
enum TestSeries {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func dataset(_ csv: String, name: String = "wards.csv") throws -> WardDataset {
        try WardDataReader.read(InputFile(name: name, bytes: Array(csv.utf8)))
    }

    static func events(_ csv: String) throws -> WardEvents {
        try WardEventsReader.read(InputFile(name: "events.csv", bytes: Array(csv.utf8)))
    }

    /// Weekly rows from 2024-01-01 for one ward; `nil` counts are missing weeks (no row).
    static func weeklyCSV(_ counts: [Int?], bedDays: (Int) -> Int = { 90 + ($0 * 7) % 23 },
                          trust: String = "RX9", ward: String = "Willow", measure: String = "restraint") -> String {
        var text = "trust,ward,measure,week_start,count,bed_days\n"
        for (index, count) in counts.enumerated() {
            guard let count else { continue }
            let date = CivilDate(year: 2024, month: 1, day: 1)!.adding(days: 7 * index)
            text += "\(csvField(trust)),\(csvField(ward)),\(csvField(measure)),\(date.iso),\(count),\(bedDays(index))\n"
        }
        return text
    }

    static func csvField(_ text: String) -> String {
        text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
            ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    /// 40 weeks with a missing week (week 6), a phase at week 20 with a label, an excluded
    /// week, a note, and a fall after the phase that the mdc rules call improvement.
    static let featureCounts: [Int?] = [4, 6, 3, 5, 14, 4, nil, 5, 3, 6, 4, 5, 7, 3, 4, 6, 5, 4, 3, 5,
                                        3, 4, 3, 3, 4, 3, 3, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0]

    static let featureEvents = """
        trust,ward,date,label,kind
        RX9,Willow,2024-05-20,Joined the collaborative,phase
        RX9,Willow,2024-01-29,Ward move,exclude
        RX9,Willow,2024-03-11,New ward manager,note
        """

    static func analyse(_ csv: String, events: String? = nil, configure: (inout AnalysisSettings) -> Void = { _ in }) throws -> [SeriesReport] {
        var settings = AnalysisSettings()
        settings.chart = .u
        settings.rules = .mdc
        if let events { settings.events = try Self.events(events) }
        configure(&settings)
        return try Analyzer.analyse(try dataset(csv), settings: settings).series
    }

    /// The hand-made u chart with every feature.
    static func featureChart(configure: (inout AnalysisSettings) -> Void = { _ in }) throws -> SeriesReport {
        try analyse(weeklyCSV(featureCounts), events: featureEvents, configure: configure)[0]
    }

    /// The sample programme as `wardspc report` draws it (u charts, mdc, join dates as phases).
    static let sample: [SeriesReport] = {
        let root = repositoryRoot.path
        do {
            let dataset = try WardDataReader.read(path: root + "/SampleData/wards.csv")
            var settings = AnalysisSettings()
            settings.chart = .u
            settings.rules = .mdc
            settings.events = try WardEventsReader.read(path: root + "/SampleData/events.csv")
            return try Analyzer.analyse(dataset, settings: settings).series
        } catch {
            fatalError("cannot analyse the sample programme: \(error)")
        }
    }()
}
