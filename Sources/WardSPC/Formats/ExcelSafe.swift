import Foundation

/// The one place CSV output is made safe to open in Excel (DESIGN.md §5.3).
public enum CSVCell {
    /// A text cell: quoted when it holds a comma, quote or line break, and prefixed with
    /// `'` when it starts with `=`, `+`, `-`, `@`, a tab or a carriage return (which
    /// Excel would run as a formula).
    public static func text(_ value: String) -> String {
        // Bytes, not Characters: a CSV reader splits on the byte, so a comma that a
        // combining mark joins into one Character must still be quoted.
        let formulaStart = value.utf8.first.map { [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D].contains($0) } ?? false
        let needsQuotes = value.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        if !formulaStart && !needsQuotes { return value }
        var cell = formulaStart ? "'" + value : value
        if needsQuotes {
            cell = "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return cell
    }

    /// A number cell, never altered (no prefix, shortest round-trip form).
    public static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : value.description
    }
}
