import Foundation
import GRDB
@testable import OrderDeskStore
import OrderDeskCore
import Testing

@Suite struct SchemaTests {
    @Test func migratesAnEmptyFile() throws {
        let temp = try TempDatabase()
        let db = try AppDatabase.open(at: temp.path, createIfMissing: true)
        let tables = try db.writer.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        }
        for table in ["users", "settings", "customers", "locations", "products", "orders", "order_lines",
                      "order_notes", "audit_log", "order_counts", "customer_fts", "reconcile_runs", "reconcile_run_kinds",
                      "reconcile_differences", "reconcile_rejected_rows"] {
            #expect(tables.contains(table), "missing table \(table)")
        }
        let applied = try db.writer.read { try Migrations.migrator.appliedMigrations($0) }
        #expect(applied == ["v1", "v2-reconcile", "v3-customers", "v4-contracts", "v5-escalations", "v6-status-view", "v7-reports", "v8-report-work"])
        let journal = try db.writer.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(journal == "wal")
        let foreignKeys = try db.writer.read { try Int.fetchOne($0, sql: "PRAGMA foreign_keys") }
        #expect(foreignKeys == 1)
        #expect(try db.isDemo() == false)
        // Opening again runs no migration twice.
        let again = try AppDatabase.open(at: temp.path)
        #expect(try again.users().isEmpty)
    }

    @Test func missingFileIsAnActionableError() throws {
        let temp = try TempDatabase()
        let path = temp.path + ".absent"
        #expect(throws: StoreError.databaseMissing(path)) { try AppDatabase.open(at: path) }
        let message = StoreError.databaseMissing(path).errorDescription ?? ""
        #expect(message.contains("orderdesk demo") && message.contains("orderdesk init"))
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func auditLogRefusesUpdateAndDelete() throws {
        let (_, db, _, _, _) = try makeStaffed()
        let before = try db.writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM audit_log") ?? 0 }
        #expect(before >= 3)
        #expect(throws: DatabaseError.self) {
            try db.writer.write { try $0.execute(sql: "UPDATE audit_log SET new_value = 'x'") }
        }
        #expect(throws: DatabaseError.self) {
            try db.writer.write { try $0.execute(sql: "DELETE FROM audit_log") }
        }
        do {
            try db.writer.write { try $0.execute(sql: "DELETE FROM audit_log WHERE id = 1") }
            Issue.record("delete went through")
        } catch let error as DatabaseError {
            #expect(error.message?.contains("append-only") == true)
        }
        let after = try db.writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM audit_log") ?? 0 }
        #expect(after == before)
    }

    @Test func schemaRefusesBadValues() throws {
        let (_, db, _, _, _) = try makeStaffed()
        #expect(throws: DatabaseError.self) {
            try db.writer.write {
                try $0.execute(sql: "INSERT INTO customers(account_number, name, segment, channel) VALUES ('123', 'X', 'S', 'direct')")
            }
        }
        let (customer, location) = try db.insertTestCustomer(name: "Café Roma LLC", account: "07830012345")
        #expect(throws: DatabaseError.self) {
            _ = try db.insertTestOrder(number: "1234", customerID: customer, locationID: location)
        }
        #expect(throws: DatabaseError.self) {
            try db.writer.write { try $0.execute(sql: "UPDATE users SET role = 'boss'") }
        }
    }

    @Test func dataVersionChangesWhenAnotherHandleCommits() throws {
        let (temp, db, admin, _, _) = try makeStaffed()
        let other = try AppDatabase.open(at: temp.path)
        let v1 = try db.dataVersion()
        #expect(try db.dataVersion() == v1)
        _ = try other.addUser(login: "new.person", name: "New Person", role: .viewer, actor: admin, now: testNow)
        let v2 = try db.dataVersion()
        #expect(v2 != v1)
        #expect(try db.dataVersion() == v2)
    }
}
