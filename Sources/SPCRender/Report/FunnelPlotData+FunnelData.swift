import SPCCore
import WardSPC

extension FunnelPlotData {
    /// A funnel plot of one measure's wards from `FunnelData` (rates per 1,000 bed days or per period).
    public init(_ funnel: FunnelData, improvement: Improvement = .decrease) {
        let units = funnel.wards.map { ward -> Unit in
            let flag: Flag
            switch (ward.position998, ward.position95) {
            case (.above, _): flag = .above998
            case (.below, _): flag = .below998
            case (_, .above): flag = .above95
            case (_, .below): flag = .below95
            default: flag = .within
            }
            return Unit(label: "\(ward.trust) \(ward.ward)", exposure: ward.exposure, rate: ward.rate, flag: flag)
        }
        var subtitle = "Exact Poisson 95% and 99.8% limits around the pooled rate"
        if let dispersion = funnel.overdispersion, dispersion.isApplied {
            subtitle += ", widened for over-dispersion (φ = \(ValueText.reading(dispersion.phi)))"
        }
        self.init(title: "\(DisplayName.measure(funnel.measure)): wards against exposure",
                  rateUnits: funnel.exposureIsBedDays ? "per 1,000 occupied bed days" : "per period",
                  exposureUnits: funnel.exposureIsBedDays ? "occupied bed days" : "periods",
                  target: funnel.target, units: units, limits: funnel.curves, improvement: improvement, subtitle: subtitle)
    }
}
