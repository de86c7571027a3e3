/// Patient identifiers found by their values, not their column's name: NHS numbers.
///
/// An NHS number is ten digits — written together or as 3-3-4 with spaces or hyphens —
/// whose last digit is the modulus-11 check digit of the first nine (NHS Data Dictionary,
/// "NHS Number"): weights 10 down to 2, check = 11 − (sum mod 11), 11 reads as 0 and 10
/// is never issued. Ten identical digits pass the arithmetic but are not issued either.
///
/// One ten-digit value passing the check proves little (a random ten-digit code passes
/// about one time in eleven), so a column is an identifier column when at least one of its
/// values is an NHS number and more than half of its ten-digit values are. A column of NHS
/// numbers passes every time; a column of other ten-digit codes (incident numbers) almost
/// never does once it has a few rows (two such codes both pass about one time in 120).
enum NHSNumber {
    /// Whether `field` (trimmed) is an NHS number, as written in exports.
    @inline(__always)
    static func isNHSNumber(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
        check(field) == true
    }

    /// `nil` when `field` is not ten digits written as `dddddddddd`, `ddd ddd dddd` or
    /// `ddd-ddd-dddd`; otherwise whether they pass the modulus-11 check (and are not all
    /// one digit). No allocation: it runs on every field of every row.
    @inline(__always)
    static func check(_ field: UnsafeBufferPointer<UInt8>) -> Bool? {
        let count = field.count
        guard count == 10 || count == 12 else { return nil }
        if count == 12 {
            let separator = field[3]
            guard separator == 0x20 || separator == 0x2D, field[7] == separator else { return nil }
        }
        var sum = 0, position = 0, last = 0, first = -1, allSame = true
        for index in 0..<count {
            if count == 12 && (index == 3 || index == 7) { continue }
            let digit = Int(field[index] &- 0x30)
            guard digit <= 9 else { return nil }
            if first < 0 { first = digit } else if digit != first { allSame = false }
            if position < 9 { sum += digit * (10 - position) } else { last = digit }
            position += 1
        }
        guard !allSame else { return false }
        let check = 11 - sum % 11
        if check == 10 { return false }
        return (check == 11 ? 0 : check) == last
    }
}

/// Per column, how many ten-digit values a file's rows held and how many were NHS
/// numbers; `RowParser` adds every row, the readers ask at the end (`identifierColumns`).
struct IdentifierTally {
    private(set) var tenDigitValues: [Int]
    private(set) var nhsNumbers: [Int]
    /// Columns already known as identifiers (by name): not counted.
    private let skipped: Set<Int>

    init(columns: Int, skipped: Set<Int>) {
        tenDigitValues = Array(repeating: 0, count: columns)
        nhsNumbers = Array(repeating: 0, count: columns)
        self.skipped = skipped
    }

    /// Counts one field (trimmed) of `column`. Only ten- and twelve-byte fields are looked at.
    @inline(__always)
    mutating func add(_ field: UnsafeBufferPointer<UInt8>, column: Int) {
        guard column < tenDigitValues.count, let passes = NHSNumber.check(field), !skipped.contains(column) else { return }
        tenDigitValues[column] += 1
        if passes { nhsNumbers[column] += 1 }
    }

    /// The columns whose values are NHS numbers (the rule in the type's comment), in order.
    var identifierColumns: [Int] {
        tenDigitValues.indices.filter { nhsNumbers[$0] > 0 && 2 * nhsNumbers[$0] > tenDigitValues[$0] }
    }
}
