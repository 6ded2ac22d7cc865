import ITSSDomain
import ITSSStorage

/// An assessment: every item of the field with the self and evaluator ratings side by side.
struct APIAssessment: Encodable, Sendable {
    var id: String
    var employeeNumber: String
    var personName: String
    var field: APIFieldRef
    var cycle: String
    /// `draft`, `submitted`, `approved` or `returned`.
    var state: String
    /// Also the `ETag`.
    var version: Int
    var ratings: [Rating]
    var submittedAt: String?
    var decidedAt: String?
    /// The employee number of the evaluator who approved or returned it.
    var decidedBy: String?
    var returnComment: String?
    /// The tailoring profile version the assessment was made under; `null` for the standard as published.
    var profile: Profile?

    struct Profile: Encodable, Sendable {
        var id: String
        var name: String
        var version: Int
    }

    struct Rating: Encodable, Sendable {
        /// The id to rate it with (`PUT /assessments/{id}/ratings/{itemId}`); `null` for a company item, rated by
        /// name (`PUT /assessments/{id}/company-ratings/{item}`).
        var itemId: String?
        var item: String
        /// Whether the item is the company's own (from the profile), not an ITSS item.
        var companyItem: Bool
        var selfLevel: Int?
        var evaluatorLevel: Int?
        var note: String?
        var evidence: String?
        var evaluatorReason: String?
        /// Where a prefilled self rating came from (carried across editions by the crosswalk).
        var carriedFrom: String?
    }

    init(_ view: AssessmentView, field: CatalogFieldDetail?) {
        id = String(view.id)
        employeeNumber = view.employeeNumber
        personName = view.personName
        self.field = APIFieldRef(view.field, id: field?.id)
        cycle = view.cycle
        state = view.state.rawValue
        version = view.version
        ratings = view.ratings.map { rating in
            Rating(
                itemId: view.companyItems.contains(rating.item) ? nil : field?.itemIDs[rating.item].map(String.init) ?? "",
                item: rating.item, companyItem: view.companyItems.contains(rating.item), selfLevel: rating.selfLevel,
                evaluatorLevel: rating.evaluatorLevel, note: rating.note, evidence: rating.evidence,
                evaluatorReason: rating.evaluatorReason, carriedFrom: rating.carriedFrom)
        }
        submittedAt = view.submittedAt
        decidedAt = view.decidedAt
        decidedBy = view.decidedBy
        returnComment = view.returnComment
        profile = view.profile.map { Profile(id: String($0.id), name: $0.name, version: $0.version) }
    }
}

/// The latest version of an experience record.
struct APIExperience: Encodable, Sendable {
    /// The record's id (stable across corrections).
    var id: String
    var version: Int
    var employeeNumber: String
    var field: APIFieldRef
    /// `member`, `leader` or `responsible_person`.
    var role: String
    var from: String
    var to: String?
    var peakStaff: Int64?
    var annualContractYen: Int64?
    var installationSites: Int64?
    var annualInquiries: Int64?
    var customer: String?
    var description: String?
    var verified: Bool
    /// The verifying evaluator's employee number.
    var verifiedBy: String?
    var verifiedOn: String?

    init(_ record: ExperienceRecord, employeeNumber: String, fieldID: Int64?, verifierNumber: String?) {
        id = String(record.recordID)
        version = record.version
        self.employeeNumber = employeeNumber
        field = APIFieldRef(record.field, id: fieldID)
        role = APIText.role(record.role)
        from = record.from.description
        to = record.to?.description
        peakStaff = record.measures[.peakStaff]
        annualContractYen = record.measures[.annualContractYen]
        installationSites = record.measures[.installationSites]
        annualInquiries = record.measures[.annualInquiries]
        customer = record.customer
        description = record.description
        verified = record.isVerified
        verifiedBy = verifierNumber
        verifiedOn = record.verifiedOn?.description
    }
}

/// A development plan with its actions and progress.
struct APIPlan: Encodable, Sendable {
    var id: String
    var employeeNumber: String
    var field: APIFieldRef
    var targetLevel: Int
    /// Also the `ETag`.
    var version: Int
    var progressPercentage: Int
    var actions: [Action]
    var createdAt: String
    var createdBy: String

    struct Action: Encodable, Sendable {
        /// 1-based, as `PATCH` names it.
        var position: Int
        var kind: String
        var title: String
        var dueOn: String?
        var owner: String?
        var status: String
    }

    init(_ plan: PlanView, fieldID: Int64?) {
        id = String(plan.id)
        employeeNumber = plan.employeeNumber
        field = APIFieldRef(plan.field, id: fieldID)
        targetLevel = plan.targetLevel
        version = plan.version
        progressPercentage = plan.progressPercentage
        actions = plan.actions.enumerated().map { offset, action in
            Action(
                position: offset + 1, kind: APIText.planKind(action.kind), title: action.title,
                dueOn: action.dueOn?.description, owner: action.owner, status: APIText.planStatus(action.status))
        }
        createdAt = plan.createdAt
        createdBy = plan.createdBy
    }
}

/// One audit entry.
struct APIAuditEntry: Encodable, Sendable {
    var occurredAt: String
    var actor: String
    var actorRole: String?
    var action: String
    var subject: String
    var detail: String

    init(_ entry: AuditEntry) {
        occurredAt = entry.occurredAt
        actor = entry.actor
        actorRole = entry.actorRole?.rawValue
        action = entry.action
        subject = entry.subject
        detail = entry.detail
    }
}

/// An account as administrators manage it.
struct APIManagedAccount: Encodable, Sendable {
    var login: String
    var role: String
    var employeeNumber: String?
    var name: String?
    var active: Bool
    var hasPassword: Bool
    /// Also the `ETag`.
    var version: Int
    var createdAt: String

    init(_ account: Account) {
        login = account.login
        role = account.role.rawValue
        employeeNumber = account.employeeNumber
        name = account.personName
        active = account.active
        hasPassword = account.hasPassword
        version = account.version
        createdAt = account.createdAt
    }
}

/// An API token as listed; `secret` only in the answer that created it.
struct APITokenModel: Encodable, Sendable {
    var id: String
    var name: String
    var createdAt: String
    var revokedAt: String?
    var secret: String?

    init(_ token: APIToken, secret: String? = nil) {
        id = String(token.id)
        name = token.name
        createdAt = token.createdAt
        revokedAt = token.revokedAt
        self.secret = secret
    }
}

/// What an import wrote.
struct APIImportSummary: Encodable, Sendable {
    var rows: Int
    var created: Int
    var levelsComputed: Int

    init(_ summary: BulkImportSummary) {
        rows = summary.rows
        created = summary.created
        levelsComputed = summary.levelsComputed
    }
}

/// A refused import: a problem with every bad row (`application/problem+json`).
struct APIImportProblem: Encodable, Sendable {
    var type = "about:blank"
    var title: String
    var status: Int
    var detail: String
    /// The query parameter to blame when the refusal is about it rather than about rows.
    var field: String?
    var errors: [RowProblem]

    struct RowProblem: Encodable, Sendable {
        /// The file's line (1 is the header; 0 stands for a query parameter).
        var line: Int
        var field: String?
        var message: String
    }
}

/// A submitted assessment in an evaluator's queue.
struct APIReviewQueueEntry: Encodable, Sendable {
    var assessmentId: String
    var employeeNumber: String
    var name: String
    var field: APIFieldRef
    var cycle: String
    var submittedAt: String?

    init(_ entry: ReviewQueueEntry, fieldID: Int64?) {
        assessmentId = String(entry.assessmentID)
        employeeNumber = entry.employeeNumber
        name = entry.personName
        field = APIFieldRef(entry.field, id: fieldID)
        cycle = entry.cycle
        submittedAt = entry.submittedAt
    }
}
