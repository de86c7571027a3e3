/// Measure names as a person reads them: `rapid_tranquillisation` → "Rapid tranquillisation",
/// `awol` → "AWOL". Trust and ward names are shown exactly as the data spells them.
public enum DisplayName {
    static let known: [String: String] = [
        "awol": "AWOL", "self_harm": "Self-harm", "sexual_safety": "Sexual safety",
    ]

    public static func measure(_ name: String) -> String {
        if let known = known[name.lowercased()] { return known }
        let spaced = name.replacingOccurrences(of: "_", with: " ")
        guard let first = spaced.first, first.isLowercase else { return spaced }
        return first.uppercased() + spaced.dropFirst()
    }
}
