import Foundation
import GRDB
@testable import OrderDeskStore
import OrderDeskCore
import Testing

/// A staffed database with a few customers written the way the store writes them (search keys included):
/// Café Roma LLC with three locations, orders in several states, a contact and a document; namesakes and
/// neighbours to tell search results apart.
struct CustomerFixture {
    let temp: TempDatabase
    let db: AppDatabase
    let admin: UserAccount, manager: UserAccount, viewer: UserAccount, supervisor: UserAccount
    /// Café Roma LLC, account 07830012345, phone (516) 555-0142.
    let cafe: Int64
    /// 12 Main St Bethpage NY 11714; 1200 Old Country Road Hicksville NY 11801; 5 Elm St Stamford CT 06901.
    let cafeLocations: [Int64]
    /// Products by code.
    let products: [String: PriceBookProduct]

    init() throws {
        let (temp, db, admin, manager, viewer) = try makeStaffed()
        self.temp = temp; self.db = db; self.admin = admin; self.manager = manager; self.viewer = viewer
        supervisor = try db.addUser(login: "renee.dubois", name: "Renée Dubois", role: .supervisor, actor: admin, now: testNow)
        var products: [String: PriceBookProduct] = [:]
        for (code, name, family, list, floor, nrc) in [
            ("FIB-1G", "Business Fiber 1 Gig", "Fiber Internet", 24_900, 19_900, 19_900),
            ("VOI-LINE", "Business Voice Line", "Voice", 2_995, 2_195, 2_500),
            ("TV-BASIC", "Business TV Basic", "TV", 3_999, 2_999, 4_999),
            ("IP_5", "Static 5% Block", "Static IP", 2_500, 1_800, 0),
        ] {
            let id = try db.writer.write { d in
                try d.execute(sql: """
                    INSERT INTO products(code, name, family, list_mrr_cents, floor_mrr_cents, nrc_cents) VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [code, name, family, list, floor, nrc])
                return d.lastInsertedRowID
            }
            products[code] = PriceBookProduct(id: id, code: code, name: name, family: family, listMRR: Money(cents: Int64(list)),
                                              floorMRR: Money(cents: Int64(floor)), nrc: Money(cents: Int64(nrc)))
        }
        self.products = products
        (cafe, cafeLocations) = try db.insertIndexedCustomer(
            name: "Café Roma LLC", account: "07830012345", phone: "(516) 555-0142", owner: manager.id,
            locations: [("12 Main St", "Bethpage", "NY", "11714"), ("1200 Old Country Road", "Hicksville", "NY", "11801"),
                        ("5 Elm St", "Stamford", "CT", "06901")])
        _ = try db.insertIndexedCustomer(name: "Roma Pizza Inc.", account: "00120000001", phone: "(718) 555-0199",
                                         locations: [("40 Broadway", "Brooklyn", "NY", "11201")])
        _ = try db.insertIndexedCustomer(name: "Cafe Paris", account: "12345678901", phone: "(914) 555-2000",
                                         locations: [("9 Post Rd", "White Plains", "NY", "10601")])
        _ = try db.insertIndexedCustomer(name: "Ñandú Imports", account: "00783001234", phone: nil,
                                         locations: [("77 Bethpage Rd", "Hicksville", "NY", "11801")])
    }

    /// An order of Café Roma (or another customer) with lines (product code, quantity, MRR in cents).
    @discardableResult
    func order(_ number: String, customer: Int64? = nil, location: Int64?, type: OrderType = .new, state: OrderState,
               booked: String = "2026-04-01", lines: [(String, Int, Int)]) throws -> Int64 {
        let customer = customer ?? cafe
        return try db.writer.write { d in
            let row = try Row.fetchOne(d, sql: "SELECT name, account_number FROM customers WHERE id = ?", arguments: [customer])!
            let mrr = lines.reduce(0) { $0 + $1.2 }
            try d.execute(sql: """
                INSERT INTO orders(order_number, customer_id, location_id, customer_name, customer_key, type, state, channel,
                  mrr_cents, booked_on, state_since, updated_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'direct', ?, ?, ?, ?, ?)
                """, arguments: [number, customer, location, row[0], NameMatch.key(name: row[0], account: row[1]), type.rawValue,
                                 state.rawValue, mrr, booked, testNow - 86_400, testNow - 86_400, testNow - 86_400])
            let id = d.lastInsertedRowID
            for (code, quantity, mrr) in lines {
                try d.execute(sql: """
                    INSERT INTO order_lines(order_id, product_id, quantity, mrr_cents, nrc_cents) VALUES (?, ?, ?, ?, 0)
                    """, arguments: [id, products[code]!.id, quantity, mrr])
            }
            return id
        }
    }

    func count(_ sql: String, _ arguments: StatementArguments = []) throws -> Int {
        try db.writer.read { try Int.fetchOne($0, sql: sql, arguments: arguments) ?? -1 }
    }

    /// The audit rows of one record: (action, field, old, new), oldest first.
    func audit(_ entity: String, _ id: Int64) throws -> [[String?]] {
        try db.writer.read { d in
            try Row.fetchAll(d, sql: """
                SELECT action, field, old_value, new_value FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id
                """, arguments: [entity, id]).map { [$0[0], $0[1], $0[2], $0[3]] }
        }
    }
}

extension AppDatabase {
    /// Inserts a customer and its locations through SQL and indexes it for search (tests only).
    func insertIndexedCustomer(
        name: String, account: String, phone: String?, owner: Int64? = nil, channel: Channel = .direct,
        locations: [(String, String, String, String)], gap: Int64 = CustomerSearchIndex.positionGap
    ) throws -> (Int64, [Int64]) {
        try writer.write { db in
            try db.execute(sql: """
                INSERT INTO customers(account_number, name, segment, channel, phone, owner_id, since)
                VALUES (?, ?, 'Small Business', ?, ?, ?, '2020-03-01')
                """, arguments: [account, name, channel.rawValue, phone, owner])
            let customer = db.lastInsertedRowID
            var ids: [Int64] = []
            for (street, city, state, zip) in locations {
                try db.execute(sql: """
                    INSERT INTO locations(customer_id, street, city, state_code, zip) VALUES (?, ?, ?, ?, ?)
                    """, arguments: [customer, street, city, state, zip])
                ids.append(db.lastInsertedRowID)
            }
            try CustomerSearchIndex.refresh(db, customerID: customer, gap: gap)
            return (customer, ids)
        }
    }
}
