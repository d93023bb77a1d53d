import Foundation
import GRDB
@testable import OrderDeskStore
import OrderDeskCore
import Testing

/// `report_state_flow` (the backlog's summary) stays what a rebuild from the orders and the audit log gives,
/// through the migration's backfill and every write the store makes.
@Suite struct ReportsSummaryTests {
    static func snapshot(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT level || ' ' || bucket || ' ' || channel || ' ' || owner_id || ' ' || state || ' ' || n
            FROM report_state_flow WHERE n != 0 ORDER BY level, bucket, channel, owner_id, state
            """)
    }

    /// The summary as kept, then as rebuilt from scratch: they must be equal.
    static func expectRebuildChangesNothing(_ database: AppDatabase) throws {
        try database.writer.write { db in
            let kept = try snapshot(db)
            try AppDatabase.rebuildReportSummaries(db)
            let rebuilt = try snapshot(db)
            #expect(!kept.isEmpty)
            #expect(kept == rebuilt)
        }
    }

    @Test func theMigrationFillsTheSummaryFromExistingOrdersAndMoves() throws {
        let temp = try TempDatabase()
        let queue = try DatabaseQueue(path: temp.path)
        try Migrations.migrator.migrate(queue, upTo: "v6-status-view")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO users(id, login, name, role, created_at) VALUES (1, 'dana.ruiz', 'Dana Ruiz', 'account_manager', 0)")
            try db.execute(sql: "INSERT INTO customers(id, account_number, name, segment, channel) VALUES (1, '07830012345', 'Café Roma', 'SMB', 'direct')")
            for id in 1...40 {
                let created = Int64(1_780_000_000 + id * 5_000)
                let final = id % 3 == 0 ? "installed" : id % 3 == 1 ? "submitted" : "cancelled"
                try db.execute(sql: """
                    INSERT INTO orders(id, order_number, customer_id, customer_name, type, state, channel, owner_id, owner_login,
                      booked_on, state_since, updated_at, created_at)
                    VALUES (?, ?, 1, 'Café Roma', 'new', ?, ?, ?, ?, '2026-05-28', ?, ?, ?)
                    """, arguments: [id, zeroPadded(id, width: 8), final, id % 2 == 0 ? "smb" : "agent",
                                     id % 4 == 0 ? nil : 1, id % 4 == 0 ? nil : "dana.ruiz", created, created, created])
                // Orders written in their final state with the moves that led there (as the demo writes them).
                if id % 3 != 1 {
                    try db.execute(sql: """
                        INSERT INTO audit_log(at, actor_id, entity, entity_id, action, field, old_value, new_value)
                        VALUES (?, 1, 'order', ?, 'move', 'state', 'draft', 'submitted'),
                               (?, 1, 'order', ?, 'move', 'state', 'submitted', ?)
                        """, arguments: [created + 600, id, created + 601 + 86_400 * Int64(id % 5), id, final])
                }
            }
        }
        try Migrations.migrator.migrate(queue)
        try queue.read { db in
            let rows = try Self.snapshot(db)
            // Every level sums to today's counts.
            for level in 0...2 {
                let sums = try Row.fetchAll(db, sql: """
                    SELECT channel, owner_id, state, sum(n) FROM report_state_flow WHERE level = ? GROUP BY 1, 2, 3 HAVING sum(n) != 0 ORDER BY 1, 2, 3
                    """, arguments: [level]).map { "\($0[0] as String) \($0[1] as Int) \($0[2] as String) \($0[3] as Int)" }
                let counts = try Row.fetchAll(db, sql: "SELECT channel, owner_id, state, n FROM order_counts WHERE n != 0 ORDER BY 1, 2, 3")
                    .map { "\($0[0] as String) \($0[1] as Int) \($0[2] as String) \($0[3] as Int)" }
                #expect(sums == counts)
            }
            #expect(rows.count > 40)
        }
        try queue.close()
        try Self.expectRebuildChangesNothing(try AppDatabase.open(at: temp.path))
    }

    @Test func theStoresWritesKeepTheSummaryExact() throws {
        let (temp, db) = try makeDemo(orders: 1_500)
        _ = temp
        // The demo writes orders in their final state with their moves: the summary is rebuilt once at the end.
        try db.writer.write { try AppDatabase.rebuildReportSummaries($0) }
        let managers = try db.users().filter { $0.role == .accountManager }
        var now = testNow + 60
        let open = try db.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT id, state, version FROM orders WHERE state NOT IN ('draft', 'billed', 'cancelled', 'rejected') ORDER BY id LIMIT 60")
        }
        var moved = 0
        for (i, row) in open.enumerated() {
            let id: Int64 = row[0]
            var version: Int64 = row[2]
            let actor = managers[i % managers.count]
            if i % 4 == 0 {
                version = try db.apply(.take, toOrder: id, expectedVersion: version, actor: actor, now: now).version
            }
            if i % 5 == 0 {
                version = try db.apply(.addNote("called the customer"), toOrder: id, expectedVersion: version, actor: actor, now: now).version
            }
            let state = OrderState(rawValue: row[1])!
            for target in Workflow.allowedTargets(from: state) {
                let needs = Workflow.requirements(for: target)
                let input = TransitionInput(
                    reasonCode: needs.contains(.reasonCode) ? ReasonCode.codes(for: target).first?.code : nil,
                    installDate: needs.contains(.installDate) ? Day(unixSeconds: now).adding(days: 3) : nil,
                    billStartDate: needs.contains(.billStartDate) ? Day(unixSeconds: now) : nil, note: i % 3 == 0 ? "moved" : nil)
                if let row = try? db.apply(.move(to: target, input: input), toOrder: id, expectedVersion: version, actor: actor, now: now) {
                    moved += 1
                    version = row.version
                    break
                }
            }
            now += 97
        }
        #expect(moved > 30)
        // A new order, submitted; a channel change and a change of owner on an order with history.
        try db.submitNewAddOrder(actor: managers[0], now: now)
        try db.writer.write { db in
            let busy = try Int64.fetchOne(db, sql: """
                SELECT entity_id FROM audit_log WHERE entity = 'order' AND action = 'move' AND field = 'state'
                GROUP BY entity_id ORDER BY count(*) DESC LIMIT 1
                """)!
            try db.execute(sql: "UPDATE orders SET channel = CASE channel WHEN 'smb' THEN 'agent' ELSE 'smb' END WHERE id = ?", arguments: [busy])
            try db.execute(sql: "UPDATE orders SET owner_id = NULL, owner_login = NULL WHERE id = ?", arguments: [busy + 1])
        }
        try Self.expectRebuildChangesNothing(db)
        // And the backlog read from it equals the direct count, before and after the writes.
        try db.writer.read { db in
            for login in [nil, managers[0].login] as [String?] {
                let scope = try ReportScope(db, ReportQuery(period: .containing(Day(unixSeconds: testNow), kind: .daily),
                                                            ownerLogin: login))
                for instant in [testNow - 30 * 86_400, testNow - 6_300, testNow + 900, now + 900].map({ $0 - $0 % 900 }) {
                    #expect(try ReportBacklog.counts(db, scope, before: instant).filter { $0.value != 0 }
                            == ReportBacklog.direct(db, scope, before: instant))
                }
            }
        }
    }
}
