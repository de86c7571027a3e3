import SPCCore
import WardData

/// Wards' rates against exposure for a funnel plot (DESIGN.md §4.5): the data behind
/// `wardspc funnel`, and what the funnel renderer draws.
public struct FunnelData: Sendable {
    public struct Ward: Sendable {
        public var trust: String
        public var ward: String
        public var count: Int
        /// Bed days, or observed periods without bed days.
        public var exposure: Double
        /// Per 1,000 bed days (or per period).
        public var rate: Double
        public var zScore: Double
        public var position95: FunnelPosition
        public var position998: FunnelPosition
    }

    public var measure: String
    public var from: CivilDate?
    public var to: CivilDate?
    /// The pooled rate, per 1,000 bed days (or per period).
    public var target: Double
    /// Rates are per this many units of exposure (1,000 for bed days, 1 for periods).
    public var ratePer: Double
    public var exposureIsBedDays: Bool
    public var wards: [Ward]
    /// Limit curves for drawing, rates per `ratePer`.
    public var curves: [FunnelLimits]
    public var overdispersion: Overdispersion?

    /// Counts and exposure of every ward of `measure` within [from, to] (inclusive period
    /// starts), against the pooled rate, with exact Poisson 95% and 99.8% limits and, when
    /// asked, Spiegelhalter's over-dispersion adjustment. `nil` when no ward has exposure.
    public static func compute(_ dataset: WardDataset, measure: String, from: CivilDate? = nil, to: CivilDate? = nil,
                               adjustForOverdispersion: Bool = false,
                               settings: AnalysisSettings = AnalysisSettings()) throws(AnalysisError) -> FunnelData? {
        try compute(dataset, measures: [measure], from: from, to: to, adjustForOverdispersion: adjustForOverdispersion,
                    settings: settings)[measure]
    }

    /// `compute` for each of `measures` at once, from one pass over the dataset (a wide
    /// file of 8,000 measures read its 2.4 million cells once per measure before); measures
    /// with no exposure are left out.
    public static func compute(_ dataset: WardDataset, measures: [String], from: CivilDate? = nil, to: CivilDate? = nil,
                               adjustForOverdispersion: Bool = false,
                               settings: AnalysisSettings = AnalysisSettings()) throws(AnalysisError) -> [String: FunnelData] {
        guard dataset.valueKind == .count else {
            throw AnalysisError("a funnel plot compares incident counts, and \(dataset.file) has a `value` column")
        }
        let wanted = Set(measures)
        let data = try settings.selectingSubtypes(of: dataset)
        let built = SeriesBuilder.build(data) { trust, ward, name in
            wanted.contains(name) && settings.includes(trust, ward, name)
        }
        var byMeasure: [String: [WardSeries]] = [:]
        for series in built.series { byMeasure[series.measure, default: []].append(series) }
        var funnels: [String: FunnelData] = [:]
        // Past the deadline the rest are left out; the caller reports the time limit.
        for (measure, series) in byMeasure where !settings.deadline.hasPassed {
            funnels[measure] = funnel(of: series, measure: measure, bedDays: dataset.hasDenominator, from: from, to: to,
                                      adjustForOverdispersion: adjustForOverdispersion)
        }
        return funnels
    }

    /// The funnel of one measure's ward series (in the dataset's order).
    private static func funnel(of built: [WardSeries], measure: String, bedDays: Bool, from: CivilDate?, to: CivilDate?,
                               adjustForOverdispersion: Bool) -> FunnelData? {
        var wards: [(trust: String, ward: String, count: Int, exposure: Double)] = []
        for series in built {
            var count = 0, exposure = 0.0
            for index in series.periods.indices {
                let period = series.periods[index]
                if let from, period < from { continue }
                if let to, period > to { continue }
                if bedDays {
                    guard let denominator = series.denominators[index] else { continue }
                    exposure += denominator
                } else {
                    exposure += 1
                }
                count += Int(series.values[index])
            }
            if exposure > 0 { wards.append((series.trust, series.ward, count, exposure)) }
        }
        guard !wards.isEmpty,
              let funnel = Funnel.compute(counts: wards.map(\.count), exposures: wards.map(\.exposure),
                                          adjustForOverdispersion: adjustForOverdispersion) else { return nil }
        let ratePer = bedDays ? BedDayRates.multiplier : 1.0
        let exposures = wards.map(\.exposure)
        let grid = Funnel.exposureGrid(from: max(exposures.min()! / 2, 1e-9), to: exposures.max()! * 1.2, points: 120)
        return FunnelData(
            measure: measure, from: from, to: to, target: funnel.target * ratePer, ratePer: ratePer,
            exposureIsBedDays: bedDays,
            wards: zip(wards, funnel.units).map { ward, unit in
                Ward(trust: ward.trust, ward: ward.ward, count: unit.count, exposure: unit.exposure,
                     rate: unit.rate * ratePer, zScore: unit.zScore, position95: unit.position95,
                     position998: unit.position998)
            },
            curves: funnel.limits(atExposures: grid).map { $0.scaled(by: ratePer) }, overdispersion: funnel.overdispersion)
    }
}
