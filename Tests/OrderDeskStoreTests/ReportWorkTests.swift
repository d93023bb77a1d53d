import Foundation
import GRDB
@testable import OrderDeskStore
import OrderDeskCore
import Testing

/// `report_work` (productivity's summary) equals what a direct query over the audit log, the escalations and
/// the orders gives: after the demo's rebuild, the store's own writes, and a migration's backfill; and
/// productivity read from it matches the plain query on the period's edges, by channel and by person.
@Suite struct ReportWorkTests {
    /// The summary's rows, in key order.
    static func kept(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT at || ' ' || audit_id || ' ' || actor_id || ' ' || kind || ' ' || COALESCE(order_id, '-') || ' '
                   || COALESCE(channel, '-')
            FROM report_work ORDER BY at, audit_id
            """)
    }

    /// The same rows straight from the audit log: the counted rows, each with its order (an escalation's order)
    /// and that order's channel now.
    static func direct(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT a.at || ' ' || a.id || ' ' || a.actor_id || ' '
                   || (CASE WHEN a.entity = 'escalation' THEN 3 WHEN a.action = 'note' THEN 2
                            WHEN a.action = 'move' AND a.field = 'state' THEN 1 ELSE 0 END) || ' '
                   || COALESCE(CASE a.entity WHEN 'order' THEN a.entity_id
                               ELSE (SELECT order_id FROM escalations WHERE id = a.entity_id) END, '-') || ' '
                   || COALESCE((SELECT channel FROM orders WHERE id = CASE a.entity WHEN 'order' THEN a.entity_id
                               ELSE (SELECT order_id FROM escalations WHERE id = a.entity_id) END), '-')
            FROM audit_log a NOT INDEXED
            WHERE a.actor_id IS NOT NULL AND (a.entity = 'order' OR (a.entity = 'escalation' AND a.action = 'resolve'))
            ORDER BY a.at, a.id
            """)
    }

    static func expectExact(_ database: AppDatabase, _ comment: Comment) throws {
        try database.writer.read { db in
            let kept = try kept(db), direct = try direct(db)
            #expect(!kept.isEmpty, comment)
            #expect(kept.count == direct.count, comment)
            #expect(kept == direct, comment)
        }
    }

    @Test func theDemosRebuildAndTheStoresWritesKeepItExact() throws {
        let (temp, db) = try makeDemo(orders: 1_500)
        _ = temp
        try Self.expectExact(db, "after the demo's rebuild")
        let managers = try db.users().filter { $0.role == .accountManager }
        let supervisor = try db.users().first { $0.role == .supervisor }!
        var now = testNow + 60
        let open = try db.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT id, state, version FROM orders WHERE state NOT IN ('draft', 'billed', 'cancelled', 'rejected') ORDER BY id LIMIT 40")
        }
        var moved = 0
        for (i, row) in open.enumerated() {
            let id: Int64 = row[0]
            var version: Int64 = row[2]
            let actor = managers[i % managers.count]
            if i % 4 == 0 {  // another change to the order (kind 0)
                version = try db.apply(.take, toOrder: id, expectedVersion: version, actor: actor, now: now).version
            }
            if i % 5 == 0 {  // a note (kind 2)
                version = try db.apply(.addNote("called the customer"), toOrder: id, expectedVersion: version, actor: actor, now: now).version
            }
            for target in Workflow.allowedTargets(from: OrderState(rawValue: row[1])!) {  // a state move (kind 1)
                let needs = Workflow.requirements(for: target)
                let input = TransitionInput(
                    reasonCode: needs.contains(.reasonCode) ? ReasonCode.codes(for: target).first?.code : nil,
                    installDate: needs.contains(.installDate) ? Day(unixSeconds: now).adding(days: 3) : nil,
                    billStartDate: needs.contains(.billStartDate) ? Day(unixSeconds: now) : nil, note: nil)
                if let row = try? db.apply(.move(to: target, input: input), toOrder: id, expectedVersion: version, actor: actor, now: now) {
                    moved += 1
                    version = row.version
                    break
                }
            }
            if i % 7 == 0 {  // an escalation raised (not counted), then resolved (kind 3)
                let raised = try db.raiseEscalation(orderID: id, reason: .other, severity: .p2, note: "late", actor: actor, now: now)
                _ = try db.stepEscalation(id: raised.id, .resolve(note: "sorted"), expectedVersion: raised.version,
                                          actor: supervisor, now: now + 30)
            }
            now += 97
        }
        #expect(moved > 20)
        // A new order (its creation is counted, with the channel it was booked in).
        let newOrder = try db.submitNewAddOrder(actor: managers[0], now: now)
        try Self.expectExact(db, "after the store's writes")
        // An order's channel changing after its history (the store does not, the summary must follow anyway),
        // on an order with escalations too, and an order going.
        try db.writer.write { db in
            let busy = try Int64.fetchOne(db, sql: "SELECT order_id FROM escalations ORDER BY id LIMIT 1")!
            try db.execute(sql: "UPDATE orders SET channel = CASE channel WHEN 'smb' THEN 'agent' ELSE 'smb' END WHERE id = ?",
                           arguments: [busy])
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(sql: "DELETE FROM order_lines WHERE order_id = ?", arguments: [newOrder])
            try db.execute(sql: "DELETE FROM orders WHERE id = ?", arguments: [newOrder])
        }
        try Self.expectExact(db, "after a channel change and a deletion")
    }

    @Test func theMigrationFillsItFromAnExistingLog() throws {
        let temp = try TempDatabase()
        let queue = try DatabaseQueue(path: temp.path)
        try Migrations.migrator.migrate(queue, upTo: "v7-reports")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO users(id, login, name, role, created_at) VALUES (1, 'dana.ruiz', 'Dana Ruiz', 'account_manager', 0),
                  (2, 'sue.park', 'Sue Park', 'supervisor', 0)
                """)
            try db.execute(sql: "INSERT INTO customers(id, account_number, name, segment, channel) VALUES (1, '07830012345', 'Café Roma', 'SMB', 'direct')")
            for id in 1...30 {
                let created = Int64(1_780_000_000 + id * 5_000)
                try db.execute(sql: """
                    INSERT INTO orders(id, order_number, customer_id, customer_name, type, state, channel, owner_id, owner_login,
                      booked_on, state_since, updated_at, created_at)
                    VALUES (?, ?, 1, 'Café Roma', 'new', 'submitted', ?, 1, 'dana.ruiz', '2026-05-28', ?, ?, ?)
                    """, arguments: [id, zeroPadded(id, width: 8), Channel.allCases[id % 5].rawValue, created, created, created])
                try Audit.append(db, at: created, actorID: 1, entity: "order", entityID: Int64(id), action: "create",
                                 field: nil, old: nil, new: nil)
                try Audit.append(db, at: created + 60, actorID: 1, entity: "order", entityID: Int64(id), action: "move",
                                 field: "state", old: "draft", new: "submitted")
                try Audit.append(db, at: created + 61, actorID: id % 3 == 0 ? nil : 1, entity: "order", entityID: Int64(id),
                                 action: "note", field: nil, old: nil, new: "called")
                if id % 4 == 0 {
                    try db.execute(sql: """
                        INSERT INTO escalations(order_id, reason, severity, status, raised_at, due_at, resolved_by, resolved_at,
                          resolution, updated_at)
                        VALUES (?, 'other', 'p2', 'resolved', ?, ?, 2, ?, 'done', ?)
                        """, arguments: [id, created, created + 86_400, created + 600, created + 600])
                    let escalation = db.lastInsertedRowID
                    try Audit.append(db, at: created, actorID: 1, entity: "escalation", entityID: escalation, action: "raise",
                                     field: "status", old: nil, new: "open")
                    try Audit.append(db, at: created + 600, actorID: 2, entity: "escalation", entityID: escalation,
                                     action: "resolve", field: "status", old: "open", new: "resolved")
                }
            }
            // A row for an order that is not there (it counts for everyone, for no channel).
            try Audit.append(db, at: 1_780_000_001, actorID: 1, entity: "order", entityID: 999, action: "note",
                             field: nil, old: nil, new: "orphan")
        }
        try Migrations.migrator.migrate(queue)
        try queue.close()
        let db = try AppDatabase.open(at: temp.path)
        try Self.expectExact(db, "after the backfill")
        try db.writer.read { db in
            // Each order's creation and move, the notes by someone, the resolves (not the raises), the orphan.
            let rows = try Int.fetchOne(db, sql: "SELECT count(*) FROM report_work")!
            let noChannel = try Int.fetchOne(db, sql: "SELECT count(*) FROM report_work WHERE channel IS NULL")!
            #expect(rows == 30 * 2 + 20 + 7 + 1 && noChannel == 1)
        }
    }

    @Test func productivityByChannelAndPersonOnThePeriodsEdges() throws {
        // Monday 2026-11-23 to Sunday 2026-11-29 in New York (UTC−5).
        let zone = TimeZone(identifier: "America/New_York")!
        let period = ReportPeriod.containing(Day(iso: "2026-11-25")!, kind: .weekly)
        let (from, to) = period.interval(in: zone)
        let (temp, db, admin, manager, _) = try makeStaffed()
        _ = temp
        let other = try db.addUser(login: "bea.lund", name: "Bea Lund", role: .accountManager, actor: admin, now: testNow)
        let supervisor = try db.addUser(login: "sue.park", name: "Sue Park", role: .supervisor, actor: admin, now: testNow)
        let (customer, location) = try db.insertTestCustomer(name: "Café Roma LLC", account: "07830012345")
        var orders: [Int64] = []
        for (i, channel) in [Channel.smb, .agent, .smb, .direct].enumerated() {
            orders.append(try db.insertTestOrder(number: zeroPadded(i + 1, width: 8), customerID: customer, locationID: location,
                                                 state: .submitted, channel: channel, booked: "2026-11-23"))
        }
        try db.writer.write { db in
            for (i, at) in [from - 1, from, to - 1, to].enumerated() {
                for (j, order) in orders.enumerated() {
                    let actor = (i + j) % 2 == 0 ? manager.id : other.id
                    try Audit.append(db, at: at, actorID: actor, entity: "order", entityID: order, action: "move",
                                     field: "state", old: "submitted", new: "held")
                    try Audit.append(db, at: at, actorID: other.id, entity: "order", entityID: order, action: "note",
                                     field: nil, old: nil, new: "called")
                    if j == 2 {
                        try Audit.append(db, at: at, actorID: manager.id, entity: "order", entityID: order, action: "update",
                                         field: "mrr_cents", old: "1", new: "2")
                    }
                }
                try db.execute(sql: """
                    INSERT INTO escalations(order_id, reason, severity, status, raised_at, due_at, resolved_by, resolved_at,
                      resolution, updated_at)
                    VALUES (?, 'other', 'p2', 'resolved', ?, ?, ?, ?, 'done', ?)
                    """, arguments: [orders[i % 2], at - 600, at + 86_400, supervisor.id, at, at])
                try Audit.append(db, at: at, actorID: supervisor.id, entity: "escalation", entityID: db.lastInsertedRowID,
                                 action: "resolve", field: "status", old: "open", new: "resolved")
            }
        }
        try db.writer.read { db in
            let kept = try Self.kept(db), direct = try Self.direct(db)
            #expect(kept == direct)
        }
        var nonEmpty = 0
        for channel in [nil] + Channel.allCases as [Channel?] {
            for owner in [nil, manager, other, supervisor] as [UserAccount?] {
                let report = try db.salesReport(ReportQuery(period: period, channel: channel, ownerLogin: owner?.login),
                                                timeZone: zone, now: testNow)
                let expected = try db.writer.read { db in
                    try ReportOracle.productivity(db, from: from, to: to, channel: channel, actor: owner?.id)
                }
                #expect(report.productivity == expected, "\(channel?.rawValue ?? "every channel") \(owner?.login ?? "everyone")")
                if !expected.isEmpty { nonEmpty += 1 }
            }
        }
        #expect(nonEmpty >= 10)
        // By hand, smb (orders 1 and 3): only `from` and `to - 1` count. Bea moves both at `from`, Dana both at
        // `to - 1` (and changes order 3 each time); Bea notes both at each; the resolve at `to - 1` is order 1's.
        let smb = try db.salesReport(ReportQuery(period: period, channel: .smb), timeZone: zone, now: testNow).productivity
        let bea = smb.first { $0.login == "bea.lund" }!, dana = smb.first { $0.login == "dana.ruiz" }!
        #expect(bea.notes == 4 && bea.transitions == 2 && bea.ordersWorked == 2)
        #expect(dana.notes == 0 && dana.transitions == 2 && dana.ordersWorked == 2)
        #expect(smb.first { $0.login == "sue.park" }?.escalationsResolved == 1)
    }
}
