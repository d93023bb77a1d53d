/// The canonical order states of FORMATS.md.
public enum OrderState: String, CaseIterable, Sendable, Codable, Hashable {
    case draft, submitted, pending, held
    case inProgress = "in_progress"
    case scheduled
    case notDone = "not_done"
    case installed, billed, cancelled, rejected

    /// Words for people: `in progress`, `not done`.
    public var label: String { rawValue.replacingOccurrences(of: "_", with: " ") }

    /// A marker that tells the state apart without colour.
    public var symbol: Character {
        switch self {
        case .draft: return "·"
        case .submitted: return "○"
        case .pending: return "◇"
        case .held: return "‖"
        case .inProgress: return "◐"
        case .scheduled: return "◷"
        case .notDone: return "✗"
        case .installed: return "●"
        case .billed: return "$"
        case .cancelled: return "×"
        case .rejected: return "⊘"
        }
    }

    /// No transition leaves a final state.
    public var isFinal: Bool { Workflow.allowedTargets(from: self).isEmpty }

    /// Still being worked by the desk (not billed, cancelled or rejected).
    public var isOpen: Bool { !isFinal }

    /// Parses the raw name (`in_progress`) or the label (`in progress`).
    public init?(name: String) {
        let key = name.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: " ", with: "_")
        guard let state = OrderState(rawValue: key) else { return nil }
        self = state
    }
}

/// What kind of order this is.
public enum OrderType: String, CaseIterable, Sendable, Codable, Hashable {
    case new, move, add, change, disconnect, renewal

    /// Three letters for narrow columns.
    public var short: String {
        switch self {
        case .new: return "NEW"
        case .move: return "MOV"
        case .add: return "ADD"
        case .change: return "CHG"
        case .disconnect: return "DIS"
        case .renewal: return "RNW"
        }
    }
}

/// The sales channel that brought the order.
public enum Channel: String, CaseIterable, Sendable, Codable, Hashable {
    case direct, agent, carrier, referral, smb

    /// Three letters for narrow columns.
    public var short: String {
        switch self {
        case .direct: return "DIR"
        case .agent: return "AGT"
        case .carrier: return "CAR"
        case .referral: return "REF"
        case .smb: return "SMB"
        }
    }
}

/// What a user may do.
public enum Role: String, CaseIterable, Sendable, Codable, Hashable {
    case accountManager = "account_manager"
    case supervisor, admin, viewer
    /// Approves what a supervisor may not: deep discounts, prices under the floor, long paybacks, negative NPVs.
    case director

    /// Everyone but a viewer may change orders.
    public var canChangeOrders: Bool { self != .viewer }
    /// Only admins manage users.
    public var canManageUsers: Bool { self == .admin }
    /// Sales management sets the monthly targets and the commission rates: supervisors, directors and admins.
    public var canSetSalesTargets: Bool { self == .supervisor || self == .director || self == .admin }
    /// The contracts this role may approve: supervisors up to their level, directors all.
    public var approvalLevel: ApprovalLevel {
        switch self {
        case .supervisor: return .supervisor
        case .director: return .director
        case .accountManager, .admin, .viewer: return .none
        }
    }
}

/// A person who uses the desk, identified by their operating-system login.
public struct UserAccount: Hashable, Sendable, Codable {
    public var id: Int64
    public var login: String
    public var name: String
    public var role: Role

    public init(id: Int64, login: String, name: String, role: Role) {
        self.id = id; self.login = login; self.name = name; self.role = role
    }
}
