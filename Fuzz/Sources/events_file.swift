import WardData

/// An `--events FILE` (phases, exclusions, notes per ward), and the reader's format
/// detection on the same bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Fuzz.bytes(data, size)
    let lines = Fuzz.lineCount(bytes)
    for options in Fuzz.optionSets(format: .auto, size: size) {
        do {
            let events = try WardEventsReader.read(InputFile(name: "events.csv", bytes: bytes), options: options)
            for event in events.events {
                Fuzz.require((2...lines).contains(event.line), "an event at line \(event.line) of \(lines)")
                let ward = events.events(trust: event.trust, ward: event.ward)
                Fuzz.require(zip(ward, ward.dropFirst()).allSatisfy { $0.date <= $1.date }, "ward events out of order")
            }
        } catch {
            Fuzz.check(error, lines: lines)
        }
    }
    Fuzz.read(bytes, format: .auto)
    return 0
}
