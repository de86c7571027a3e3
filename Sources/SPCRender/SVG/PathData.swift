/// SVG path data (`d`), built from coordinates only.
public struct PathData: Sendable {
    public private(set) var bytes: [UInt8] = []
    /// Number of subpaths (`M` commands): a data line broken at missing periods has one per piece.
    public private(set) var subpaths = 0

    public init() {}

    public var isEmpty: Bool { bytes.isEmpty }

    public mutating func move(_ x: Double, _ y: Double) {
        command(UInt8(ascii: "M"))
        pair(x, y)
        subpaths += 1
    }

    public mutating func line(_ x: Double, _ y: Double) {
        command(UInt8(ascii: "L"))
        pair(x, y)
    }

    public mutating func horizontal(_ x: Double) {
        command(UInt8(ascii: "H"))
        CoordinateText.append(x, to: &bytes)
    }

    public mutating func vertical(_ y: Double) {
        command(UInt8(ascii: "V"))
        CoordinateText.append(y, to: &bytes)
    }

    public mutating func close() { command(UInt8(ascii: "Z")) }

    private mutating func command(_ letter: UInt8) {
        bytes.append(letter)
    }

    private mutating func pair(_ x: Double, _ y: Double) {
        CoordinateText.append(x, to: &bytes)
        bytes.append(UInt8(ascii: " "))
        CoordinateText.append(y, to: &bytes)
    }
}
