import Foundation

/// The one place CSV output is made safe to open in Excel (DESIGN.md §5.3).
public enum CSVCell {
    /// A text cell: quoted when it holds a comma, quote or line break, and prefixed with
    /// `'` when it starts with `=`, `+`, `-`, `@`, a tab or a carriage return (which
    /// Excel would run as a formula).
    public static func text(_ value: String) -> String {
        var cell = value
        if let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            cell = "'" + cell
        }
        if cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            cell = "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return cell
    }

    /// A number cell, never altered (no prefix, shortest round-trip form).
    public static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }
}
