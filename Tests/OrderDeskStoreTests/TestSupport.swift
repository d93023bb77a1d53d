import Foundation
@testable import OrderDeskStore
import OrderDeskCore
import Testing

/// A fresh database file in this run's temporary directory. Files are not removed when the value goes
/// away (Swift may end its life before the test ends); each run removes the runs older than an hour.
final class TempDatabase: Sendable {
    let path: String

    static let runDirectory: URL = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("orderdesk-store-tests")
        let fm = FileManager.default
        if let old = try? fm.contentsOfDirectory(at: root, includingPropertiesForKeys: [.contentModificationDateKey]) {
            for dir in old {
                let modified = (try? dir.resourceValues(forKeys: [.contentModificationDateKey]))?.contentModificationDate
                if let modified, modified < Date().addingTimeInterval(-3600) { try? fm.removeItem(at: dir) }
            }
        }
        let run = root.appendingPathComponent("run-" + UUID().uuidString)
        try? fm.createDirectory(at: run, withIntermediateDirectories: true)
        return run
    }()

    init() throws {
        path = Self.runDirectory.appendingPathComponent(UUID().uuidString + ".sqlite").path
    }
}

/// A fixed "now" so dates in tests never depend on the clock: 2026-05-28 20:26:40 UTC.
let testNow: Int64 = 1_780_000_000

/// A small demo database in a temporary file.
func makeDemo(orders: Int, seed: UInt64 = 42, login: String = "tester") throws -> (TempDatabase, AppDatabase) {
    let temp = try TempDatabase()
    let db = try AppDatabase.buildDemo(
        at: temp.path, options: DemoOptions(orders: orders, seed: seed, currentLogin: login, currentName: "Test Person"),
        now: testNow, progress: { _ in })
    return (temp, db)
}

/// An empty database with one user of each role.
func makeStaffed() throws -> (TempDatabase, AppDatabase, admin: UserAccount, manager: UserAccount, viewer: UserAccount) {
    let temp = try TempDatabase()
    let db = try AppDatabase.open(at: temp.path, createIfMissing: true)
    let admin = try db.addUser(login: "grace.liu", name: "Grace Liu", role: .admin, actor: nil, now: testNow)
    let manager = try db.addUser(login: "dana.ruiz", name: "Dana Ruiz", role: .accountManager, actor: admin, now: testNow)
    let viewer = try db.addUser(login: "sam.patel", name: "Sam Patel", role: .viewer, actor: admin, now: testNow)
    return (temp, db, admin, manager, viewer)
}

extension AppDatabase {
    /// Inserts a customer with one location, through raw SQL (tests only). Returns (customer id, location id).
    func insertTestCustomer(name: String, account: String) throws -> (Int64, Int64) {
        try writer.write { db in
            try db.execute(
                sql: "INSERT INTO customers(account_number, name, segment, channel) VALUES (?, ?, 'Small Business', 'direct')",
                arguments: [account, name])
            let customer = db.lastInsertedRowID
            try db.execute(
                sql: "INSERT INTO locations(customer_id, street, city, state_code, zip) VALUES (?, '12 Main St', 'Bethpage', 'NY', '11714')",
                arguments: [customer])
            return (customer, db.lastInsertedRowID)
        }
    }

    /// Inserts an order in `state` for a customer (tests only), with one priced line when `priced`.
    func insertTestOrder(
        number: String, customerID: Int64, locationID: Int64?, state: OrderState = .draft,
        channel: Channel = .direct, booked: String = "2026-05-01", priced: Bool = true
    ) throws -> Int64 {
        try writer.write { db in
            if try Int.fetchOne(db, sql: "SELECT count(*) FROM products") == 0 {
                try db.execute(sql: """
                    INSERT INTO products(code, name, family, list_mrr_cents, floor_mrr_cents, nrc_cents)
                    VALUES ('FIB-1G', 'Business Fiber 1 Gig', 'Fiber Internet', 24900, 19900, 19900)
                    """)
            }
            let name = try String.fetchOne(db, sql: "SELECT name FROM customers WHERE id = ?", arguments: [customerID]) ?? ""
            let account = try String.fetchOne(
                db, sql: "SELECT account_number FROM customers WHERE id = ?", arguments: [customerID]) ?? ""
            try db.execute(
                sql: """
                    INSERT INTO orders(order_number, customer_id, location_id, customer_name, customer_key, type, state,
                      channel, mrr_cents, booked_on, state_since, updated_at, created_at)
                    VALUES (?, ?, ?, ?, ?, 'new', ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [number, customerID, locationID, name, NameMatch.key(name: name, account: account), state.rawValue, channel.rawValue, priced ? 24900 : 0,
                            booked, testNow - 86_400 * 3, testNow - 86_400 * 3, testNow - 86_400 * 3])
            let id = db.lastInsertedRowID
            if priced {
                try db.execute(
                    sql: "INSERT INTO order_lines(order_id, product_id, quantity, mrr_cents, nrc_cents) VALUES (?, 1, 1, 24900, 19900)",
                    arguments: [id])
            }
            return id
        }
    }
}
