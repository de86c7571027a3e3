import WardData

/// The long reader (format forced), then series building, under several option sets.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    Fuzz.read(Fuzz.bytes(data, size), format: .long)
    return 0
}
