import WardData

/// An `--exposure FILE` (bed days per ward × period × ethnic group, `wardspc equity`),
/// under the default options and one more set.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Fuzz.bytes(data, size)
    let lines = Fuzz.lineCount(bytes)
    for options in Fuzz.optionSets(format: .auto, size: size) {
        do {
            let table = try ExposureReader.read(InputFile(name: "exposure.csv", bytes: bytes), options: options)
            for row in table.rows {
                Fuzz.require((2...lines).contains(row.line), "an exposure row at line \(row.line) of \(lines)")
                // Monthly or weekly, the bed days lie within the larger ceiling.
                Fuzz.require(DenominatorRange.contains(row.bedDays, monthly: true), "bed days out of range: \(row.bedDays)")
                Fuzz.require(!row.trust.isEmpty && !row.ward.isEmpty, "an exposure row without its trust or ward")
            }
        } catch {
            Fuzz.check(error, lines: lines)
        }
    }
    return 0
}
