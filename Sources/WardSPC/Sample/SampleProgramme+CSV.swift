extension SampleProgramme {
    /// The header of the wards file (long format, DESIGN.md §3.1).
    public static let wardsHeader = "trust,ward,measure,week_start,subtype,context,count,bed_days"
    /// The header of the events file.
    public static let eventsHeader = "trust,ward,date,label,kind"
    /// The label of each ward's joining event.
    public static let joinLabel = "Joined the restrictive practice collaborative"

    /// The weekly data in long format: one row per trust × ward × measure × week ×
    /// dimension value, ordered by trust, ward, measure (alphabetical), week, and dimension
    /// value (in the order of `restraintSubtypes` / `selfHarmContexts`). `subtype` is
    /// filled on restraint rows only, `context` on self-harm rows only. `count` is a
    /// whole number of incidents; `bed_days` is the ward's occupied bed days that week,
    /// repeated on every row of the ward × week. A missing week has no rows; a closed
    /// week has count 0 and bed days 0. `ligature_assessments` rows are the process
    /// measure: `count` is the assessments completed on time and the denominator column
    /// holds the number due, not bed days (WardSPC combines denominators within a ward ×
    /// week × measure only, so the two never mix).
    public func wardsCSV() -> String {
        var text = Self.wardsHeader + "\n"
        let rowsPerWeek = SampleMeasure.allCases.reduce(1) { $0 + max(dimensionValues(of: $1).count, 1) }
        text.reserveCapacity(plans.count * parameters.weeks * rowsPerWeek * 48)
        let dates = (0..<parameters.weeks).map { weekStart($0).iso }
        for plan in plans {
            let weekly = weeklyNumbers(plan)
            let prefix = CSVCell.text(plan.ward.trust) + "," + CSVCell.text(plan.ward.name) + ","
            for measure in SampleMeasure.allCases {
                if measure == .rapidTranquillisation {
                    // ligature_assessments sorts between awol and rapid_tranquillisation.
                    let ligature = ligatureNumbers(plan)
                    for week in 0..<parameters.weeks where plan.hasRows(week: week) {
                        text += prefix + Self.ligatureMeasure + "," + dates[week] + ",,," + String(ligature.onTime[week])
                            + "," + String(ligature.due[week]) + "\n"
                    }
                }
                let values = dimensionValues(of: measure)
                let counts = weekly.counts[measure.index]
                for week in 0..<parameters.weeks where plan.hasRows(week: week) {
                    let bedDays = String(weekly.bedDays[week])
                    let start = prefix + measure.name + "," + dates[week] + ","
                    if values.isEmpty {
                        text += start + ",," + String(counts[week][0]) + "," + bedDays + "\n"
                    } else {
                        for (slot, value) in values.enumerated() {
                            let dimensions = measure == .restraint ? CSVCell.text(value) + "," : "," + CSVCell.text(value)
                            text += start + dimensions + "," + String(counts[week][slot]) + "," + bedDays + "\n"
                        }
                    }
                }
            }
        }
        return text
    }

    /// One row per ward: the Monday it joined the collaborative, as a `phase` event
    /// (DESIGN.md §4.0), ordered like the wards file.
    public func eventsCSV() -> String {
        var text = Self.eventsHeader + "\n"
        for plan in plans {
            text += CSVCell.text(plan.ward.trust) + "," + CSVCell.text(plan.ward.name) + ","
                + weekStart(plan.joinWeek).iso + "," + CSVCell.text(Self.joinLabel) + ",phase\n"
        }
        return text
    }

    /// The values of a measure's dimension column (`subtype` for restraint, `context`
    /// for self-harm); empty for measures without one.
    public func dimensionValues(of measure: SampleMeasure) -> [String] {
        dimensionShares(of: measure).map(\.value)
    }

    func dimensionShares(of measure: SampleMeasure) -> [DimensionShare] {
        switch measure {
        case .restraint: parameters.restraintSubtypes
        case .selfHarm: parameters.selfHarmContexts
        default: []
        }
    }
}

extension SampleMeasure {
    /// Position in `allCases`.
    var index: Int { Self.allCases.firstIndex(of: self)! }
}
