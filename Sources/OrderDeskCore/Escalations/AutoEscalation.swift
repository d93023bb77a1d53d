/// A rule that turns a stuck order into an escalation.
public enum AutoEscalationRule: String, CaseIterable, Sendable, Codable, Hashable {
    /// Not done for more than N days (default 3).
    case notDone = "not_done"
    /// Scheduled, and the install date has passed.
    case installDateMissed = "install_date_missed"
    /// Held for more than N days (default 30).
    case held
    /// Pending (waiting on the customer) for more than N days (default 14).
    case pending

    /// The reason the escalation it raises carries.
    public var reason: EscalationReason {
        switch self {
        case .notDone: return .notDoneTooLong
        case .installDateMissed: return .installDateMissed
        case .held: return .heldTooLong
        case .pending: return .waitingOnCustomerTooLong
        }
    }

    /// The state an order must be in for the rule to look at it.
    public var state: OrderState {
        switch self {
        case .notDone: return .notDone
        case .installDateMissed: return .scheduled
        case .held: return .held
        case .pending: return .pending
        }
    }
}

/// The thresholds and severities of the automatic rules. Defaults: not done over 3 days (P2), the install
/// date passed while scheduled (P2), held over 30 days (P3), pending over 14 days (P3).
public struct AutoEscalationPolicy: Hashable, Sendable, Codable {
    public var notDoneDays = 3
    public var heldDays = 30
    public var pendingDays = 14
    public var severity: [AutoEscalationRule: EscalationSeverity] = [
        .notDone: .p2, .installDateMissed: .p2, .held: .p3, .pending: .p3,
    ]

    public init() {}

    public static let defaults = AutoEscalationPolicy()

    public func severity(of rule: AutoEscalationRule) -> EscalationSeverity { severity[rule] ?? .p3 }
}

/// What the rules need to know about an order.
public struct StuckOrderFacts: Hashable, Sendable {
    public var orderID: Int64
    public var state: OrderState
    /// When the order entered its current state (Unix seconds).
    public var stateSince: Int64
    public var installOn: Day?

    public init(orderID: Int64, state: OrderState, stateSince: Int64, installOn: Day?) {
        self.orderID = orderID; self.state = state; self.stateSince = stateSince; self.installOn = installOn
    }
}

/// An escalation a rule asks for. `cause` identifies the stuck episode: the same order stuck in the same
/// state since the same moment is one cause, so running the rules again never raises it twice; an order
/// that leaves the state and comes back later is a new cause.
public struct AutoEscalationFinding: Hashable, Sendable {
    public var orderID: Int64
    public var rule: AutoEscalationRule
    public var severity: EscalationSeverity
    /// `not_done@1764400000`
    public var cause: String
    /// What the escalation says: `not done for 4 days (over 3)`.
    public var note: String

    public init(orderID: Int64, rule: AutoEscalationRule, severity: EscalationSeverity, cause: String, note: String) {
        self.orderID = orderID; self.rule = rule; self.severity = severity; self.cause = cause; self.note = note
    }
}

public enum AutoEscalation {
    /// The rule that applies to an order at `now`, if any. "More than N days" means more than N × 24 hours
    /// in the state; a missed install date means the install day is before today (UTC).
    public static func finding(for order: StuckOrderFacts, now: Int64, policy: AutoEscalationPolicy = .defaults) -> AutoEscalationFinding? {
        let days = Double(now - order.stateSince) / 86_400
        func over(_ limit: Int, _ rule: AutoEscalationRule, _ what: String) -> AutoEscalationFinding? {
            guard now - order.stateSince > Int64(limit) * 86_400 else { return nil }
            let whole = Int(days)
            return AutoEscalationFinding(
                orderID: order.orderID, rule: rule, severity: policy.severity(of: rule),
                cause: "\(rule.rawValue)@\(order.stateSince)",
                note: "\(what) for \(whole) day\(whole == 1 ? "" : "s") (over \(limit))")
        }
        switch order.state {
        case .notDone: return over(policy.notDoneDays, .notDone, "not done")
        case .held: return over(policy.heldDays, .held, "held")
        case .pending: return over(policy.pendingDays, .pending, "pending")
        case .scheduled:
            guard let install = order.installOn, install < Day(unixSeconds: now) else { return nil }
            let late = Day(unixSeconds: now) - install
            return AutoEscalationFinding(
                orderID: order.orderID, rule: .installDateMissed, severity: policy.severity(of: .installDateMissed),
                cause: "install_date_missed@\(order.stateSince)@\(install.iso)",
                note: "scheduled for \(install.iso), \(late) day\(late == 1 ? "" : "s") ago, and not installed")
        default:
            return nil
        }
    }
}
