import ArgumentParser
import SPCRender

/// How large a PNG is drawn (`chart` and `report`): a width in pixels, or a scale.
struct PNGSizeOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Width of each PNG in pixels; its height follows the chart's proportions (default: 1600, a full-width chart on a slide).", valueName: "PIXELS"))
    var width: Int?

    @Option(help: ArgumentHelp("PNG pixels per SVG unit instead of --width (e.g. 2 draws a 480-unit chart 960 px wide).", valueName: "FACTOR"))
    var scale: Double?

    func validate() throws {
        if width != nil && scale != nil { throw ValidationError("Give --width or --scale, not both.") }
        if let width, !(16...16_000).contains(width) { throw ValidationError("--width must be between 16 and 16000 pixels.") }
        if let scale, !(scale > 0 && scale <= 30) { throw ValidationError("--scale must be a number above 0 and at most 30.") }
    }

    var size: PNGSize {
        if let scale { return .scale(scale) }
        return .width(width ?? PNGSize.slideWidth)
    }
}

/// Reads `--format`/`--formats` lists through the library's one parser (exit 2 on an unknown name).
func formatList<Format: RawRepresentable & CaseIterable & Hashable>(_ text: String, as type: Format.Type, option: String)
    throws -> Set<Format> where Format.RawValue == String {
    do { return try FormatList.parse(text, as: type) } catch {
        throw ValidationError("\(option): \(error)")
    }
}
