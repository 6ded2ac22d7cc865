import Foundation
import ITSSDomain
import Testing

@testable import ITSSImport

/// `ScaleConditionReader` reads the role and the thresholds of one level text, in the phrasings of both editions.
@Suite
struct ScaleConditionReaderTests {
    static func read(_ text: String) -> ScaleCondition { ScaleConditionReader.condition(of: text) }

    @Test
    func v3PersonResponsibleWithStaffOrContract() {
        let condition = Self.read(
            "Able to make judgment based on guidable and advanced specialty, related to knowledge of relevant regulations, "
                + "as a person responsible for operation management with 250 or more staff or an annual contract value of "
                + "2.5 billion yen or more.")
        #expect(condition.role == .responsiblePerson)
        #expect(condition.minimumStaff == 250)
        #expect(condition.minimumContractYen == 2_500_000_000)
        #expect(condition.staffUpperBound == nil)
        #expect(condition.contractUpperBoundYen == nil)
        #expect(condition.thresholds.map(\.measure) == [.peakStaff, .annualContractYen])
    }

    @Test(
        arguments: [
            ("75 or more staff or an annual contract value of 750 million yen or more", 75, 750_000_000),
            ("150 or more staff or an annual contract value of 1.5 billion yen or more", 150, 1_500_000_000),
            ("250 or more staff or an annual contract value of 2.5 billion yen or more", 250, 2_500_000_000),
            ("75 or more staff or an annual contract value of 7.5 billion yen or more", 75, 7_500_000_000),
        ] as [(String, Int64, Int64)])
    func v3Amounts(scale: String, staff: Int64, yen: Int64) {
        let condition = Self.read("Able to lead, as a person responsible for system management with \(scale).")
        #expect(
            condition
                == ScaleCondition(
                    role: .responsiblePerson,
                    thresholds: [
                        ScaleThreshold(measure: .peakStaff, minimum: staff),
                        ScaleThreshold(measure: .annualContractYen, minimum: yen),
                    ]))
    }

    @Test
    func v2ResponsiblePersonWithPeakPersonsOrContract() {
        let condition = Self.read(
            "Able to carry out the management of information asset appropriately, such as financial management of "
                + "information systems, as a responsible person of system operation with 10 persons or more during peak "
                + "periods, or an annual contract value of 100 million yen or more.")
        #expect(condition.role == .responsiblePerson)
        #expect(condition.minimumStaff == 10)
        #expect(condition.minimumContractYen == 100_000_000)
        #expect(condition.staffUpperBound == nil)
        #expect(condition.contractUpperBoundYen == nil)
    }

    /// "less than" phrases describe the typical scale of level 4; they are never requirements.
    @Test
    func v2LessThanPhrasesAreUpperBoundsOnly() {
        let condition = Self.read(
            "Able to carry out the management of information asset appropriately, such as purchase of service and "
                + "instruments, as a leader of system operation with less than 10 persons during peak periods, or an "
                + "annual contract value of less than 100 million yen")
        #expect(condition.role == .leader)
        #expect(condition.staffUpperBound == 10)
        #expect(condition.contractUpperBoundYen == 100_000_000)
        #expect(condition.minimumStaff == nil)
        #expect(condition.minimumContractYen == nil)
        #expect(condition.thresholds.allSatisfy { $0.minimum == nil })
    }

    @Test(
        arguments: [
            ("Able to do it, as an operation leader.", Role.leader),
            ("Able to do it, as leader of service desk.", .leader),
            ("Able to do it, as a leader of operation management.", .leader),
            ("Able to do it, as a member of system management.", .member),
            ("Able to do it, as a service desk member.", .member),
            ("Able to do it, as the person responsible for operation.", .responsiblePerson),
            ("Able to do it, as a responsible person of operation.", .responsiblePerson),
            ("ABLE TO DO IT, AS A LEADER OF SERVICE DESK.", .leader),
        ] as [(String, Role)])
    func roles(text: String, role: Role) {
        let condition = Self.read(text)
        #expect(condition.role == role)
        #expect(condition.thresholds.isEmpty)
    }

    @Test(arguments: [
        "Able to carry out work in the assigned area, by exchanging opinions on service desk with a responsible person, "
            + "leader, and other network operation members. In addition, able to proper exchange opinions with the users.",
        "Able to speak with the responsible person on customer side.",
        "",
        "as",
        "as a",
    ])
    func textWithoutRolePhrase(text: String) {
        #expect(Self.read(text).role == nil)
        #expect(Self.read(text).isEmpty)
    }

    /// Only "as …" introduces the role: "by cooperating with a responsible person, leader, …" does not.
    @Test
    func roleMentionedOutsideTheRolePhraseIsNotTheRole() {
        let condition = Self.read(
            "Able to carry out operation by cooperating with a responsible person, leader, and other operation members "
                + "in the assigned area, as a member of operation under guidance of a higher-level specialist.")
        #expect(condition.role == .member)
    }

    @Test
    func installationSites() {
        let level5 = Self.read(
            "Able to perform, as a responsible person of medium-scale or large-scale network operation with 10 persons or "
                + "more during peak periods, or an annual contract value of 100 million yen or more, or 100 or more "
                + "installation sites.")
        #expect(level5.role == .responsiblePerson)
        #expect(level5.minimum(.installationSites) == 100)
        #expect(level5.minimumStaff == 10)
        #expect(level5.minimumContractYen == 100_000_000)
        let level4 = Self.read(
            "Able to perform, as a leader of small-scale network operation with less than 10 persons during peak periods, "
                + "or an annual contract value of less than 100 million yen, or less than 100 installation sites.")
        #expect(level4.role == .leader)
        #expect(level4.upperBound(.installationSites) == 100)
        #expect(level4.minimum(.installationSites) == nil)
        #expect(level4.thresholds.map(\.measure) == [.peakStaff, .annualContractYen, .installationSites])
    }

    @Test
    func inquiries() {
        let level5 = Self.read(
            "Able to facilitate, as a responsible person of service desk with 20 persons or more during peak periods, or "
                + "an annual contract value of 150 million yen or more, or number of answers to user inquiries is 3000 or more.")
        #expect(level5.minimum(.annualInquiries) == 3000)
        #expect(level5.minimumStaff == 20)
        #expect(level5.minimumContractYen == 150_000_000)
        let level4 = Self.read(
            "Able to facilitate, as a leader of service desk with less than 20 persons during peak periods, or an annual "
                + "contract value of less than 150 million yen, or number of answers to user inquiries from 1000 but less "
                + "than 3000 a year.")
        // The range's lower end is not a requirement of level 4; its upper end is the descriptive bound.
        #expect(level4.minimum(.annualInquiries) == nil)
        #expect(level4.upperBound(.annualInquiries) == 3000)
        #expect(level4.staffUpperBound == 20)
    }

    /// Wrapped lines are joined before reading: the amounts may straddle a line break in the source.
    @Test
    func amountsAcrossJoinedLines() {
        let joined = TextJoiner.join([
            "as a person responsible for operation management with 250 or more staff or an annual contract value of 2.5",
            "billion yen or more.",
        ])
        #expect(Self.read(joined).minimumContractYen == 2_500_000_000)
    }

    @Test
    func phrasesThatAreNotScales() {
        // A number that is not followed by a unit of the known phrasings is not a threshold.
        #expect(Self.read("as a leader of 3 teams with 40 or more servers.").thresholds.isEmpty)
        // "contract value of" without an amount in yen.
        #expect(Self.read("as a leader with an annual contract value of several projects.").thresholds.isEmpty)
        // Amounts in another currency unit.
        #expect(Self.read("as a leader with an annual contract value of 5 thousand yen or more.").thresholds.isEmpty)
    }
}
