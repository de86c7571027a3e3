/// The absolute coordinates an SVG path's `d` visits (M, L, H, V and Z, absolute or
/// relative, with implicit repetition: what the charts write), for finding where a line or
/// mark was drawn. A second reading of the path, independent of `PathData`.
enum PathPoints {
    static func points(_ d: String) -> [(x: Double, y: Double)] {
        var points: [(x: Double, y: Double)] = []
        var current = (x: 0.0, y: 0.0), start = (x: 0.0, y: 0.0)
        var command: Character = "M"
        var numbers: [Double] = []
        var token = ""
        func flushToken() {
            if let value = Double(token) { numbers.append(value) }
            token = ""
        }
        func flushCommand() {
            flushToken()
            let relative = command.isLowercase
            let base = { relative ? current : (x: 0.0, y: 0.0) }
            var index = 0
            switch command.uppercased() {
            case "M", "L":
                var first = true
                while index + 1 < numbers.count {
                    let origin = base()
                    current = (origin.x + numbers[index], origin.y + numbers[index + 1])
                    if first && command.uppercased() == "M" { start = current }
                    first = false
                    points.append(current)
                    index += 2
                }
            case "H":
                for value in numbers {
                    current.x = (relative ? current.x : 0) + value
                    points.append(current)
                }
            case "V":
                for value in numbers {
                    current.y = (relative ? current.y : 0) + value
                    points.append(current)
                }
            case "Z":
                current = start
            default: break
            }
            numbers = []
        }
        for character in d {
            if character.isLetter {
                flushCommand()
                command = character
            } else if character == " " || character == "," {
                flushToken()
            } else if character == "-" && !token.isEmpty {
                flushToken()
                token.append(character)
            } else {
                token.append(character)
            }
        }
        flushCommand()
        return points
    }

    /// Number of subpaths (`M` or `m` commands).
    static func subpaths(_ d: String) -> Int { d.filter { $0 == "M" || $0 == "m" }.count }
}
