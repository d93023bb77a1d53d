import Foundation
import GRDB
import OrderDeskCore

// Sales management's inputs to the commission figures: monthly targets and rates by order type.
// Only supervisors, directors and admins change them, and every change is in the audit log.
extension AppDatabase {
    /// The targets of one month (every month when nil), by month then login.
    public func salesTargets(month: TargetMonth?) throws -> [SalesTarget] {
        try writer.read { db in
            var sql = """
                SELECT u.login, u.name, t.name, s.month, s.installed_mrr_cents FROM sales_targets s
                JOIN users u ON u.id = s.user_id LEFT JOIN teams t ON t.id = u.team_id
                """
            var arguments = StatementArguments()
            if let month { sql += " WHERE s.month = ?"; arguments += [month.description] }
            sql += " ORDER BY s.month, u.login"
            return try Row.fetchAll(db, sql: sql, arguments: arguments).compactMap { row in
                guard let month = TargetMonth(parsing: row[3] as String) else { return nil }
                return SalesTarget(login: row[0], name: row[1], team: row[2], month: month, installedMRR: Money(cents: row[4]))
            }
        }
    }

    /// Sets an account executive's installed-MRR target for a month (zero is a target too; `nil` removes it).
    /// Supervisors, directors and admins only; audited as `sales_target` with the month and the old and new cents.
    public func setSalesTarget(login: String, month: TargetMonth, installedMRR: Money?, actor: UserAccount, now: Int64) throws {
        if let installedMRR, installedMRR.cents < 0 {
            throw OrderDeskError.invalidInput(field: "target", value: installedMRR.plain, expected: "an amount of zero or more")
        }
        try writer.write { db in
            let current = try Self.salesManager(db, actor, action: "set sales targets")
            guard let person = try Self.fetchUser(db, login: login) else { throw OrderDeskError.unknownUser(login: login) }
            let old = try Int64.fetchOne(db, sql: "SELECT installed_mrr_cents FROM sales_targets WHERE user_id = ? AND month = ?",
                                         arguments: [person.id, month.description])
            guard old != installedMRR?.cents else { return }
            if let installedMRR {
                try db.execute(sql: """
                    INSERT INTO sales_targets(user_id, month, installed_mrr_cents) VALUES (?, ?, ?)
                    ON CONFLICT(user_id, month) DO UPDATE SET installed_mrr_cents = excluded.installed_mrr_cents
                    """, arguments: [person.id, month.description, installedMRR.cents])
            } else {
                try db.execute(sql: "DELETE FROM sales_targets WHERE user_id = ? AND month = ?", arguments: [person.id, month.description])
            }
            try Audit.append(db, at: now, actorID: current.id, entity: "sales_target", entityID: person.id, action: "set",
                             field: month.description, old: old.map(String.init), new: installedMRR.map { String($0.cents) })
        }
    }

    /// Sets the commission rate of an order type. Supervisors, directors and admins only; audited as
    /// `commission_rate` with the type and the old and new basis points.
    public func setCommissionRate(_ type: OrderType, rate: Percentage, actor: UserAccount, now: Int64) throws {
        guard (0...100_000).contains(rate.basisPoints) else {
            throw OrderDeskError.invalidInput(field: "rate", value: rate.display, expected: CommissionRate.expectedRate)
        }
        try writer.write { db in
            let current = try Self.salesManager(db, actor, action: "set commission rates")
            let old = try ReportPeople.rates(db).first { $0.type == type }?.rate
            guard old != rate else { return }
            try db.execute(sql: """
                INSERT INTO commission_rates(order_type, rate_bp) VALUES (?, ?)
                ON CONFLICT(order_type) DO UPDATE SET rate_bp = excluded.rate_bp
                """, arguments: [type.rawValue, rate.basisPoints])
            try Audit.append(db, at: now, actorID: current.id, entity: "commission_rate", entityID: 0, action: "set",
                             field: type.rawValue, old: old.map { String($0.basisPoints) }, new: String(rate.basisPoints))
        }
    }

    /// The actor as stored now, refused unless their role may change targets and rates.
    private static func salesManager(_ db: Database, _ actor: UserAccount, action: String) throws -> UserAccount {
        guard let current = try fetchUser(db, id: actor.id) else { throw OrderDeskError.unknownUser(login: actor.login) }
        guard current.role.canSetSalesTargets else {
            throw OrderDeskError.forbidden(login: current.login, role: current.role, action: action)
        }
        return current
    }
}
