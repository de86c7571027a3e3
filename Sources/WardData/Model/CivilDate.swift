/// A calendar date with no time of day or time zone, stored as days since 1970-01-01.
///
/// Periods, events and windows are all civil dates: NHS weekly data has no time zone,
/// and day arithmetic on an integer is exact and fast. Files may hold years 1 through
/// 9999; period arithmetic may step just outside them (the month after December 9999).
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before it).
    public let dayNumber: Int32

    public init(dayNumber: Int32) { self.dayNumber = dayNumber }

    /// The date `year-month-day`, or `nil` when no such day exists (e.g. 2023-02-29).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= CivilDate.daysIn(month: month, year: year) else { return nil }
        self.init(proleptic: year, month: month, day: day)
    }

    /// Any day of the proleptic Gregorian calendar, for period arithmetic that steps just
    /// outside years 1–9999 (the month after 9999-12, the week before 0001-01-01).
    init(proleptic year: Int, month: Int, day: Int) {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        self.dayNumber = Int32(era * 146_097 + dayOfEra - 719_468)
    }

    /// Year, month (1–12) and day (1–31).
    public var components: (year: Int, month: Int, day: Int) {
        // Howard Hinnant's civil_from_days.
        let z = Int(dayNumber) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    public var weekday: Weekday {
        // 1970-01-01 was a Thursday.
        let index = ((Int(dayNumber) % 7) + 7 + 3) % 7  // 0 = Monday
        return Weekday(index: index)
    }

    /// The date `days` later (earlier when negative).
    public func adding(days: Int) -> CivilDate { CivilDate(dayNumber: dayNumber + Int32(days)) }

    /// The first day of this date's month.
    public var firstOfMonth: CivilDate {
        let (year, month, _) = components
        return CivilDate(proleptic: year, month: month, day: 1)
    }

    /// The first day of the month `months` after this date's month.
    public func addingMonths(_ months: Int) -> CivilDate {
        let (year, month, _) = components
        let total = year * 12 + (month - 1) + months
        let newYear = total >= 0 ? total / 12 : (total - 11) / 12  // floor division
        return CivilDate(proleptic: newYear, month: total - newYear * 12 + 1, day: 1)
    }

    /// ISO 8601, `YYYY-MM-DD`.
    public var iso: String {
        let (year, month, day) = components
        guard (0...9999).contains(year) else {
            return "\(Self.padded(year, 4))-\(Self.padded(month, 2))-\(Self.padded(day, 2))"
        }
        // Ten ASCII bytes written directly: this runs for every point of every output.
        return String(unsafeUninitializedCapacity: 10) { buffer in
            func digit(_ value: Int) -> UInt8 { UInt8(truncatingIfNeeded: 0x30 + value) }
            buffer[0] = digit(year / 1000)
            buffer[1] = digit(year / 100 % 10)
            buffer[2] = digit(year / 10 % 10)
            buffer[3] = digit(year % 10)
            buffer[4] = 0x2D
            buffer[5] = digit(month / 10)
            buffer[6] = digit(month % 10)
            buffer[7] = 0x2D
            buffer[8] = digit(day / 10)
            buffer[9] = digit(day % 10)
            return 10
        }
    }

    public var description: String { iso }

    /// Month names as UK board papers abbreviate them.
    public static let monthAbbreviations = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The date as a UK reader writes it, "8 Jan 2024": messages, notes and text tables
    /// (CSV and JSON keep `iso`, which sorts and which Excel reads either way). Years
    /// below 1000 keep four digits ("1 Jan 0001"), so a mistyped year shows as typed.
    public var ukText: String {
        let (year, month, day) = components
        return "\(day) \(Self.monthAbbreviations[month - 1]) \(Self.padded(year, 4))"
    }

    /// `value` with leading zeros to `width` digits, its sign (if any) in front: "0005", "-0044".
    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value.magnitude)
        return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool { lhs.dayNumber < rhs.dayNumber }

    static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// A day of the week; weeks may start on any of them (`--week-start`).
public enum Weekday: String, CaseIterable, Sendable, Codable {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday

    /// Accepts full names and three-letter abbreviations, any case.
    public init?(name: String) {
        let folded = name.lowercased()
        guard let match = Weekday.allCases.first(where: {
            $0.rawValue == folded || $0.rawValue.prefix(3) == folded
        }) else { return nil }
        self = match
    }

    /// 0 for Monday … 6 for Sunday.
    public var index: Int {
        switch self {
        case .monday: 0
        case .tuesday: 1
        case .wednesday: 2
        case .thursday: 3
        case .friday: 4
        case .saturday: 5
        case .sunday: 6
        }
    }

    /// The weekday with `index` (0 for Monday … 6 for Sunday).
    public init(index: Int) {
        switch index {
        case 0: self = .monday
        case 1: self = .tuesday
        case 2: self = .wednesday
        case 3: self = .thursday
        case 4: self = .friday
        case 5: self = .saturday
        default: self = .sunday
        }
    }

    public var capitalized: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
}
