import ITSSDomain

/// A specialty field as people are assessed in it: the effective field (for V2 with the shared levels 1–2 merged
/// in; under a tailoring profile the tailored field), its items with their level texts and knowledge items, and
/// the ids the `rate` use case takes.
public struct AssessedField: Sendable {
    public var reference: FieldReference
    /// The effective field: items in order, each with the level texts it defines.
    public var field: SpecialtyField
    /// Item name → the item id `rate(assessment:item:…)` takes (ITSS items).
    public var itemIDs: [String: Int64]
    /// The profile the field is tailored by, if any.
    public var profile: AssessmentProfile? = nil
    /// The company's own items of the field (under a profile).
    public var companyItems: Set<String> = []

    /// How `rate(assessment:item:…)` addresses the item of this name; `nil` for an item the field does not have.
    public func itemID(named name: String) -> AssessmentItemID? {
        if companyItems.contains(name) { return .company(name) }
        return itemIDs[name].map(AssessmentItemID.standard)
    }
}

extension AppDatabase {
    /// The field as this assessment rates it: under its profile, the tailored field (items the profile leaves out
    /// are not asked for, the company's own items are, with their level texts).
    /// - Throws: `StorageError.notFound` for a field no longer in the catalog; `.refused` when the profile version
    ///   no longer applies to the catalog.
    public func assessedField(of view: AssessmentView) async throws -> AssessedField {
        guard let entry = try await catalogIndex().field(view.field) else {
            throw StorageError.notFound(what: "specialty field \(view.field)")
        }
        let scope = try await assessmentScope(entry, profile: view.profile)
        var field = entry.effective
        field.items = scope.items
        return AssessedField(
            reference: entry.reference, field: field, itemIDs: entry.itemIDs.filter { scope.item(.standard($0.value)) != nil },
            profile: scope.profile, companyItems: scope.companyItems)
    }

    /// Every field people can be assessed in (shared-level sections left out), in catalog order.
    /// - Throws: database errors.
    public func assessableFields() async throws -> [FieldReference] {
        try await catalogIndex().fields.filter { $0.effective.kind == .specialty }.map(\.reference)
    }
}
