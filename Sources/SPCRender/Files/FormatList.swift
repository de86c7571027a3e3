import Foundation

/// A comma-separated list of format names (`html,svg,png`), read once for every command:
/// names folded to lower case, spaces and repeats ignored, an unknown name refused with
/// the names that would do.
public enum FormatList {
    public struct Unknown: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    public static func parse<Format: RawRepresentable & CaseIterable & Hashable>(_ text: String, as _: Format.Type)
        throws -> Set<Format> where Format.RawValue == String {
        var formats: Set<Format> = []
        for piece in text.split(separator: ",") {
            let name = piece.trimmingCharacters(in: .whitespaces).lowercased()
            guard !name.isEmpty else { continue }
            guard let format = Format(rawValue: name) else {
                let known = Format.allCases.map(\.rawValue).joined(separator: ", ")
                throw Unknown(description: "‘\(name)’ is not a format this command writes; choose from \(known)")
            }
            formats.insert(format)
        }
        guard !formats.isEmpty else {
            throw Unknown(description: "no format given; choose from \(Format.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return formats
    }
}
