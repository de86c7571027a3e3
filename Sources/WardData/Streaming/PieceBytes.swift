#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte ranges of a piece of a file, as the fast path handles fields: without copying
/// them out, trimmed as `RowParser` trims, compared byte for byte.
extension UnsafeBufferPointer where Element == UInt8 {
    /// The bytes of `range`.
    func bytes(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: self[range]) }

    /// A field's range without its leading and trailing spaces and tabs (it may be empty).
    func trimmedRange(_ field: Range<Int>) -> Range<Int> {
        let trimmed = NumberParser.trimmed(bytes(field))
        guard let base = baseAddress, let start = trimmed.baseAddress else { return field.lowerBound..<field.lowerBound }
        let offset = start - base
        return offset..<(offset + trimmed.count)
    }

    /// A name's trimmed range (trust, ward, measure); `nil` when it is empty.
    func nameRange(_ field: Range<Int>) -> Range<Int>? {
        let range = trimmedRange(field)
        return range.isEmpty ? nil : range
    }

    /// Whether a name reads `Total`, `Grand total` or the like (a totals row, which the
    /// whole-file reader skips with a warning).
    func isTotalsLabel(_ range: Range<Int>) -> Bool {
        guard range.count >= 5, range.count <= 13 else { return false }
        return RowParser.isTotalsLabel(UnsafeBufferPointer(start: baseAddress! + range.lowerBound, count: range.count))
    }

    /// Whether two ranges hold the same bytes.
    func sameBytes(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        a.count == b.count && (a.isEmpty || memcmp(baseAddress! + a.lowerBound, baseAddress! + b.lowerBound, a.count) == 0)
    }
}
