/// One person's share of the skill map's tally as stored in `skill_map_shares.share`: one text per person, so that
/// refreshing many people writes one row each instead of one per count (a tenth of the rows at 200,000 people).
///
/// Entries are separated by `;`, each `basis,day,unit,active,field,cell,count` with the basis `a` (approved) or
/// `p` (provisional) and `active` `1` or `0`, e.g. `a,now,-1,1,12,3,1;a,2026-01-15,-1,1,12,-1,-1`.
enum SkillMapShare {
    /// The stored text of `counts` (entries in key order, so equal shares are equal texts).
    static func encode(_ counts: [SkillMapTallyKey: Int]) -> String {
        counts.map { key, count in
            let basis = key.basis == SkillMapTally.approved ? "a" : "p"
            return "\(basis),\(key.day),\(key.orgUnitID),\(key.active ? 1 : 0),\(key.fieldID),\(key.cell),\(count)"
        }.sorted().joined(separator: ";")
    }

    /// The counts of a stored text.
    /// - Throws: `StorageError.corrupt` naming the entry that is not `basis,day,unit,active,field,cell,count`.
    static func decode(_ text: String) throws -> [SkillMapTallyKey: Int] {
        var counts: [SkillMapTallyKey: Int] = [:]
        for entry in text.split(separator: ";") {
            let parts = entry.split(separator: ",", omittingEmptySubsequences: false)
            guard parts.count == 7,
                let basis = parts[0] == "a" ? SkillMapTally.approved : parts[0] == "p" ? SkillMapTally.provisional : nil,
                let unit = Int64(parts[2]), parts[3] == "1" || parts[3] == "0", let field = Int64(parts[4]),
                let cell = Int(parts[5]), let count = Int(parts[6])
            else {
                throw StorageError.corrupt(
                    detail: "a stored skill map share is not basis,day,unit,active,field,cell,count: \(entry)")
            }
            let key = SkillMapTallyKey(
                basis: basis, day: String(parts[1]), orgUnitID: unit, active: parts[3] == "1", fieldID: field, cell: cell)
            counts[key, default: 0] += count
        }
        return counts
    }
}
