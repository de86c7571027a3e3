import SPCCore

/// What `--chart` (or the upload page's chart field) asks for: `auto` — each series the
/// chart `ChartAdvisor` chooses — or one chart kind for every series.
public enum ChartChoice: Sendable, Equatable, CustomStringConvertible {
    case auto
    case kind(ChartKind)

    /// `"auto"` or a chart kind's name (`run`, `i`, `mr`, `c`, `u`, `up`, `p`, `pp`, `g`, `t`).
    public init?(rawValue: String) {
        if rawValue == "auto" { self = .auto; return }
        guard let kind = ChartKind(rawValue: rawValue) else { return nil }
        self = .kind(kind)
    }

    public var rawValue: String {
        switch self {
        case .auto: return "auto"
        case .kind(let kind): return kind.rawValue
        }
    }

    public var description: String { rawValue }

    /// Every accepted name, `auto` first.
    public static let allNames = ["auto"] + ChartKind.allCases.map(\.rawValue)

    /// Sets `settings.chart` and `settings.autoChart`; under `auto`, `chart` becomes
    /// `fallback` (what checks made before the series are known look at).
    public func apply(to settings: inout AnalysisSettings, fallback: ChartKind) {
        switch self {
        case .auto:
            settings.chart = fallback
            settings.autoChart = true
        case .kind(let kind):
            settings.chart = kind
            settings.autoChart = false
        }
    }
}
