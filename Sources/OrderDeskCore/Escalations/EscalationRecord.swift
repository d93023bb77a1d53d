/// A note in an escalation's thread.
public struct EscalationNote: Hashable, Sendable {
    public var at: Int64
    public var authorLogin: String?
    public var text: String

    public init(at: Int64, authorLogin: String?, text: String) { self.at = at; self.authorLogin = authorLogin; self.text = text }
}

/// An escalation with what the status view and the order's detail show about it.
public struct EscalationRecord: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var orderID: Int64
    public var orderNumber: String
    public var customerName: String
    public var reason: EscalationReason
    public var severity: EscalationSeverity
    public var status: EscalationStatus
    /// nil when the automatic rules raised it.
    public var raisedByLogin: String?
    public var raisedAt: Int64
    public var ownerLogin: String?
    public var dueAt: Int64
    public var acknowledgedAt: Int64?
    public var resolvedAt: Int64?
    public var resolution: String?
    /// The stuck episode of an automatic escalation.
    public var cause: String?
    public var version: Int64
    /// Oldest first.
    public var notes: [EscalationNote]

    public init(id: Int64, orderID: Int64, orderNumber: String, customerName: String, reason: EscalationReason,
                severity: EscalationSeverity, status: EscalationStatus, raisedByLogin: String?, raisedAt: Int64,
                ownerLogin: String?, dueAt: Int64, acknowledgedAt: Int64?, resolvedAt: Int64?, resolution: String?,
                cause: String?, version: Int64, notes: [EscalationNote]) {
        self.id = id; self.orderID = orderID; self.orderNumber = orderNumber; self.customerName = customerName
        self.reason = reason; self.severity = severity; self.status = status; self.raisedByLogin = raisedByLogin
        self.raisedAt = raisedAt; self.ownerLogin = ownerLogin; self.dueAt = dueAt; self.acknowledgedAt = acknowledgedAt
        self.resolvedAt = resolvedAt; self.resolution = resolution; self.cause = cause; self.version = version; self.notes = notes
    }

    /// Where it stands against its SLA at `now`; nil once resolved.
    public func slaState(at now: Int64) -> SLAState? { status.isActive ? SLAState.at(now, due: dueAt) : nil }

    /// `breached 2h 05m ago`, `due in 42m`, or `resolved 2026-11-20 14:02`.
    public func timing(at now: Int64) -> String {
        guard status.isActive else {
            return "resolved" + (resolvedAt.map { " " + Timestamp.display($0) } ?? "")
        }
        return SLAState.dueText(due: dueAt, now: now)
    }
}

extension SLAState {
    /// `breached 2h 05m ago` past the due time, `due in 42m` before it.
    public static func dueText(due: Int64, now: Int64) -> String {
        now > due ? "breached " + Timestamp.span(now - due) + " ago" : "due in " + Timestamp.span(due - now)
    }

    /// A marker that tells the state apart without colour: ✗ breached, ! due soon, ✓ on time.
    public var symbol: Character {
        switch self {
        case .breached: return "✗"
        case .dueSoon: return "!"
        case .onTime: return "✓"
        }
    }
}

/// What a supervisor does to an escalation.
public enum EscalationStep: Hashable, Sendable {
    case acknowledge
    /// The resolution note is required.
    case resolve(note: String)
    case reopen
    /// To another supervisor (or a director).
    case reassign(ownerLogin: String)
}

extension Role {
    /// Supervisors (and directors, above them) acknowledge, resolve, reopen and reassign escalations.
    public var handlesEscalations: Bool { self == .supervisor || self == .director }
}
