import WardData

/// A filter (`--trust`, `--ward`, `--measure`, `--subtype`) that matches nothing in the
/// file is bad input, not an empty answer: the message lists the values the file has,
/// with the near match when one differs only in case, spacing or a letter or two.
enum FilterCheck {
    /// Throws when a filter value is not in `dataset` at all, or when the filters together
    /// leave no series (`matched` is 0).
    static func check(_ settings: AnalysisSettings, in dataset: WardDataset, matched: Int) throws(AnalysisError) {
        let records = dataset.records
        var idsOfColumn: [(flag: String, plural: String, asked: Set<String>, ids: [Int32])] = [
            ("--trust", "trusts", settings.trusts, records.trust + (dataset.events?.trust ?? [])),
            ("--ward", "wards", settings.wards, records.ward + (dataset.events?.ward ?? [])),
            ("--measure", "measures", settings.measures, records.measure + (dataset.events?.measure ?? [])),
        ]
        if !settings.subtypes.isEmpty,
           let column = dataset.dimensionNames.firstIndex(where: { Header.fold($0) == "subtype" }) {
            idsOfColumn.append(("--subtype", "subtypes", settings.subtypes,
                                records.dimensions[column] + (dataset.events?.dimensions[column] ?? [])))
        }
        for (flag, plural, asked, ids) in idsOfColumn where !asked.isEmpty {
            let present = Set(ids).map { dataset.strings[$0] }.filter { !$0.isEmpty }
            let known = Set(present)
            for value in asked.sorted() where !known.contains(value) {
                throw AnalysisError(unmatched(flag: flag, plural: plural, value: value, present: present, file: dataset.file))
            }
        }
        if matched == 0 && !(settings.trusts.isEmpty && settings.wards.isEmpty && settings.measures.isEmpty
                             && settings.subtypes.isEmpty) {
            throw AnalysisError("no series in \(dataset.file) has every value the filters ask for (--trust, --ward, --measure, --subtype together): each is in the file, but not in the same series")
        }
    }

    /// "--measure Restraint matches nothing in wards.csv; did you mean restraint? Its measures: awol, restraint, …"
    static func unmatched(flag: String, plural: String, value: String, present: [String], file: String) -> String {
        let sorted = present.sorted()
        let shown = sorted.prefix(20).joined(separator: ", ") + (sorted.count > 20 ? ", … (\(sorted.count) in all)" : "")
        let near = NearMatch.find(value, in: sorted).map { " Did you mean \($0)?" } ?? ""
        return "\(flag) \(value) matches nothing in \(file).\(near) Its \(plural): \(shown)."
    }
}
