#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The Anhøj runs rules, qicharts2-compatible (DESIGN.md §4.2, `--rules anhoej`).
///
/// Per phase, over its useful points (see `CentreLineRuns`) against the phase's centre
/// line — after a frozen baseline that covers every point of the phase:
/// - **long run**: a run longer than round(log₂ useful) + 3 (Schilling 2012), flagged on
///   the points of every run longer than that;
/// - **few crossings**: crossings (runs − 1) fewer than the 5% lower quantile of
///   Binomial(useful − 1, ½) (Chen 2010), a phase-level signal on no point.
/// Control charts (every kind but `run`) add the outside-limits signal. The mr chart
/// reports its runs statistics but never a runs signal (as qicharts2 0.8.1).
///
/// Sources: Anhøj & Olesen, "Run charts revisited", *PLoS ONE* 9(11), 2014; qicharts2
/// 0.8.1 `runs.analysis` and `crsignal`.
public enum Anhoej {
    /// The longest run expected by chance: round(log₂ useful) + 3 (half-way cases cannot
    /// occur: log₂ of an integer is never an odd multiple of ½).
    /// - Returns: `nil` without useful points (qicharts2: NA).
    public static func longestRunLimit(useful: Int) -> Int? {
        guard useful > 0 else { return nil }
        return Int(log2(Double(useful)).rounded(.toNearestOrEven)) + 3
    }

    /// The fewest crossings expected by chance: R's `qbinom(0.05, useful − 1, 0.5)`.
    /// - Returns: `nil` without useful points (qicharts2: NA).
    public static func crossingsLimit(useful: Int) -> Int? {
        guard useful > 0 else { return nil }
        if useful < crossingsLimits.count { return crossingsLimits[useful] }
        return Binomial.quantile(0.05, trials: useful - 1, successProbability: 0.5)
    }

    /// `crossingsLimit` for up to 400 useful points (over 7 years of weeks), worked out
    /// once: the batch engine asks for it for every series.
    private static let crossingsLimits: [Int?] = (0..<401).map { useful in
        useful > 0 ? Binomial.quantile(0.05, trials: useful - 1, successProbability: 0.5) : nil
    }

    /// The Anhøj signals and runs statistics of a chart.
    ///
    /// Events come phase by phase: long runs (in order), then few crossings, then points
    /// outside the limits (control charts; excluded points included). Fewer than 10
    /// useful points are still evaluated — the caller warns.
    public static func evaluate(_ lines: ChartLines, layout: PhaseLayout, chart: ChartKind) -> RuleOutcome {
        let outside = chart.hasLimits ? OutsideLimits.events(lines, layout: layout) : []
        var events: [SignalEvent] = []
        var statistics: [RunsStatistics?] = []
        for (phase, range) in layout.phases.enumerated() {
            let scan = CentreLineRuns.scan(lines, range: range, excluded: layout.excluded)
            let (phaseStatistics, phaseEvents) = evaluatePhase(scan, phase: phase, reportsSignals: chart != .mr,
                                                               chances: lines.runChances)
            statistics.append(phaseStatistics)
            events += phaseEvents
            events += outside.filter { $0.phase == phase }
        }
        return RuleOutcome(events: events, runs: statistics)
    }

    /// The runs statistics and runs signals of one phase.
    ///
    /// Without useful points every statistic is 0, the crossings limit `nil` and there is
    /// no signal (qicharts2 reports NA).
    /// - Parameters:
    ///   - reportsSignals: false for the mr chart: statistics only.
    ///   - chances: small counts' chances of each side (`RunChances`): a long run must then be
    ///     as unlikely by chance as round(log₂ useful) + 4 points of a continuous measure, and
    ///     the crossings limit is the 5% quantile of Binomial(useful − 1, q̄), q̄ the mean
    ///     chance of a crossing. The reported run limit is that of the longest run's side.
    static func evaluatePhase(_ scan: CentreLineRuns.Scan, phase: Int, reportsSignals: Bool,
                              chances: RunChances? = nil) -> (RunsStatistics, [SignalEvent]) {
        let useful = scan.useful.count
        guard let nominalRunLimit = longestRunLimit(useful: useful),
              var crossingsLimit = crossingsLimit(useful: useful) else {
            return (RunsStatistics(useful: 0, longestRun: 0, longestRunLimit: 0, crossings: 0, crossingsLimit: nil,
                                   signal: false), [])
        }
        var runLimits = (high: nominalRunLimit, low: nominalRunLimit)
        if let chances {
            func limit(_ side: SignalSide) -> Int {
                let needed = chances.runLength(nominal: nominalRunLimit + 1, side: side, points: scan.useful,
                                               givenOffCentre: true)
                return needed == Int.max ? Int.max : needed - 1
            }
            runLimits = (limit(.high), limit(.low))
            if let crossing = chances.crossingChance(points: scan.useful) {
                crossingsLimit = Binomial.quantile(0.05, trials: useful - 1, successProbability: crossing) ?? crossingsLimit
            }
        }
        func limit(of side: SignalSide) -> Int { side == .high ? runLimits.high : runLimits.low }
        let longest = scan.longestRun
        let longestRun = longest.map { scan.runs[$0].length } ?? 0
        let runLimit = longest.map { limit(of: scan.runs[$0].side) } ?? nominalRunLimit
        let crossings = max(scan.runs.count - 1, 0)
        let longRuns = scan.runs.indices.filter { scan.runs[$0].length > limit(of: scan.runs[$0].side) }
        let fewCrossings = crossings < crossingsLimit
        let signal = reportsSignals && (!longRuns.isEmpty || fewCrossings)
        var events: [SignalEvent] = []
        if reportsSignals {
            events = longRuns.map {
                SignalEvent(kind: .longRun, points: scan.points(ofRun: $0), side: scan.runs[$0].side, phase: phase)
            }
            if fewCrossings { events.append(SignalEvent(kind: .fewCrossings, points: [], side: nil, phase: phase)) }
        }
        let statistics = RunsStatistics(useful: useful, longestRun: longestRun, longestRunLimit: runLimit,
                                        crossings: crossings, crossingsLimit: crossingsLimit, signal: signal)
        return (statistics, events)
    }
}
