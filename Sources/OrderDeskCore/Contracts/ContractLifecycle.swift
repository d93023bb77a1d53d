/// What a person can do to a contract.
public enum ContractAction: String, CaseIterable, Sendable, Hashable {
    /// Change the terms (a draft only).
    case edit
    /// Send for approval (or straight to approved when no rule applies).
    case submit
    /// Take a contract that is pending, approved or sent back to draft.
    case withdraw
    case approve
    /// Return to draft with the approver's comment.
    case reject
    /// Mark as sent to the customer.
    case send
    /// Countersigned: service runs from the start date.
    case activate
    /// End an active contract early.
    case terminate
    /// Close an active contract whose term has ended.
    case expire

    /// `approve`, `mark sent`.
    public var label: String {
        switch self {
        case .send: return "mark sent"
        default: return rawValue
        }
    }
}

/// What the lifecycle needs to know about a contract to judge a step.
public struct ContractFacts: Hashable, Sendable {
    public var number: String
    public var status: ContractStatus
    /// Who submitted it for approval (when pending or later).
    public var submittedBy: Int64?
    /// The level its route asks for (when pending).
    public var requiredLevel: ApprovalLevel
    public var startOn: Day?

    public init(number: String, status: ContractStatus, submittedBy: Int64?, requiredLevel: ApprovalLevel, startOn: Day?) {
        self.number = number; self.status = status; self.submittedBy = submittedBy; self.requiredLevel = requiredLevel
        self.startOn = startOn
    }
}

/// The contract's lifecycle: `draft → pending_approval → approved → sent → active → expired/terminated`,
/// with `reject` and `withdraw` back to draft. The store checks every step here, below the UI.
public enum ContractLifecycle {
    /// The status `action` leads to from `status`; nil when it does not apply there.
    public static func target(of action: ContractAction, from status: ContractStatus) -> ContractStatus? {
        switch (action, status) {
        case (.edit, .draft): return .draft
        case (.submit, .draft): return .pendingApproval
        case (.withdraw, .pendingApproval), (.withdraw, .approved), (.withdraw, .sent): return .draft
        case (.approve, .pendingApproval): return .approved
        case (.reject, .pendingApproval): return .draft
        case (.send, .approved): return .sent
        case (.activate, .sent): return .active
        case (.terminate, .active): return .terminated
        case (.expire, .active): return .expired
        default: return nil
        }
    }

    /// The actions that apply to a contract in `status` (whoever does them).
    public static func actions(from status: ContractStatus) -> [ContractAction] {
        ContractAction.allCases.filter { target(of: $0, from: status) != nil }
    }

    /// Throws why `user` may not do `action` to the contract now: `OrderDeskError.forbidden` for the role,
    /// `.refused` for the contract's state, each saying what to do instead.
    public static func check(_ action: ContractAction, _ contract: ContractFacts, by user: UserAccount) throws {
        guard user.role.canChangeOrders else {
            throw OrderDeskError.forbidden(login: user.login, role: user.role, action: "\(action.label) contracts")
        }
        guard target(of: action, from: contract.status) != nil else {
            throw OrderDeskError.refused(stateRefusal(action, contract))
        }
        switch action {
        case .approve, .reject:
            guard user.role.approvalLevel != .none else {
                throw OrderDeskError.forbidden(login: user.login, role: user.role, action: "\(action.label) contracts")
            }
            if contract.submittedBy == user.id {
                throw OrderDeskError.refused(
                    "You submitted \(contract.number): someone else must \(action.label) it (the approver is never the submitter).")
            }
            if user.role.approvalLevel < contract.requiredLevel {
                throw OrderDeskError.refused(
                    "\(contract.number) needs \(contract.requiredLevel.phrase)'s approval; \(user.login) is a \(user.role.rawValue).")
            }
        case .terminate:
            guard user.role.approvalLevel != .none else {
                throw OrderDeskError.forbidden(login: user.login, role: user.role, action: "terminate contracts")
            }
        case .activate:
            if contract.startOn == nil {
                throw OrderDeskError.refused("\(contract.number) has no start date: give the day service starts to activate it.")
            }
        case .edit, .submit, .withdraw, .send, .expire:
            break
        }
    }

    /// Why `action` does not apply to the contract in its status, and what to do instead.
    static func stateRefusal(_ action: ContractAction, _ contract: ContractFacts) -> String {
        let number = contract.number, status = contract.status
        switch (action, status) {
        case (.edit, .active):
            return "\(number) is active, so it is read-only: make an addendum (A) to change it."
        case (.edit, .pendingApproval), (.edit, .approved), (.edit, .sent):
            return "\(number) is \(status.label): withdraw it (w) to edit it; it will need approval again."
        case (.edit, .expired), (.edit, .terminated):
            return "\(number) is \(status.label): it is closed. A renewal (R) or a win-back starts a new contract."
        default:
            let allowed = actions(from: status).filter { $0 != .edit && $0 != .expire }.map(\.label)
            let list = allowed.isEmpty ? "nothing: it is closed" : allowed.joined(separator: ", ")
            let phrase = status == .draft ? "a draft" : status.label
            return "\(number) is \(phrase): it cannot be \(pastTense(action)). What can be done now: \(list)."
        }
    }

    private static func pastTense(_ action: ContractAction) -> String {
        switch action {
        case .edit: return "edited"
        case .submit: return "submitted"
        case .withdraw: return "withdrawn"
        case .approve: return "approved"
        case .reject: return "rejected"
        case .send: return "marked sent"
        case .activate: return "activated"
        case .terminate: return "terminated"
        case .expire: return "expired"
        }
    }
}

/// A step of the lifecycle with what it needs: a comment, a start date, a termination's day and reason.
public enum ContractStep: Hashable, Sendable {
    case submit
    case withdraw
    /// A comment is required when the route has a negative NPV.
    case approve(comment: String?)
    /// The comment is required: it tells the submitter what to change.
    case reject(comment: String)
    case send
    /// `startOn` sets the start date when the contract has none (or changes it before activation).
    case activate(startOn: Day?)
    case terminate(on: Day, reason: String)

    public var action: ContractAction {
        switch self {
        case .submit: return .submit
        case .withdraw: return .withdraw
        case .approve: return .approve
        case .reject: return .reject
        case .send: return .send
        case .activate: return .activate
        case .terminate: return .terminate
        }
    }
}
