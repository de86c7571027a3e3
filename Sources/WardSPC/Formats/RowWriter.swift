import WardData

/// One output row written byte by byte into scratch memory the caller owns and sized for
/// the row (`AnalysisCSV.pointRows` uses 1,024 bytes), then appended to a `TextBuffer`
/// whole. Cells are written as `TextBuffer` writes them: the same text, without a
/// capacity check per cell.
struct RowWriter: TextOutputStream {
    let base: UnsafeMutablePointer<UInt8>
    /// Bytes written so far.
    var count = 0

    init(_ base: UnsafeMutablePointer<UInt8>) { self.base = base }

    mutating func append(byte: UInt8) {
        base[count] = byte
        count += 1
    }

    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { _writeASCII($0) }
    }

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { _writeASCII($0) }
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { _writeASCII($0) }
    }

    mutating func write(_ string: String) { append(string) }

    /// Any bytes (the standard library writes a number's digits through this).
    mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) {
        guard let source = buffer.baseAddress, buffer.count > 0 else { return }
        (base + count).update(from: source, count: buffer.count)
        count += buffer.count
    }

    /// A whole number in decimal.
    mutating func append(integer value: Int64) {
        if value < 0 { append(byte: 0x2D) }
        var magnitude = value.magnitude
        var digits = 1
        var rest = magnitude / 10
        while rest > 0 { digits += 1; rest /= 10 }
        var position = count + digits
        count = position
        repeat {
            position -= 1
            base[position] = UInt8(truncatingIfNeeded: 0x30 + magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
    }

    /// A number as `TextBuffer.append(number:)` writes it (and `CSVCell.number`).
    mutating func append(number value: Double) {
        if value == value.rounded() && abs(value) < 1e15 {
            append(integer: Int64(value))
        } else {
            value.write(to: &self)
        }
    }

    /// `append(number:)` through `cache`: a value equal to the cache's last one (a centre
    /// line is the same at every point of a phase) is copied instead of formatted again.
    mutating func append(number value: Double, cache: inout RepeatedNumber) {
        if value.bitPattern == cache.bits, !cache.bytes.isEmpty {
            append(cache.bytes)
            return
        }
        let start = count
        append(number: value)
        cache.bits = value.bitPattern
        cache.bytes.removeAll(keepingCapacity: true)
        cache.bytes.append(contentsOf: UnsafeBufferPointer(start: base + start, count: count - start))
    }

    /// A number cell and its comma (an empty cell for `nil`).
    mutating func cell(_ value: Double?) {
        if let value { append(number: value) }
        append(byte: 0x2C)
    }

    /// A number cell through `cache`, and its comma.
    mutating func cell(_ value: Double?, _ cache: inout RepeatedNumber) {
        if let value { append(number: value, cache: &cache) }
        append(byte: 0x2C)
    }

    /// A date as ISO 8601 (`CivilDate.iso`).
    mutating func append(date: CivilDate) {
        let (year, month, day) = date.components
        guard (0...9999).contains(year) else { return append(date.iso) }
        base[count] = UInt8(truncatingIfNeeded: 0x30 + year / 1000)
        base[count + 1] = UInt8(truncatingIfNeeded: 0x30 + year / 100 % 10)
        base[count + 2] = UInt8(truncatingIfNeeded: 0x30 + year / 10 % 10)
        base[count + 3] = UInt8(truncatingIfNeeded: 0x30 + year % 10)
        base[count + 4] = 0x2D
        base[count + 5] = UInt8(truncatingIfNeeded: 0x30 + month / 10)
        base[count + 6] = UInt8(truncatingIfNeeded: 0x30 + month % 10)
        base[count + 7] = 0x2D
        base[count + 8] = UInt8(truncatingIfNeeded: 0x30 + day / 10)
        base[count + 9] = UInt8(truncatingIfNeeded: 0x30 + day % 10)
        count += 10
    }
}
