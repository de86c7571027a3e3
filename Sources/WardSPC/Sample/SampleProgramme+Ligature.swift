extension SampleProgramme {
    /// The name of the sample's process measure in the file.
    public static let ligatureMeasure = "ligature_assessments"

    /// One ward's ligature risk assessments per week (0 due and 0 completed in closed weeks).
    struct LigatureNumbers {
        /// Assessments due each week: the denominator of the p chart (never bed days).
        var due: [Int]
        /// Of those, completed on time: the numerator.
        var onTime: [Int]
    }

    /// Draws a ward's ligature assessments from their own stream (named after the ward and
    /// the measure), so the incident measures' numbers — drawn from the ward's own stream —
    /// are exactly what they were before the measure was added. Every week is drawn in the
    /// same order whatever is later left out: the number due is 1 + Poisson (mean beds ×
    /// `ligatureDuePerBed` − 1), each completed on time with the ward's share (drawn from
    /// `ligatureOnTimeBefore`, rising by `ligatureOnTimeGain` over its ramp after joining).
    func ligatureNumbers(_ plan: SampleWardPlan) -> LigatureNumbers {
        let name = plan.ward.trust + "/" + plan.ward.name + "/" + Self.ligatureMeasure
        var random = SampleRandom(seed: seed, stream: SplitMix64.stream(named: name))
        let range = parameters.ligatureOnTimeBefore
        let before = range.lowerBound + (range.upperBound - range.lowerBound) * random.nextUnit()
        var due = [Int](repeating: 0, count: parameters.weeks)
        var onTime = [Int](repeating: 0, count: parameters.weeks)
        for week in 0..<parameters.weeks {
            let share = min(before + parameters.ligatureOnTimeGain * plan.rampProgress(week: week), 0.99)
            // At least one due every open week: a week with none due has no proportion, and
            // 0 of 0 would read as a closed ward.
            let drawn = 1 + random.poisson(mean: max(Double(plan.beds) * parameters.ligatureDuePerBed - 1, 0))
            var completed = 0
            for _ in 0..<drawn where random.nextUnit() < share { completed += 1 }
            if !plan.closedWeeks.contains(week) {
                due[week] = drawn
                onTime[week] = completed
            }
        }
        return LigatureNumbers(due: due, onTime: onTime)
    }
}
