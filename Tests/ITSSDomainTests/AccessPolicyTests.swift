import ITSSDomain
import Testing

@Suite("Access policy")
struct AccessPolicyTests {
    static let relations: [SubjectRelation] = [.organisation, .own, .evaluatee, .other]

    static func principal(_ role: AccessRole) -> Principal {
        Principal(origin: .account(login: "someone"), role: role, personID: 7, employeeNumber: "E7")
    }

    /// The whole role × action × relation table, written out independently of the implementation.
    static func expected(_ role: AccessRole, _ action: AuditAction, _ relation: SubjectRelation) -> Bool {
        if role == .administrator { return true }
        switch action {
        case .catalogImport, .catalogReplace, .demoGenerate, .accountCreate, .accountUpdate, .levelRecompute:
            return false
        // Tailoring profiles: administrators only (HR may read them).
        case .profileCreate, .profileSaveVersion, .profileArchive: return false
        case .accountPassword, .tokenCreate, .tokenRevoke: return relation == .own
        case .orgCreate, .personAdd, .evaluatorAssign, .importPeople, .importAssessments, .importExperience,
            .staffingCreate, .staffingUpdate, .staffingRemove:
            return role == .hr
        case .personAddField, .assessmentStart, .experienceAdd, .experienceCorrect, .planCreate, .planUpdate,
            .crosswalkCarry, .experienceLink:
            return role == .hr || [.own, .evaluatee].contains(relation)
        case .assessmentRateSelf, .assessmentSubmit: return relation == .own
        case .assessmentRateEvaluator, .assessmentApprove, .assessmentReturn, .experienceVerify:
            return relation == .evaluatee
        }
    }

    @Test("every role × action × relation is decided as the table says", arguments: AccessRole.allCases)
    func wholeMatrix(role: AccessRole) {
        for action in AuditAction.allCases {
            for relation in Self.relations {
                #expect(
                    AccessPolicy.permits(Self.principal(role), action, on: relation) == Self.expected(role, action, relation),
                    "\(role) \(action) \(relation)")
            }
        }
    }

    @Test("nobody but an administrator acts on someone they neither are nor evaluate")
    func othersAreOffLimits() {
        for role in AccessRole.allCases where role != .administrator && role != .hr {
            for action in AuditAction.allCases {
                #expect(!AccessPolicy.permits(Self.principal(role), action, on: .other), "\(role) \(action)")
            }
        }
    }

    @Test("a higher role is never refused what a lower role may do on the same subject")
    func monotonicInRole() {
        let ordered = AccessRole.allCases.sorted()
        for action in AuditAction.allCases {
            for relation in Self.relations {
                for (lower, higher) in zip(ordered, ordered.dropFirst()) {
                    if AccessPolicy.permits(Self.principal(lower), action, on: relation) {
                        #expect(
                            AccessPolicy.permits(Self.principal(higher), action, on: relation),
                            "\(higher) refused \(action) \(relation) that \(lower) may do")
                    }
                }
            }
        }
    }

    @Test("reading a person's data: everyone themselves, evaluators their evaluatees, HR and admins everyone")
    func readingMatrix() {
        for role in AccessRole.allCases {
            for relation in Self.relations {
                let expected: Bool
                switch (role, relation) {
                case (.administrator, _), (.hr, _): expected = true
                case (_, .own), (_, .organisation): expected = true
                case (.evaluator, .evaluatee): expected = true
                default: expected = false
                }
                #expect(AccessPolicy.permitsReading(Self.principal(role), on: relation) == expected, "\(role) \(relation)")
            }
        }
    }

    @Test("the refusal names the action and the role, nothing about the subject")
    func refusalMessage() {
        #expect(throws: AccessDenied.self) { try AccessPolicy.check(Self.principal(.employee), .personAdd, on: .organisation) }
        let denied = AccessDenied(action: .assessmentApprove, role: .employee)
        #expect(denied.description == "not allowed: employee may not perform assessment.approve here")
    }

    @Test("the operator's audit name carries the system user and the person acted for")
    func operatorAuditName() {
        #expect(Principal.operator(systemUser: "root").auditName == "operator root")
        #expect(Principal.operator(systemUser: "root", actingFor: 3, employeeNumber: "M001").auditName == "operator root for M001")
        #expect(Principal.operator(systemUser: "root").role == .administrator)
        #expect(Principal.system("built-in standards").auditName == "system (built-in standards)")
    }
}
