import Foundation
import GRDB
@testable import OrderDeskStore
import OrderDeskCore
import Testing

@Suite struct DemoTests {
    func exportAll(_ db: AppDatabase) throws -> [OrderExportRow] {
        var rows: [OrderExportRow] = []
        try db.forEachOrderForExport(states: []) { rows.append($0) }
        return rows
    }

    @Test func deterministicForASeed() throws {
        let (_, a) = try makeDemo(orders: 150, seed: 7)
        let (_, b) = try makeDemo(orders: 150, seed: 7)
        let (_, c) = try makeDemo(orders: 150, seed: 8)
        let rowsA = try exportAll(a)
        #expect(rowsA.count == 150)
        #expect(rowsA == (try exportAll(b)))
        #expect(rowsA != (try exportAll(c)))
        #expect(try a.users() == b.users())
        #expect(try a.reconcileRuns() == b.reconcileRuns())
        #expect(try a.reconcileRuns().map(\.ida.sha256) != c.reconcileRuns().map(\.ida.sha256))
        #expect(try a.orderDetail(id: 77) == b.orderDetail(id: 77))
        #expect(try a.isDemo())
    }

    @Test func coversTheDeskAndKeepsItsInvariants() throws {
        var phases: [String] = []
        let temp = try TempDatabase()
        let db = try AppDatabase.buildDemo(
            at: temp.path, options: DemoOptions(orders: 1_500, seed: 42, currentLogin: "tester", currentName: "Test Person"),
            now: testNow, progress: { if phases.last != $0.phase { phases.append($0.phase) } })
        #expect(phases == ["users", "products", "customers", "list", "orders", "indexes", "escalations", "targets", "reports", "search", "reconcile", "statistics"])
        let rows = try exportAll(db)
        #expect(Set(rows.map(\.state)) == Set(OrderState.allCases))
        #expect(Set(rows.map(\.type)) == Set(OrderType.allCases))
        #expect(Set(rows.map(\.channel)) == Set(Channel.allCases))
        #expect(Set(rows.map(\.orderNumber)).count == rows.count)
        #expect(rows.contains { $0.ownerID == nil } && rows.contains { $0.ownerLogin == "tester" })
        #expect(rows.contains { $0.escalated })
        #expect(!rows.contains { $0.escalated && !$0.state.isOpen })
        let today = Day(unixSeconds: testNow)
        for row in rows {
            #expect(row.orderNumber.count == 8 && row.accountNumber.count == 11)
            #expect(row.bookedOn <= today && row.bookedOn >= today.adding(days: -730))
            if let submitted = row.submittedOn { #expect(submitted >= row.bookedOn) }
            if let install = row.installOn { #expect(install >= (row.submittedOn ?? row.bookedOn), "\(row.orderNumber)") }
            if let billStart = row.billStartOn, let install = row.installOn { #expect(billStart >= install && billStart <= today) }
            #expect(row.stateSince <= testNow)
            switch row.state {
            case .scheduled, .notDone, .installed: #expect(row.installOn != nil)
            case .billed: #expect(row.installOn != nil && row.billStartOn != nil)
            case .draft: #expect(row.submittedOn == nil)
            default: break
            }
            let needsReason = !ReasonCode.codes(for: row.state).isEmpty
            if needsReason {
                #expect(ReasonCode.codes(for: row.state).contains { $0.code == row.reasonCode })
            } else {
                #expect(row.reasonCode == nil)
            }
            #expect(row.mrr.cents > 0)
        }
        let users = try db.users()
        #expect(users.filter { $0.role == .accountManager }.count == 11)
        #expect(users.filter { $0.role == .supervisor }.count == 2)
        #expect(users.contains { $0.role == .admin } && users.contains { $0.role == .viewer })
        #expect(try db.resolveUser(login: "tester").name == "Test Person")
        try db.writer.read { d in
            #expect(try Int.fetchOne(d, sql: "SELECT count(*) FROM products") ?? 0 >= 35)
            #expect(try Int.fetchOne(d, sql: "SELECT count(*) FROM customers") == 375)
            // Order totals are the sums of their lines, and every order has 1–3 lines.
            #expect(try Int.fetchOne(d, sql: """
                SELECT count(*) FROM orders o WHERE mrr_cents != (SELECT sum(mrr_cents) FROM order_lines WHERE order_id = o.id)
                   OR nrc_cents != (SELECT sum(nrc_cents) FROM order_lines WHERE order_id = o.id)
                   OR (SELECT count(*) FROM order_lines WHERE order_id = o.id) NOT BETWEEN 1 AND 3
                """) == 0)
            #expect(try Int.fetchOne(d, sql: "SELECT count(*) FROM audit_log WHERE entity = 'order' AND action = 'create'") == 1_500)
            #expect(try Int.fetchOne(d, sql: "SELECT count(*) FROM audit_log WHERE action = 'move'") ?? 0 > 100)
            let notes = try Int.fetchOne(d, sql: "SELECT count(*) FROM order_notes") ?? 0
            // One order in ten has a note of its own; recent orders' moves add theirs (DemoHistory).
            #expect((250...600).contains(notes), "\(notes)")
            #expect(try Int.fetchOne(d, sql: "PRAGMA foreign_key_check") == nil)
            #expect(try String.fetchOne(d, sql: "PRAGMA integrity_check") == "ok")
            let indexes = try String.fetchAll(d, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'orders'")
            for name in Migrations.v1OrderIndexNames { #expect(indexes.contains(name)) }
            #expect(try Int.fetchOne(d, sql: "SELECT count(*) FROM sqlite_master WHERE name = 'customers_fts_insert'") == 1)
        }
        // Accented search works on the demo's fixed names.
        let cafe = try db.queueCount(filter: QueueFilter(search: "cafe roma"), now: testNow)
        #expect(cafe > 0)
    }

    @Test func replacesOnlyDemoDatabases() throws {
        let (temp, first) = try makeDemo(orders: 20, seed: 1)
        _ = first
        let second = try AppDatabase.buildDemo(
            at: temp.path, options: DemoOptions(orders: 25, seed: 2, currentLogin: "tester", currentName: "T"),
            now: testNow, progress: { _ in })
        #expect(try second.queueCount(filter: QueueFilter(), now: testNow) == 25)
        let real = try TempDatabase()
        _ = try AppDatabase.open(at: real.path, createIfMissing: true)
        #expect(throws: StoreError.notADemoDatabase(real.path)) {
            _ = try AppDatabase.buildDemo(
                at: real.path, options: DemoOptions(orders: 5, currentLogin: "tester", currentName: "T"),
                now: testNow, progress: { _ in })
        }
        #expect(throws: StoreError.self) {
            _ = try AppDatabase.buildDemo(
                at: real.path + "2", options: DemoOptions(orders: 0, currentLogin: "tester", currentName: "T"),
                now: testNow, progress: { _ in })
        }
    }

    @Test func exportRowsCarryTheWholeOrder() throws {
        let (_, db) = try makeDemo(orders: 200, seed: 4)
        var billed: [OrderExportRow] = []
        try db.forEachOrderForExport(states: [.billed, .cancelled]) { billed.append($0) }
        #expect(!billed.isEmpty)
        #expect(billed.allSatisfy { $0.state == .billed || $0.state == .cancelled })
        #expect(billed.map(\.id) == billed.map(\.id).sorted())
        #expect(billed.count == (try db.queueCount(filter: QueueFilter(states: [.billed, .cancelled]), now: testNow)))
        for row in billed.prefix(20) {
            let detail = try db.orderDetail(id: row.id)
            #expect(row.queueRow == detail.row)
            #expect(row.nrc == detail.totalNRC && row.mrr == detail.totalMRR)
            #expect(row.ownerName == detail.ownerName && row.termMonths == detail.termMonths)
            #expect(row.submittedOn == detail.submittedOn && row.billStartOn == detail.billStartOn)
            #expect(row.reasonCode == detail.reasonCode && row.locationID == detail.location?.id)
        }
        // Stopping early: an error thrown by the body propagates.
        struct Stop: Error {}
        #expect(throws: Stop.self) { try db.forEachOrderForExport(states: []) { _ in throw Stop() } }
    }
}
