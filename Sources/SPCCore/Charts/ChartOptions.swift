/// How to compute a chart's lines (DESIGN.md §4.0–§4.1).
public struct ChartOptions: Sendable, Equatable {
    public var kind: ChartKind
    /// Values and lines of rate charts are multiplied by this after computation
    /// (1,000 for u/up and rates: per 1,000 bed days; 1 for p/pp).
    public var multiplier: Double
    /// Drop moving ranges ≥ 3.267 × their mean once before estimating σ (i, t, Laney).
    public var screenMovingRanges: Bool
    /// i charts: limits mean ± 2.66·MR̄ and 2σ lines mean ± 2.66·(2/3)·MR̄ (NHS England),
    /// instead of mean ± 3·MR̄/1.128.
    public var nhsEnglandConstant: Bool
    /// run, i and mr charts: plot numerator ÷ denominator × multiplier instead of the numerator.
    public var plotRate: Bool
    /// c and u charts: exact Poisson probability limits instead of ±3σ (`PoissonLimits`;
    /// chosen by `--chart auto` for small counts, never for an explicit chart).
    public var probabilityLimits = false

    public init(kind: ChartKind, multiplier: Double? = nil, screenMovingRanges: Bool = true,
                nhsEnglandConstant: Bool = false, plotRate: Bool = false) {
        self.kind = kind
        self.multiplier = multiplier ?? ChartOptions.defaultMultiplier(kind: kind, plotRate: plotRate)
        self.screenMovingRanges = screenMovingRanges
        self.nhsEnglandConstant = nhsEnglandConstant
        self.plotRate = plotRate
    }

    /// 1,000 for u/up and `--value rate`, 1 otherwise.
    public static func defaultMultiplier(kind: ChartKind, plotRate: Bool) -> Double {
        switch kind {
        case .u, .up: return BedDayRates.multiplier
        case .run, .i, .mr: return plotRate ? BedDayRates.multiplier : 1
        default: return 1
        }
    }
}
