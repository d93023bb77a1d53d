import GRDB
import OrderDeskCore

/// A setting people may change, with its default and how its value is written.
public enum Setting: String, CaseIterable, Sendable {
    case nearNetMaxFeet = "serviceability.near_net_max_feet"
    case constructionFixed = "serviceability.construction_fixed_cents"
    case constructionPerFoot = "serviceability.construction_per_foot_cents"

    /// What it decides, for `orderdesk settings list`.
    public var summary: String {
        switch self {
        case .nearNetMaxFeet: return "farthest distance from plant, in feet, that is still near-net"
        case .constructionFixed: return "fixed part of a near-net construction estimate, in dollars"
        case .constructionPerFoot: return "cost of each foot of near-net construction, in dollars"
        }
    }

    /// The stored text when the settings table has no row.
    public var defaultValue: String {
        let rules = ServiceabilityRules.defaults
        switch self {
        case .nearNetMaxFeet: return String(rules.nearNetMaxFeet)
        case .constructionFixed: return String(rules.constructionFixed.cents)
        case .constructionPerFoot: return String(rules.constructionPerFoot.cents)
        }
    }

    var isMoney: Bool { self != .nearNetMaxFeet }

    /// The stored text for what a person typed (`250`, `2,500.00`, `$35`); nil when it is not a valid value.
    public func storedValue(typed text: String) -> String? {
        if isMoney {
            guard let money = Money(parsing: text), money.cents >= 0, money.cents <= 100_000_000_00 else { return nil }
            return String(money.cents)
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")
        guard let feet = Int(trimmed), (0...100_000).contains(feet) else { return nil }
        return String(feet)
    }

    /// What a valid value looks like, for messages.
    public var expected: String {
        isMoney ? "an amount of dollars from 0 to 100,000,000 (e.g. 2500.00)" : "a whole number of feet from 0 to 100,000"
    }

    /// The stored text as people read it: `200 ft`, `$2,500.00`.
    public func display(_ stored: String) -> String {
        guard let n = Int64(stored) else { return stored }
        return isMoney ? "$" + Money(cents: n).grouped : Money.groupedInteger(Int(n)) + " ft"
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
