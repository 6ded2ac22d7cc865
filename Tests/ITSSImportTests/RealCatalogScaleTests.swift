import Foundation
import ITSSDomain
import Testing

@testable import ITSSImport

/// The scale condition every field of the shipped documents states per level, as its items' majority.
@Suite
struct RealCatalogScaleTests {
    struct Expected: Sendable, CustomTestStringConvertible {
        var file: String
        var field: String
        var level: Int
        var condition: ScaleCondition
        /// Items agreeing with the majority / items with a text at the level (source wording, no errata).
        var agreeing: Int
        var total: Int

        var testDescription: String { "\(file.prefix(12)) \(field) level \(level)" }
    }

    static func responsible(staff: Int64, yen: Int64, sites: Int64? = nil, inquiries: Int64? = nil) -> ScaleCondition {
        var thresholds = [
            ScaleThreshold(measure: .peakStaff, minimum: staff), ScaleThreshold(measure: .annualContractYen, minimum: yen),
        ]
        if let sites { thresholds.append(ScaleThreshold(measure: .installationSites, minimum: sites)) }
        if let inquiries { thresholds.append(ScaleThreshold(measure: .annualInquiries, minimum: inquiries)) }
        return ScaleCondition(role: .responsiblePerson, thresholds: thresholds)
    }

    /// A V2 level-4 leader with descriptive upper bounds only.
    static func leaderTypically(below staff: Int64, yen: Int64, sites: Int64? = nil, inquiries: Int64? = nil) -> ScaleCondition {
        var thresholds = [
            ScaleThreshold(measure: .peakStaff, upperBound: staff), ScaleThreshold(measure: .annualContractYen, upperBound: yen),
        ]
        if let sites { thresholds.append(ScaleThreshold(measure: .installationSites, upperBound: sites)) }
        if let inquiries { thresholds.append(ScaleThreshold(measure: .annualInquiries, upperBound: inquiries)) }
        return ScaleCondition(role: .leader, thresholds: thresholds)
    }

    static let member = ScaleCondition(role: .member)
    static let leader = ScaleCondition(role: .leader)

    static let expected: [Expected] = {
        let v3 = ShippedDocuments.v3
        let v2 = ShippedDocuments.v2
        return [
            // V3 Operation Management: Leadership level 5 states 7.5 billion yen (erratum E1).
            Expected(file: v3, field: "Operation Management", level: 3, condition: member, agreeing: 14, total: 14),
            Expected(file: v3, field: "Operation Management", level: 4, condition: leader, agreeing: 14, total: 14),
            Expected(
                file: v3, field: "Operation Management", level: 5, condition: responsible(staff: 75, yen: 750_000_000),
                agreeing: 13, total: 14),
            Expected(
                file: v3, field: "Operation Management", level: 6, condition: responsible(staff: 150, yen: 1_500_000_000),
                agreeing: 14, total: 14),
            Expected(
                file: v3, field: "Operation Management", level: 7, condition: responsible(staff: 250, yen: 2_500_000_000),
                agreeing: 14, total: 14),
            // V3 System Management goes up to level 6; Leadership level 5 states 7.5 billion yen (erratum E2).
            Expected(file: v3, field: "System Management", level: 3, condition: member, agreeing: 16, total: 16),
            Expected(file: v3, field: "System Management", level: 4, condition: leader, agreeing: 16, total: 16),
            Expected(
                file: v3, field: "System Management", level: 5, condition: responsible(staff: 75, yen: 750_000_000), agreeing: 15,
                total: 16),
            Expected(
                file: v3, field: "System Management", level: 6, condition: responsible(staff: 150, yen: 1_500_000_000),
                agreeing: 16, total: 16),
            Expected(file: v3, field: "Operation", level: 3, condition: member, agreeing: 14, total: 14),
            Expected(file: v3, field: "Operation", level: 4, condition: leader, agreeing: 14, total: 14),
            // "Knowledge of Infrastructure for Support Center" level 3 says "as leader of service desk".
            Expected(file: v3, field: "Service Desk", level: 3, condition: member, agreeing: 16, total: 17),
            Expected(file: v3, field: "Service Desk", level: 4, condition: leader, agreeing: 17, total: 17),
            // V2 System operation: Project Management states no contract value at levels 4 and 5.
            Expected(file: v2, field: "System operation", level: 3, condition: member, agreeing: 9, total: 9),
            Expected(
                file: v2, field: "System operation", level: 4, condition: leaderTypically(below: 10, yen: 100_000_000),
                agreeing: 8, total: 9),
            Expected(
                file: v2, field: "System operation", level: 5, condition: responsible(staff: 10, yen: 100_000_000), agreeing: 8,
                total: 9),
            Expected(file: v2, field: "Network operation", level: 3, condition: member, agreeing: 9, total: 9),
            Expected(
                file: v2, field: "Network operation", level: 4,
                condition: leaderTypically(below: 10, yen: 100_000_000, sites: 100), agreeing: 9, total: 9),
            Expected(
                file: v2, field: "Network operation", level: 5, condition: responsible(staff: 10, yen: 100_000_000, sites: 100),
                agreeing: 9, total: 9),
            // "Communication" level 3 names no role.
            Expected(file: v2, field: "Service desk", level: 3, condition: member, agreeing: 9, total: 10),
            Expected(
                file: v2, field: "Service desk", level: 4,
                condition: leaderTypically(below: 20, yen: 150_000_000, inquiries: 3000), agreeing: 10, total: 10),
            Expected(
                file: v2, field: "Service desk", level: 5, condition: responsible(staff: 20, yen: 150_000_000, inquiries: 3000),
                agreeing: 10, total: 10),
            Expected(file: v2, field: "Common to Level 1, 2", level: 1, condition: member, agreeing: 8, total: 8),
            Expected(file: v2, field: "Common to Level 1, 2", level: 2, condition: member, agreeing: 8, total: 8),
        ]
    }()

    @Test(arguments: expected)
    func fieldScaleAtLevel(_ expected: Expected) throws {
        let standard = try ShippedDocuments.imported(expected.file, errata: .none).standard
        let field = try #require(standard.field(named: expected.field))
        let stated = try #require(field.scaleConditions.first { $0.level == expected.level })
        #expect(stated.condition == expected.condition, "\(stated.condition.summary)")
        #expect(stated.agreeingItems == expected.agreeing)
        #expect(stated.totalItems == expected.total)
    }

    /// The table covers every level of every field, and nothing else.
    @Test(arguments: ShippedDocuments.fileNames)
    func tableCoversEveryFieldAndLevel(file: String) throws {
        let standard = try ShippedDocuments.imported(file, errata: .none).standard
        let stated = standard.fields.flatMap { field in field.scaleConditions.map { "\(field.name) \($0.level)" } }
        let table = Self.expected.filter { $0.file == file }.map { "\($0.field) \($0.level)" }
        #expect(stated == table)
    }

    @Test
    func fieldKinds() throws {
        let v2 = try ShippedDocuments.imported(ShippedDocuments.v2).standard
        #expect(v2.specialtyFields.map(\.name) == ["System operation", "Network operation", "Service desk"])
        #expect(v2.sharedLevelSections.map(\.name) == ["Common to Level 1, 2"])
        let v3 = try ShippedDocuments.imported(ShippedDocuments.v3).standard
        #expect(v3.specialtyFields.map(\.name) == ["Operation Management", "System Management", "Operation", "Service Desk"])
        #expect(v3.sharedLevelSections.isEmpty)
        #expect(v3.key == StandardKey(name: "IT Service Management", version: "V3 2008"))
        #expect(v2.key == StandardKey(name: "Operations", version: "V2 2006"))
    }

    /// With the shipped errata, every level-5 text of the two V3 fields states 750 million yen.
    @Test(arguments: ["Operation Management", "System Management"])
    func errataMakeLevel5Unanimous(field name: String) throws {
        let standard = try ShippedDocuments.imported(ShippedDocuments.v3, errata: try Errata.builtIn()).standard
        let field = try #require(standard.field(named: name))
        let level5 = try #require(field.scaleConditions.first { $0.level == 5 })
        #expect(level5.condition == Self.responsible(staff: 75, yen: 750_000_000))
        #expect(level5.agreeingItems == level5.totalItems)
    }

    /// Minimums grow with the level in every item once the errata apply.
    @Test(arguments: ShippedDocuments.fileNames)
    func minimumsGrowWithTheLevel(file: String) throws {
        let standard = try ShippedDocuments.imported(file, errata: try Errata.builtIn()).standard
        for field in standard.fields {
            for item in field.items {
                for measure in ScaleMeasure.allCases {
                    let minimums = item.levels.compactMap { $0.scale.minimum(measure) }
                    #expect(
                        minimums == minimums.sorted() && Set(minimums).count == minimums.count, "\(field.name) / \(item.name)")
                }
            }
        }
    }
}
