/// An escalation as the status view's list shows it (the notes are in `EscalationRecord`).
public struct EscalationRow: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var orderID: Int64
    public var orderNumber: String
    public var customerName: String
    /// The account manager who owns the order.
    public var orderOwnerLogin: String?
    public var reason: EscalationReason
    public var severity: EscalationSeverity
    public var status: EscalationStatus
    /// The supervisor (or director) who owns the escalation.
    public var ownerLogin: String?
    /// nil when the automatic rules raised it.
    public var raisedByLogin: String?
    public var raisedAt: Int64
    public var dueAt: Int64
    /// Changes with every step, note and reassignment: the status view highlights a row whose version moved.
    public var version: Int64

    public init(id: Int64, orderID: Int64, orderNumber: String, customerName: String, orderOwnerLogin: String?,
                reason: EscalationReason, severity: EscalationSeverity, status: EscalationStatus, ownerLogin: String?,
                raisedByLogin: String?, raisedAt: Int64, dueAt: Int64, version: Int64) {
        self.id = id; self.orderID = orderID; self.orderNumber = orderNumber; self.customerName = customerName
        self.orderOwnerLogin = orderOwnerLogin; self.reason = reason; self.severity = severity; self.status = status
        self.ownerLogin = ownerLogin; self.raisedByLogin = raisedByLogin; self.raisedAt = raisedAt; self.dueAt = dueAt
        self.version = version
    }

    /// Where it stands against its SLA at `now`; nil once resolved.
    public func slaState(at now: Int64) -> SLAState? { status.isActive ? SLAState.at(now, due: dueAt) : nil }

    /// Its place in the list at `asOf`: breached first, then by severity (P1 first), then oldest first.
    public func sortKey(asOf: Int64) -> EscalationSortKey {
        EscalationSortKey(breached: slaState(at: asOf) == .breached, severity: severity, raisedAt: raisedAt, id: id)
    }
}

/// The status view's order: breached escalations first, then by severity, then by age (oldest first),
/// then by id. A resolved escalation is never breached.
public struct EscalationSortKey: Hashable, Sendable, Comparable {
    public var breached: Bool
    public var severity: EscalationSeverity
    public var raisedAt: Int64
    public var id: Int64

    public init(breached: Bool, severity: EscalationSeverity, raisedAt: Int64, id: Int64) {
        self.breached = breached; self.severity = severity; self.raisedAt = raisedAt; self.id = id
    }

    public static func < (a: EscalationSortKey, b: EscalationSortKey) -> Bool {
        if a.breached != b.breached { return a.breached }
        if a.severity != b.severity { return a.severity < b.severity }
        if a.raisedAt != b.raisedAt { return a.raisedAt < b.raisedAt }
        return a.id < b.id
    }
}

/// Which statuses the list shows.
public enum EscalationStatusFilter: String, CaseIterable, Sendable, Hashable {
    /// Open or acknowledged (the default).
    case active
    case open, acknowledged, resolved

    public var label: String { self == .active ? "open or acknowledged" : rawValue }
}

/// What the status view's list shows.
public struct EscalationFilter: Hashable, Sendable {
    public var status: EscalationStatusFilter = .active
    public var severity: EscalationSeverity?
    /// The escalation's owner (a supervisor or a director).
    public var ownerLogin: String?
    public var reason: EscalationReason?
    /// Only escalations on orders this account manager owns or that they raised: an account manager's own
    /// escalations. Set by the desk for account managers and viewers, not by the filter dialog.
    public var involvingLogin: String?

    public init(status: EscalationStatusFilter = .active, severity: EscalationSeverity? = nil, ownerLogin: String? = nil,
                reason: EscalationReason? = nil, involvingLogin: String? = nil) {
        self.status = status; self.severity = severity; self.ownerLogin = ownerLogin; self.reason = reason
        self.involvingLogin = involvingLogin
    }

    /// No choice beyond the default status (`involvingLogin` aside).
    public var isDefault: Bool { status == .active && severity == nil && ownerLogin == nil && reason == nil }

    /// `P1 · owner ines.ortiz · billing dispute`, for the list's heading; empty when default.
    public var summary: String {
        var parts: [String] = []
        if status != .active { parts.append(status.label) }
        if let severity { parts.append(severity.label) }
        if let ownerLogin { parts.append("owner " + ownerLogin) }
        if let reason { parts.append(reason.label) }
        return parts.joined(separator: " · ")
    }
}

/// Which escalations to fetch, relative to rows already shown.
public enum EscalationPageRequest: Hashable, Sendable {
    case first, last
    /// The rows after this one in the list's order.
    case after(EscalationRow)
    /// The rows just before this one; returned in display order.
    case before(EscalationRow)
}

/// A page of the list, in display order.
public struct EscalationPage: Hashable, Sendable {
    public var rows: [EscalationRow]
    public var hasMoreAfter: Bool
    public var hasMoreBefore: Bool

    public init(rows: [EscalationRow], hasMoreAfter: Bool, hasMoreBefore: Bool) {
        self.rows = rows; self.hasMoreAfter = hasMoreAfter; self.hasMoreBefore = hasMoreBefore
    }
}
