import WardData

extension SampleProgramme {
    /// The header of the equity file (long format with each ethnic group's own bed days).
    public static let equityHeader = "trust,ward,measure,week_start,ethnic_group,count,bed_days"
    /// The one measure of the equity file: incidents of restraint, seclusion or rapid
    /// tranquillisation.
    public static let equityMeasure = "restrictive_practice"

    /// Restrictive practice by ethnic group: one row per trust × ward × week × ethnic
    /// category, ordered like the wards file, with the category's own occupied bed days
    /// (the ward's bed days of `wardsCSV()` split between the groups, so they add up to
    /// them) and its incidents. A group with no bed days on an open ward that week has no
    /// row; a missing week has no rows, a closed week count 0 and bed days 0, as in the
    /// wards file. Codes for most trusts, labels for `ethnicLabelTrusts`.
    public func equityCSV() -> String {
        var text = Self.equityHeader + "\n"
        let groups = parameters.ethnicGroups
        text.reserveCapacity(plans.count * parameters.weeks * groups.count * 56)
        let dates = (0..<parameters.weeks).map { weekStart($0).iso }
        for plan in plans {
            let bedDays = weeklyNumbers(plan).bedDays
            let weekly = ethnicWeeklyNumbers(plan, bedDays: bedDays)
            let prefix = CSVCell.text(plan.ward.trust) + "," + CSVCell.text(plan.ward.name) + "," + Self.equityMeasure + ","
            let useLabels = parameters.ethnicLabelTrusts.contains(plan.ward.trust)
            for week in 0..<parameters.weeks where plan.hasRows(week: week) {
                let closed = plan.closedWeeks.contains(week)
                // A group with no patients on the ward that week has no row (a closed ward
                // keeps its 0/0 rows, as in the wards file).
                for (slot, group) in groups.enumerated() where closed || weekly.bedDays[week][slot] > 0 {
                    text += prefix + dates[week] + "," + CSVCell.text(useLabels ? group.label : group.code) + ","
                        + String(weekly.counts[week][slot]) + "," + String(weekly.bedDays[week][slot]) + "\n"
                }
            }
        }
        return text
    }

    /// A ward's weekly bed days and restrictive-practice incidents per ethnic group
    /// (`[week][group]`), from the ward's own equity stream (so the wards file is unchanged).
    func ethnicWeeklyNumbers(_ plan: SampleWardPlan, bedDays: [Int]) -> (bedDays: [[Int]], counts: [[Int]]) {
        var random = SampleRandom(seed: seed,
                                  stream: SplitMix64.stream(named: "equity/" + plan.ward.trust + "/" + plan.ward.name))
        let groups = parameters.ethnicGroups
        let spread = parameters.ethnicShareSpread
        var shares = groups.map { $0.share * PortableMath.exp(spread * random.normal() - spread * spread / 2) }
        let total = shares.reduce(0, +)
        shares = shares.map { $0 / total }
        let isBlack = groups.map { EthnicCategory.parse($0.code)?.broad == .black }
        let wardRate = plan.rates.restraint + plan.rates.seclusion + plan.rates.rapidTranquillisation
        var days: [[Int]] = [], counts: [[Int]] = []
        for week in 0..<parameters.weeks {
            let split = Self.split(bedDays[week], shares: shares)
            // Relative rates this week (Black patients' excess narrows with the ward's
            // change), scaled so that the ward's rate over all its patients is its plan's.
            let progress = plan.rampProgress(week: week)
            let relative = zip(groups, isBlack).map { group, black in
                black ? 1 + (group.relativeRate - 1) * (1 - parameters.disparityNarrowing * progress) : group.relativeRate
            }
            let scale = 1 / zip(shares, relative).reduce(0) { $0 + $1.0 * $1.1 }
            var rate = wardRate / 1000 * plan.restrictivePracticeFactor(week: week) * scale
            if let shape = parameters.weeklyRateShape { rate *= random.gamma(shape: shape) / shape }
            counts.append(zip(split, relative).map { random.poisson(mean: rate * Double($0.0) * $0.1) })
            days.append(split)
        }
        return (days, counts)
    }

    /// Whole bed days split by shares, largest remainders first (ties to the earlier
    /// group), adding up to `total` exactly.
    static func split(_ total: Int, shares: [Double]) -> [Int] {
        let exact = shares.map { Double(total) * $0 }
        var parts = exact.map { Int($0) }
        var left = total - parts.reduce(0, +)
        let order = exact.indices.sorted { (exact[$0] - Double(parts[$0]), $1) > (exact[$1] - Double(parts[$1]), $0) }
        for index in order where left > 0 {
            parts[index] += 1
            left -= 1
        }
        return parts
    }
}
