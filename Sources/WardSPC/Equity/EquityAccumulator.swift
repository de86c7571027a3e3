import WardData

extension EquityAnalysis {
    /// Sums a dataset's incidents, and the bed days of the exposure source, per ward ×
    /// measure × period × ethnic group.
    struct Accumulator {
        let dataset: WardDataset
        let settings: EquitySettings
        let categories: [Int32: EthnicCategory?]
        let names: GroupNames
        private(set) var warnings: [String] = []
        /// Where bed days by group come from; `nil` when there are none.
        private(set) var exposureSource: String?
        /// Every period used, over all wards.
        private(set) var observedPeriods: Set<CivilDate> = []
        private var cells: [SeriesKey: [CivilDate: WindowTotals]] = [:]

        var hasExposure: Bool { exposureSource != nil }

        struct SeriesKey: Hashable { var trust: Int32, ward: Int32, measure: Int32 }

        /// One ward, trust or the programme for one measure, with its totals per window.
        struct Entity {
            var level: EquityLevel
            var trust: String?
            var ward: String?
            var measure: String
            var windows: [(EquityWindow, WindowTotals)]
        }

        init(dataset: WardDataset, settings: EquitySettings, categories: [Int32: EthnicCategory?], names: GroupNames) {
            self.dataset = dataset
            self.settings = settings
            self.categories = categories
            self.names = names
        }

        private func wanted(_ set: Set<String>, _ id: Int32) -> Bool { set.isEmpty || set.contains(dataset.strings[id]) }

        mutating func collect() {
            let records = dataset.records
            guard let column = dataset.dimensionNames.firstIndex(where: { ColumnNames.ethnicGroup.contains(Header.fold($0)) })
            else { return }
            // Bed days on the rows are each group's unless the file shows them to be the
            // ward's, repeated on every group's row: those cannot give rates by group.
            let rowDenominators = settings.exposure == nil ? dataset.ethnicDenominators : .undetermined
            let fromRows = settings.exposure == nil && dataset.hasDenominator && rowDenominators != .repeatedForTheWard
            if settings.exposure == nil && dataset.hasDenominator && !fromRows {
                warnings.append("the bed days in \(dataset.file) are the same for every ethnic group of each ward × \(dataset.periodKind.name) — the ward's bed days, not each group's — so they cannot give rates by group")
            }
            if let exposure = settings.exposure {
                exposureSource = "--exposure \(exposure.file)"
            } else if fromRows {
                exposureSource = "the bed_days column of \(dataset.file), each ethnic group's own"
            }
            // A denominator repeated with the same value on every row of a ward × period ×
            // measure × ethnic value (rows split further, e.g. by subtype) is that group's and
            // counts once; different values add up (DESIGN.md §3.1, --denominator-scope auto).
            struct DenominatorKey: Hashable { var series: SeriesKey, period: CivilDate, value: Int32 }
            var denominators: [DenominatorKey: (first: Double, sum: Double, same: Bool)] = [:]
            var withBedDays: Set<DenominatorKey> = []
            for index in 0..<records.count {
                guard wanted(settings.trusts, records.trust[index]), wanted(settings.wards, records.ward[index]),
                      wanted(settings.measures, records.measure[index]) else { continue }
                let key = SeriesKey(trust: records.trust[index], ward: records.ward[index], measure: records.measure[index])
                let period = records.period[index]
                let value = records.dimensions[column][index]
                guard let category = categories[value] ?? nil else { continue }
                let group = names.of(category, settings.grouping)
                let count = Int(records.value[index])
                if group < 0 {
                    cells[key, default: [:]][period, default: WindowTotals()].unknown += count
                } else {
                    cells[key, default: [:]][period, default: WindowTotals()].groups[group, default: GroupTotals()].count += count
                }
                if fromRows, let denominator = records.denominator[index] {
                    let slot = DenominatorKey(series: key, period: period, value: value)
                    withBedDays.insert(DenominatorKey(series: key, period: period, value: -1))
                    if let seen = denominators[slot] {
                        denominators[slot] = (seen.first, seen.sum + denominator, seen.same && seen.first == denominator)
                    } else {
                        denominators[slot] = (denominator, denominator, true)
                    }
                }
            }
            guard hasExposure else {
                for periods in cells.values { observedPeriods.formUnion(periods.keys) }
                return
            }
            if fromRows {
                for (slot, days) in denominators {
                    guard let category = categories[slot.value] ?? nil else { continue }
                    let group = names.of(category, settings.grouping)
                    guard group >= 0 else { continue }
                    cells[slot.series]![slot.period]!.groups[group, default: GroupTotals()].exposure += days.same ? days.first : days.sum
                }
            } else if let exposure = settings.exposure {
                struct WardWeek: Hashable { var trust: String, ward: String, period: CivilDate }
                var bedDays: [WardWeek: [Int: Double]] = [:]
                for row in exposure.rows {
                    let group = names.of(row.category, settings.grouping)
                    let key = WardWeek(trust: row.trust, ward: row.ward, period: row.period)
                    if group >= 0 { bedDays[key, default: [:]][group, default: 0] += row.bedDays } else if bedDays[key] == nil { bedDays[key] = [:] }
                }
                for (key, periods) in cells {
                    let trust = dataset.strings[key.trust], ward = dataset.strings[key.ward]
                    for period in periods.keys {
                        guard let groups = bedDays[WardWeek(trust: trust, ward: ward, period: period)] else { continue }
                        for (group, days) in groups { cells[key]![period]!.groups[group, default: GroupTotals()].exposure += days }
                        withBedDays.insert(DenominatorKey(series: key, period: period, value: -1))
                    }
                }
            }
            // A period without bed days by group cannot count towards a rate: its incidents
            // are left out too, and said so.
            var dropped = 0, droppedIncidents = 0, withoutGroupBedDays = 0
            for (key, periods) in cells {
                for (period, totals) in periods {
                    if !withBedDays.contains(DenominatorKey(series: key, period: period, value: -1)) {
                        dropped += 1
                        droppedIncidents += totals.unknown + totals.groups.values.reduce(0) { $0 + $1.count }
                        cells[key]![period] = nil
                        continue
                    }
                    observedPeriods.insert(period)
                    withoutGroupBedDays += totals.groups.values.filter { $0.count > 0 && $0.exposure <= 0 }.count
                }
            }
            if dropped > 0 {
                warnings.append("\(dropped) ward × measure × \(dataset.periodKind.name) cell\(dropped == 1 ? " has" : "s have") no bed days by ethnic group and \(dropped == 1 ? "is" : "are") left out, with \(droppedIncidents) incident\(droppedIncidents == 1 ? "" : "s")")
            }
            if withoutGroupBedDays > 0 {
                warnings.append("\(withoutGroupBedDays) ward × measure × \(dataset.periodKind.name) cell\(withoutGroupBedDays == 1 ? " has" : "s have") incidents for an ethnic group with no bed days for that group: check the exposure")
            }
        }

        /// Wards, trusts and the programme, each per measure, with their totals per window:
        /// programme first, then trusts, then wards, each sorted by name and measure.
        func entities(windows: [(EquityWindow, (CivilDate) -> Bool)]) -> [Entity] {
            let keys = cells.keys.sorted {
                (dataset.strings[$0.trust], dataset.strings[$0.ward], dataset.strings[$0.measure])
                    < (dataset.strings[$1.trust], dataset.strings[$1.ward], dataset.strings[$1.measure])
            }
            var wards: [Entity] = []
            for key in keys {
                let periods = cells[key]!
                let totals = windows.map { window, contains in
                    var sum = WindowTotals()
                    for (period, cell) in periods where contains(period) { sum += cell }
                    return (window, sum)
                }
                wards.append(Entity(level: .ward, trust: dataset.strings[key.trust], ward: dataset.strings[key.ward],
                                    measure: dataset.strings[key.measure], windows: totals))
            }
            func pooled(_ level: EquityLevel, by trust: (Entity) -> String?) -> [Entity] {
                struct Key: Hashable { var trust: String?, measure: String }
                var order: [Key] = []
                var sums: [Key: [WindowTotals]] = [:]
                for ward in wards {
                    let key = Key(trust: trust(ward), measure: ward.measure)
                    if sums[key] == nil { order.append(key); sums[key] = Array(repeating: WindowTotals(), count: windows.count) }
                    for (slot, entry) in ward.windows.enumerated() { sums[key]![slot] += entry.1 }
                }
                return order.sorted { ($0.trust ?? "", $0.measure) < ($1.trust ?? "", $1.measure) }.map { key in
                    Entity(level: level, trust: key.trust, ward: nil, measure: key.measure,
                           windows: zip(windows, sums[key]!).map { ($0.0.0, $0.1) })
                }
            }
            return pooled(.programme) { _ in nil } + pooled(.trust) { $0.trust } + wards
        }
    }
}
