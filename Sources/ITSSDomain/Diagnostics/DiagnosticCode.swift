/// The kinds of findings the importer reports. Each is covered by a test on a small crafted document.
public enum DiagnosticCode: String, Codable, Sendable, Hashable, CaseIterable {
    /// A heading or label is misspelt or broken by the extraction ("Job C / ategory", "ill Area").
    case headerTypo = "header-typo"
    /// A page header names a different field than the section it is in ("Common to Operations").
    case pageHeaderFieldMismatch = "page-header-field-mismatch"
    /// A level text's role phrase names another specialty field of the job category.
    case levelTextNamesOtherField = "level-text-names-other-field"
    /// A level text is about another item's topic (its words are another item's knowledge items).
    case levelTextOfOtherItem = "level-text-of-other-item"
    /// An item's scale condition at a level differs from what the majority of the field's items state.
    case scaleConditionOutlier = "scale-condition-outlier"
    /// An item's minimum thresholds do not grow with the level (e.g. level 5 asks more than level 6).
    case scaleNotMonotonic = "scale-not-monotonic"
    /// Two levels of one item have the same text.
    case duplicateLevelText = "duplicate-level-text"
    /// A level text is many times longer than its field's other level texts (text glued on that is not the level's).
    case levelTextTooLong = "level-text-too-long"
    /// The overview lists other knowledge items for an item than its proficiency page.
    case overviewKnowledgeMismatch = "overview-knowledge-mismatch"
    /// An item of the proficiency pages is missing from the overview, or the other way round.
    case overviewItemMismatch = "overview-item-mismatch"
    /// An item labelled "common" is not common: missing from some fields or labelled specific elsewhere.
    case commonItemScopeMismatch = "common-item-scope-mismatch"
    /// A common item lists different knowledge items in different fields.
    case commonItemKnowledgeMismatch = "common-item-knowledge-mismatch"
    /// An erratum of ours was applied to a level text.
    case erratumApplied = "erratum-applied"
    /// An erratum of ours no longer matches the document (its text or location changed).
    case erratumNotApplicable = "erratum-not-applicable"

    /// A one-line explanation for `itss catalog lint --explain` and docs.
    public var summary: String {
        switch self {
        case .headerTypo: "a heading is misspelt or split by the PDF extraction"
        case .pageHeaderFieldMismatch: "a page header names another field than its section"
        case .levelTextNamesOtherField: "a level text names another specialty field in its role phrase"
        case .levelTextOfOtherItem: "a level text is about another item's knowledge"
        case .scaleConditionOutlier: "an item's scale condition differs from the field's majority"
        case .scaleNotMonotonic: "an item's thresholds do not grow with the level"
        case .duplicateLevelText: "two levels of one item have the same text"
        case .levelTextTooLong: "a level text is many times longer than the field's other level texts"
        case .overviewKnowledgeMismatch: "overview and proficiency page list different knowledge items"
        case .overviewItemMismatch: "an item is on the proficiency pages or in the overview, not both"
        case .commonItemScopeMismatch: "an item labelled common is not common to every field"
        case .commonItemKnowledgeMismatch: "a common item lists different knowledge items per field"
        case .erratumApplied: "an erratum of ours corrects the source text"
        case .erratumNotApplicable: "an erratum of ours does not match the document"
        }
    }
}
