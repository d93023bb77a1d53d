/// A contract as the contracts list shows it.
public struct ContractRow: Hashable, Sendable, Identifiable {
    public var id: Int64
    /// `CSA-000123`
    public var number: String
    public var customerID: Int64
    public var customerName: String
    public var kind: ContractKind
    public var status: ContractStatus
    public var termMonths: Int
    public var startOn: Day?
    public var endOn: Day?
    /// The total net MRR.
    public var mrr: Money
    public var ownerLogin: String?
    /// While pending: who must approve.
    public var requiredLevel: ApprovalLevel

    public init(id: Int64, number: String, customerID: Int64, customerName: String, kind: ContractKind, status: ContractStatus,
                termMonths: Int, startOn: Day?, endOn: Day?, mrr: Money, ownerLogin: String?, requiredLevel: ApprovalLevel) {
        self.id = id; self.number = number; self.customerID = customerID; self.customerName = customerName
        self.kind = kind; self.status = status; self.termMonths = termMonths; self.startOn = startOn; self.endOn = endOn
        self.mrr = mrr; self.ownerLogin = ownerLogin; self.requiredLevel = requiredLevel
    }

    /// Active and ending within 90 days (`ContractSummary.isDueForRenewal`).
    public func isDueForRenewal(today: Day) -> Bool {
        ContractSummary(id: id, number: number, kind: kind, status: status, termMonths: termMonths, startOn: startOn,
                        endOn: endOn, mrr: mrr).isDueForRenewal(today: today)
    }
}

/// What the contracts list shows: every condition set narrows it.
public struct ContractFilter: Hashable, Sendable {
    public var status: ContractStatus?
    public var kind: ContractKind?
    public var ownerLogin: String?
    /// Only contracts pending approval that the desk's user may approve (level high enough, not the submitter).
    public var awaitingMyApproval: Bool
    /// Only active contracts ending within 90 days.
    public var dueForRenewal: Bool

    public init(status: ContractStatus? = nil, kind: ContractKind? = nil, ownerLogin: String? = nil,
                awaitingMyApproval: Bool = false, dueForRenewal: Bool = false) {
        self.status = status; self.kind = kind; self.ownerLogin = ownerLogin
        self.awaitingMyApproval = awaitingMyApproval; self.dueForRenewal = dueForRenewal
    }

    public var isEmpty: Bool { self == ContractFilter() }

    /// `pending approval · renewal · owner dana.ruiz · awaiting my approval`
    public var summary: String {
        var parts: [String] = []
        if awaitingMyApproval { parts.append("awaiting my approval") }
        if dueForRenewal { parts.append("due for renewal") }
        if let status { parts.append(status.label) }
        if let kind { parts.append(kind.label) }
        if let ownerLogin { parts.append("owner " + ownerLogin) }
        return parts.joined(separator: " · ")
    }
}

/// Which page of the contracts list to read: newest first (by id, descending).
public enum ContractPageRequest: Hashable, Sendable {
    case first, last
    case after(ContractRow)
    /// Rows just before this one, returned in display order.
    case before(ContractRow)
}

/// A page of the contracts list in display order.
public struct ContractPage: Hashable, Sendable {
    public var rows: [ContractRow]
    public var hasMoreAfter: Bool
    public var hasMoreBefore: Bool

    public init(rows: [ContractRow], hasMoreAfter: Bool, hasMoreBefore: Bool) {
        self.rows = rows; self.hasMoreAfter = hasMoreAfter; self.hasMoreBefore = hasMoreBefore
    }
}

/// One step of a contract's history, from the audit log.
public struct ContractHistoryEntry: Hashable, Sendable {
    public var at: Int64
    public var actorLogin: String?
    /// `created`, `edited`, `submitted`, `approved`, `rejected`, …
    public var action: String
    /// What changed or the comment: `status draft → pending approval`, `"Too deep a discount."`.
    public var detail: String

    public init(at: Int64, actorLogin: String?, action: String, detail: String) {
        self.at = at; self.actorLogin = actorLogin; self.action = action; self.detail = detail
    }
}

/// The latest decision on a contract: an approval or a rejection, who made it and their comment.
public struct ContractDecision: Hashable, Sendable {
    public var approved: Bool
    public var byLogin: String
    public var at: Int64
    public var comment: String?

    public init(approved: Bool, byLogin: String, at: Int64, comment: String?) {
        self.approved = approved; self.byLogin = byLogin; self.at = at; self.comment = comment
    }
}

/// Everything the contract screen, the editor and the export show about one contract.
public struct ContractDetail: Hashable, Sendable {
    public var id: Int64
    public var number: String
    public var status: ContractStatus
    public var terms: ContractDraft
    public var customerName: String
    public var accountNumber: String
    /// The parent contract's number (a renewal or an addendum).
    public var parentNumber: String?
    /// The service location, as one line: `12 Main St, Bethpage, NY 11714`.
    public var locationAddress: String?
    public var ownerLogin: String?
    public var ownerName: String?
    /// When pending: who submitted it, when, and the route as it was when submitted.
    public var submittedByLogin: String?
    public var submittedBy: Int64?
    public var submittedAt: Int64?
    public var requiredLevel: ApprovalLevel
    public var lastDecision: ContractDecision?
    public var sentOn: Day?
    public var terminatedOn: Day?
    public var version: Int64
    public var updatedAt: Int64
    public var updatedByLogin: String?
    /// Newest first.
    public var history: [ContractHistoryEntry]
    /// The thresholds in force now (settings), for the figures and the live route.
    public var policy: ContractPolicy
    /// Whether the route asked for a comment when it was submitted (a negative NPV).
    public var needsComment: Bool

    public init(id: Int64, number: String, status: ContractStatus, terms: ContractDraft, customerName: String, accountNumber: String,
                parentNumber: String?, locationAddress: String?, ownerLogin: String?, ownerName: String?,
                submittedByLogin: String?, submittedBy: Int64?, submittedAt: Int64?, requiredLevel: ApprovalLevel,
                lastDecision: ContractDecision?, sentOn: Day?, terminatedOn: Day?, version: Int64, updatedAt: Int64,
                updatedByLogin: String?, history: [ContractHistoryEntry], policy: ContractPolicy, needsComment: Bool) {
        self.id = id; self.number = number; self.status = status; self.terms = terms; self.customerName = customerName
        self.accountNumber = accountNumber; self.parentNumber = parentNumber; self.locationAddress = locationAddress
        self.ownerLogin = ownerLogin; self.ownerName = ownerName; self.submittedByLogin = submittedByLogin
        self.submittedBy = submittedBy; self.submittedAt = submittedAt; self.requiredLevel = requiredLevel
        self.lastDecision = lastDecision; self.sentOn = sentOn; self.terminatedOn = terminatedOn; self.version = version
        self.updatedAt = updatedAt; self.updatedByLogin = updatedByLogin; self.history = history
        self.policy = policy; self.needsComment = needsComment
    }

    /// The figures and the route of the terms under the policy in force.
    public var assessment: (figures: ContractFigures, route: ApprovalRoute) { ApprovalRouting.assess(terms, policy: policy) }

    /// What the lifecycle checks.
    public var facts: ContractFacts {
        ContractFacts(number: number, status: status, submittedBy: submittedBy, requiredLevel: requiredLevel, startOn: terms.startOn)
    }
}

/// What the editor offers for a customer: its locations (with the serviceability estimate that becomes the
/// construction cost) and its contracts (parents for a renewal or an addendum).
public struct ContractContext: Hashable, Sendable {
    public struct Location: Hashable, Sendable {
        public var id: Int64
        public var address: String
        /// The near-net construction estimate, when one was made.
        public var constructionEstimate: Money?
        public init(id: Int64, address: String, constructionEstimate: Money?) {
            self.id = id; self.address = address; self.constructionEstimate = constructionEstimate
        }
    }

    public var customerID: Int64
    public var customerName: String
    public var locations: [Location]
    /// The customer's contracts that may be a parent: active, or expired (a renewal).
    public var parents: [ContractSummary]
    public var policy: ContractPolicy

    public init(customerID: Int64, customerName: String, locations: [Location], parents: [ContractSummary], policy: ContractPolicy) {
        self.customerID = customerID; self.customerName = customerName; self.locations = locations; self.parents = parents
        self.policy = policy
    }
}
