/// Fitting text into a width without a font engine: Arial/Helvetica average about 0.55 em
/// per character in mixed case, so a label cut to that estimate fits on screen and paper.
enum TextFit {
    static let averageCharacterWidth = 0.56

    /// Estimated width of `text` at `fontSize`.
    static func width(_ text: String, fontSize: Double) -> Double {
        Double(text.count) * fontSize * averageCharacterWidth
    }

    /// `text`, cut with "…" where needed to fit `maxWidth` at `fontSize`.
    static func truncate(_ text: String, maxWidth: Double, fontSize: Double) -> String {
        let fits = Int(maxWidth / (fontSize * averageCharacterWidth))
        guard text.count > fits else { return text }
        guard fits > 1 else { return fits == 1 ? "…" : "" }
        var cut = String(text.prefix(fits - 1))
        while cut.last == " " { cut.removeLast() }
        return cut + "…"
    }
}
