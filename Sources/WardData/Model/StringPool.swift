/// Interned strings (trust, ward, measure and dimension values): each distinct string
/// is stored once and rows refer to it by a 32-bit id.
public struct StringPool: Sendable {
    public private(set) var strings: [String] = []
    private var ids: [String: Int32] = [:]

    public init() {}

    /// The id of `string`, adding it when new.
    public mutating func intern(_ string: String) -> Int32 {
        if let id = ids[string] { return id }
        let id = Int32(strings.count)
        strings.append(string)
        ids[string] = id
        return id
    }

    /// The id of `string` when it is in the pool.
    public func id(of string: String) -> Int32? { ids[string] }

    public subscript(id: Int32) -> String { strings[Int(id)] }
}
