/// A CASE 1.1 (1EdTech Competencies and Academic Standards Exchange) package: one framework document with its
/// items, associations and definitions, in the JSON binding of the specification (`CFPackage`).
///
/// Only the properties `itss` writes or reads are modelled; absent optional values are left out of the JSON.
/// `docs/case.md` says how the catalog maps onto them.
public struct CASEPackage: Codable, Sendable, Hashable {
    public var CFDocument: Document
    public var CFItems: [Item]
    public var CFAssociations: [Association]
    public var CFDefinitions: Definitions?

    public init(CFDocument: Document, CFItems: [Item], CFAssociations: [Association], CFDefinitions: Definitions?) {
        self.CFDocument = CFDocument
        self.CFItems = CFItems
        self.CFAssociations = CFAssociations
        self.CFDefinitions = CFDefinitions
    }

    /// A reference to another CASE object (`LinkURI` / `LinkGenURI`).
    public struct Link: Codable, Sendable, Hashable {
        public var title: String
        public var identifier: String
        public var uri: String

        public init(title: String, identifier: String, uri: String) {
            self.title = title
            self.identifier = identifier
            self.uri = uri
        }
    }

    /// `CFDocument` (the framework): one ITSS job category in one edition.
    public struct Document: Codable, Sendable, Hashable {
        public var identifier: String
        public var uri: String
        public var creator: String
        public var title: String
        public var lastChangeDateTime: String
        public var publisher: String?
        public var description: String?
        public var subject: [String]?
        public var language: String?
        public var version: String?
        public var adoptionStatus: String?
        public var frameworkType: String?
        public var caseVersion: String?
        public var notes: String?
        public var CFPackageURI: Link?
    }

    /// `CFItem`: a specialty field, skill item, level statement or knowledge item.
    public struct Item: Codable, Sendable, Hashable {
        public var identifier: String
        public var uri: String
        public var fullStatement: String
        public var lastChangeDateTime: String
        public var CFDocumentURI: Link?
        public var abbreviatedStatement: String?
        public var humanCodingScheme: String?
        public var listEnumeration: String?
        public var CFItemType: String?
        public var CFItemTypeURI: Link?
        public var language: String?
        public var notes: String?
    }

    /// `CFAssociation`: a typed link from an origin node to a destination node.
    public struct Association: Codable, Sendable, Hashable {
        public var identifier: String
        public var uri: String
        public var associationType: String
        public var originNodeURI: Link
        public var destinationNodeURI: Link
        public var lastChangeDateTime: String
        public var sequenceNumber: Int?
        public var notes: String?
    }

    /// `CFDefinitions`: here only the item types.
    public struct Definitions: Codable, Sendable, Hashable {
        public var CFItemTypes: [ItemType]
    }

    /// `CFItemType`.
    public struct ItemType: Codable, Sendable, Hashable {
        public var identifier: String
        public var uri: String
        public var title: String
        public var description: String
        public var hierarchyCode: String
        public var typeCode: String?
        public var lastChangeDateTime: String
    }
}
