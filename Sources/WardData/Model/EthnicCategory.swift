/// The five broad ethnic groups of the NHS Data Dictionary's "Ethnic Category", named as
/// every output writes them.
public enum BroadEthnicGroup: String, Sendable, CaseIterable, Codable, Comparable {
    case white = "White"
    case mixed = "Mixed"
    case asian = "Asian"
    case black = "Black"
    case other = "Other"

    public static func < (lhs: BroadEthnicGroup, rhs: BroadEthnicGroup) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// How ethnic categories are grouped in outputs (`--groups`).
public enum EthnicGrouping: String, Sendable, CaseIterable, Codable {
    /// The five broad groups: White (A–C), Mixed (D–G), Asian (H–L), Black (M–P), Other (R–S).
    case broad
    /// Each category by its label (`White British`, `Caribbean`, …).
    case detailed
}

/// One value of an `ethnic_group` column: an NHS Data Dictionary ethnic category (codes
/// A–S), a broad group given on its own (`Black`), or not stated (Z) / not known (99).
///
/// Values are read from codes and from labels, case-insensitively and tolerant of the
/// usual punctuation (`White - British`, `White: British`, `Black or Black British -
/// African`, `Asian/Asian British: Indian`, `Mixed & White and Asian` …). `parse` returns
/// `nil` for anything else: the caller reports it as an input error, never drops it.
public struct EthnicCategory: Hashable, Sendable {
    /// The Data Dictionary code (`A` … `S`, `Z`, `99`), or `nil` for a broad group given
    /// on its own.
    public let code: String?
    /// The broad group; `nil` when not stated or not known.
    public let broad: BroadEthnicGroup?

    /// Whether ethnicity is not stated (Z) or not known (99, or an empty cell).
    public var isUnknown: Bool { broad == nil }

    /// The output name under a grouping: the broad group's name, or the category's label
    /// (a broad group given on its own keeps its broad name); `nil` when unknown.
    public func name(_ grouping: EthnicGrouping) -> String? {
        guard let broad else { return nil }
        guard grouping == .detailed, let code, let entry = Self.table.first(where: { $0.code == code }) else {
            return broad.rawValue
        }
        return entry.label
    }

    /// A sort key that follows the Data Dictionary's order (A … S; broad-only values
    /// after their group's codes).
    public var order: Int {
        if let code, let index = Self.table.firstIndex(where: { $0.code == code }) { return index * 2 }
        if let broad, let last = Self.table.lastIndex(where: { $0.broad == broad }) { return last * 2 + 1 }
        return Int.max
    }

    public static let notStated = EthnicCategory(code: "Z", broad: nil)
    public static let notKnown = EthnicCategory(code: "99", broad: nil)

    /// The categories A–S with their labels, in Data Dictionary order.
    public static let table: [(code: String, label: String, broad: BroadEthnicGroup)] = [
        ("A", "White British", .white), ("B", "White Irish", .white), ("C", "Any other White background", .white),
        ("D", "White and Black Caribbean", .mixed), ("E", "White and Black African", .mixed),
        ("F", "White and Asian", .mixed), ("G", "Any other mixed background", .mixed),
        ("H", "Indian", .asian), ("J", "Pakistani", .asian), ("K", "Bangladeshi", .asian),
        ("L", "Any other Asian background", .asian),
        ("M", "Caribbean", .black), ("N", "African", .black), ("P", "Any other Black background", .black),
        ("R", "Chinese", .other), ("S", "Any other ethnic group", .other),
    ]

    /// What an input error about an unrecognised value suggests.
    public static let hint = "use an NHS Data Dictionary ethnic category code (A–S, Z not stated, 99 not known) or its label, e.g. A or White British, N or Black African"

    /// The category a cell names, or `nil` when it names none. An empty cell is not known.
    public static func parse(_ text: String) -> EthnicCategory? {
        let key = normalise(text)
        if key.isEmpty { return .notKnown }
        return lookup[key]
    }

    /// The label of a name under a grouping back to a category (for `--reference`):
    /// accepts anything `parse` accepts, and the output names themselves.
    public static func group(named text: String, grouping: EthnicGrouping) -> String? {
        guard let category = parse(text), !category.isUnknown else { return nil }
        if grouping == .detailed, category.code == nil { return nil }
        return category.name(grouping)
    }

    /// Lower case; `&` → `and`; every run of characters other than letters and digits → one space.
    static func normalise(_ text: String) -> String {
        var words: [String] = []
        var word = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                word.append(character)
            } else {
                if !word.isEmpty { words.append(word); word = "" }
                if character == "&" { words.append("and") }
            }
        }
        if !word.isEmpty { words.append(word) }
        return words.joined(separator: " ")
    }

    /// Every accepted spelling, normalised.
    private static let lookup: [String: EthnicCategory] = {
        var map: [String: EthnicCategory] = [:]
        let prefixes: [BroadEthnicGroup: [String]] = [
            .white: ["white"],
            .mixed: ["mixed", "mixed multiple ethnic groups", "mixed or multiple ethnic groups", "mixed multiple",
                     "mixed ethnic groups", "dual heritage", "mixed dual heritage"],
            .asian: ["asian", "asian or asian british", "asian asian british", "asian british"],
            .black: ["black", "black or black british", "black black british", "black british",
                     "black african caribbean or black british", "black african caribbean black british",
                     "black black british caribbean or african"],
            .other: ["other", "other ethnic groups", "other ethnic group", "chinese or other ethnic group",
                     "other ethnic"],
        ]
        // Specific names: those that stand alone, and those that need their group's prefix.
        let alone: [String: [String]] = [
            "A": ["white british", "white english welsh scottish northern irish or british",
                  "white english welsh scottish northern irish british", "english welsh scottish northern irish or british"],
            "B": ["irish", "white irish"],
            "C": ["any other white background", "other white background", "other white", "any other white", "white other",
                  "gypsy or irish traveller", "irish traveller", "gypsy traveller", "roma", "white any other white background"],
            "D": ["white and black caribbean"], "E": ["white and black african"], "F": ["white and asian"],
            "G": ["any other mixed background", "other mixed background", "other mixed", "any other mixed", "mixed other",
                  "any other mixed multiple ethnic background"],
            "H": ["indian"], "J": ["pakistani"], "K": ["bangladeshi"],
            "L": ["any other asian background", "other asian background", "other asian", "any other asian", "asian other"],
            "M": ["caribbean", "black caribbean"], "N": ["african", "black african"],
            "P": ["any other black background", "other black background", "other black", "any other black", "black other",
                  "any other black african or caribbean background"],
            "R": ["chinese"],
            "S": ["any other ethnic group", "other ethnic group", "any other", "arab", "any other ethnic background",
                  "other any other ethnic group"],
        ]
        let withPrefix: [String: [String]] = [
            "A": ["british", "english welsh scottish northern irish or british", "english welsh scottish northern irish british"],
            "B": ["irish"], "C": alone["C"]! + ["other", "any other"],
            "D": alone["D"]!, "E": alone["E"]!, "F": alone["F"]!, "G": alone["G"]! + ["other", "any other"],
            "H": alone["H"]!, "J": alone["J"]!, "K": alone["K"]!, "L": alone["L"]! + ["other", "any other"],
            "M": alone["M"]!, "N": alone["N"]!, "P": alone["P"]! + ["other", "any other"],
            "R": alone["R"]!, "S": alone["S"]! + ["other"],
        ]
        for entry in table {
            let category = EthnicCategory(code: entry.code, broad: entry.broad)
            map[entry.code.lowercased()] = category
            map[normalise(entry.label)] = category
            for name in alone[entry.code] ?? [] { map[name] = category }
            for prefix in prefixes[entry.broad] ?? [] {
                for name in withPrefix[entry.code] ?? [] { map[prefix + " " + name] = category }
            }
        }
        // ONS 2011 lists Chinese under Asian; the Data Dictionary's code R is Other.
        for prefix in prefixes[.asian]! { map[prefix + " chinese"] = EthnicCategory(code: "R", broad: .other) }
        for group in BroadEthnicGroup.allCases {
            for prefix in prefixes[group]! where map[prefix] == nil {
                map[prefix] = EthnicCategory(code: nil, broad: group)
            }
        }
        for name in ["z", "not stated", "not stated z", "z not stated", "ethnicity not stated", "prefer not to say",
                     "declined", "declined to say", "patient declined", "refused", "not disclosed", "not given",
                     "person asked but declined to provide a response"] {
            map[name] = .notStated
        }
        for name in ["99", "not known", "99 not known", "not known 99", "unknown", "ethnicity not known", "not recorded",
                     "missing", "na", "n a", "none", "null", "x", "not specified"] {
            map[name] = .notKnown
        }
        return map
    }()
}
