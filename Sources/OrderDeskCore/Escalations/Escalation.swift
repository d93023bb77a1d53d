/// Why an order was escalated.
public enum EscalationReason: String, CaseIterable, Sendable, Codable, Hashable {
    case installDateMissed = "install_date_missed"
    case notDoneTooLong = "not_done_too_long"
    case heldTooLong = "held_too_long"
    case waitingOnCustomerTooLong = "waiting_on_customer_too_long"
    case customerComplaint = "customer_complaint"
    case billingDispute = "billing_dispute"
    case constructionDelay = "construction_delay"
    case other

    /// `install date missed`
    public var label: String { rawValue.replacingOccurrences(of: "_", with: " ") }
}

/// How urgent an escalation is: P1 the most.
public enum EscalationSeverity: String, CaseIterable, Sendable, Codable, Hashable, Comparable {
    case p1, p2, p3

    public var label: String { rawValue.uppercased() }
    public static func < (a: EscalationSeverity, b: EscalationSeverity) -> Bool { a.rawValue < b.rawValue }
}

/// Where an escalation is: `open → acknowledged → resolved`, and a resolved one can be reopened.
public enum EscalationStatus: String, CaseIterable, Sendable, Codable, Hashable {
    case open, acknowledged, resolved

    public var label: String { rawValue }

    /// The statuses a supervisor can take an escalation to from this one.
    public var next: [EscalationStatus] {
        switch self {
        case .open: return [.acknowledged, .resolved]
        case .acknowledged: return [.resolved]
        case .resolved: return [.open]
        }
    }

    /// Open or acknowledged: it still counts against the SLA.
    public var isActive: Bool { self != .resolved }
}

/// How an escalation stands against its due time.
public enum SLAState: String, CaseIterable, Sendable, Hashable, Comparable {
    /// Past its due time.
    case breached
    /// Due within the hour.
    case dueSoon = "due_soon"
    case onTime = "on_time"

    public var label: String {
        switch self {
        case .breached: return "breached"
        case .dueSoon: return "due within an hour"
        case .onTime: return "on time"
        }
    }

    /// Breached first: the order the status view lists them in.
    public static func < (a: SLAState, b: SLAState) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// How an escalation due at `due` stands at `now` (Unix seconds).
    public static func at(_ now: Int64, due: Int64) -> SLAState {
        if now > due { return .breached }
        return due - now <= 3_600 ? .dueSoon : .onTime
    }
}
