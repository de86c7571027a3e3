extension SampleProgramme {
    /// One ward's drawn weekly numbers, for every week (also the missing and closed ones,
    /// which the writer leaves out or zeroes).
    struct WeeklyNumbers {
        /// Occupied bed days per week (0 in closed weeks).
        var bedDays: [Int]
        /// `counts[measure][week][dimension value]`; one value for measures without a dimension.
        var counts: [[[Int]]]
    }

    /// Draws a ward's occupied bed days and counts from the ward's own stream, named after
    /// the ward, so the numbers of one ward do not depend on which other wards exist.
    /// Every week is drawn in the same order whatever is later left out.
    func weeklyNumbers(_ plan: SampleWardPlan) -> WeeklyNumbers {
        var random = SampleRandom(seed: seed, stream: SplitMix64.stream(named: plan.ward.trust + "/" + plan.ward.name))
        let weeks = parameters.weeks
        let beds = Double(plan.beds)
        var bedDays = [Int](repeating: 0, count: weeks)
        for week in 0..<weeks {
            let occupancy = min(max(plan.occupancy + parameters.occupancyNoise * random.normal(), 0.5), 1)
            bedDays[week] = plan.closedWeeks.contains(week) ? 0 : Int((beds * 7 * occupancy).rounded())
        }
        var counts: [[[Int]]] = []
        for measure in SampleMeasure.allCases {
            let shares = dimensionShares(of: measure)
            let slots = shares.isEmpty ? [DimensionShare("", 1)] : shares
            var byWeek: [[Int]] = []
            byWeek.reserveCapacity(weeks)
            for week in 0..<weeks {
                var mean = plan.rates[measure] / 1000 * Double(bedDays[week]) * effect(of: measure, plan: plan, week: week)
                if let shape = parameters.weeklyRateShape {
                    mean *= random.gamma(shape: shape) / shape
                }
                // Given the week's rate, each dimension value's count is Poisson with its share
                // of the mean: the same as splitting a Poisson total multinomially.
                byWeek.append(slots.map { random.poisson(mean: mean * $0.share) })
            }
            counts.append(byWeek)
        }
        return WeeklyNumbers(bedDays: bedDays, counts: counts)
    }

    /// The collaborative's effect on a measure's rate in a week (a multiplier).
    func effect(of measure: SampleMeasure, plan: SampleWardPlan, week: Int) -> Double {
        if measure.isRestrictivePractice { return plan.restrictivePracticeFactor(week: week) }
        if measure == .sexualSafety {
            return plan.sexualSafetyFactor(week: week, peakWeeks: parameters.sexualSafetyPeakWeeks,
                                           settledRise: parameters.sexualSafetySettledRise)
        }
        return 1
    }
}
