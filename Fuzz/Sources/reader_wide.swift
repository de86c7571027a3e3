import WardData

/// The wide reader (format forced), then series building, under several option sets.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    Fuzz.read(Fuzz.bytes(data, size), format: .wide)
    return 0
}
