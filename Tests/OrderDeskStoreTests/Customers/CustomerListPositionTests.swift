import Foundation
import GRDB
@testable import OrderDeskStore
import OrderDeskCore
import Testing

/// The list positions behind the customers list: in (folded name, id) order, one full-text row at each,
/// kept so through additions into full gaps, renames and address changes.
@Suite struct CustomerListPositionTests {
    /// Every customer placed, positions in list order, and one full-text row per customer at its position
    /// with its current text; the list pages in the same order.
    func checkList(_ db: AppDatabase, _ label: String) throws {
        let (keys, positions, rows) = try db.writer.read { d in
            let customers = try Row.fetchAll(d, sql: "SELECT id, name, sort_name, list_position FROM customers ORDER BY list_position")
            for row in customers {
                #expect(row[2] == TextFolding.fold(row[1]), "\(label): sort name of #\(row[0] as Int64)")
                #expect((row[3] as Int64?) != nil, "\(label): #\(row[0] as Int64) has no position")
            }
            let directory = try Row.fetchAll(d, sql: "SELECT rowid, customer_id, name FROM customer_directory ORDER BY rowid")
            return (customers.map { CustomerListKey(sortName: $0[2], id: $0[0]) },
                    customers.map { [$0[3], $0[0], $0[1]] as [DatabaseValue] }, directory.map { [$0[0], $0[1], $0[2]] as [DatabaseValue] })
        }
        #expect(keys == keys.sorted(), "\(label): positions out of list order")
        #expect(rows == positions, "\(label): full-text rows and positions disagree")
        var paged: [Int64] = []
        var page = try db.customersPage(search: "", request: .first, limit: 3)
        paged += page.rows.map(\.id)
        while page.hasMoreAfter, let last = page.rows.last {
            page = try db.customersPage(search: "", request: .after(last), limit: 3)
            paged += page.rows.map(\.id)
        }
        #expect(paged == keys.map(\.id), "\(label): paging")
    }

    @Test(arguments: [Int64(1), 2, 5, CustomerSearchIndex.positionGap])
    func addingIntoFullGapsSpreadsTheNeighbours(gap: Int64) throws {
        let (_, db, _, _, _) = try makeStaffed()
        var random = SeededRandom(seed: UInt64(gap))
        let names = ["Acme", "acme", "Ácme", "Bistro", "Zeta", "Acme Two", "Delta", "a", "zz"]
        for i in 0..<120 {
            _ = try db.insertIndexedCustomer(name: random.pick(names), account: zeroPadded(10_000_000_000 + i, width: 11),
                                             phone: nil, locations: [], gap: gap)
            if i % 10 == 9 { try checkList(db, "gap \(gap), after \(i + 1)") }
        }
        #expect(try db.customerCount(search: "acme") == QueueTotal(count: try db.customersPage(search: "acme", request: .first, limit: 500).rows.count))
    }

    @Test func renamesAndAddressChangesKeepTheListInOrder() throws {
        let f = try CustomerFixture()
        var random = SeededRandom(seed: 99)
        var ids: [Int64] = [f.cafe]
        for i in 0..<40 {
            let (id, _) = try f.db.insertIndexedCustomer(name: "Shop \(random.int(0...9))", account: zeroPadded(20_000_000_000 + i, width: 11),
                                                         phone: "(516) 555-01\(10 + i)", locations: [("\(i) Main St", "Bethpage", "NY", "11714")])
            ids.append(id)
        }
        try checkList(f.db, "start")
        for step in 0..<40 {
            let id = random.pick(ids)
            let header = try f.db.customerDetail(id: id).header
            var edit = CustomerEdit(header)
            edit.name = random.pick(["Aardvark Co", "Shop 5", "Zulu Bar", "Café Roma LLC", "Mid Town Deli"]) + (random.chance(0.5) ? "" : " \(step)")
            _ = try f.db.updateCustomer(id: id, edit: edit, expectedVersion: header.version, actor: f.manager, now: testNow + Int64(step))
            try checkList(f.db, "rename \(step)")
        }
        // An address change rewrites the customer's text in place (same position).
        let before = try f.db.writer.read { try Int64.fetchOne($0, sql: "SELECT list_position FROM customers WHERE id = ?", arguments: [f.cafe]) }
        let location = try f.db.customerDetail(id: f.cafe).locations[0]
        var edit = LocationEdit(location.address)
        edit.city = "Massapequa"
        _ = try f.db.saveLocation(customerID: f.cafe, locationID: location.id, edit: edit, expectedVersion: location.version,
                                  actor: f.manager, now: testNow)
        let after = try f.db.writer.read { try Int64.fetchOne($0, sql: "SELECT list_position FROM customers WHERE id = ?", arguments: [f.cafe]) }
        #expect(before == after)
        #expect(try f.db.customersPage(search: "massapequa", request: .first, limit: 5).rows.map(\.id) == [f.cafe])
        try checkList(f.db, "address")
    }

    @Test func aPageShownBeforeARenameContinuesWhereItWas() throws {
        let f = try CustomerFixture()
        // Cafe Paris, Café Roma LLC, Ñandú Imports, Roma Pizza Inc.
        let first = try f.db.customersPage(search: "", request: .first, limit: 2)
        #expect(first.rows.map(\.name) == ["Cafe Paris", "Café Roma LLC"])
        // Café Roma (the last row shown) is renamed to sort first; the next page still follows its old place.
        var edit = CustomerEdit(try f.db.customerDetail(id: f.cafe).header)
        edit.name = "Aardvark Café"
        _ = try f.db.updateCustomer(id: f.cafe, edit: edit, expectedVersion: 1, actor: f.manager, now: testNow)
        let next = try f.db.customersPage(search: "", request: .after(first.rows[1]), limit: 2)
        #expect(next.rows.map(\.name) == ["Ñandú Imports", "Roma Pizza Inc."] && next.hasMoreBefore && !next.hasMoreAfter)
        let back = try f.db.customersPage(search: "", request: .before(first.rows[1]), limit: 5)
        #expect(back.rows.map(\.name) == ["Aardvark Café", "Cafe Paris"] && back.hasMoreAfter && !back.hasMoreBefore)
    }
}
