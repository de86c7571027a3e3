#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The ratio of totals over a group of wards, RR_T = (ΣO_c/ΣT_c)/(ΣO_b/ΣT_b), with its
/// over-dispersion-widened interval (DESIGN.md §4.4).
public struct PooledRatio: Sendable, Hashable {
    /// How the interval was formed.
    public enum IntervalMethod: String, Sendable, Hashable, Codable {
        /// exp(ln RR_T ± z·SE), SE = √(1/ΣO_b + 1/ΣO_c)·√max(1, φ): the usual case.
        case overdispersedLogNormal = "overdispersed_log_normal"
        /// ΣO_c = 0, where ln RR_T = −∞ has no normal interval: the exact conditional
        /// interval of the totals (`RateRatio` on ΣO_b, ΣT_b, ΣO_c, ΣT_c), lower limit 0.
        case exactConditional = "exact_conditional"
    }

    /// The summed counts and exposures of the wards pooled.
    public let totals: WardCounts
    /// Wards pooled (observed in both windows).
    public let wards: Int
    /// RR_T.
    public let estimate: Double
    /// The interval of RR_T.
    public let interval: ConfidenceInterval
    public let intervalMethod: IntervalMethod
    /// φ, Pearson's χ² of the conditional binomials over K − 1; 1 when K < 2; `nil` when
    /// ΣO_c = 0 (no binomial variance under RR_T = 0). The interval uses max(1, φ).
    public let dispersion: Double?
    /// K, the wards with nᵢ = O_bᵢ + O_cᵢ > 0 that φ is taken over.
    public let dispersionWards: Int

    /// 100·(1 − RR_T).
    public var reductionPercent: Double { 100 * (1 - estimate) }
    /// [100·(1 − RR_upper), 100·(1 − RR_lower)].
    public var reductionInterval: ConfidenceInterval {
        ConfidenceInterval(lower: 100 * (1 - interval.upper), upper: 100 * (1 - interval.lower), level: interval.level)
    }
}

extension Pooling {
    /// The ratio of totals over `wards` (DESIGN.md §4.4).
    ///
    /// φ = Σᵢ (O_cᵢ − Eᵢ)²/Vᵢ / (K − 1) over the K wards with nᵢ = O_bᵢ + O_cᵢ > 0, where
    /// under a common RR_T πᵢ = T_cᵢ·RR_T/(T_cᵢ·RR_T + T_bᵢ), Eᵢ = nᵢπᵢ and
    /// Vᵢ = nᵢπᵢ(1 − πᵢ); φ = 1 when K < 2. A quasi-likelihood (Wedderburn 1974; McCullagh
    /// & Nelder 1989 §4.5) scale on the log-rate-ratio variance 1/ΣO_b + 1/ΣO_c, never
    /// narrowing it (max(1, φ)).
    /// - Returns: `nil` when no ward is observed in both windows or ΣO_b = 0 (RR_T is
    ///   undefined), or the level is outside (0, 1).
    public static func ratioOfTotals(_ wards: [WardCounts], level: Double = 0.95) -> PooledRatio? {
        let observed = wards.filter(\.isObserved)
        guard let totals = totals(observed), let z = normalMultiplier(level: level),
              let estimate = totals.rateRatioEstimate else { return nil }
        let informative = observed.filter { $0.baselineCount + $0.comparisonCount > 0 }

        if totals.comparisonCount == 0 {
            guard let exact = RateRatio.compute(totals, level: level) else { return nil }
            return PooledRatio(totals: totals, wards: observed.count, estimate: estimate, interval: exact.interval,
                               intervalMethod: .exactConditional, dispersion: nil,
                               dispersionWards: informative.count)
        }

        let dispersion = informative.count < 2 ? 1
            : pearsonStatistic(informative, commonRatio: estimate) / Double(informative.count - 1)
        let standardError = (1 / Double(totals.baselineCount) + 1 / Double(totals.comparisonCount)).squareRoot()
            * max(1, dispersion).squareRoot()
        return PooledRatio(totals: totals, wards: observed.count, estimate: estimate,
                           interval: logInterval(log(estimate), standardError: standardError, z: z, level: level),
                           intervalMethod: .overdispersedLogNormal, dispersion: dispersion,
                           dispersionWards: informative.count)
    }

    /// ΣO_b, ΣT_b, ΣO_c, ΣT_c over the wards observed in both windows
    /// (`WardCounts.isObserved`); `nil` when there is none.
    public static func totals(_ wards: [WardCounts]) -> WardCounts? {
        var totals = WardCounts(baselineCount: 0, baselineExposure: 0, comparisonCount: 0, comparisonExposure: 0)
        var any = false
        for ward in wards where ward.isObserved {
            any = true
            totals.baselineCount += ward.baselineCount
            totals.baselineExposure += ward.baselineExposure
            totals.comparisonCount += ward.comparisonCount
            totals.comparisonExposure += ward.comparisonExposure
        }
        return any ? totals : nil
    }

    /// Σᵢ (O_cᵢ − nᵢπᵢ)²/(nᵢπᵢ(1 − πᵢ)) with πᵢ = T_cᵢ·RR/(T_cᵢ·RR + T_bᵢ), for wards with
    /// nᵢ > 0 and RR > 0.
    static func pearsonStatistic(_ wards: [WardCounts], commonRatio: Double) -> Double {
        var statistic = 0.0
        for ward in wards {
            let n = Double(ward.baselineCount + ward.comparisonCount)
            let scaled = ward.comparisonExposure * commonRatio
            let pi = scaled / (scaled + ward.baselineExposure)
            let oneMinusPi = ward.baselineExposure / (scaled + ward.baselineExposure)
            let expected = n * pi
            let residual = Double(ward.comparisonCount) - expected
            statistic += residual * residual / (expected * oneMinusPi)
        }
        return statistic
    }
}
