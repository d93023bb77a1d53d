import Foundation
import GRDB
@testable import OrderDeskStore
import OrderDeskCore
import Testing

/// A seeded desk shaped like a few months of history around one period: orders in every channel, owner,
/// type and state, each with a chain of state moves, notes and resolved escalations, with moves placed on the
/// period's boundaries (its first second, its last second, one second after) in `timeZone`.
struct ReportFixture {
    let temp: TempDatabase
    let db: AppDatabase
    let period: ReportPeriod
    let timeZone: TimeZone
    /// Account managers, then the supervisor.
    let logins = ["ali.khan", "bea.lund", "dana.ruiz", "sue.park"]

    init(period: ReportPeriod, timeZone: TimeZone, seed: UInt64 = 7, orders: Int = 400) throws {
        self.period = period; self.timeZone = timeZone
        temp = try TempDatabase()
        db = try AppDatabase.open(at: temp.path, createIfMissing: true)
        let admin = try db.addUser(login: "grace.liu", name: "Grace Liu", role: .admin, actor: nil, now: testNow)
        var ids: [Int64] = []
        for (i, login) in logins.enumerated() {
            let name = login.split(separator: ".").map { $0.capitalized }.joined(separator: " ")
            ids.append(try db.addUser(login: login, name: name, role: i < 3 ? .accountManager : .supervisor,
                                      actor: admin, now: testNow).id)
        }
        let (customer, location) = try db.insertTestCustomer(name: "Café Roma LLC", account: "07830012345")
        let outer = period.previous.interval(in: timeZone).from - 20 * 86_400
        let current = period.interval(in: timeZone)
        let previous = period.previous.interval(in: timeZone)
        let boundaries = [current.from, current.to - 1, current.to, current.from - 1, previous.from, previous.to - 1]
        let end = current.to + 15 * 86_400
        var random = SeededRandom(seed: seed)
        let states = OrderState.allCases
        try db.writer.write { db in
            try db.execute(sql: "INSERT INTO teams(id, name) VALUES (1, 'East'), (2, 'West')")
            try db.execute(sql: "UPDATE users SET team_id = 1 WHERE login IN ('ali.khan', 'bea.lund')")
            try db.execute(sql: "UPDATE users SET team_id = 2 WHERE login = 'dana.ruiz'")
            for index in 0..<orders {
                let created = outer + Int64(random.int(0...Int(end - outer)))
                let owner: Int64? = random.chance(0.9) ? ids[random.int(0...2)] : nil
                let ownerLogin = owner.map { logins[ids.firstIndex(of: $0)!] }
                var state = random.chance(0.5) ? OrderState.draft : random.pick(states)
                let installDay = Day(unixSeconds: outer + Int64(random.int(0...Int(end - outer))))
                try db.execute(sql: """
                    INSERT INTO orders(order_number, customer_id, location_id, customer_name, type, state, channel, owner_id,
                      owner_login, mrr_cents, nrc_cents, booked_on, state_since, install_on, updated_at, created_at)
                    VALUES (?, ?, ?, 'Café Roma LLC', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [zeroPadded(10_000 + index, width: 8), customer, location,
                                     random.pick(OrderType.allCases).rawValue, state.rawValue,
                                     random.pick(Channel.allCases).rawValue, owner, ownerLogin, random.int(0...50_000),
                                     random.int(0...20_000), Day(unixSeconds: created + Int64(random.int(-1...1)) * 43_200).iso,
                                     created, random.chance(0.7) ? installDay.iso : nil, created, created])
                let id = db.lastInsertedRowID
                var at = created
                for _ in 0..<random.weighted([20, 30, 30, 20]) {
                    at = random.chance(0.25) ? max(at, random.pick(boundaries)) : at + Int64(random.int(0...Int(12 * 86_400)))
                    let target = random.pick(states.filter { $0 != state })
                    let actor = random.chance(0.8) ? (owner ?? ids[0]) : random.pick(ids)
                    try db.execute(sql: "UPDATE orders SET state = ?, state_since = ? WHERE id = ?",
                                   arguments: [target.rawValue, at, id])
                    try Audit.append(db, at: at, actorID: actor, entity: "order", entityID: id, action: "move",
                                     field: "state", old: state.rawValue, new: target.rawValue)
                    if random.chance(0.3) {
                        try Audit.append(db, at: at, actorID: actor, entity: "order", entityID: id, action: "move",
                                         field: "install_on", old: nil, new: installDay.iso)
                    }
                    state = target
                }
                if random.chance(0.3) {
                    let noteAt = random.chance(0.3) ? random.pick(boundaries) : created + Int64(random.int(0...Int(20 * 86_400)))
                    try AppDatabase.insertNote(db, orderID: id, authorID: random.pick(ids), text: "called", now: noteAt)
                }
                if random.chance(0.1) {
                    let raised = created + 3600
                    let resolvedAt = random.chance(0.3) ? random.pick(boundaries) : raised + Int64(random.int(0...Int(20 * 86_400)))
                    try db.execute(sql: """
                        INSERT INTO escalations(order_id, reason, severity, status, raised_at, due_at, resolved_by, resolved_at,
                          resolution, updated_at)
                        VALUES (?, 'other', 'p2', 'resolved', ?, ?, ?, ?, 'done', ?)
                        """, arguments: [id, raised, raised + 86_400, ids[3], resolvedAt, resolvedAt])
                    try Audit.append(db, at: resolvedAt, actorID: ids[3], entity: "escalation", entityID: db.lastInsertedRowID,
                                     action: "resolve", field: "status", old: "open", new: "resolved")
                }
                // Now and then the order changes hands or channel after its history (its history follows it).
                if random.chance(0.1) {
                    let newOwner = ids[random.int(0...2)]
                    try db.execute(sql: "UPDATE orders SET owner_id = ?, owner_login = ? WHERE id = ?",
                                   arguments: [newOwner, logins[ids.firstIndex(of: newOwner)!], id])
                }
                if random.chance(0.05) {
                    try db.execute(sql: "UPDATE orders SET channel = ? WHERE id = ?", arguments: [random.pick(Channel.allCases).rawValue, id])
                }
            }
            // Targets for the months around the period (none for bea.lund in the period's own month).
            var month = period.previous.start.adding(days: -40)
            while month <= period.end.adding(days: 40) {
                let key = String(month.iso.prefix(7))
                try db.execute(sql: "INSERT OR IGNORE INTO sales_targets(user_id, month, installed_mrr_cents) VALUES (?, ?, ?), (?, ?, ?)",
                               arguments: [ids[0], key, 1_000_000 + random.int(0...99_999), ids[2], key, 777_777])
                month = month.adding(days: 28)
            }
            try db.execute(sql: "UPDATE commission_rates SET rate_bp = 2500 WHERE order_type = 'change'")
        }
    }
}

/// The report's figures straight from the tables, one plain query per figure (no summary, no chosen index).
enum ReportOracle {
    static func figures(_ db: Database, channel: Channel, owner: Int64?, period: ReportPeriod,
                        timeZone: TimeZone) throws -> ChannelFigures {
        var f = ChannelFigures()
        let ownerSQL = owner == nil ? "" : " AND o.owner_id = \(owner!)"
        let booked = try Row.fetchOne(db, sql: """
            SELECT count(*), COALESCE(sum(mrr_cents), 0), COALESCE(sum(nrc_cents), 0) FROM orders o NOT INDEXED
            WHERE channel = ? AND state != 'draft' AND booked_on BETWEEN ? AND ?\(ownerSQL)
            """, arguments: [channel.rawValue, period.start.iso, period.end.iso])!
        f.bookedCount = booked[0]; f.bookedMRR = Money(cents: booked[1]); f.bookedNRC = Money(cents: booked[2])
        let installs = try Row.fetchOne(db, sql: """
            SELECT count(*), COALESCE(sum(mrr_cents), 0) FROM orders o NOT INDEXED
            WHERE channel = ? AND state IN ('installed', 'billed') AND install_on BETWEEN ? AND ?\(ownerSQL)
            """, arguments: [channel.rawValue, period.start.iso, period.end.iso])!
        f.installCount = installs[0]; f.installMRR = Money(cents: installs[1])
        let interval = period.interval(in: timeZone)
        for (state, keyPath) in [("not_done", \ChannelFigures.notDone), ("cancelled", \ChannelFigures.cancellations)] {
            f[keyPath: keyPath] = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM audit_log a NOT INDEXED JOIN orders o ON o.id = a.entity_id
                WHERE a.entity = 'order' AND a.action = 'move' AND a.field = 'state' AND a.new_value = ?
                  AND a.at >= ? AND a.at < ? AND o.channel = ?\(ownerSQL)
                """, arguments: [state, interval.from, interval.to, channel.rawValue])!
        }
        // The state at T, the period's last second: the last move at or before T, else the first one after it,
        // else the order's state now; orders created after T left out.
        let t = interval.to - 1
        let moves = "FROM audit_log m NOT INDEXED WHERE m.entity = 'order' AND m.entity_id = o.id AND m.action = 'move' AND m.field = 'state'"
        for row in try Row.fetchAll(db, sql: """
            SELECT s, count(*) FROM (SELECT COALESCE(
                (SELECT m.new_value \(moves) AND m.at <= ? ORDER BY m.at DESC, m.id DESC LIMIT 1),
                (SELECT m.old_value \(moves) AND m.at > ? ORDER BY m.at, m.id LIMIT 1), o.state) AS s
              FROM orders o WHERE o.created_at <= ? AND o.channel = ?\(ownerSQL)) GROUP BY s
            """, arguments: [t, t, t, channel.rawValue]) {
            let state = OrderState(rawValue: row[0])!
            if state.isOpen { f.backlog[state] = row[1] }
        }
        return f
    }

    static func productivity(_ db: Database, from: Int64, to: Int64, channel: Channel?, actor: Int64?) throws -> [ProductivityRow] {
        let channelSQL = channel == nil ? "" : """
             AND (SELECT channel FROM orders WHERE id = CASE a.entity WHEN 'order' THEN a.entity_id
                  ELSE (SELECT order_id FROM escalations WHERE id = a.entity_id) END) = '\(channel!.rawValue)'
            """
        let actorSQL = actor == nil ? "" : " AND a.actor_id = \(actor!)"
        return try Row.fetchAll(db, sql: """
            SELECT u.login, u.name, u.role,
              (SELECT count(DISTINCT a.entity_id) FROM audit_log a NOT INDEXED WHERE a.actor_id = u.id AND a.entity = 'order'
                 AND a.at >= :from AND a.at < :to\(channelSQL)),
              (SELECT count(*) FROM audit_log a NOT INDEXED WHERE a.actor_id = u.id AND a.entity = 'order' AND a.action = 'move'
                 AND a.field = 'state' AND a.at >= :from AND a.at < :to\(channelSQL)),
              (SELECT count(*) FROM audit_log a NOT INDEXED WHERE a.actor_id = u.id AND a.entity = 'order' AND a.action = 'note'
                 AND a.at >= :from AND a.at < :to\(channelSQL)),
              (SELECT count(*) FROM audit_log a NOT INDEXED WHERE a.actor_id = u.id AND a.entity = 'escalation'
                 AND a.action = 'resolve' AND a.at >= :from AND a.at < :to\(channelSQL)) AS resolved
            FROM users u WHERE EXISTS (SELECT 1 FROM audit_log a WHERE a.actor_id = u.id AND a.at >= :from AND a.at < :to
              AND (a.entity = 'order' OR (a.entity = 'escalation' AND a.action = 'resolve'))\(channelSQL)\(actorSQL))
            ORDER BY u.login
            """, arguments: ["from": from, "to": to]).map { row in
            ProductivityRow(login: row[0], name: row[1], role: Role(rawValue: row[2])!, ordersWorked: row[3],
                            transitions: row[4], notes: row[5], escalationsResolved: row[6])
        }
    }

    /// An account manager's installed MRR, commission and target: the target summed day by day (each day a
    /// 1/days-in-month share of its month's target), rounded half away from zero once.
    static func commission(_ db: Database, user: Int64, channel: Channel?, period: ReportPeriod)
        throws -> (mrr: Int64, commission: Int64, target: Int64?) {
        let channelSQL = channel == nil ? "" : " AND o.channel = '\(channel!.rawValue)'"
        let row = try Row.fetchOne(db, sql: """
            SELECT COALESCE(sum(o.mrr_cents), 0), COALESCE(sum(o.mrr_cents * r.rate_bp), 0)
            FROM orders o NOT INDEXED JOIN commission_rates r ON r.order_type = o.type
            WHERE o.owner_id = ? AND o.state IN ('installed', 'billed') AND o.install_on BETWEEN ? AND ?\(channelSQL)
            """, arguments: [user, period.start.iso, period.end.iso])!
        let weighted: Int64 = row[1]
        var numerator = 0.0, any = false
        var total = Fraction(0, 1)
        var day = period.start
        while day <= period.end {
            let (year, month, _) = day.components
            if let cents = try Int64.fetchOne(db, sql: "SELECT installed_mrr_cents FROM sales_targets WHERE user_id = ? AND month = ?",
                                              arguments: [user, String(day.iso.prefix(7))]) {
                any = true
                total = total + Fraction(cents, Int64(Day.daysIn(month: month, year: year)))
                numerator += Double(cents) / Double(Day.daysIn(month: month, year: year))
            }
            day = day.adding(days: 1)
        }
        #expect(abs(Double(total.rounded) - numerator) <= 0.5 + 1e-6)
        return (row[0], Fraction(weighted, 10_000).rounded, any ? total.rounded : nil)
    }
}

extension AppDatabase {
    /// Writes a new add order on the first location, as the desk does, and submits it five seconds later.
    @discardableResult
    func submitNewAddOrder(actor: UserAccount, now: Int64) throws -> Int64 {
        let location = try writer.read { try Row.fetchOne($0, sql: "SELECT id, customer_id FROM locations ORDER BY id LIMIT 1")! }
        let product = try priceBook(search: "").first!
        let draft = try createMACOrder(MACOrderDraft(type: .add, customerID: location[1], locationID: location[0],
                                                     lines: [DraftLine(product: product)]), actor: actor, now: now)
        _ = try apply(.move(to: .submitted, input: TransitionInput()), toOrder: draft.id, expectedVersion: draft.version,
                      actor: actor, now: now + 5)
        return draft.id
    }
}
