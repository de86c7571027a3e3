// An event-level file (one row per incident) for the g and t charts, deterministic.
// generate_big_csv.py writes weekly counts, which a g or t chart cannot take; rare
// incidents are what those charts are for, so each series here has 0.05–0.6 incidents a
// week, at most one a week on a random weekday (so no 0-day interval, which a t chart
// refuses): about 50 incidents per series over 156 weeks. Names follow the long file
// (trust R000, ward W00000, the five measures), so sizes compare.
import Foundation

public enum EventFileWriter {
    static let measures = ["restraint", "seclusion", "rapid_tranquillisation", "self_harm", "awol"]
    static let weeks = 156
    /// 2023-01-02, the first week of generate_big_csv.py, as days since 1970-01-01.
    static let firstDay = 19_359

    public static func write(series: Int, to path: String) throws {
        var random = SplitMix64(seed: 2026)
        var text = "trust,ward,measure,date\n"
        text.reserveCapacity(series * 60 * 40)
        let wards = (series + measures.count - 1) / measures.count
        var written = 0
        for ward in 0..<wards {
            let trust = "R" + padded(ward / 40, 3)
            let name = "W" + padded(ward, 5)
            for measure in measures where written < series {
                let perWeek = 0.05 + 0.55 * random.unit()
                for week in 0..<weeks where random.unit() < perWeek {
                    let day = firstDay + 7 * week + Int(random.next() % 7)
                    text += "\(trust),\(name),\(measure),\(isoDate(day))\n"
                }
                written += 1
            }
        }
        try text.write(toFile: path, atomically: false, encoding: .utf8)
    }

    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Days since 1970-01-01 as YYYY-MM-DD (Howard Hinnant's civil_from_days).
    static func isoDate(_ days: Int) -> String {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return "\(year)-\(padded(month, 2))-\(padded(day, 2))"
    }
}

/// Steele, Lea & Flood's SplitMix64: small, fast, the same on every platform.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }
}
