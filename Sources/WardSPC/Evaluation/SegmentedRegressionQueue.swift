import SPCCore
import WardData

/// Segmented regressions waiting to be solved: wards sharing observed periods and
/// intervention go to LAPACK together (`SegmentedRegression.fitBatch`).
struct SegmentedRegressionQueue {
    /// One ward's model: a linear model's input (solved later, in a batch) or a Poisson fit.
    enum Entry: Sendable {
        case linear(SegmentedRegression.Input)
        case poisson(PoissonSegmentedRegression?)
    }

    private var linear: [(ward: Int, input: SegmentedRegression.Input)] = []
    private var poisson: [(ward: Int, fit: PoissonSegmentedRegression?)] = []

    /// Queues ward number `ward`'s model (nothing when it has none).
    mutating func append(_ entry: Entry?, ward: Int) {
        switch entry {
        case .linear(let input)?: linear.append((ward, input))
        case .poisson(let fit)?: poisson.append((ward, fit))
        case nil: break
        }
    }

    /// The model of one ward's baseline and comparison windows; `nil` when a window is empty.
    static func entry(_ series: WardSeries, baseline: [Int], comparison: [Int], kind: PeriodKind, bedDays: Bool,
                      model: SegmentedModel) -> Entry? {
        guard let first = baseline.first, let firstComparison = comparison.first else { return nil }
        let indices = sortedUnion(baseline, comparison)
        let origin = series.periods[first]
        let periods = indices.map { kind.distance(from: origin, to: series.periods[$0]) }
        let t0 = kind.distance(from: origin, to: series.periods[firstComparison])
        switch model {
        case .linear:
            let values = indices.map { index -> Double in
                bedDays ? series.values[index] / (series.denominators[index] ?? .nan) * 1000 : series.values[index]
            }
            return .linear(SegmentedRegression.Input(periods: periods, values: values, firstComparisonPeriod: t0))
        case .poisson:
            let exposures = indices.map { bedDays ? (series.denominators[$0] ?? 0) : 1 }
            return .poisson(PoissonSegmentedRegression.fit(periods: periods, counts: indices.map { Int(series.values[$0]) },
                                                           exposures: exposures, firstComparisonPeriod: t0))
        }
    }

    /// The indices of both windows, ascending, each once (a merge when both are ascending,
    /// as the windows are; a sort otherwise).
    static func sortedUnion(_ a: [Int], _ b: [Int]) -> [Int] {
        func ascending(_ x: [Int]) -> Bool { zip(x, x.dropFirst()).allSatisfy { $0 < $1 } }
        guard ascending(a), ascending(b) else { return Array(Set(a + b)).sorted() }
        var result: [Int] = []
        result.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i] < b[j]) {
                result.append(a[i]); i += 1
            } else if i == a.count || b[j] < a[i] {
                result.append(b[j]); j += 1
            } else {
                result.append(a[i]); i += 1; j += 1
            }
        }
        return result
    }

    /// Solves the queued linear models in batches and writes every result into its ward.
    func solve(into wards: inout [WardEvaluation]) {
        let fits = SegmentedRegression.fitBatch(linear.map(\.input))
        for (entry, fit) in zip(linear, fits) {
            guard let fit else { continue }
            wards[entry.ward].its = InterruptedTimeSeries(
                model: .linear, levelChange: fit.levelChange, levelChangeStandardError: fit.levelChangeStandardError,
                slopeChange: fit.slopeChange, slopeChangeStandardError: fit.slopeChangeStandardError,
                durbinWatson: fit.durbinWatson, points: fit.points)
        }
        for entry in poisson {
            guard let fit = entry.fit else { continue }
            wards[entry.ward].its = InterruptedTimeSeries(
                model: .poisson, levelChange: fit.levelChange, levelChangeStandardError: fit.levelChangeStandardError,
                slopeChange: fit.slopeChange, slopeChangeStandardError: fit.slopeChangeStandardError,
                durbinWatson: nil, points: fit.points)
        }
    }
}
