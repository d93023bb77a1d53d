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
    }

    public var kind: Kind {
        switch self {
        case .nearNetMaxFeet: return .feet
        case .constructionFixed, .constructionPerFoot, .nrcWaiverLimit: return .money
        case .npvAnnualRate, .earlyTerminationShare, .commissionRateNew, .commissionRateRenewal, .autoMinIRR,
             .discountAllowance12, .discountAllowance24, .discountAllowance36, .discountAllowance60: return .percent
        case .autoMaxPayback, .autoMinTerm, .supervisorMaxPayback: return .months
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
        }
    }

    /// The stored text when the settings table has no row.
    public var defaultValue: String {
        let rules = ServiceabilityRules.defaults
        let policy = ContractPolicy.defaults
        switch self {
        case .nearNetMaxFeet: return String(rules.nearNetMaxFeet)
        case .constructionFixed: return String(rules.constructionFixed.cents)
        case .constructionPerFoot: return String(rules.constructionPerFoot.cents)
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
        }
    }

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
        }
    }

    /// What a valid value looks like, for messages.
    public var expected: String {
        switch kind {
        case .money: return "an amount of dollars from 0 to 100,000,000 (e.g. 2500.00)"
        case .percent: return "a percentage from 0 to 1000 with at most two decimals (e.g. 12.5%)"
        case .feet: return "a whole number of feet from 0 to 100,000"
        case .months: return "a whole number of months from 0 to 600"
        }
    }

    /// The stored text as people read it: `200 ft`, `$2,500.00`, `12.5%`, `24 months`.
    public func display(_ stored: String) -> String {
        guard let n = Int64(stored) else { return stored }
        switch kind {
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
