import Foundation
import GRDB
import OrderDeskCore

/// Productivity (from the audit log) and commission (installs against targets) of a report.
enum ReportPeople {
    /// Everyone with work on orders, or escalations resolved, in `interval`, by login. A channel restricts the
    /// work to that channel's orders (an escalation by its order's channel); an owner shows only that person.
    static func productivity(_ db: Database, _ scope: ReportScope,
                             _ interval: (from: Int64, to: Int64)) throws -> [ProductivityRow] {
        // `report_work` holds one narrow row per audit row counted, with its order's channel: a range of the table
        // (by instant), of `report_work_by_actor` for one person, or of `report_work_by_channel` for one channel.
        var source = "report_work", conditions = ["at >= ?", "at < ?"]
        if scope.ownerID != nil {
            source += " INDEXED BY report_work_by_actor"
            conditions.insert("actor_id = ?", at: 0)
        } else if scope.channel != nil {
            source += " INDEXED BY report_work_by_channel"
        }
        if scope.channel != nil { conditions.insert("channel = ?", at: 0) }
        // One pass over the interval's entries, counted here: SQLite's GROUP BY and count(DISTINCT) sort every
        // entry (0.85 s for a month of a dense log, where reading the range takes 40 ms). Read through the raw
        // statement handle to keep the per-row cost of a month's half million entries low.
        // kind: 1 a state move, 2 a note, 3 an escalation resolved, 0 any other change to an order.
        struct Work {
            var orders = Set<Int64>(), transitions = 0, notes = 0, resolved = 0
            mutating func count(kind: Int64, order: Int64) {
                if kind == 3 { resolved += 1; return }
                orders.insert(order)
                if kind == 1 { transitions += 1 } else if kind == 2 { notes += 1 }
            }
        }
        var work: [Int64: Work] = [:]
        var statement = try RawStatement(db, sql: """
            SELECT actor_id, kind, order_id FROM \(source) WHERE \(conditions.joined(separator: " AND "))
            """)
        if let channel = scope.channel { statement.add(channel.rawValue) }
        if let owner = scope.ownerID { statement.add(owner) }
        statement.add(interval.from)
        statement.add(interval.to)
        try statement.forEachRow { row in
            let actor = row.int64(notNull: 0), kind = row.int64(notNull: 1), order = row.int64(notNull: 2)
            work[actor, default: Work()].count(kind: kind, order: order)
        }
        guard !work.isEmpty else { return [] }
        return try Row.fetchAll(db, sql: "SELECT id, login, name, role FROM users WHERE id IN (SELECT value FROM json_each(?)) ORDER BY login",
                                arguments: [CustomerTotalsSQL.jsonArray(work.keys.sorted())]).map { row in
            let w = work[row[0]]!
            return ProductivityRow(login: row[1], name: row[2], role: Role(rawValue: row[3]) ?? .viewer, ordersWorked: w.orders.count,
                                   transitions: w.transitions, notes: w.notes, escalationsResolved: w.resolved)
        }
    }

    /// The rate of each order type: the table's, the default for a type it lacks.
    static func rates(_ db: Database) throws -> [CommissionRate] {
        var stored: [OrderType: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT order_type, rate_bp FROM commission_rates") {
            if let type = OrderType(rawValue: row[0]) { stored[type] = row[1] }
        }
        return CommissionRate.defaults.map { rate in
            stored[rate.type].map { CommissionRate(type: rate.type, rate: Percentage(basisPoints: $0)) } ?? rate
        }
    }

    /// Account managers with a target in the period's months or installs in it (only the owner, when the
    /// report is one person's), by login; and their teams, by name (none for one person's report).
    static func commission(_ db: Database, _ scope: ReportScope,
                           _ period: ReportPeriod) throws -> (executives: [CommissionRow], teams: [CommissionRow]) {
        let rates = Dictionary(uniqueKeysWithValues: try rates(db).map { ($0.type, Int64($0.rate.basisPoints)) })
        let filter = scope.condition()
        // Per owner: installed MRR, and MRR × rate in basis points (rounded once, at the end).
        var installed: [Int64: (mrr: Int64, weighted: Int64)] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT owner_id, type, sum(mrr_cents) FROM orders INDEXED BY orders_report_install
            WHERE \(ReportFigures.installs)\(filter.sql) AND owner_id IS NOT NULL GROUP BY 1, 2
            """, arguments: [period.start.iso, period.end.iso] + filter.arguments) {
            let owner: Int64 = row[0], mrr: Int64 = row[2]
            let rate = OrderType(rawValue: row[1]).flatMap { rates[$0] } ?? 0
            installed[owner, default: (0, 0)].mrr += mrr
            installed[owner, default: (0, 0)].weighted += mrr * rate
        }
        let shares = targetShares(period)
        var targets: [Int64: Fraction] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT user_id, month, installed_mrr_cents FROM sales_targets WHERE month IN (\(shares.map { _ in "?" }.joined(separator: ", ")))
            """, arguments: StatementArguments(shares.map(\.month))) {
            guard let share = shares.first(where: { $0.month == row[1] as String }) else { continue }
            let cents: Int64 = row[2]
            targets[row[0], default: Fraction(0, 1)] = targets[row[0], default: Fraction(0, 1)]
                + Fraction(cents * share.days, share.daysInMonth)
        }
        var executives: [CommissionRow] = []
        var teams: [String: CommissionRow] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT u.id, u.login, u.name, t.name FROM users u LEFT JOIN teams t ON t.id = u.team_id
            WHERE u.role = 'account_manager' ORDER BY u.login
            """) {
            let id: Int64 = row[0]
            if let owner = scope.ownerID, owner != id { continue }
            guard installed[id] != nil || targets[id] != nil else { continue }
            let figures = installed[id] ?? (0, 0)
            let person = CommissionRow(login: row[1], name: row[2], team: row[3], installedMRR: Money(cents: figures.mrr),
                                       target: targets[id].map { Money(cents: $0.rounded) },
                                       commission: Money(cents: Fraction(figures.weighted, 10_000).rounded))
            executives.append(person)
            guard scope.ownerID == nil, let team = person.team else { continue }
            var sum = teams[team] ?? CommissionRow(login: nil, name: team, team: team, installedMRR: .zero, target: nil,
                                                   commission: .zero)
            sum.installedMRR = sum.installedMRR + person.installedMRR
            sum.commission = sum.commission + person.commission
            if let target = person.target { sum.target = (sum.target ?? .zero) + target }
            teams[team] = sum
        }
        return (executives, teams.values.sorted { $0.name < $1.name })
    }

    /// The months a period touches, with how many of its days fall in each (`2026-03`, 3 of 31).
    static func targetShares(_ period: ReportPeriod) -> [(month: String, days: Int64, daysInMonth: Int64)] {
        var shares: [(month: String, days: Int64, daysInMonth: Int64)] = []
        var day = period.start
        while day <= period.end {
            let (year, month, _) = day.components
            let key = String(day.iso.prefix(7))
            let monthEnd = Day(year: year, month: month, day: Day.daysIn(month: month, year: year))!
            let last = min(monthEnd, period.end)
            shares.append((key, Int64(last - day + 1), Int64(Day.daysIn(month: month, year: year))))
            day = last.adding(days: 1)
        }
        return shares
    }
}

/// An exact non-negative fraction of cents, rounded half away from zero at the end.
struct Fraction {
    var numerator: Int64
    var denominator: Int64

    init(_ numerator: Int64, _ denominator: Int64) { self.numerator = numerator; self.denominator = denominator }

    static func + (a: Fraction, b: Fraction) -> Fraction {
        if a.denominator == b.denominator { return Fraction(a.numerator + b.numerator, a.denominator) }
        var (x, y) = (a.denominator, b.denominator)
        while y != 0 { (x, y) = (y, x % y) }
        let denominator = a.denominator / x * b.denominator
        return Fraction(a.numerator * (denominator / a.denominator) + b.numerator * (denominator / b.denominator), denominator)
    }

    /// Half away from zero.
    var rounded: Int64 {
        let magnitude = (2 * abs(numerator) + denominator) / (2 * denominator)
        return numerator < 0 ? -magnitude : magnitude
    }
}
