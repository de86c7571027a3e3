/// SVG path data (`d`), built from coordinates only.
///
/// Coordinates are rounded to a tenth of a unit (`CoordinateText`) and written relative
/// to the one before (`m`, `l`, `h`, `v` after the first `M`, the command letter left out
/// where it repeats): a chart's points are a few units apart, so this is about a third
/// shorter than absolute coordinates. The offsets are taken between the rounded points,
/// in whole tenths, so every point lands exactly where its absolute form would.
public struct PathData: Sendable {
    public private(set) var bytes: [UInt8] = []
    /// Number of subpaths (`M` commands): a data line broken at missing periods has one per piece.
    public private(set) var subpaths = 0

    /// The current point and the current subpath's start, in tenths of a unit.
    private var x = 0, y = 0, startX = 0, startY = 0
    /// The last command letter written, for implicit repetition.
    private var last: UInt8 = 0
    /// Tenths per step of rounding: 1, or 10 for whole units.
    private let quantum: Int

    /// `wholeUnits`: round to whole units instead of tenths — for small drawings (a small
    /// multiples panel is under 200 units wide), where half a unit is below what anyone sees.
    public init(wholeUnits: Bool = false) {
        quantum = wholeUnits ? 10 : 1
    }

    private func tenths(_ value: Double) -> Int {
        quantum == 1 ? CoordinateText.tenths(value) : CoordinateText.tenths(value / 10) * 10
    }

    public var isEmpty: Bool { bytes.isEmpty }

    public mutating func move(_ x: Double, _ y: Double) {
        let (toX, toY) = (tenths(x), tenths(y))
        if bytes.isEmpty {
            command(UInt8(ascii: "M"))
            number(toX)
            number(toY)
        } else {
            command(UInt8(ascii: "m"))
            number(toX - self.x)
            number(toY - self.y)
        }
        (self.x, self.y, startX, startY) = (toX, toY, toX, toY)
        subpaths += 1
    }

    public mutating func line(_ x: Double, _ y: Double) {
        let (toX, toY) = (tenths(x), tenths(y))
        command(UInt8(ascii: "l"))
        number(toX - self.x)
        number(toY - self.y)
        (self.x, self.y) = (toX, toY)
    }

    public mutating func horizontal(_ x: Double) {
        let toX = tenths(x)
        command(UInt8(ascii: "h"))
        number(toX - self.x)
        self.x = toX
    }

    public mutating func vertical(_ y: Double) {
        let toY = tenths(y)
        command(UInt8(ascii: "v"))
        number(toY - self.y)
        self.y = toY
    }

    public mutating func close() {
        command(UInt8(ascii: "z"))
        (x, y) = (startX, startY)
    }

    /// The letter, unless it repeats the last `l`, `h` or `v` (SVG reads the numbers as
    /// more of the same; after `m` they would mean `l`, so `m` is always written).
    private mutating func command(_ letter: UInt8) {
        let repeats = letter == last && (letter == UInt8(ascii: "l") || letter == UInt8(ascii: "h") || letter == UInt8(ascii: "v"))
        last = letter
        if !repeats { bytes.append(letter) }
    }

    /// A number in tenths, separated from the one before by a space unless its sign or a
    /// command letter already separates them.
    private mutating func number(_ tenths: Int) {
        if let previous = bytes.last, previous != UInt8(ascii: "M") && previous != UInt8(ascii: "m")
            && previous != UInt8(ascii: "l") && previous != UInt8(ascii: "h") && previous != UInt8(ascii: "v")
            && tenths >= 0 {
            bytes.append(UInt8(ascii: " "))
        }
        CoordinateText.append(tenths: tenths, to: &bytes)
    }
}
