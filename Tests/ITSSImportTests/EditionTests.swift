import Foundation
import ITSSDomain
import Testing

@testable import ITSSImport

/// The edition ("V3 2008") comes from the file name, else from the footer's "Vn" and copyright year.
@Suite
struct EditionTests {
    /// The crafted document with footers that name no edition.
    static func document(footer: [String] = ["WS-7"]) -> [UInt8] {
        var document = CraftedDocument.clean()
        document.footer = footer
        return document.rendered().bytes
    }

    @Test(
        arguments: [
            ("itss-v3-2008-x.txt", "V3 2008"),
            ("itss-v3-2008-it-service-management.txt", "V3 2008"),
            ("/tmp/imports/itss-v2-2006-operations.txt", "V2 2006"),
            ("ITSS_V2_2006.TXT", "V2 2006"),
            ("operations.v12.2031.txt", "V12 2031"),
        ] as [(String, String)])
    func fromFileName(fileName: String, edition: String) throws {
        let imported = try DocumentImporter.read(Self.document(), fileName: fileName)
        #expect(imported.standard.key.version == edition)
        #expect(imported.standard.source.fileName == (fileName as NSString).lastPathComponent)
    }

    @Test
    func fromV2Footer() throws {
        let footer = [
            "Skill Standards for IT Professionals V2 English edition Draft 1.0",
            "OP-40",
            "ill Area and Skill Proficiency      ©2006 Ministry of Economy, Trade and Industry.",
        ]
        let imported = try DocumentImporter.read(Self.document(footer: footer), fileName: "operations.txt")
        #expect(imported.standard.key.version == "V2 2006")
    }

    /// The shipped V2 document under a name that tells nothing.
    @Test
    func shippedV2DocumentUnderAnotherName() throws {
        let imported = try DocumentImporter.read(try ShippedDocuments.bytes(ShippedDocuments.v2), fileName: "document.txt")
        #expect(imported.standard.key == StandardKey(name: "Operations", version: "V2 2006"))
    }

    /// The V3 document's footer names its edition ("V3 2008 Release 1.0"); its copyright year is 2010.
    @Test
    func shippedV3DocumentUnderAnotherName() throws {
        let imported = try DocumentImporter.read(try ShippedDocuments.bytes(ShippedDocuments.v3), fileName: "document.txt")
        #expect(imported.standard.key == StandardKey(name: "IT Service Management", version: "V3 2008"))
    }

    @Test
    func yearNamedWithTheVersionWinsOverTheCopyrightYear() throws {
        let footer = [
            "Skill Standards for IT Professionals V3 2008 Release 1.0",
            "Skill Area and Skill Proficiency      ©2010 Ministry of Economy, Trade and Industry.",
        ]
        let imported = try DocumentImporter.read(Self.document(footer: footer), fileName: "service.txt")
        #expect(imported.standard.key.version == "V3 2008")
    }

    @Test(arguments: [
        "crafted.txt",
        "itss-v3.txt",  // no year
        "itss-2008-v3.txt",  // year before version
        "itss-v3-08.txt",  // two-digit year
        "itss-version3-2008.txt",
    ])
    func unknownEdition(fileName: String) {
        #expect(throws: DocumentError.unknownEdition(fileName: fileName)) {
            try DocumentImporter.read(Self.document(), fileName: fileName)
        }
    }

    /// A footer with a version but no copyright year, or the other way round, tells no edition.
    @Test(arguments: [
        ["Skill Standards for IT Professionals V2 English edition"],
        ["Skill Area and Skill Proficiency ©2006 Ministry of Economy, Trade and Industry."],
    ])
    func incompleteFooter(footer: [String]) {
        #expect(throws: DocumentError.unknownEdition(fileName: "operations.txt")) {
            try DocumentImporter.read(Self.document(footer: footer), fileName: "operations.txt")
        }
    }

    @Test
    func explicitEditionWins() throws {
        let imported = try DocumentImporter.read(Self.document(), fileName: "itss-v3-2008-x.txt", edition: "V3 2011")
        #expect(imported.standard.key.version == "V3 2011")
    }
}
