import ITSSDomain

/// What `AppDatabase.importStandard` did.
public enum CatalogImportOutcome: Sendable, Equatable {
    /// The standard was new and is now stored as revision 1.
    case created(StandardKey)
    /// The same text (and errata) was stored already; nothing changed.
    case unchanged(StandardKey, revision: Int)
    /// A different text replaced the stored one; `retiredItems` items no longer in the text were kept, retired.
    case replaced(StandardKey, revision: Int, retiredItems: Int)
}
