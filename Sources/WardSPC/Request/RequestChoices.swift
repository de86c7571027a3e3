import SPCCore
import WardData

/// One request as a person made it — command-line flags or the upload page's fields —
/// with every choice they did not make left `nil`. `AnalysisRequest.resolve` turns it,
/// with the data's facts, into the settings every part of WardSPC reads: the one place
/// where a default is chosen.
public struct RequestChoices: Sendable {
    /// `--chart`: `auto` (each series the chart `ChartAdvisor` chooses) or one kind; `nil`
    /// = the command's default (`RequestPurpose`).
    public var chart: ChartChoice?
    /// `--rules`; `nil` = the command's default.
    public var rules: RuleSetKind?
    /// `--value rate`: run, i and mr charts plot count ÷ denominator × multiplier.
    public var plotRate = false
    public var multiplier: Double?
    public var screenMovingRanges: Bool?
    /// The baseline (frozen limits on a chart, the baseline window of a comparison) and
    /// the comparison window.
    public var windows = StudyWindows()
    public var phaseStarts: [CivilDate] = []
    public var excludedDates: [CivilDate] = []
    /// `--events FILE`, already read.
    public var events: WardEvents?
    /// The events file as the person named it (the report prints it).
    public var eventsFile: String?
    /// `--improvement`; `nil` = decrease.
    public var improvement: Improvement?
    public var target: Double?
    public var shiftLength: Int?
    public var trendLength: Int?
    /// `--auto-rebase` on charts; `evaluate`'s sustained-shift length otherwise.
    public var autoRebase: Int?
    public var medianPoints = 13
    public var rebaseDirection: RebaseDirection?
    public var filters = SeriesFilters()
    /// `--benchmark`, in per cent; `nil` = 15 (the NCCMH collaborative's reduction).
    public var benchmark: Double?
    /// `--min-incidents`: fewer incidents than this are too few to judge; `nil` = 10.
    public var minimumIncidents: Int?
    /// `--provisional N`: the last N periods are left out of the comparison.
    public var provisional = 0
    public var groupBy: PoolingGroup = .trust
    public var segmentedModel: SegmentedModel = .linear

    public init() {}
}

/// Which series a request covers (`--trust`, `--ward`, `--measure`, `--subtype`; each
/// repeatable, empty = all).
public struct SeriesFilters: Sendable, Equatable {
    public var trusts: Set<String> = []
    public var wards: Set<String> = []
    public var measures: Set<String> = []
    public var subtypes: Set<String> = []

    public init(trusts: Set<String> = [], wards: Set<String> = [], measures: Set<String> = [],
                subtypes: Set<String> = []) {
        self.trusts = trusts
        self.wards = wards
        self.measures = measures
        self.subtypes = subtypes
    }

    public var isEmpty: Bool { trusts.isEmpty && wards.isEmpty && measures.isEmpty && subtypes.isEmpty }
}

/// What a command does with a request, and so its defaults (stated in each command's
/// `--help` from `chartDefault` and `rulesDefault`).
public enum RequestPurpose: String, Sendable, CaseIterable {
    /// `analyze` and the page's /analyze: a run chart under the Anhøj rules (DESIGN.md §4.0).
    case analyze
    /// `chart`, `report` and the upload page's report: `--chart auto` (each series the
    /// chart an expert would draw, `ChartAdvisor`) under NHS England's Making Data Count
    /// rules, whose colours and icons the pictures show.
    case picture
    /// `evaluate`, `breakdown` and the page's /evaluate: the comparison's SPC view (u with
    /// bed days, else c) under the Anhøj rules.
    case comparison

    /// The chart when none is asked for.
    func defaultChart(_ facts: DatasetFacts) -> ChartKind {
        switch self {
        case .analyze: return .run
        case .picture: return facts.ordinaryChart
        case .comparison: return facts.comparisonChart(nil)
        }
    }

    var defaultRules: RuleSetKind { self == .picture ? .mdc : .anhoej }

    /// The default chart in words, for `--help`.
    public var chartDefault: String {
        switch self {
        case .analyze: return "run"
        case .picture: return "auto (per series, the chart an expert would draw: u with bed days, else c; rare events by calendar month or as a g chart; i for a value column; the reason under each chart)"
        case .comparison: return "u when the data has bed days, else c"
        }
    }

    /// The default rule set's name, for `--help`.
    public var rulesDefault: String { defaultRules.rawValue }
}
