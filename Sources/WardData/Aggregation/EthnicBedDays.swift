extension WardDataset {
    /// The index of the `ethnic_group` dimension column (or its aliases), if any.
    public var ethnicGroupColumn: Int? {
        dimensionNames.firstIndex { ColumnNames.ethnicGroup.contains(Header.fold($0)) }
    }

    /// Whether the file's denominators on rows that carry `ethnic_group` are each group's
    /// own bed days (issue 8), or the ward's, repeated on every group's row.
    public enum EthnicDenominators: Sendable {
        /// Some ward × period × measure has two ethnic values with different denominators:
        /// only bed days by group can differ.
        case byGroup
        /// Every ward × period × measure with two or more ethnic values carries one value
        /// for all of them: the ward's bed days, repeated.
        case repeatedForTheWard
        /// No ethnic column, no denominator, or never two ethnic values in one ward × period.
        case undetermined
    }

    /// Decided from the whole file, so two groups that happen to have the same bed days one
    /// week still count twice in a file of bed days by group.
    public var ethnicDenominators: EthnicDenominators {
        guard hasDenominator, let column = ethnicGroupColumn else { return .undetermined }
        struct Key: Hashable { var trust: Int32, ward: Int32, measure: Int32, period: CivilDate }
        var first: [Key: (group: Int32, denominator: Double?)] = [:]
        var shared = false
        for index in 0..<records.count {
            let key = Key(trust: records.trust[index], ward: records.ward[index], measure: records.measure[index],
                          period: records.period[index])
            let group = records.dimensions[column][index], denominator = records.denominator[index]
            guard let seen = first[key] else {
                first[key] = (group, denominator)
                continue
            }
            guard seen.group != group else { continue }
            if seen.denominator != denominator { return .byGroup }
            shared = true
        }
        return shared ? .repeatedForTheWard : .undetermined
    }

    /// `ethnicDenominators == .byGroup`.
    public var denominatorsAreByEthnicGroup: Bool { ethnicDenominators == .byGroup }
}
