/// Parses numbers from CSV field bytes without allocating.
///
/// Accepts an optional sign, digits, a decimal point and an exponent, with spaces
/// around them. Rejects thousands separators, `NaN` and infinities (reported as such so
/// the message can say why), and counts that do not fit in 64 bits.
public enum NumberParser {
    public enum Failure: Error, Equatable, Sendable {
        case empty
        case notANumber
        case notFinite
        case negative
        case notWhole
        case beyond64Bits
    }

    /// A finite `Double`.
    public static func parseDouble(_ raw: UnsafeBufferPointer<UInt8>) -> Result<Double, Failure> {
        let field = trimmed(raw)
        if field.isEmpty { return .failure(.empty) }
        // Plain digits (bed days, counts), at most 15 of them: exact as a whole number,
        // the value the general path below gives.
        if field.count <= 15 {
            var whole: Int64 = 0
            var plain = true
            for byte in field {
                guard byte >= 0x30, byte <= 0x39 else { plain = false; break }
                whole = whole &* 10 &+ Int64(byte &- 0x30)
            }
            if plain { return .success(Double(whole)) }
        }
        if isNonFiniteWord(field) { return .failure(.notFinite) }
        guard let parts = decimalParts(field) else { return .failure(.notANumber) }
        if let fast = fastPath(parts) { return .success(fast) }
        guard let value = Double(String(decoding: field, as: UTF8.self)) else { return .failure(.notANumber) }
        return value.isFinite ? .success(value) : .failure(.notFinite)
    }

    /// A non-negative whole number that fits in `Int64` (`"3.0"` and `"1E+03"` are whole).
    public static func parseCount(_ raw: UnsafeBufferPointer<UInt8>) -> Result<Int64, Failure> {
        let field = trimmed(raw)
        if field.isEmpty { return .failure(.empty) }
        // Fast path: plain digits.
        var value: Int64 = 0
        var plain = true
        for byte in field {
            guard byte >= 0x30, byte <= 0x39 else { plain = false; break }
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(Int64(byte - 0x30))
            if overflow1 || overflow2 { return .failure(.beyond64Bits) }
            value = sum
        }
        if plain { return .success(value) }
        switch parseDouble(raw) {
        case .failure(let failure): return .failure(failure)
        case .success(let number):
            if number < 0 { return .failure(.negative) }
            if number.rounded(.towardZero) != number { return .failure(.notWhole) }
            if number >= 9_223_372_036_854_775_808.0 { return .failure(.beyond64Bits) }
            return .success(Int64(number))
        }
    }

    @inline(__always)
    static func trimmed(_ field: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0, end = field.count
        while start < end, field[start] == 0x20 || field[start] == 0x09 { start += 1 }
        while end > start, field[end - 1] == 0x20 || field[end - 1] == 0x09 { end -= 1 }
        return UnsafeBufferPointer(rebasing: field[start..<end])
    }

    private struct DecimalParts {
        var negative: Bool
        var mantissa: UInt64
        var significantDigits: Int
        var exponent: Int
    }

    /// Checks the grammar `[+-]digits[.digits][(e|E)[+-]digits]` and collects the parts.
    private static func decimalParts(_ field: UnsafeBufferPointer<UInt8>) -> DecimalParts? {
        var index = 0
        var parts = DecimalParts(negative: false, mantissa: 0, significantDigits: 0, exponent: 0)
        if field[index] == UInt8(ascii: "-") || field[index] == UInt8(ascii: "+") {
            parts.negative = field[index] == UInt8(ascii: "-")
            index += 1
        }
        var digits = 0
        func take(_ byte: UInt8, fraction: Bool) {
            digits += 1
            if parts.mantissa == 0 && byte == 0x30 {
                if fraction { parts.exponent -= 1 }
                return
            }
            if parts.significantDigits < 19 {
                parts.mantissa = parts.mantissa * 10 + UInt64(byte - 0x30)
                parts.significantDigits += 1
                if fraction { parts.exponent -= 1 }
            } else {
                parts.significantDigits += 1  // too many digits for the fast path
                if !fraction { parts.exponent += 1 }
            }
        }
        while index < field.count, field[index] >= 0x30, field[index] <= 0x39 {
            take(field[index], fraction: false); index += 1
        }
        if index < field.count, field[index] == UInt8(ascii: ".") {
            index += 1
            while index < field.count, field[index] >= 0x30, field[index] <= 0x39 {
                take(field[index], fraction: true); index += 1
            }
        }
        guard digits > 0 else { return nil }
        if index < field.count, field[index] == UInt8(ascii: "e") || field[index] == UInt8(ascii: "E") {
            index += 1
            var exponentNegative = false
            if index < field.count, field[index] == UInt8(ascii: "-") || field[index] == UInt8(ascii: "+") {
                exponentNegative = field[index] == UInt8(ascii: "-")
                index += 1
            }
            var exponent = 0
            var exponentDigits = 0
            while index < field.count, field[index] >= 0x30, field[index] <= 0x39 {
                exponent = min(exponent * 10 + Int(field[index] - 0x30), 100_000)
                exponentDigits += 1
                index += 1
            }
            guard exponentDigits > 0 else { return nil }
            parts.exponent += exponentNegative ? -exponent : exponent
        }
        return index == field.count ? parts : nil
    }

    private static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// Clinger's fast path: exact when the mantissa fits in 53 bits and |exponent| ≤ 22.
    private static func fastPath(_ parts: DecimalParts) -> Double? {
        guard parts.significantDigits <= 19, parts.mantissa <= (1 << 53), abs(parts.exponent) <= 22 else {
            return parts.mantissa == 0 && parts.significantDigits <= 19 ? (parts.negative ? -0.0 : 0) : nil
        }
        var value = Double(parts.mantissa)
        if parts.exponent < 0 { value /= powersOfTen[-parts.exponent] } else { value *= powersOfTen[parts.exponent] }
        return parts.negative ? -value : value
    }

    private static func isNonFiniteWord(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        if field[0] == UInt8(ascii: "-") || field[0] == UInt8(ascii: "+") { start = 1 }
        guard field.count - start >= 3, field.count - start <= 8 else { return false }
        let lead = field[start] | 0x20
        guard lead == UInt8(ascii: "n") || lead == UInt8(ascii: "i") else { return false }
        var word = ""
        for byte in field[start...] { word.unicodeScalars.append(Unicode.Scalar(byte | 0x20)) }
        return word == "nan" || word == "inf" || word == "infinity"
    }
}
