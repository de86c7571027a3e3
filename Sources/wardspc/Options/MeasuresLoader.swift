import ArgumentParser
import MeasureFile
import WardData
import WardSPC

/// Reads `--measures FILE`: the built-in measure catalogue with the file's changes
/// (docs/measures.md); `nil` without the flag (the request then uses the built-in one).
enum MeasuresLoader {
    /// As `MeasureFile.catalogue`, reporting a refused file on stderr (`FILE:LINE: message`)
    /// and exiting 2.
    static func loadOrExit(_ path: String?) throws -> MeasureCatalogue? {
        guard let path else { return nil }
        do { return try MeasureFile.catalogue(path: path) } catch { throw reject(error) }
    }

    /// The help of `--measures`, the same on every command that takes it.
    static let help: ArgumentHelp = "A measures file (TOML, one table per measure: label, unit, improvement, benchmark, chart, caveat, aliases) that changes or adds to the built-in measure catalogue: each measure's direction, whether the benchmark applies, its preferred chart and caveat (docs/measures.md). Default: the built-in catalogue."
}
