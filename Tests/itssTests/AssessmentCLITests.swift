import Foundation
import ITSSDomain
import ITSSStorage
import Testing

/// The assessment workflow through the `itss` binary: self ratings, submission, evaluator ratings with
/// reasons, approval, experience verification and the official level — and the refusals on the way.
@Suite("itss assess / experience / level (CLI)")
struct AssessmentCLITests {
    static let person = Organisation.person
    static let evaluator = Organisation.evaluator
    static let differing = "Service Support"

    /// Starts E1001's Service Desk assessment for `cycle`; returns its number and item names.
    static func start(_ cli: CLIRunner, cycle: String = "2026H2") throws -> (id: String, items: [String]) {
        let output = try cli.ok("assess", "start", person, "--field", "Service Desk", "--cycle", cycle)
        #expect(output.contains("(17 skill items)"), "\(output)")
        let views = try cli.json([AssessmentView].self, "assess", "list", person)
        let view = try #require(views.first { $0.cycle == cycle })
        #expect(view.state == .draft)
        return (String(view.id), view.ratings.map(\.item))
    }

    /// Rates every item: `self` for the self side, then (after submitting) `evaluator` by M1, with a reason
    /// where the two differ unless `withholdReason`.
    static func rateAll(_ cli: CLIRunner, _ id: String, _ items: [String], level: (String) -> Int, asEvaluator: Bool) throws {
        for item in items {
            var arguments = ["assess", "rate", id, "--item", item, "--level", String(level(item))]
            arguments += asEvaluator ? ["--as", evaluator, "--evaluator"] : ["--as", person]
            try cli.ok(arguments: arguments)
        }
    }

    /// E1001's approved Service Desk assessment: self 4 everywhere, evaluator 4 except Service Support (3,
    /// with a reason). Returns the assessment number.
    @discardableResult
    static func approvedAssessment(_ cli: CLIRunner, serviceSupport: Int = 3) throws -> String {
        let (id, items) = try start(cli)
        try rateAll(cli, id, items, level: { _ in 4 }, asEvaluator: false)
        try cli.ok("assess", "submit", id, "--as", person)
        try rateAll(cli, id, items.filter { $0 != differing }, level: { _ in 4 }, asEvaluator: true)
        try cli.ok(
            "assess", "rate", id, "--item", differing, "--level", String(serviceSupport), "--as", evaluator, "--evaluator",
            "--reason", "not yet as a leader")
        try cli.ok("assess", "approve", id, "--as", evaluator)
        return id
    }

    /// Records and verifies a member-role Service Desk record of E1001 (meets the level-3 scale condition).
    static func verifiedMemberRecord(_ cli: CLIRunner) throws {
        let added = try cli.ok(
            "experience", "add", person, "--field", "Service Desk", "--role", "member", "--from", "2020-04-01", "--to",
            "2023-03-31", "--staff", "6", "--customer", "ACME")
        #expect(added.contains("Recorded experience #1"), "\(added)")
        try cli.ok("experience", "verify", "1", "--as", evaluator)
    }

    @Test("end to end: self ratings, submit, evaluator ratings, approve (reason required), verified record, official level")
    func workflow() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        try Organisation.create(cli)
        let (id, items) = try Self.start(cli)
        let catalogItems = try FieldItems.of("Service Desk", cli).items.map(\.name)
        #expect(items == catalogItems)
        #expect(items.contains(Self.differing))

        try Self.rateAll(cli, id, items, level: { _ in 4 }, asEvaluator: false)
        // Submitting needs every self rating; they are all there now.
        try cli.ok("assess", "submit", id, "--as", Self.person)
        var view = try cli.json(AssessmentView.self, "assess", "show", id)
        #expect(view.state == .submitted)
        #expect(view.ratings.allSatisfy { $0.selfLevel == 4 && $0.evaluatorLevel == nil })

        // Evaluator: 4 everywhere except Service Support, which gets 3 — first without a reason.
        try Self.rateAll(cli, id, items, level: { $0 == Self.differing ? 3 : 4 }, asEvaluator: true)
        let unexplained = try cli.fails("assess", "approve", id, "--as", Self.evaluator)
        #expect(unexplained.contains("without a reason"), "\(unexplained)")
        #expect(unexplained.contains("\"\(Self.differing)\""), "\(unexplained)")
        #expect(try cli.json(AssessmentView.self, "assess", "show", id).state == .submitted)

        try cli.ok(
            "assess", "rate", id, "--item", Self.differing, "--level", "3", "--as", Self.evaluator, "--evaluator", "--reason",
            "not yet as a leader")
        let approved = try cli.ok("assess", "approve", id, "--as", Self.evaluator)
        #expect(approved.contains("is approved"), "\(approved)")
        // No verified track record yet: level 3 asks for a member-role record.
        #expect(approved.contains("below level 3 (approved)"), "\(approved)")
        view = try cli.json(AssessmentView.self, "assess", "show", id)
        #expect(view.state == .approved)
        #expect(view.decidedBy == Self.evaluator)
        let support = try #require(view.ratings.first { $0.item == Self.differing })
        #expect(support.selfLevel == 4 && support.evaluatorLevel == 3 && support.evaluatorReason == "not yet as a leader")
        // The text view shows self and evaluator side by side.
        let table = try cli.ok("assess", "show", id)
        #expect(table.contains("State: approved"), "\(table)")
        #expect(table.contains("not yet as a leader"))

        var level = try #require(try cli.json([PersonLevel].self, "level", Self.person).first)
        #expect(level.official.attainedLevel == nil)
        #expect(level.official.basis == .approved)
        #expect(level.official.nextLevel == 3)
        // The provisional level (self ratings, all records) is labelled as such, and also needs a record.
        #expect(level.provisional?.basis == .provisional)

        try Self.verifiedMemberRecord(cli)
        let records = try cli.json([ExperienceRecord].self, "experience", "list", Self.person)
        #expect(records.count == 1)
        #expect(records.first?.isVerified == true)

        level = try #require(try cli.json([PersonLevel].self, "level", Self.person, "--field", "Service Desk").first)
        #expect(level.field.field == "Service Desk")
        #expect(level.official.attainedLevel == 3)
        #expect(level.official.nextLevel == 4)
        // Missing for level 4: Service Support (rated 3) and a leader-role record.
        let missingItems = level.official.explanation.compactMap { condition -> String? in
            if case let .item(name, rating, needed, _) = condition { return "\(name) \(rating)→\(needed)" }
            return nil
        }
        #expect(missingItems == ["\(Self.differing) 3→4"])
        #expect(
            level.official.explanation.contains {
                if case let .scale(scaleLevel, _, _, _) = $0 { scaleLevel == 4 } else { false }
            })

        let explained = try cli.ok("level", Self.person, "--explain")
        #expect(explained.contains("Official: level 3 (approved)"), "\(explained)")
        #expect(explained.contains("Missing for level 4:"), "\(explained)")
        #expect(explained.contains("- \(Self.differing): rated 3, needs 4"), "\(explained)")
        #expect(explained.contains("- scale condition of level 4"), "\(explained)")
        #expect(explained.contains("Level 3 ✓"), "\(explained)")
        #expect(explained.contains("Level 4 ✗"), "\(explained)")
        #expect(explained.contains("· \(Self.differing): rated 3, needs 4"), "\(explained)")

        // The person's profile brings it together.
        let profile = try cli.ok("person", "show", Self.person)
        #expect(profile.contains("Service Desk [IT Service Management V3 2008]: level 3 (approved)"), "\(profile)")
        #expect(profile.contains("evaluators: M1 Mori Kenji"), "\(profile)")
    }

    @Test("bad names and levels: one-line errors, with the item's levels and \"did you mean\"")
    func badInput() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        try Organisation.create(cli)
        let (id, _) = try Self.start(cli)

        let undefined = try cli.fails("assess", "rate", id, "--item", Self.differing, "--level", "5", "--as", Self.person)
        #expect(undefined == "\"Service Support\" has no level 5; rate it one of 0, 3, 4")
        let twoIsUndefinedToo = try cli.fails("assess", "rate", id, "--item", Self.differing, "--level", "2", "--as", Self.person)
        #expect(twoIsUndefinedToo.contains("rate it one of 0, 3, 4"))

        let unknownPerson = try cli.fails("assess", "start", "E1010", "--field", "Service Desk", "--cycle", "2026H2")
        #expect(unknownPerson.contains("\"E1010\""), "\(unknownPerson)")
        #expect(unknownPerson.contains("did you mean \"E1001\""), "\(unknownPerson)")

        let unknownField = try cli.fails("assess", "start", Self.person, "--field", "Servise Desk", "--cycle", "2026H2")
        #expect(unknownField.contains("\"Servise Desk\""), "\(unknownField)")
        #expect(unknownField.contains("did you mean \"Service Desk\""), "\(unknownField)")

        let unknownItem = try cli.fails("assess", "rate", id, "--item", "Servise Support", "--level", "3", "--as", Self.person)
        #expect(unknownItem.contains("\"Servise Support\""), "\(unknownItem)")
        #expect(unknownItem.contains("did you mean \"Service Support\""), "\(unknownItem)")

        let ambiguousItem = try cli.fails("assess", "rate", id, "--item", "Customer", "--level", "3", "--as", Self.person)
        #expect(ambiguousItem.contains("\"Customer Interaction\", \"Customer Support Skills\""), "\(ambiguousItem)")
        // A unique prefix is fine.
        try cli.ok("assess", "rate", id, "--item", "customer sup", "--level", "3", "--as", Self.person)

        let unknownRater = try cli.fails("assess", "rate", id, "--item", Self.differing, "--level", "3", "--as", "M2")
        #expect(unknownRater.contains("did you mean \"M1\""), "\(unknownRater)")

        let unknownAssessment = try cli.fails("assess", "show", "99")
        #expect(unknownAssessment == "assessment 99 does not exist")

        let again = try cli.fails("assess", "start", Self.person, "--field", "Service Desk", "--cycle", "2026h2")
        #expect(again.contains("already exists"), "\(again)")

        let unknownLevelPerson = try cli.fails("level", "E1011")
        #expect(unknownLevelPerson.contains("did you mean"), "\(unknownLevelPerson)")

        // Submitting without every self rating names what is missing.
        let incomplete = try cli.fails("assess", "submit", id, "--as", Self.person)
        #expect(incomplete.contains("self ratings are missing for 16 items"), "\(incomplete)")

        // Nothing but the one good rating was written.
        let view = try cli.json(AssessmentView.self, "assess", "show", id)
        #expect(view.version == 2)
        #expect(view.ratings.filter { $0.selfLevel != nil }.map(\.item) == ["Customer Support Skills"])
        #expect(view.ratings.allSatisfy { $0.evaluatorLevel == nil })
    }

    @Test("who may do what: the person rates and submits, only an evaluator (never the person) rates, approves, verifies")
    func permissions() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        try Organisation.create(cli)
        let (id, items) = try Self.start(cli)

        let othersSelfRating = try cli.fails(
            "assess", "rate", id, "--item", Self.differing, "--level", "3", "--as", Self.evaluator)
        #expect(othersSelfRating == "only the assessed person can edit self ratings")
        let tooEarly = try cli.fails(
            "assess", "rate", id, "--item", Self.differing, "--level", "3", "--as", Self.evaluator, "--evaluator")
        #expect(tooEarly.contains("while the assessment is draft"), "\(tooEarly)")

        try Self.rateAll(cli, id, items, level: { _ in 3 }, asEvaluator: false)
        let submittedByOther = try cli.fails("assess", "submit", id, "--as", Self.evaluator)
        #expect(submittedByOther == "only the assessed person can submit")
        try cli.ok("assess", "submit", id, "--as", Self.person)

        let ownEvaluatorRating = try cli.fails(
            "assess", "rate", id, "--item", Self.differing, "--level", "4", "--as", Self.person, "--evaluator")
        #expect(ownEvaluatorRating == "nobody can rate their own assessment as evaluator")
        let outsiderRating = try cli.fails(
            "assess", "rate", id, "--item", Self.differing, "--level", "4", "--as", Organisation.outsider, "--evaluator")
        #expect(outsiderRating == "only an evaluator of the person can edit evaluator ratings")

        try Self.rateAll(cli, id, items, level: { _ in 3 }, asEvaluator: true)
        let selfApproval = try cli.fails("assess", "approve", id, "--as", Self.person)
        #expect(selfApproval == "nobody can approve their own assessment")
        let outsiderApproval = try cli.fails("assess", "approve", id, "--as", Organisation.outsider)
        #expect(outsiderApproval == "only an evaluator of the person can approve")
        #expect(try cli.json(AssessmentView.self, "assess", "show", id).state == .submitted)

        try cli.ok("assess", "approve", id, "--as", Self.evaluator)
        let before = try cli.json(AssessmentView.self, "assess", "show", id)
        let editSelf = try cli.fails("assess", "rate", id, "--item", Self.differing, "--level", "4", "--as", Self.person)
        #expect(editSelf == "the assessment is approved and can no longer change")
        let editEvaluator = try cli.fails(
            "assess", "rate", id, "--item", Self.differing, "--level", "4", "--as", Self.evaluator, "--evaluator", "--reason", "x"
        )
        #expect(editEvaluator == "the assessment is approved and can no longer change")
        let reapprove = try cli.fails("assess", "approve", id, "--as", Self.evaluator)
        #expect(reapprove == "the assessment is approved and can no longer change")
        let returned = try cli.fails("assess", "return", id, "--as", Self.evaluator, "--comment", "again")
        #expect(returned == "the assessment is approved and can no longer change")
        #expect(try cli.json(AssessmentView.self, "assess", "show", id) == before)

        // Experience: nobody verifies their own record; only an evaluator of the person verifies; once.
        try cli.ok("experience", "add", Self.person, "--field", "Service Desk", "--role", "leader", "--from", "2021-04-01")
        let own = try cli.fails("experience", "verify", "1", "--as", Self.person)
        #expect(own == "\(Self.person) cannot verify their own experience record")
        let outsider = try cli.fails("experience", "verify", "1", "--as", Organisation.outsider)
        #expect(outsider == "\(Organisation.outsider) is not an evaluator of the record's person")
        #expect(try cli.json([ExperienceRecord].self, "experience", "list", Self.person).first?.isVerified == false)
        try cli.ok("experience", "verify", "1", "--as", Self.evaluator)
        let twice = try cli.fails("experience", "verify", "1", "--as", Self.evaluator)
        #expect(twice.contains("already verified"), "\(twice)")
        let unknownRecord = try cli.fails("experience", "verify", "7", "--as", Self.evaluator)
        #expect(unknownRecord == "experience record 7 does not exist")
        let backwards = try cli.fails(
            "experience", "add", Self.person, "--field", "Service Desk", "--role", "leader", "--from", "2021-04-01", "--to",
            "2020-01-01")
        #expect(backwards == "to: 2020-01-01 is before from (2021-04-01)")
    }

    @Test("--expect-version with a stale version is a conflict, and nothing changes")
    func staleVersion() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        try Organisation.create(cli)
        let (id, _) = try Self.start(cli)
        try cli.ok("assess", "rate", id, "--item", Self.differing, "--level", "3", "--as", Self.person, "--expect-version", "1")
        try cli.ok("assess", "rate", id, "--item", "Leadership", "--level", "4", "--as", Self.person, "--expect-version", "2")
        let before = try cli.json(AssessmentView.self, "assess", "show", id)
        #expect(before.version == 3)

        // Someone read version 2 and edits after the change above.
        let conflict = try cli.fails(
            "assess", "rate", id, "--item", Self.differing, "--level", "4", "--as", Self.person, "--expect-version", "2")
        #expect(conflict.contains("changed by someone else"), "\(conflict)")
        #expect(conflict.contains("version 3"), "\(conflict)")
        #expect(conflict.contains("nothing was written"), "\(conflict)")
        let after = try cli.json(AssessmentView.self, "assess", "show", id)
        #expect(after.version == before.version)
        #expect(after.ratings == before.ratings)
        #expect(after.ratings.first { $0.item == Self.differing }?.selfLevel == 3)

        let staleSubmit = try cli.fails("assess", "submit", id, "--as", Self.person, "--expect-version", "1")
        // Submitting an incomplete assessment is refused either way; the state stays draft.
        #expect(!staleSubmit.isEmpty)
        #expect(try cli.json(AssessmentView.self, "assess", "show", id).state == .draft)

        // The current version is accepted.
        try cli.ok("assess", "rate", id, "--item", Self.differing, "--level", "4", "--as", Self.person, "--expect-version", "3")
        #expect(try cli.json(AssessmentView.self, "assess", "show", id).version == 4)
    }

    @Test("return with a comment, the person edits and submits again, then approval")
    func returnAndResubmit() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        try Organisation.create(cli)
        let (id, items) = try Self.start(cli)
        try Self.rateAll(cli, id, items, level: { _ in 3 }, asEvaluator: false)
        try cli.ok("assess", "submit", id, "--as", Self.person)
        let noComment = try cli.fails("assess", "return", id, "--as", Self.evaluator, "--comment", "  ")
        #expect(noComment.contains("needs a comment"), "\(noComment)")
        try cli.ok("assess", "return", id, "--as", Self.evaluator, "--comment", "add evidence for Leadership")
        var view = try cli.json(AssessmentView.self, "assess", "show", id)
        #expect(view.state == .returned)
        #expect(view.returnComment == "add evidence for Leadership")
        try cli.ok(
            "assess", "rate", id, "--item", "Leadership", "--level", "3", "--as", Self.person, "--evidence",
            "led the 2025 rollout")
        try cli.ok("assess", "submit", id, "--as", Self.person)
        try Self.rateAll(cli, id, items, level: { _ in 3 }, asEvaluator: true)
        try cli.ok("assess", "approve", id, "--as", Self.evaluator)
        view = try cli.json(AssessmentView.self, "assess", "show", id)
        #expect(view.state == .approved)
        #expect(view.ratings.first { $0.item == "Leadership" }?.evidence == "led the 2025 rollout")
    }

    @Test("V2 Service desk: levels 1–2 come from \"Common to Level 1, 2\" and need no track record")
    func v2CommonLevels() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        try Organisation.create(cli)
        let person = Organisation.v2Person
        let field = try FieldItems.of("V2:Service desk", cli)
        #expect(field.items.count == 10)
        try cli.ok("assess", "start", person, "--field", "V2:Service desk", "--cycle", "2026H2")
        let started = try #require(try cli.json([AssessmentView].self, "assess", "list", person).first)
        #expect(started.field.field == "Service desk")
        #expect(started.field.standard.version == "V2 2006")
        #expect(started.ratings.map(\.item) == field.items.map(\.name))
        let id = String(started.id)
        // 2 where the item defines level 2 (the eight items the common section supplies), else 0.
        let levels = Dictionary(uniqueKeysWithValues: field.items.map { ($0.name, $0.definedLevels.contains(2) ? 2 : 0) })
        #expect(levels.values.filter { $0 == 2 }.count == 8)
        #expect(field.items.allSatisfy { $0.definedLevels.contains(1) == $0.definedLevels.contains(2) })
        for (item, level) in levels {
            try cli.ok("assess", "rate", id, "--item", item, "--level", String(level), "--as", person)
        }
        try cli.ok("assess", "submit", id, "--as", person)
        for (item, level) in levels {
            try cli.ok(
                "assess", "rate", id, "--item", item, "--level", String(level), "--as", Organisation.evaluator, "--evaluator")
        }
        let approved = try cli.ok("assess", "approve", id, "--as", Organisation.evaluator)
        #expect(approved.contains("level 2 (approved)"), "\(approved)")

        let level = try #require(try cli.json([PersonLevel].self, "level", person, "--field", "V2:Service desk").first)
        #expect(level.official.definedLevels == [1, 2, 3, 4, 5])
        #expect(level.official.attainedLevel == 2)
        #expect(level.official.nextLevel == 3)
        #expect(level.official.check(atLevel: 1)?.scale == nil)
        #expect(level.official.check(atLevel: 2)?.scale == nil)
        #expect(try cli.json([ExperienceRecord].self, "experience", "list", person).isEmpty)
        let text = try cli.ok("level", person)
        #expect(text.contains("Official: level 2 (approved)"), "\(text)")
        #expect(text.contains("Missing for level 3:"), "\(text)")
    }

    @Test("a correction of a verified record counts for the official level only once it is verified")
    func correction() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        try Organisation.create(cli)
        try Self.approvedAssessment(cli, serviceSupport: 4)
        try Self.verifiedMemberRecord(cli)
        var level = try #require(try cli.json([PersonLevel].self, "level", Self.person).first)
        #expect(level.official.attainedLevel == 3)
        #expect(level.provisional?.attainedLevel == 3)

        let corrected = try cli.ok(
            "experience", "correct", "1", Self.person, "--field", "Service Desk", "--role", "leader", "--from", "2020-04-01",
            "--staff", "12", "--contract", "1.5b")
        #expect(corrected.contains("version 2 of experience #1"), "\(corrected)")
        let record = try #require(try cli.json([ExperienceRecord].self, "experience", "list", Self.person).first)
        #expect(record.version == 2)
        #expect(record.role == .leader)
        #expect(record.measures[.annualContractYen] == 1_500_000_000)
        #expect(!record.isVerified)
        level = try #require(try cli.json([PersonLevel].self, "level", Self.person).first)
        // The verified version 1 (member) stays in force; the provisional level counts the correction.
        #expect(level.official.attainedLevel == 3)
        #expect(level.provisional?.attainedLevel == 4)

        try cli.ok("experience", "verify", "1", "--as", Self.evaluator)
        level = try #require(try cli.json([PersonLevel].self, "level", Self.person).first)
        #expect(level.official.attainedLevel == 4)
        #expect(level.official.nextLevel == nil)
        #expect(try cli.ok("level", Self.person).contains("Holds the field's top level (4)."))

        let otherPerson = try cli.fails(
            "experience", "correct", "1", Organisation.v2Person, "--field", "Service Desk", "--role", "leader", "--from",
            "2020-04-01")
        #expect(otherPerson == "experience record 1 belongs to another person")
    }

    @Test("level --as-of a date before the approval is lower than today's")
    func asOf() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        try Organisation.create(cli)
        try Self.approvedAssessment(cli)
        try Self.verifiedMemberRecord(cli)

        let today = try #require(try cli.json([PersonLevel].self, "level", Self.person).first)
        #expect(today.asOf == nil)
        #expect(today.official.attainedLevel == 3)
        let past = try #require(try cli.json([PersonLevel].self, "level", Self.person, "--as-of", "2000-01-01").first)
        #expect(past.asOf == Day("2000-01-01"))
        #expect(past.official.attainedLevel == nil)
        #expect(past.provisional == nil)
        let future = try #require(try cli.json([PersonLevel].self, "level", Self.person, "--as-of", "2999-12-31").first)
        #expect(future.official.attainedLevel == 3)

        let text = try cli.ok("level", Self.person, "--as-of", "2000-01-01")
        #expect(text.contains("as of 2000-01-01"), "\(text)")
        #expect(text.contains("Official: below level 3 (approved)"), "\(text)")
        #expect(!text.contains("Provisional"), "\(text)")
        let bad = try cli.run("level", Self.person, "--as-of", "2000-13-01")
        #expect(bad.status != 0)
    }

    @Test("under a profile: company items rated by name and marked in `assess show`; left-out items refused")
    func underProfile() throws {
        let cli = CLIRunner()
        defer { cli.cleanUp() }
        try Organisation.create(cli)
        let document = """
            {"name": "ACME Help Desk", "standard": {"name": "IT Service Management", "version": "V3 2008"},
             "fields": [{"field": "Service Desk",
                         "items": [{"item": "Staffing", "exclude": {"reason": "HR staffs desks"}}],
                         "company_items": [{"name": "Chat Support", "reason": "we run chat",
                                            "levels": [{"level": 3, "text": "Answers chats"}, {"level": 4, "text": "Leads"}]}]}]}
            """
        try cli.ok("profile", "import", try cli.writeFile("desk.json", Data(document.utf8)))
        let started = try cli.ok(
            "assess", "start", Self.person, "--field", "Service Desk", "--cycle", "2026H2", "--profile", "ACME Help Desk")
        #expect(started.contains("under profile \"ACME Help Desk\" version 1 (17 skill items)"), "\(started)")
        let view = try #require(try cli.json([AssessmentView].self, "assess", "list", Self.person).first)
        #expect(view.companyItems == ["Chat Support"] && !view.ratings.contains { $0.item == "Staffing" })
        #expect(try cli.fails("assess", "rate", String(view.id), "--item", "Staffing", "--level", "3", "--as", Self.person)
            .contains("skill item \"Staffing\""))
        try cli.ok("assess", "rate", String(view.id), "--item", "Chat", "--level", "3", "--as", Self.person)
        let shown = try cli.ok("assess", "show", String(view.id))
        #expect(shown.contains("Under profile \"ACME Help Desk\" version 1"), "\(shown)")
        #expect(shown.contains("Chat Support *"), "\(shown)")
        #expect(try cli.fails("assess", "start", Self.person, "--field", "Service Desk", "--cycle", "2027", "--profile", "Nope")
            .contains("Nope"))
    }
}
