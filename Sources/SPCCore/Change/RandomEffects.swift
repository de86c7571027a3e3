#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// DerSimonian–Laird random-effects pooling of the wards' log rate ratios (DerSimonian &
/// Laird 1986, Controlled Clinical Trials 7:177–188; DESIGN.md §4.4).
public struct RandomEffects: Sendable, Hashable {
    /// K, the wards pooled (all but those with both counts 0 or not observed).
    public let wards: Int
    /// The pooled ln RR, ȳ = Σw*ᵢyᵢ/Σw*ᵢ.
    public let logEstimate: Double
    /// 1/√Σw*ᵢ, the standard error of ȳ.
    public let standardError: Double
    /// exp(ȳ), the pooled rate ratio.
    public let estimate: Double
    /// exp(ȳ ± z·SE).
    public let interval: ConfidenceInterval
    /// τ², the between-ward variance of ln RR (moment estimate, ≥ 0).
    public let tauSquared: Double
    /// Cochran's Q = Σwᵢ(yᵢ − ȳ_w)² with fixed-effect weights wᵢ = 1/vᵢ.
    public let cochranQ: Double
    /// I² = max(0, (Q − (K − 1))/Q), as a fraction (0 when Q = 0 or K = 1).
    public let iSquared: Double

    /// 100·(1 − exp(ȳ)).
    public var reductionPercent: Double { 100 * (1 - estimate) }
    /// [100·(1 − RR_upper), 100·(1 − RR_lower)].
    public var reductionInterval: ConfidenceInterval {
        ConfidenceInterval(lower: 100 * (1 - interval.upper), upper: 100 * (1 - interval.lower), level: interval.level)
    }
}

extension Pooling {
    /// DerSimonian–Laird on yᵢ = ln RRᵢ with vᵢ = 1/O_bᵢ + 1/O_cᵢ.
    ///
    /// A ward with either count 0 (including O_b = 0, whose own reduction is undefined)
    /// gets 0.5 added to both counts (Haldane–Anscombe); a ward with both 0 is left out.
    /// wᵢ = 1/vᵢ, Q = Σwᵢ(yᵢ − ȳ_w)², τ² = max(0, (Q − (K − 1))/(Σw − Σw²/Σw)),
    /// w*ᵢ = 1/(vᵢ + τ²), ȳ = Σw*ᵢyᵢ/Σw*ᵢ, interval ȳ ± z/√Σw*ᵢ with z = Φ⁻¹(1 − α/2)
    /// (1.959964 at 95%, as metafor's `rma(method = "DL")`). K = 1 gives that ward's
    /// figures with τ² = 0, Q = 0, I² = 0.
    /// - Returns: `nil` when no ward is left, or the level is outside (0, 1).
    public static func randomEffects(_ wards: [WardCounts], level: Double = 0.95) -> RandomEffects? {
        guard let z = normalMultiplier(level: level) else { return nil }
        var effects: [Double] = []   // yᵢ
        var variances: [Double] = [] // vᵢ
        for ward in wards where ward.isObserved && ward.baselineCount + ward.comparisonCount > 0 {
            let correction = ward.baselineCount == 0 || ward.comparisonCount == 0 ? 0.5 : 0
            let baseline = Double(ward.baselineCount) + correction
            let comparison = Double(ward.comparisonCount) + correction
            effects.append(log((comparison * ward.baselineExposure) / (baseline * ward.comparisonExposure)))
            variances.append(1 / baseline + 1 / comparison)
        }
        let k = effects.count
        guard k > 0 else { return nil }

        let weights = variances.map { 1 / $0 }
        let sumWeights = weights.reduce(0, +)
        let fixedMean = zip(weights, effects).reduce(0) { $0 + $1.0 * $1.1 } / sumWeights
        let q = zip(weights, effects).reduce(0) { $0 + $1.0 * ($1.1 - fixedMean) * ($1.1 - fixedMean) }
        var tauSquared = 0.0
        if k > 1 {
            let c = sumWeights - weights.reduce(0) { $0 + $1 * $1 } / sumWeights
            tauSquared = max(0, (q - Double(k - 1)) / c)
        }
        let randomWeights = variances.map { 1 / ($0 + tauSquared) }
        let sumRandom = randomWeights.reduce(0, +)
        let pooled = zip(randomWeights, effects).reduce(0) { $0 + $1.0 * $1.1 } / sumRandom
        let standardError = 1 / sumRandom.squareRoot()
        let iSquared = (k > 1 && q > 0) ? max(0, (q - Double(k - 1)) / q) : 0
        return RandomEffects(wards: k, logEstimate: pooled, standardError: standardError, estimate: exp(pooled),
                             interval: logInterval(pooled, standardError: standardError, z: z, level: level),
                             tauSquared: tauSquared, cochranQ: k > 1 ? q : 0, iSquared: iSquared)
    }
}
