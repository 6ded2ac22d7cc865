/// A set of imported standards: the whole ITSS catalog the product knows.
public struct Catalog: Codable, Sendable, Hashable {
    /// Standards ordered by edition, then name.
    public private(set) var standards: [Standard]

    public init(standards: [Standard]) {
        self.standards = standards.sorted { $0.key < $1.key }
    }

    /// The standard with this key, if any.
    public func standard(_ key: StandardKey) -> Standard? {
        standards.first { $0.key == key }
    }

    /// Every field of every standard with its standard's key, in catalog order.
    public var allFields: [FieldReference] {
        standards.flatMap { standard in
            standard.fields.map { FieldReference(standard: standard.key, field: $0.name) }
        }
    }

    /// The field a reference points to, if it exists.
    public func field(_ reference: FieldReference) -> SpecialtyField? {
        standard(reference.standard)?.field(named: reference.field)
    }
}

/// Names one field of one standard.
public struct FieldReference: Codable, Sendable, Hashable, CustomStringConvertible {
    public var standard: StandardKey
    public var field: String

    public init(standard: StandardKey, field: String) {
        self.standard = standard
        self.field = field
    }

    public var description: String { "\(field) [\(standard.name) \(standard.version)]" }
}
