/// Laney's between-period variation factor σ_z for the u′ and p′ charts (DESIGN.md §4.1).
///
/// Source: Laney, "Improved control charts for attributes", *Quality Engineering* 14(4),
/// 2002; qicharts2 0.8.1 `qic.up` / `qic.pp`. The z-scores' moving ranges are screened
/// like an i chart's when asked — qicharts2 0.8.1 does so under its `qic.screenedmr`
/// option, and its limits in the team's reference cases only agree with screening on.
public enum Laney {
    /// σ_z = MR̄(z)/1.128 with zᵢ = (yᵢ − centre)/σᵢ over the baseline points in time order.
    /// - Parameters:
    ///   - values: the baseline points' rates or proportions (before the multiplier).
    ///   - centre: the phase's ū or p̄.
    ///   - sigmas: the baseline points' model σᵢ (√(ū/nᵢ) or √(p̄(1−p̄)/nᵢ)), all > 0.
    ///   - screened: drop moving ranges of z ≥ 3.267 × their mean once.
    /// - Returns: σ_z, `nil` with fewer than two points.
    public static func sigmaZ(values: [Double], centre: Double, sigmas: [Double], screened: Bool) -> Double? {
        precondition(values.count == sigmas.count, "one σ per value")
        let scores = zip(values, sigmas).map { ($0 - centre) / $1 }
        return MovingRange.average(of: scores, screened: screened).map { $0 / IndividualsChart.d2 }
    }

    /// Model σᵢ multiplied by σ_z estimated from the baseline points.
    ///
    /// When the model σ is 0 at every baseline point (ū = 0, or p̄ at 0 or 1: a baseline
    /// without events) the z-scores are 0/0; the limits then sit on the centre line as on
    /// the plain u or p chart (qicharts2 shows none) — σ_z cannot widen a zero σ.
    /// - Returns: the adjusted σ per point; all `nil` when σ_z cannot be estimated.
    static func adjustedSigmas(values: [Double?], baseline: [Bool], centre: Double, modelSigmas: [Double?],
                               screened: Bool) -> [Double?] {
        var baselineValues: [Double] = []
        var baselineSigmas: [Double] = []
        for index in values.indices where baseline[index] {
            guard let value = values[index], let sigma = modelSigmas[index] else { continue }
            baselineValues.append(value)
            baselineSigmas.append(sigma)
        }
        if !baselineSigmas.isEmpty, baselineSigmas.allSatisfy({ $0 == 0 }) { return modelSigmas }
        guard let factor = sigmaZ(values: baselineValues, centre: centre, sigmas: baselineSigmas,
                                  screened: screened) else {
            return Array(repeating: nil, count: values.count)
        }
        return modelSigmas.map { $0.map { $0 * factor } }
    }
}
