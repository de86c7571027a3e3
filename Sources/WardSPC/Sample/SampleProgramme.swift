import WardData

/// A synthetic, deterministic improvement programme: three trusts' wards with weekly
/// counts of six safety measures over three years, wards joining a restrictive-practice
/// collaborative at different dates (`wardsCSV()`, `eventsCSV()`; see SampleData/README.md).
///
/// The same seed and parameters give byte-identical files on every machine: all
/// randomness comes from `SampleRandom`, the ward plans from one stream and each ward's
/// weekly numbers from a stream named after the ward.
public struct SampleProgramme: Sendable {
    /// The seed of the committed sample data.
    public static let defaultSeed: UInt64 = 2026

    public let seed: UInt64
    public let parameters: SampleParameters
    /// Every ward's drawn plan, in file order (by trust code, then ward name).
    public let plans: [SampleWardPlan]

    public init(seed: UInt64 = SampleProgramme.defaultSeed, parameters: SampleParameters = SampleParameters()) {
        self.seed = seed
        self.parameters = parameters
        var random = SampleRandom(seed: seed, stream: 0)
        var plans = parameters.wards.map { Self.drawPlan(for: $0, parameters: parameters, random: &random) }
        Self.assignReductions(&plans, parameters: parameters, random: &random)
        plans.sort { ($0.ward.trust, $0.ward.name) < ($1.ward.trust, $1.ward.name) }
        self.plans = plans
    }

    /// Mean across wards of the restrictive-practice reduction finally reached, a fraction
    /// (equal to `parameters.averageReduction` unless the parameters make that impossible).
    public var averageReduction: Double {
        plans.isEmpty ? 0 : plans.reduce(0) { $0 + $1.reduction } / Double(plans.count)
    }

    /// The first day of week `index` (0 = `parameters.firstWeek`).
    public func weekStart(_ index: Int) -> CivilDate {
        parameters.firstWeek.adding(days: 7 * index)
    }

    private static func drawPlan(for ward: SampleWard, parameters: SampleParameters,
                                 random: inout SampleRandom) -> SampleWardPlan {
        guard let profile = parameters.profiles[ward.type] else {
            preconditionFailure("no profile for ward type \(ward.type.rawValue)")
        }
        let beds = random.nextInt(in: profile.beds)
        let occupancy = profile.occupancy.lowerBound
            + random.nextUnit() * (profile.occupancy.upperBound - profile.occupancy.lowerBound)
        // Log-normal factors with mean 1: exp(σZ − σ²/2).
        func logNormalFactor(_ spread: Double) -> Double {
            PortableMath.exp(spread * random.normal() - spread * spread / 2)
        }
        let restrictiveness = logNormalFactor(parameters.wardRestrictivenessSpread)
        func wardRate(_ base: Double) -> Double { base * logNormalFactor(parameters.wardRateSpread) }
        let rates = MeasureRates(
            restraint: restrictiveness * wardRate(profile.rates.restraint),
            seclusion: restrictiveness * wardRate(profile.rates.seclusion),
            rapidTranquillisation: restrictiveness * wardRate(profile.rates.rapidTranquillisation),
            selfHarm: wardRate(profile.rates.selfHarm), awol: wardRate(profile.rates.awol),
            sexualSafety: wardRate(profile.rates.sexualSafety))
        let joinWeek = random.nextInt(in: parameters.joinWeeks)
        let rampWeeks = random.nextInt(in: parameters.reductionRampWeeks)
        let sexualSafetyPeak = parameters.sexualSafetyReportingPeak * (0.5 + random.nextUnit())
        let rawReduction = random.beta(parameters.reductionShape.a, parameters.reductionShape.b)

        var closedWeeks = 0..<0
        if let closure = parameters.closure, closure.trust == ward.trust, closure.ward == ward.name {
            closedWeeks = closure.firstWeek..<(closure.firstWeek + closure.weeks)
        }
        var missingWeeks: [Int] = []
        for week in 1..<max(parameters.weeks - 1, 1) {
            // Drawn for every week, so the closure does not shift later draws.
            let missing = random.nextUnit() < parameters.missingWeekProbability
            if missing && !closedWeeks.contains(week) { missingWeeks.append(week) }
        }
        return SampleWardPlan(ward: ward, beds: beds, occupancy: occupancy, rates: rates, joinWeek: joinWeek,
                              reduction: rawReduction, rampWeeks: rampWeeks, sexualSafetyPeak: sexualSafetyPeak,
                              missingWeeks: missingWeeks, closedWeeks: closedWeeks)
    }

    /// Picks the wards that reach a 100% reduction, then scales the others' drawn
    /// reductions (capped at `maximumPartialReduction`) so that the mean over all wards is
    /// `averageReduction`.
    private static func assignReductions(_ plans: inout [SampleWardPlan], parameters: SampleParameters,
                                         random: inout SampleRandom) {
        guard !plans.isEmpty else { return }
        var eligible = plans.indices.filter { parameters.fullReductionTypes.contains(plans[$0].ward.type) }
        // Partial Fisher–Yates shuffle: the first `fullCount` eligible wards reach 100%.
        let fullCount = min(parameters.fullReductionWards, eligible.count)
        for position in 0..<fullCount {
            eligible.swapAt(position, position + random.nextInt(below: eligible.count - position))
        }
        let full = Array(eligible.prefix(fullCount))
        let others = plans.indices.filter { !full.contains($0) }
        for index in full { plans[index].reduction = 1 }

        let cap = parameters.maximumPartialReduction
        let wanted = max(parameters.averageReduction * Double(plans.count) - Double(fullCount), 0)
        let raw = others.map { plans[$0].reduction }
        var capped = [Bool](repeating: false, count: others.count)
        // Scale the uncapped ones to the remaining total; cap any that overshoot; repeat.
        var scaled = raw
        for _ in 0...others.count {
            let cappedTotal = Double(capped.filter { $0 }.count) * cap
            let freeRaw = zip(raw, capped).reduce(0) { $0 + ($1.1 ? 0 : $1.0) }
            let factor = freeRaw > 0 ? max(wanted - cappedTotal, 0) / freeRaw : 0
            var changed = false
            for slot in others.indices {
                scaled[slot] = capped[slot] ? cap : raw[slot] * factor
                if !capped[slot] && scaled[slot] > cap {
                    capped[slot] = true
                    changed = true
                }
            }
            if !changed { break }
        }
        for (slot, index) in others.enumerated() { plans[index].reduction = min(scaled[slot], cap) }
    }
}
