/// The value a person most likely meant, for "did you mean …?" in messages: the same
/// ignoring case, spaces, hyphens and underscores, else the closest within two edits.
/// Shared by the filters (`--ward`, …) and the events file's ward names.
public enum NearMatch {
    /// The candidate equal to `value` once folded (`Header.fold`), else the closest within
    /// two edits of the folded forms (ties: the first in order); `nil` when none is near.
    public static func find(_ value: String, in candidates: [String]) -> String? {
        let folded = Header.fold(value)
        if let same = candidates.first(where: { Header.fold($0) == folded }) { return same }
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(Array(folded), Array(Header.fold(candidate)), limit: 2)
            if distance <= 2, distance < (best?.1 ?? .max) { best = (candidate, distance) }
        }
        return best?.0
    }

    /// Levenshtein distance, or `limit + 1` once it is certainly above `limit`.
    public static func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            if current.min()! > limit { return limit + 1 }
            previous = current
        }
        return previous[b.count]
    }
}
