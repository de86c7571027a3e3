/// Output text built as UTF-8 bytes: appending to a `[UInt8]` costs a copy, where
/// appending to a `String` costs a copy and bookkeeping — which dominates writing millions
/// of CSV cells. `string` turns the bytes into text once at the end.
struct TextBuffer {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func append(byte: UInt8) { bytes.append(byte) }

    mutating func append(bytes other: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: other) }

    mutating func append(bytes other: [UInt8]) { bytes.append(contentsOf: other) }

    mutating func append(_ other: TextBuffer) { bytes.append(contentsOf: other.bytes) }

    /// A number as `CSVCell.number` writes it: whole numbers below 10¹⁵ without a decimal
    /// point, others in the shortest form that reads back to the same `Double`.
    mutating func append(number value: Double) {
        if value == value.rounded() && abs(value) < 1e15 {
            append(integer: Int64(value))
        } else {
            // `write(to:)` hands the digits over as ASCII bytes (`_writeASCII`) with no
            // `String` in between: the same text as `description`, without its allocation.
            value.write(to: &self)
        }
    }

    mutating func append(integer value: Int64) {
        if value >= 0 && value < 10 {
            bytes.append(UInt8(truncatingIfNeeded: 0x30 + value))
            return
        }
        if value < 0 { bytes.append(0x2D) }
        var magnitude = value.magnitude
        var digits = (UInt64(0), UInt64(0), UInt64(0))  // 24 bytes of room for 20 digits
        withUnsafeMutableBytes(of: &digits) { raw in
            let buffer = raw.bindMemory(to: UInt8.self)
            var start = 24
            repeat {
                start -= 1
                buffer[start] = UInt8(truncatingIfNeeded: 0x30 + magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<24]))
        }
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Empties the buffer, keeping its capacity.
    mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    /// Hands the bytes over, leaving the buffer empty.
    mutating func take() -> [UInt8] {
        defer { bytes = [] }
        return bytes
    }
}

extension TextBuffer: TextOutputStream {
    mutating func write(_ string: String) { append(string) }

    /// The standard library writes numbers through this: their digits are ASCII.
    mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: buffer) }
}

/// The last number a column was formatted to, for `RowWriter.append(number:cache:)`.
struct RepeatedNumber {
    var bits: UInt64 = 0
    var bytes: [UInt8] = []
}
