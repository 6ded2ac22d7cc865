/// Closest-name suggestions for "did you mean …?" messages.
public enum Suggestions {
    /// Up to `limit` distinct names closest to `query` by edit distance (ignoring case), best first,
    /// among those within half the query's length.
    public static func closest(to query: String, among names: [String], limit: Int = 3) -> [String] {
        let target = Array(query.lowercased())
        let threshold = max(2, target.count / 2)
        var seen = Set<String>()
        let scored = names.compactMap { name -> (String, Int)? in
            guard seen.insert(name).inserted else { return nil }
            let candidate = Array(name.lowercased())
            let distance = min(
                editDistance(target, candidate),
                editDistance(target, Array(candidate.prefix(target.count))) + 1
            )
            return distance <= threshold ? (name, distance) : nil
        }
        return scored.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(limit).map(\.0)
    }

    /// Levenshtein distance between two character arrays.
    public static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
