import ITSSDomain
import ITSSImport
import ITSSStorage

/// The "Counterparts in the other edition" section of the catalog's field and item pages (the V2 ↔ V3
/// crosswalk). A pure view of what `AppDatabase.crosswalkCounterparts` read.
enum CrosswalkSection {
    static func render(_ counterparts: [CrosswalkCounterpart], _ language: Language) -> HTML {
        guard !counterparts.isEmpty else {
            return """
                <h2>\(CrosswalkText.title(language))</h2>
                <p class="empty">\(CrosswalkText.none(language))</p>
                """
        }
        let rows = HTML.join(
            counterparts.map { counterpart -> HTML in
                let name: HTML =
                    if let item = counterpart.item {
                        counterpart.itemID.map { "<a href=\"/catalog/items/\($0)\">\(item)</a>" } ?? "\(item)"
                    } else {
                        counterpart.fieldID.map { "<a href=\"/catalog/fields/\($0)\">\(counterpart.field.field)</a>" }
                            ?? "\(counterpart.field.field)"
                    }
                let place = counterpart.item == nil ? "" : counterpart.field.field
                return """
                    <tr><td>\(name)</td><td>ITSS \(counterpart.field.standard.version) \(place)</td>\
                    <td><span class="badge crosswalk-\(counterpart.kind.rawValue)">\(kind(counterpart.kind)(language))</span></td>\
                    <td>\(counterpart.reason)</td></tr>
                    """
            })
        return """
            <h2>\(CrosswalkText.title(language))</h2>
            <p class="muted">\(CrosswalkText.intro(language))</p>
            <table class="crosswalk">
            <thead><tr><th scope="col">\(CrosswalkText.counterpart(language))</th><th scope="col">\(CrosswalkText.edition(language))</th>\
            <th scope="col">\(CrosswalkText.kind(language))</th><th scope="col">\(CrosswalkText.reason(language))</th></tr></thead>
            <tbody>\(rows)</tbody>
            </table>
            """
    }

    static func kind(_ kind: CrosswalkKind) -> Localized {
        switch kind {
        case .same: CrosswalkText.same
        case .narrower: CrosswalkText.narrower
        case .broader: CrosswalkText.broader
        case .related: CrosswalkText.related
        }
    }
}

enum CrosswalkText {
    static let title = Localized("Counterparts in the other edition", "他の版での対応項目")
    static let intro = Localized(
        "Our crosswalk between ITSS V2 Operations and V3 IT Service Management: the kind says how this one relates to the counterpart.",
        "ITSS V2「オペレーション」と V3「IT サービスマネジメント」の対応表（当社作成）。種別はこの項目と対応項目の関係を示します。")
    static let none = Localized(
        "The crosswalk pairs nothing with this one.", "対応表にはこの項目の対応項目がありません。")
    static let counterpart = Localized("Counterpart", "対応項目")
    static let edition = Localized("Edition", "版")
    static let kind = Localized("Kind", "種別")
    static let reason = Localized("Reason", "理由")
    static let same = Localized("same", "同一")
    static let narrower = Localized("narrower", "より狭い")
    static let broader = Localized("broader", "より広い")
    static let related = Localized("related", "関連")
}
