import WardSPC

/// The sample programme's files, made in memory by the deterministic generator — the same
/// bytes as SampleData/wards.csv and SampleData/events.csv (seed 2026), whatever the
/// server's working directory. Made on first request and kept.
enum SampleFiles {
    static let wards: [UInt8] = Array(programme.wardsCSV().utf8)
    static let events: [UInt8] = Array(programme.eventsCSV().utf8)
    private static let programme = SampleProgramme()
}
