import Foundation
import GRDB
@testable import OrderDeskStore
import OrderDeskCore
import Testing

/// v4-contracts rebuilds `users` to admit directors: a database of v3 with users referenced from
/// everywhere keeps every user and every reference.
@Suite struct ContractMigrationTests {
    @Test func aV3DatabaseKeepsItsUsersAndReferencesAndAcceptsADirector() throws {
        let temp = try TempDatabase()
        let queue = try DatabaseQueue(path: temp.path, configuration: AppDatabase.configuration())
        try Migrations.migrator.migrate(queue, upTo: "v3-customers")
        let users = [(7, "grace.liu", "Grace Liu", "admin"), (9, "dana.ruiz", "Dana Ruiz", "account_manager"),
                     (12, "renee.dubois", "Renée Dubois", "supervisor"), (13, "sam.patel", "Sam Patel", "viewer")]
        try queue.write { d in
            for (id, login, name, role) in users {
                try d.execute(sql: "INSERT INTO users(id, login, name, role, created_at) VALUES (?, ?, ?, ?, ?)",
                              arguments: [id, login, name, role, 1_700_000_000 + id])
            }
            try d.execute(sql: "INSERT INTO customers(id, account_number, name, segment, channel, owner_id, updated_by) VALUES (1, '07830012345', 'Café Roma LLC', 'Small Business', 'direct', 9, 12)")
            try d.execute(sql: "INSERT INTO locations(id, customer_id, street, city, state_code, zip, checked_by) VALUES (1, 1, '12 Main St', 'Bethpage', 'NY', '11714', 9)")
            try d.execute(sql: """
                INSERT INTO orders(id, order_number, customer_id, location_id, customer_name, type, state, channel, owner_id, owner_login,
                  booked_on, state_since, updated_by, updated_at, created_at)
                VALUES (1, '00100001', 1, 1, 'Café Roma LLC', 'new', 'draft', 'direct', 9, 'dana.ruiz', '2026-05-01', 1, 12, 1, 1)
                """)
            try d.execute(sql: "INSERT INTO order_notes(order_id, author_id, at, text) VALUES (1, 9, 1, 'Call first.')")
            try d.execute(sql: "INSERT INTO audit_log(at, actor_id, entity, entity_id, action) VALUES (1, 9, 'order', 1, 'create')")
            try d.execute(sql: """
                INSERT INTO contracts(id, number, customer_id, kind, status, term_months, start_on, end_on, mrr_cents, owner_id, created_at, updated_by, updated_at)
                VALUES (3, 'CSA-000003', 1, 'new', 'active', 36, '2025-01-01', '2027-12-31', 25000, 9, 1, 12, 1)
                """)
        }
        try queue.close()

        let db = try AppDatabase.open(at: temp.path)
        try db.writer.read { d in
            #expect(try Migrations.migrator.appliedMigrations(d).contains("v4-contracts"))
            let kept = try Row.fetchAll(d, sql: "SELECT id, login, name, role, created_at FROM users ORDER BY id")
                .map { [$0[0], $0[1], $0[2], $0[3], $0[4]] as [DatabaseValue] }
            #expect(kept == users.map { [$0.0.databaseValue, $0.1.databaseValue, $0.2.databaseValue, $0.3.databaseValue, (1_700_000_000 + $0.0).databaseValue] })
            #expect(try Int.fetchOne(d, sql: "PRAGMA foreign_key_check") == nil)
            #expect(try String.fetchOne(d, sql: "PRAGMA integrity_check") == "ok")
            // Every reference still finds its user.
            #expect(try String.fetchAll(d, sql: """
                SELECT u.login FROM customers c JOIN users u ON u.id = c.owner_id
                UNION ALL SELECT u.login FROM orders o JOIN users u ON u.id = o.updated_by
                UNION ALL SELECT u.login FROM order_notes n JOIN users u ON u.id = n.author_id
                UNION ALL SELECT u.login FROM audit_log a JOIN users u ON u.id = a.actor_id
                UNION ALL SELECT u.login FROM contracts c JOIN users u ON u.id = c.owner_id
                """) == ["dana.ruiz", "renee.dubois", "dana.ruiz", "dana.ruiz", "dana.ruiz"])
            // The foreign keys of other tables still name `users`, and the login stays unique.
            let sql = try String.fetchOne(d, sql: "SELECT sql FROM sqlite_master WHERE name = 'orders'") ?? ""
            #expect(sql.contains("REFERENCES users(id)") && !sql.contains("users_new"))
            #expect(try String.fetchAll(d, sql: "SELECT name FROM sqlite_master WHERE sql LIKE '%users_new%'").isEmpty)
        }
        let admin = try db.resolveUser(login: "grace.liu")
        let director = try db.addUser(login: "nadia.haddad", name: "Nadia Haddad", role: .director, actor: admin, now: testNow)
        #expect(try db.resolveUser(login: "nadia.haddad") == director)
        #expect(throws: StoreError.duplicateLogin("dana.ruiz")) {
            _ = try db.addUser(login: "dana.ruiz", name: "Dana Again", role: .viewer, actor: admin, now: testNow)
        }
        #expect(throws: DatabaseError.self) {
            try db.writer.write { try $0.execute(sql: "UPDATE users SET role = 'boss' WHERE id = 9") }
        }
        #expect(throws: DatabaseError.self) {
            try db.writer.write { try $0.execute(sql: "INSERT INTO users(id, login, name, role, created_at) VALUES (99, 'dana.ruiz', 'X', 'viewer', 1)") }
        }
        // A contract of v3 reads as one with no lines, no route, no decision: a director can open it.
        let old = try db.contractDetail(number: "CSA-000003")
        #expect(old.status == .active && old.terms.lines.isEmpty && old.requiredLevel == .none && old.lastDecision == nil)
        #expect(old.ownerLogin == "dana.ruiz" && old.updatedByLogin == "renee.dubois" && old.terms.endOn == Day(iso: "2027-12-31"))
        #expect(try db.writer.read { try Row.fetchAll($0, sql: "SELECT status, kind, owner_id, n FROM contract_counts").map(\.description) }
                    == ["[status:\"active\" kind:\"new\" owner_id:9 n:1]"])
        // New contracts number on from the old ones.
        let manager = try db.resolveUser(login: "dana.ruiz")
        try db.writer.write { d in
            try d.execute(sql: "INSERT INTO products(id, code, name, family, list_mrr_cents, floor_mrr_cents, nrc_cents) VALUES (1, 'FIB-1G', 'Business Fiber 1 Gig', 'Fiber Internet', 24900, 19900, 19900)")
        }
        let product = PriceBookProduct(id: 1, code: "FIB-1G", name: "Business Fiber 1 Gig", family: "Fiber Internet",
                                       listMRR: Money(cents: 24_900), floorMRR: Money(cents: 19_900), nrc: Money(cents: 19_900))
        let created = try db.createContract(ContractDraft(customerID: 1, lines: [ContractLine(product: product)]), actor: manager, now: testNow)
        #expect(created.number == "CSA-000004")
    }

    @Test func aFreshDatabaseHasTheContractSchema() throws {
        let (_, db, _, _, _) = try makeStaffed()
        try db.writer.read { d in
            #expect(try Array(Migrations.migrator.appliedMigrations(d).prefix(4)) == ["v1", "v2-reconcile", "v3-customers", "v4-contracts"])
            #expect(try d.tableExists("contract_lines") && d.tableExists("contract_counts"))
            let indexes = try Set(String.fetchAll(d, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'contracts'"))
            for name in ["contracts_by_status", "contracts_by_owner", "contracts_by_kind", "contracts_parent", "contracts_ending"] {
                #expect(indexes.contains(name), "\(name)")
            }
            let columns = try Set(d.columns(in: "contracts").map(\.name))
            for column in ["location_id", "list_mrr_cents", "nrc_cents", "nrc_waived_cents", "construction_cost_cents", "monthly_cost_cents",
                           "commission_cents", "required_level", "needs_comment", "submitted_by", "submitted_at", "route_summary",
                           "decided_by", "decided_at", "decision", "decision_comment", "sent_on", "terminated_on"] {
                #expect(columns.contains(column), "\(column)")
            }
        }
        #expect(throws: DatabaseError.self) {
            try db.writer.write { try $0.execute(sql: "UPDATE users SET role = 'boss'") }
        }
    }
}
