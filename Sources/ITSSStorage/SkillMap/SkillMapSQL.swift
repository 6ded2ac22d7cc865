import ITSSDomain
import SQLKit

/// The SQL a skill map and its drill-down share: the people in scope, each person × field they work in, and the
/// level of that pair now (`person_levels`) or as of a day (the latest `level_history` row at or before it). The
/// map of a unit as of a day counts with it, and the drill-down lists with it; every other map reads the stored
/// tally (`SkillMapTally`), which the tests check against this.
///
/// Everything is counted in the database (`GROUP BY field, level`); the org sub-tree is resolved first (org
/// units are few) and enters as an `IN` list on `people.org_unit_id`. Per person × field the level and since when
/// the pair is assessed (`person_levels.assessed_at`, M020) are one seek in `person_levels_map`, read from the
/// index; as of a day the level is one backward seek in `level_history_latest` (M017), and only a pair without a
/// level then is looked up in `person_levels_map`. No query reads `assessments`, so the cost grows with the
/// people in scope, not with history.
struct SkillMapSQL {
    let scope: SkillMapScope
    let filter: SkillMapFilter

    /// `YYYY-MM-DDT99`: every timestamp of the as-of day sorts below it.
    var bound: String? { filter.asOf.map { "\($0)T99" } }

    /// The people counted.
    var people: SQLQueryString {
        var conditions: [SQLQueryString] = []
        if let ids = scope.unitIDs {
            conditions.append(ids.isEmpty ? "1 = 0" : "p.org_unit_id IN \(list: ids)")
        }
        if !filter.includeInactive { conditions.append("p.active = \(bind: true)") }
        if let bound { conditions.append("p.created_at <= \(bind: bound)") }
        return conditions.isEmpty ? "1 = 1" : conditions.joined(separator: " AND ")
    }

    /// The person × field pairs counted (`p`, `pf`) with their level source joined (`pl`, or as of a day `h`), and
    /// the `WHERE` clause (people, fields, and as of a day only fields added by then).
    var pairs: SQLQueryString {
        var conditions: [SQLQueryString] = [people]
        if let ids = filter.fieldIDs { conditions.append(ids.isEmpty ? "1 = 0" : "pf.field_id IN \(list: ids)") }
        let levels: SQLQueryString
        if let bound {
            conditions.append("pf.added_at <= \(bind: bound)")
            levels = """
                LEFT JOIN level_history h ON h.id = (
                    SELECT h2.id FROM level_history h2
                    WHERE h2.person_id = pf.person_id AND h2.field_id = pf.field_id AND h2.effective_at <= \(bind: bound)
                    ORDER BY h2.effective_at DESC, h2.id DESC LIMIT 1)
                """
        } else {
            levels = """
                LEFT JOIN person_levels pl
                    ON pl.person_id = pf.person_id AND pl.field_id = pf.field_id AND pl.basis = \(bind: filter.basis.column)
                """
        }
        return """
            FROM people p JOIN person_fields pf ON pf.person_id = p.id \(levels)
            LEFT JOIN org_units u ON u.id = p.org_unit_id
            WHERE \(conditions.joined(separator: " AND "))
            """
    }

    /// The level of the pair (`NULL`: below the field's first level, or not assessed).
    var level: SQLQueryString { bound == nil ? "pl.level" : "h.level" }

    /// Whether the pair has been assessed by the date: an approved assessment (the provisional layer: any
    /// assessment) of the person in the field, as its level row records it — the joined row now; as of a day a seek
    /// in `person_levels_map`, made (after `level IS NULL AND`) only for pairs without a level then.
    var assessed: SQLQueryString {
        guard bound != nil else { return assessedBy("pl") }
        return """
            EXISTS (SELECT 1 FROM person_levels pa
                WHERE pa.person_id = pf.person_id AND pa.field_id = pf.field_id AND pa.basis = \(bind: filter.basis.column)
                    AND \(assessedBy("pa")))
            """
    }

    /// Whether the level row `alias` records an assessment by the date (now: at all). Never `NULL`, also without
    /// a row, so that `NOT` selects the pairs not assessed.
    private func assessedBy(_ alias: String) -> SQLQueryString {
        let column: SQLQueryString = "\(unsafeRaw: alias).assessed_at"
        guard let bound else { return "\(column) IS NOT NULL" }
        return "(\(column) IS NOT NULL AND \(column) <= \(bind: bound))"
    }

    /// The condition selecting one cell's pairs.
    func condition(_ cell: SkillMapCell) -> SQLQueryString {
        switch cell {
        case let .level(value): "\(level) = \(bind: value)"
        case .below: "\(level) IS NULL AND \(assessed)"
        case .notAssessed: "\(level) IS NULL AND NOT \(assessed)"
        }
    }

    /// Whether a person of the scope has been assessed at all by the date (any field): a seek on the person's
    /// level rows in `person_levels_map`.
    var personAssessed: SQLQueryString {
        """
        EXISTS (SELECT 1 FROM person_levels pa
            WHERE pa.person_id = p.id AND pa.basis = \(bind: filter.basis.column) AND \(assessedBy("pa")))
        """
    }
}
