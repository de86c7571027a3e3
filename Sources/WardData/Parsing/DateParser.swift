/// The order of day and month in slashed dates (`--date-format`).
public enum DateOrder: String, Sendable, CaseIterable {
    /// Decide from the file: slashed dates are day-first when some day exceeds 12.
    case auto
    /// ISO `YYYY-MM-DD` only.
    case iso
    /// UK `DD/MM/YYYY`.
    case dmy
    /// US `MM/DD/YYYY`.
    case mdy
}

/// A date as written, before the file-wide day/month order is known.
public enum RawDate: Hashable, Sendable {
    /// `YYYY-MM-DD` (day 1 for `YYYY-MM`).
    case iso(year: Int, month: Int, day: Int)
    /// `A/B/YYYY`, where A and B are day and month in an order still to be decided.
    case slashed(first: Int, second: Int, year: Int)
    /// A date with the month's name (`8-Jan-24`, `8 January 2024`, `Jan 2024`: day 1);
    /// `twoDigitYear` when the year was written with two digits (read as Excel does).
    case named(year: Int, month: Int, day: Int, twoDigitYear: Bool)
}

/// Parses date fields from bytes: ISO `YYYY-MM-DD` (or `YYYY-MM` for months), and
/// `D/M/YYYY` with one- or two-digit day and month. A time of day after the date
/// (`2024-01-03 14:22`, `2024-01-03T14:22:00`) is allowed and ignored.
public enum DateParser {
    /// The date's parts, or `nil` when the field is not a date in an accepted form.
    public static func parse(_ raw: UnsafeBufferPointer<UInt8>) -> RawDate? {
        if let numeric = parseNumeric(raw) { return numeric }
        return parseNamed(raw)
    }

    private static func parseNumeric(_ raw: UnsafeBufferPointer<UInt8>) -> RawDate? {
        let field = NumberParser.trimmed(raw)
        var index = 0
        func number(maxDigits: Int) -> (value: Int, digits: Int) {
            var value = 0, digits = 0
            while index < field.count, digits < maxDigits, field[index] >= 0x30, field[index] <= 0x39 {
                value = value * 10 + Int(field[index] - 0x30)
                digits += 1
                index += 1
            }
            return (value, digits)
        }
        func restIsTime() -> Bool {
            if index == field.count { return true }
            guard field[index] == UInt8(ascii: "T") || field[index] == 0x20 else { return false }
            // A time: digits, colons, dots, an optional zone; nothing date-like.
            for byte in field[(index + 1)...] {
                let ok = (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".")
                    || byte == UInt8(ascii: "Z") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
                if !ok { return false }
            }
            return true
        }
        let first = number(maxDigits: 4)
        guard first.digits > 0, index < field.count else { return nil }
        if first.digits == 4, field[index] == UInt8(ascii: "-") {
            index += 1
            let month = number(maxDigits: 2)
            guard month.digits == 2 else { return nil }
            if index == field.count { return .iso(year: first.value, month: month.value, day: 1) }
            guard field[index] == UInt8(ascii: "-") else { return nil }
            index += 1
            let day = number(maxDigits: 2)
            guard day.digits == 2, restIsTime() else { return nil }
            return .iso(year: first.value, month: month.value, day: day.value)
        }
        guard first.digits <= 2, field[index] == UInt8(ascii: "/") else { return nil }
        index += 1
        let second = number(maxDigits: 2)
        guard second.digits > 0, index < field.count, field[index] == UInt8(ascii: "/") else { return nil }
        index += 1
        let year = number(maxDigits: 4)
        guard year.digits == 4, restIsTime() else { return nil }
        return .slashed(first: first.value, second: second.value, year: year.value)
    }

    /// English month names and their three-letter forms (`Sept` too), lower case.
    private static let monthNames: [String: Int] = {
        let names = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                     "october", "november", "december"]
        var table: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            table[name] = index + 1
            table[String(name.prefix(3))] = index + 1
        }
        table["sept"] = 9
        return table
    }()

    /// Two-digit years as Excel reads them: 00–29 are 2000–2029, 30–99 are 1930–1999.
    public static func excelYear(_ twoDigits: Int) -> Int { twoDigits < 30 ? 2000 + twoDigits : 1900 + twoDigits }

    /// `D-Mon-YY`, `DD-Mon-YYYY`, `D Mon YYYY`, `D Month YYYY` (a day), and `Mon-YY`,
    /// `Mon YYYY`, `Month YYYY` (a month: day 1), parts separated by `-` or spaces.
    static func parseNamed(_ raw: UnsafeBufferPointer<UInt8>) -> RawDate? {
        let field = NumberParser.trimmed(raw)
        guard field.count >= 5, field.count <= 20 else { return nil }
        var parts: [[UInt8]] = [[]]
        for byte in field {
            if byte == UInt8(ascii: "-") || byte == 0x20 {
                if !parts[parts.count - 1].isEmpty { parts.append([]) }
            } else {
                parts[parts.count - 1].append(byte)
            }
        }
        func number(_ part: [UInt8]) -> Int? {
            guard !part.isEmpty, part.count <= 4, part.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            return part.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        func month(_ part: [UInt8]) -> Int? {
            guard part.count >= 3, part.count <= 9, part.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }) else { return nil }
            return monthNames[String(decoding: part.map { $0 | 0x20 }, as: UTF8.self)]
        }
        func year(_ part: [UInt8]) -> (Int, Bool)? {
            guard let value = number(part), part.count == 2 || part.count == 4 else { return nil }
            return part.count == 2 ? (excelYear(value), true) : (value, false)
        }
        switch parts.count {
        case 3:
            guard parts[0].count <= 2, let day = number(parts[0]), let month = month(parts[1]),
                  let (year, short) = year(parts[2]) else { return nil }
            return .named(year: year, month: month, day: day, twoDigitYear: short)
        case 2:
            guard let month = month(parts[0]), let (year, short) = year(parts[1]) else { return nil }
            return .named(year: year, month: month, day: 1, twoDigitYear: short)
        default:
            return nil
        }
    }

    /// True when the field looks like a slashed date with a two-digit year (to give a better hint).
    public static func hasTwoDigitYear(_ raw: UnsafeBufferPointer<UInt8>) -> Bool {
        let text = String(decoding: NumberParser.trimmed(raw), as: UTF8.self)
        let parts = text.split(separator: "/")
        return parts.count == 3 && parts[2].count == 2 && parts.allSatisfy { $0.allSatisfy(\.isNumber) }
    }
}

/// Gathers the evidence for the day/month order of one date column and resolves its dates.
public struct DateOrderEvidence: Sendable {
    /// A line whose slashed date can only be day-first (first part > 12), and one that can only be month-first.
    public private(set) var dayFirstLine: Int?
    public private(set) var monthFirstLine: Int?
    public private(set) var slashedCount = 0

    public init() {}

    public mutating func observe(_ date: RawDate, line: Int) {
        guard case .slashed(let first, let second, _) = date else { return }
        slashedCount += 1
        if first > 12, second <= 12, dayFirstLine == nil { dayFirstLine = line }
        if second > 12, first <= 12, monthFirstLine == nil { monthFirstLine = line }
    }

    /// The order to use for this column, or the file-level problem that prevents one.
    public func decide(requested: DateOrder) -> Result<DateOrder, DateOrderProblem> {
        if requested != .auto { return .success(requested) }
        if slashedCount == 0 { return .success(.iso) }
        switch (dayFirstLine, monthFirstLine) {
        case (.some(let dayLine), .some(let monthLine)):
            return .failure(.mixed(dayFirstLine: dayLine, monthFirstLine: monthLine))
        case (.some, nil): return .success(.dmy)
        case (nil, .some): return .success(.mdy)
        case (nil, nil): return .failure(.ambiguous)
        }
    }

    /// The date for `raw` under `order`, or `nil` when no such day exists or the form is not allowed.
    public static func resolve(_ raw: RawDate, order: DateOrder) -> CivilDate? {
        switch raw {
        case .iso(let year, let month, let day), .named(let year, let month, let day, _):
            return CivilDate(year: year, month: month, day: day)
        case .slashed(let first, let second, let year):
            switch order {
            case .dmy: return CivilDate(year: year, month: second, day: first)
            case .mdy: return CivilDate(year: year, month: first, day: second)
            case .iso, .auto: return nil
            }
        }
    }
}

/// Why a date column's day/month order could not be decided.
public enum DateOrderProblem: Error, Equatable, Sendable {
    case ambiguous
    case mixed(dayFirstLine: Int, monthFirstLine: Int)
}

extension DateParser {
    /// A date a person typed (a command-line flag, a form field): ISO `YYYY-MM-DD`, or UK
    /// `DD/MM/YYYY` (always day first); `nil` when it is neither or no such day exists.
    public static func typedDate(_ text: String) -> CivilDate? {
        let bytes = Array(text.utf8)
        guard let raw = bytes.withUnsafeBufferPointer(parse) else { return nil }
        return DateOrderEvidence.resolve(raw, order: .dmy)
    }
}
