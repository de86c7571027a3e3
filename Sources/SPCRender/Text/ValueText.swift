/// Numbers as a reader sees them on a chart or in the report: rounded for reading, with
/// thousands separators and a true minus sign. Exact values are in `analyze`'s JSON/CSV.
enum ValueText {
    /// Decimals by size: 1,235 · 123 · 12.3 · 1.23 · 0.123 · 0.0123; whole numbers have none.
    static func reading(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        if value == value.rounded(), abs(value) < 1e15 { return fixed(value, decimals: 0) }
        return fixed(value, decimals: decimals(forMagnitude: abs(value)))
    }

    /// Decimals that show about three significant figures of a number this size.
    static func decimals(forMagnitude magnitude: Double) -> Int {
        if magnitude >= 100 { return 0 }
        if magnitude >= 10 { return 1 }
        if magnitude >= 1 { return 2 }
        if magnitude >= 0.1 { return 3 }
        if magnitude >= 0.01 { return 4 }
        return 5
    }

    /// Decimals that tell apart axis ticks `step` apart.
    static func decimals(forStep step: Double) -> Int {
        guard step > 0, step.isFinite else { return 0 }
        var decimals = 0
        var scaled = step
        while decimals < 6 && abs(scaled - scaled.rounded()) > 1e-6 * max(1, abs(scaled)) {
            scaled *= 10
            decimals += 1
        }
        return decimals
    }

    /// `value` with exactly `decimals` decimals, thousands separators and "−" for negatives.
    /// Built in a stack buffer: a short result is a small string, with no allocation.
    static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "–" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e15 else { return value < 0 ? "−∞" : "∞" }
        var units = UInt64(scaled)
        let negative = units != 0 && value < 0
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { buffer in
            var start = buffer.count
            for _ in 0..<decimals {
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(units % 10)
                units /= 10
            }
            if decimals > 0 {
                start -= 1
                buffer[start] = UInt8(ascii: ".")
            }
            var digits = 0
            repeat {
                if digits > 0 && digits % 3 == 0 {
                    start -= 1
                    buffer[start] = UInt8(ascii: ",")
                }
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(units % 10)
                units /= 10
                digits += 1
            } while units > 0
            if negative {  // U+2212 MINUS SIGN
                for byte in [UInt8(0x92), 0x88, 0xE2] {
                    start -= 1
                    buffer[start] = byte
                }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[start...]), as: UTF8.self)
        }
    }

    /// A signed percentage change, e.g. "−34%" or "+12%".
    static func signedPercent(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        let rounded = value.rounded()
        if rounded == 0 { return "0%" }
        return (rounded > 0 ? "+" : "") + fixed(rounded, decimals: 0) + "%"
    }

    /// A count of things, e.g. "1 week", "6 weeks".
    static func count(_ number: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(grouped(UInt64(max(0, number)))) \(number == 1 ? singular : (plural ?? singular + "s"))"
    }

    private static func grouped(_ value: UInt64) -> String {
        let digits = String(value)
        guard digits.count > 3 else { return digits }
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }
}
