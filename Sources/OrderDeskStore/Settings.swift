import GRDB
import OrderDeskCore

/// A setting people may change, with its default and how its value is written.
public enum Setting: String, CaseIterable, Sendable {
    case nearNetMaxFeet = "serviceability.near_net_max_feet"
    case constructionFixed = "serviceability.construction_fixed_cents"
    case constructionPerFoot = "serviceability.construction_per_foot_cents"
    case npvAnnualRate = "contracts.npv_annual_rate_bp"
    case earlyTerminationShare = "contracts.early_termination_share_bp"
    case commissionRateNew = "contracts.commission_new_bp"
    case commissionRateRenewal = "contracts.commission_renewal_bp"
    case autoMaxPayback = "approval.auto.max_payback_months"
    case autoMinIRR = "approval.auto.min_irr_bp"
    case autoMinTerm = "approval.auto.min_term_months"
    case supervisorMaxPayback = "approval.supervisor.max_payback_months"
    case discountAllowance12 = "approval.discount_allowance_12_bp"
    case discountAllowance24 = "approval.discount_allowance_24_bp"
    case discountAllowance36 = "approval.discount_allowance_36_bp"
    case discountAllowance60 = "approval.discount_allowance_60_bp"
    case nrcWaiverLimit = "approval.nrc_waiver_limit_cents"
    case slaP1 = "escalation.sla_p1"
    case slaP2 = "escalation.sla_p2"
    case slaP3 = "escalation.sla_p3"
    case notDoneDays = "escalation.rule.not_done_days"
    case heldDays = "escalation.rule.held_days"
    case pendingDays = "escalation.rule.pending_days"
    case notDoneSeverity = "escalation.rule.not_done_severity"
    case installDateMissedSeverity = "escalation.rule.install_date_missed_severity"
    case heldSeverity = "escalation.rule.held_severity"
    case pendingSeverity = "escalation.rule.pending_severity"

    /// How a setting's value is typed, stored and shown.
    public enum Kind: Sendable {
        /// Whole feet.
        case feet
        /// Dollars, stored in cents.
        case money
        /// A percentage, stored in basis points.
        case percent
        /// Whole months.
        case months
        /// An SLA: clock hours or business days, stored as `4h` or `1bd` (`SLADuration.stored`).
        case sla
        /// Whole days.
        case days
        /// An escalation severity, stored as `p1`…`p3`.
        case severity
    }

    public var kind: Kind {
        switch self {
        case .nearNetMaxFeet: return .feet
        case .constructionFixed, .constructionPerFoot, .nrcWaiverLimit: return .money
        case .npvAnnualRate, .earlyTerminationShare, .commissionRateNew, .commissionRateRenewal, .autoMinIRR,
             .discountAllowance12, .discountAllowance24, .discountAllowance36, .discountAllowance60: return .percent
        case .autoMaxPayback, .autoMinTerm, .supervisorMaxPayback: return .months
        case .slaP1, .slaP2, .slaP3: return .sla
        case .notDoneDays, .heldDays, .pendingDays: return .days
        case .notDoneSeverity, .installDateMissedSeverity, .heldSeverity, .pendingSeverity: return .severity
        }
    }

    /// What it decides, for `orderdesk settings list`.
    public var summary: String {
        switch self {
        case .nearNetMaxFeet: return "farthest distance from plant, in feet, that is still near-net"
        case .constructionFixed: return "fixed part of a near-net construction estimate, in dollars"
        case .constructionPerFoot: return "cost of each foot of near-net construction, in dollars"
        case .npvAnnualRate: return "yearly discount rate of a contract's NPV"
        case .earlyTerminationShare: return "share of the remaining MRR an early termination charges"
        case .commissionRateNew: return "commission the editor proposes for new contracts and win-backs, of the MRR"
        case .commissionRateRenewal: return "commission the editor proposes for renewals and addenda, of the MRR"
        case .autoMaxPayback: return "no approval: longest payback, in months"
        case .autoMinIRR: return "no approval: lowest IRR"
        case .autoMinTerm: return "no approval: shortest term, in months"
        case .supervisorMaxPayback: return "a supervisor approves paybacks up to this many months; longer, a director"
        case .discountAllowance12: return "deepest discount a supervisor approves on a 12-month term; deeper, a director"
        case .discountAllowance24: return "deepest discount a supervisor approves on a 24-month term; deeper, a director"
        case .discountAllowance36: return "deepest discount a supervisor approves on a 36-month term; deeper, a director"
        case .discountAllowance60: return "deepest discount a supervisor approves on a 60-month term; deeper, a director"
        case .nrcWaiverLimit: return "NRC waived in one contract above this needs a supervisor, in dollars"
        case .slaP1: return "time a P1 escalation has before it is due (hours count nights and weekends)"
        case .slaP2: return "time a P2 escalation has before it is due (business days are Monday to Friday)"
        case .slaP3: return "time a P3 escalation has before it is due"
        case .notDoneDays: return "the rules escalate an order not done for more than this many days"
        case .heldDays: return "the rules escalate an order held for more than this many days"
        case .pendingDays: return "the rules escalate an order pending (waiting on the customer) for more than this many days"
        case .notDoneSeverity: return "severity of the escalation raised for an order not done too long"
        case .installDateMissedSeverity: return "severity of the escalation raised when a scheduled install date has passed"
        case .heldSeverity: return "severity of the escalation raised for an order held too long"
        case .pendingSeverity: return "severity of the escalation raised for an order pending too long"
        }
    }

    /// The stored text when the settings table has no row.
    public var defaultValue: String {
        let serviceability = ServiceabilityRules.defaults
        let policy = ContractPolicy.defaults
        let sla = SLAPolicy.defaults
        let rules = AutoEscalationPolicy.defaults
        switch self {
        case .nearNetMaxFeet: return String(serviceability.nearNetMaxFeet)
        case .constructionFixed: return String(serviceability.constructionFixed.cents)
        case .constructionPerFoot: return String(serviceability.constructionPerFoot.cents)
        case .npvAnnualRate: return String(policy.annualDiscountRate.basisPoints)
        case .earlyTerminationShare: return String(policy.earlyTerminationShare.basisPoints)
        case .commissionRateNew: return String(policy.commissionRateNew.basisPoints)
        case .commissionRateRenewal: return String(policy.commissionRateRenewal.basisPoints)
        case .autoMaxPayback: return String(policy.autoMaxPaybackMonths)
        case .autoMinIRR: return String(policy.autoMinIRR.basisPoints)
        case .autoMinTerm: return String(policy.autoMinTermMonths)
        case .supervisorMaxPayback: return String(policy.supervisorMaxPaybackMonths)
        case .discountAllowance12: return String(policy.allowance(termMonths: 12).basisPoints)
        case .discountAllowance24: return String(policy.allowance(termMonths: 24).basisPoints)
        case .discountAllowance36: return String(policy.allowance(termMonths: 36).basisPoints)
        case .discountAllowance60: return String(policy.allowance(termMonths: 60).basisPoints)
        case .nrcWaiverLimit: return String(policy.nrcWaiverLimit.cents)
        case .slaP1: return sla.p1.stored
        case .slaP2: return sla.p2.stored
        case .slaP3: return sla.p3.stored
        case .notDoneDays: return String(rules.notDoneDays)
        case .heldDays: return String(rules.heldDays)
        case .pendingDays: return String(rules.pendingDays)
        case .notDoneSeverity, .installDateMissedSeverity, .heldSeverity, .pendingSeverity:
            return rules.severity(of: autoEscalationRule!).rawValue
        }
    }

    /// The automatic rule whose severity this setting decides.
    var autoEscalationRule: AutoEscalationRule? {
        switch self {
        case .notDoneSeverity: return .notDone
        case .installDateMissedSeverity: return .installDateMissed
        case .heldSeverity: return .held
        case .pendingSeverity: return .pending
        default: return nil
        }
    }

    /// Longest SLAs a setting accepts.
    static let maxSLAHours = 720
    static let maxSLABusinessDays = 60

    /// The stored text for what a person typed (`250`, `2,500.00`, `$35`, `12.5%`); nil when it is not a valid value.
    public func storedValue(typed text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch kind {
        case .money:
            guard let money = Money(parsing: trimmed), money.cents >= 0, money.cents <= 100_000_000_00 else { return nil }
            return String(money.cents)
        case .percent:
            guard let percent = Percentage(parsing: trimmed), (0...100_000).contains(percent.basisPoints) else { return nil }
            return String(percent.basisPoints)
        case .feet:
            guard let feet = Int(trimmed.replacingOccurrences(of: ",", with: "")), (0...100_000).contains(feet) else { return nil }
            return String(feet)
        case .months:
            guard let months = Int(trimmed), (0...600).contains(months) else { return nil }
            return String(months)
        case .sla:
            guard let duration = SLADuration(parsing: trimmed) else { return nil }
            switch duration {
            case .hours(let n) where n <= Self.maxSLAHours: return duration.stored
            case .businessDays(let n) where n <= Self.maxSLABusinessDays: return duration.stored
            default: return nil
            }
        case .days:
            let number = trimmed.lowercased().replacingOccurrences(of: "days", with: "").replacingOccurrences(of: "day", with: "")
            guard let days = Int(number.trimmingCharacters(in: .whitespaces)), (1...365).contains(days) else { return nil }
            return String(days)
        case .severity:
            return EscalationSeverity(parsing: trimmed)?.rawValue
        }
    }

    /// What a valid value looks like, for messages.
    public var expected: String {
        switch kind {
        case .money: return "an amount of dollars from 0 to 100,000,000 (e.g. 2500.00)"
        case .percent: return "a percentage from 0 to 1000 with at most two decimals (e.g. 12.5%)"
        case .feet: return "a whole number of feet from 0 to 100,000"
        case .months: return "a whole number of months from 0 to 600"
        case .sla: return "a duration in hours or business days, such as 4h, 4 hours, 1bd or 1 business day (1 to 720 hours, 1 to 60 business days)"
        case .days: return "a whole number of days from 1 to 365"
        case .severity: return "a severity: P1, P2 or P3"
        }
    }

    /// The stored text as people read it: `200 ft`, `$2,500.00`, `12.5%`, `24 months`, `4 hours`,
    /// `1 business day`, `3 days`, `P2`.
    public func display(_ stored: String) -> String {
        switch kind {
        case .sla: return SLADuration(parsing: stored)?.label ?? stored
        case .severity: return EscalationSeverity(parsing: stored)?.label ?? stored
        default: break
        }
        guard let n = Int64(stored) else { return stored }
        switch kind {
        case .sla, .severity: return stored
        case .days: return n == 1 ? "1 day" : "\(n) days"
        case .money: return "$" + Money(cents: n).grouped
        case .percent: return Percentage(basisPoints: Int(n)).display
        case .feet: return Money.groupedInteger(Int(n)) + " ft"
        case .months: return "\(n) months"
        }
    }
}

extension AppDatabase {
    /// Every setting with its stored value (the default when none is stored) and whether it is the default.
    public func settings() throws -> [(setting: Setting, value: String, isDefault: Bool)] {
        try writer.read { db in
            try Setting.allCases.map { setting in
                let stored = try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = ?", arguments: [setting.rawValue])
                return (setting, stored ?? setting.defaultValue, stored == nil)
            }
        }
    }

    /// Changes a setting (admins only, audited). `typed` as a person writes it; see `Setting.storedValue`.
    public func setSetting(_ setting: Setting, typed: String, actor: UserAccount, now: Int64) throws {
        guard let value = setting.storedValue(typed: typed) else {
            throw OrderDeskError.invalidInput(field: setting.rawValue, value: typed, expected: setting.expected)
        }
        try writer.write { db in
            guard let current = try Self.fetchUser(db, id: actor.id) else { throw OrderDeskError.unknownUser(login: actor.login) }
            guard current.role.canManageUsers else {
                throw OrderDeskError.forbidden(login: current.login, role: current.role, action: "change settings")
            }
            let old = try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = ?", arguments: [setting.rawValue])
            guard old != value else { return }
            try db.execute(sql: "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           arguments: [setting.rawValue, value])
            try Audit.append(db, at: now, actorID: current.id, entity: "setting", entityID: 0, action: "set",
                             field: setting.rawValue, old: old ?? setting.defaultValue, new: value)
        }
    }
}

extension AppDatabase {
    /// The ROI and approval thresholds, from settings (defaults where none is stored).
    public func contractPolicy() throws -> ContractPolicy {
        try writer.read { db in try Self.contractPolicy(db) }
    }

    /// The ROI and approval thresholds inside a transaction. A stored value that is not valid throws
    /// `StoreError.invalidSetting` naming the key (an admin fixes it with `orderdesk settings set`).
    static func contractPolicy(_ db: Database) throws -> ContractPolicy {
        var stored: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT key, value FROM settings WHERE key LIKE 'contracts.%' OR key LIKE 'approval.%'") {
            stored[row["key"]] = row["value"]
        }
        func value(_ setting: Setting) throws -> Int {
            let text = stored[setting.rawValue] ?? setting.defaultValue
            guard let n = Int(text), n >= 0 else {
                throw StoreError.invalidSetting(key: setting.rawValue, value: text, expected: setting.expected)
            }
            return n
        }
        var policy = ContractPolicy()
        policy.annualDiscountRate = Percentage(basisPoints: try value(.npvAnnualRate))
        policy.earlyTerminationShare = Percentage(basisPoints: try value(.earlyTerminationShare))
        policy.commissionRateNew = Percentage(basisPoints: try value(.commissionRateNew))
        policy.commissionRateRenewal = Percentage(basisPoints: try value(.commissionRateRenewal))
        policy.autoMaxPaybackMonths = try value(.autoMaxPayback)
        policy.autoMinIRR = Percentage(basisPoints: try value(.autoMinIRR))
        policy.autoMinTermMonths = try value(.autoMinTerm)
        policy.supervisorMaxPaybackMonths = try value(.supervisorMaxPayback)
        policy.discountAllowance = [
            12: Percentage(basisPoints: try value(.discountAllowance12)),
            24: Percentage(basisPoints: try value(.discountAllowance24)),
            36: Percentage(basisPoints: try value(.discountAllowance36)),
            60: Percentage(basisPoints: try value(.discountAllowance60)),
        ]
        policy.nrcWaiverLimit = Money(cents: Int64(try value(.nrcWaiverLimit)))
        return policy
    }
}

extension AppDatabase {
    /// The stored text of every setting under `prefix` (`escalation.`), by key.
    static func storedSettings(_ db: Database, prefix: String) throws -> [String: String] {
        var stored: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT key, value FROM settings WHERE key >= ? AND key < ?",
                                    arguments: [prefix, prefix + "\u{10FFFF}"]) {
            stored[row["key"]] = row["value"]
        }
        return stored
    }

    /// A setting's valid value read with `read`, or `StoreError.invalidSetting` naming the key.
    static func settingValue<T>(_ setting: Setting, in stored: [String: String], _ read: (String) -> T?) throws -> T {
        let text = stored[setting.rawValue] ?? setting.defaultValue
        guard let value = setting.storedValue(typed: text).flatMap(read) else {
            throw StoreError.invalidSetting(key: setting.rawValue, value: text, expected: setting.expected)
        }
        return value
    }

    /// The SLA of each severity inside a transaction (defaults where none is stored).
    static func slaPolicy(_ db: Database) throws -> SLAPolicy {
        let stored = try storedSettings(db, prefix: "escalation.")
        return SLAPolicy(p1: try settingValue(.slaP1, in: stored, SLADuration.init(parsing:)),
                         p2: try settingValue(.slaP2, in: stored, SLADuration.init(parsing:)),
                         p3: try settingValue(.slaP3, in: stored, SLADuration.init(parsing:)))
    }

    /// The automatic rules' thresholds and severities inside a transaction (defaults where none is stored).
    static func autoEscalationPolicy(_ db: Database) throws -> AutoEscalationPolicy {
        let stored = try storedSettings(db, prefix: "escalation.")
        var policy = AutoEscalationPolicy()
        policy.notDoneDays = try settingValue(.notDoneDays, in: stored) { Int($0) }
        policy.heldDays = try settingValue(.heldDays, in: stored) { Int($0) }
        policy.pendingDays = try settingValue(.pendingDays, in: stored) { Int($0) }
        for setting in Setting.allCases {
            guard let rule = setting.autoEscalationRule else { continue }
            policy.severity[rule] = try settingValue(setting, in: stored, EscalationSeverity.init(parsing:))
        }
        return policy
    }
}
