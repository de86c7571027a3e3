/// A ward as the data names it: trust and ward together (two trusts may both have a
/// ward called Alder).
public struct WardName: Hashable, Sendable {
    public var trust: String
    public var ward: String

    public init(trust: String, ward: String) {
        self.trust = trust
        self.ward = ward
    }
}

extension WardEvents {
    /// A warning for every row naming a trust or ward that is not in the data (issue 17:
    /// `RX1,alder,…` where the ward is `Alder` was ignored without a word): the row
    /// applies to no chart, so it is said, with its line and column and the near match
    /// (`NearMatch`: the same but for case or spacing, or within two edits). Names are
    /// matched exactly, as the charts match them. Rows with an empty trust or ward apply
    /// to every trust or ward and are checked only for the part they name. Each warning
    /// reads `FILE:LINE:COLUMN: message`, safe for a terminal.
    public func unmatchedRows(wards: Set<WardName>, dataFile: String) -> [String] {
        let trusts = Set(wards.map(\.trust))
        var wardsOfTrust: [String: [String]] = [:]
        for name in wards { wardsOfTrust[name.trust, default: []].append(name.ward) }
        let allWards = Array(Set(wards.map(\.ward))).sorted()
        var warnings: [String] = []
        for event in events {
            let column: String, name: String, candidates: [String], what: String
            if !event.trust.isEmpty && !trusts.contains(event.trust) {
                (column, name, candidates) = ("trust", event.trust, trusts.sorted())
                what = "no trust \"\(event.trust)\" in \(dataFile)"
            } else if !event.ward.isEmpty {
                let inTrust = event.trust.isEmpty ? allWards : (wardsOfTrust[event.trust] ?? []).sorted()
                guard !inTrust.contains(event.ward) else { continue }
                (column, name, candidates) = ("ward", event.ward, inTrust)
                what = event.trust.isEmpty ? "no ward \"\(event.ward)\" in \(dataFile)"
                    : "no ward \"\(event.ward)\" of trust \"\(event.trust)\" in \(dataFile)"
            } else {
                continue
            }
            let near = NearMatch.find(name, in: candidates).map { "; did you mean \"\($0)\"?" } ?? ""
            warnings.append("\(file):\(event.line):\(column): \(what), so this \(event.kind.rawValue) row applies to no chart\(near)".terminalSafe)
        }
        return warnings
    }
}

extension WardEvents {
    /// `unmatchedRows` against every ward `dataset` has.
    public func unmatchedRows(in dataset: WardDataset) -> [String] {
        unmatchedRows(wards: dataset.wardNames, dataFile: dataset.file)
    }
}

extension WardDataset {
    /// Every trust × ward the data has (periodic rows and incidents alike).
    public var wardNames: Set<WardName> {
        var ids = Set<Int64>()
        func add(_ trust: [Int32], _ ward: [Int32]) {
            for index in trust.indices { ids.insert(Int64(trust[index]) << 32 | Int64(UInt32(bitPattern: ward[index]))) }
        }
        add(records.trust, records.ward)
        if let events { add(events.trust, events.ward) }
        return Set(ids.map { WardName(trust: strings[Int32($0 >> 32)], ward: strings[Int32(truncatingIfNeeded: $0)]) })
    }
}
