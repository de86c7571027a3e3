/// NHS England Making Data Count colours, and the greys and lines around them.
enum Palette {
    static let improvement: StaticString = "#00b0f0"
    static let concern: StaticString = "#e46c0a"
    static let neutral: StaticString = "#490092"
    static let commonCause: StaticString = "#a6a6a6"

    static let text: StaticString = "#212b32"
    static let secondaryText: StaticString = "#4c6272"
    static let dataLine: StaticString = "#8a8a8a"
    static let centreLine: StaticString = "#212b32"
    static let limitLine: StaticString = "#6f777b"
    static let target: StaticString = "#d5281b"
    static let rebase: StaticString = "#005eb8"
    static let grid: StaticString = "#e8edee"
    static let axis: StaticString = "#aeb7bd"
    static let phase: StaticString = "#425563"
    static let background: StaticString = "#ffffff"
}
