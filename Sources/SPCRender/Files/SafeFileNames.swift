import Foundation

/// File names that are safe on every OS and unique within one output directory: ASCII
/// letters, digits, `-` and `_` only (accents folded, everything else a `-`), no Windows
/// device names (CON, NUL, COM1 …), at most 100 characters, and no two names differing
/// only in case (macOS and Windows would see one file).
public struct SafeFileNames: Sendable {
    private var used: Set<String> = []

    public init() {}

    /// A new name from `parts` joined by `_`, with `extension` (e.g. "svg").
    public mutating func name(_ parts: [String], extension fileExtension: String) -> String {
        let base = String(parts.map(SafeFileNames.stem).joined(separator: "_").prefix(100))
        var candidate = base
        var number = 2
        while used.contains(candidate.lowercased()) || reserved.contains(candidate.lowercased()) {
            candidate = base + "-\(number)"
            number += 1
        }
        used.insert(candidate.lowercased())
        return candidate + "." + fileExtension
    }

    /// Claims a fixed name (e.g. "index.html") so no generated name takes it.
    public mutating func reserve(_ fileName: String) {
        reserved.insert(String(fileName.split(separator: ".").first ?? "").lowercased())
    }

    private var reserved: Set<String> = []

    /// `text` reduced to a portable stem.
    public static func stem(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
        var result = ""
        var lastWasDash = false
        for scalar in folded.unicodeScalars {
            let keep = (scalar.value >= 0x30 && scalar.value <= 0x39) || (scalar.value >= 0x41 && scalar.value <= 0x5A)
                || (scalar.value >= 0x61 && scalar.value <= 0x7A) || scalar == "_"
            if keep {
                result.unicodeScalars.append(scalar)
                lastWasDash = false
            } else if !lastWasDash {
                result.append("-")
                lastWasDash = true
            }
        }
        while result.hasPrefix("-") || result.hasPrefix("_") { result.removeFirst() }
        while result.hasSuffix("-") || result.hasSuffix("_") { result.removeLast() }
        if result.isEmpty { result = "unnamed" }
        result = String(result.prefix(60))
        if windowsDeviceNames.contains(result.lowercased()) { result += "_" }
        return result
    }

    static let windowsDeviceNames: Set<String> = {
        var names: Set<String> = ["con", "prn", "aux", "nul"]
        for digit in 0...9 {
            names.insert("com\(digit)")
            names.insert("lpt\(digit)")
        }
        return names
    }()
}
