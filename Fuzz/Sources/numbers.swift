import WardData

/// The number parser against Swift's own: whatever it accepts, `Double(String)` reads
/// as the same number, and a count is a whole number that fits in 64 bits.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Fuzz.bytes(data, size)
    var text = String(decoding: bytes, as: UTF8.self)
    while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
    while let last = text.last, last == " " || last == "\t" { text.removeLast() }
    let double = bytes.withUnsafeBufferPointer(NumberParser.parseDouble)
    if case .success(let value) = double {
        Fuzz.require(value.isFinite, "a non-finite number accepted")
        Fuzz.require(Double(text) == value, "\(text) read as \(value), Swift reads \(Double(text).map { "\($0)" } ?? "nil")")
    }
    switch bytes.withUnsafeBufferPointer(NumberParser.parseCount) {
    case .success(let count):
        Fuzz.require(count >= 0, "a negative count")
        if case .success(let value) = double {
            Fuzz.require(value == Double(count), "count \(count) but number \(value)")
        } else {
            Fuzz.require(false, "a count that is not a number: \(text)")
        }
        if text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            Fuzz.require(Int64(text) == count, "digits \(text) read as \(count)")
        }
    case .failure(.beyond64Bits):
        if text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            Fuzz.require(Int64(text) == nil, "digits \(text) said to be beyond 64 bits")
        }
    case .failure:
        break
    }
    return 0
}
