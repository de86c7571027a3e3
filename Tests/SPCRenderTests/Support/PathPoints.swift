/// The absolute coordinates an SVG path's `d` visits (M, L, H, V and Z only: what the
/// charts write), for finding where a line or mark was drawn.
enum PathPoints {
    static func points(_ d: String) -> [(x: Double, y: Double)] {
        var points: [(x: Double, y: Double)] = []
        var command: Character = "M"
        var numbers: [Double] = []
        var token = ""
        func flushToken() {
            if let value = Double(token) { numbers.append(value) }
            token = ""
        }
        func flushCommand() {
            flushToken()
            var index = 0
            let last = points.last ?? (0, 0)
            switch command {
            case "M", "L":
                while index + 1 < numbers.count {
                    points.append((numbers[index], numbers[index + 1]))
                    index += 2
                }
            case "H": for value in numbers { points.append((value, last.y)) }
            case "V": for value in numbers { points.append((last.x, value)) }
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
}
