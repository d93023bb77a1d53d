import Foundation
import GRDB
@testable import OrderDeskStore
import OrderDeskCore
import Testing

/// The customers list on a demo database: every search, paged forward and backward, gives exactly the
/// customers a plain reference finds, in (folded name, id) order.
@Suite struct CustomerPagingTests {
    static let demo: (TempDatabase, AppDatabase) = try! makeDemo(orders: 1_200, seed: 5)

    /// The customers a search should find, computed from the tables without the store's search code.
    func reference(_ db: AppDatabase, _ text: String) throws -> [Int64] {
        let words = TextFolding.words(of: text)
        let padded = words.count == 1 && words[0].count < 11 && words[0].allSatisfy(\.isNumber)
            ? String(repeating: "0", count: 11 - words[0].count) + words[0] : nil
        return try db.writer.read { d in
            var addresses: [Int64: [String]] = [:]
            for row in try Row.fetchAll(d, sql: "SELECT customer_id, street, city, state_code, zip FROM locations ORDER BY id") {
                addresses[row[0], default: []].append([row[1], row[2], row[3], row[4]].joined(separator: " "))
            }
            return try Row.fetchAll(d, sql: "SELECT id, name, account_number, phone FROM customers").compactMap { row -> CustomerListKey? in
                let id: Int64 = row[0], name: String = row[1], account: String = row[2]
                let entry = CustomerSearchIndex.Entry(name: name, accountNumber: account, phone: row[3], addresses: addresses[id] ?? [])
                let tokens = [entry.name, entry.account, entry.phone, entry.address].flatMap(TextFolding.words(of:))
                let hit = words.allSatisfy { w in tokens.contains { $0.hasPrefix(w) } } || account == padded
                return hit ? CustomerListKey(sortName: TextFolding.fold(name), id: id) : nil
            }.sorted().map(\.id)
        }
    }

    func walkForward(_ db: AppDatabase, _ text: String, limit: Int) throws -> [Int64] {
        var ids: [Int64] = []
        var page = try db.customersPage(search: text, request: .first, limit: limit)
        #expect(!page.hasMoreBefore)
        ids += page.rows.map(\.id)
        while page.hasMoreAfter, let last = page.rows.last {
            page = try db.customersPage(search: text, request: .after(last), limit: limit)
            #expect(page.hasMoreBefore && !page.rows.isEmpty, "'\(text)' after \(last.name)")
            ids += page.rows.map(\.id)
        }
        return ids
    }

    func walkBackward(_ db: AppDatabase, _ text: String, limit: Int) throws -> [Int64] {
        var ids: [Int64] = []
        var page = try db.customersPage(search: text, request: .last, limit: limit)
        #expect(!page.hasMoreAfter)
        ids = page.rows.map(\.id)
        while page.hasMoreBefore, let first = page.rows.first {
            page = try db.customersPage(search: text, request: .before(first), limit: limit)
            #expect(page.hasMoreAfter && !page.rows.isEmpty, "'\(text)' before \(first.name)")
            ids = page.rows.map(\.id) + ids
        }
        return ids
    }

    @Test(arguments: ["", "c", "ca", "cafe", "cafe ro", "cafe r", "ro", "s d", "bella bakery", "0", "07", "516", "555-01",
                      "bethpage", "main st", "ny 11", "zzz", "東京"])
    func pagesLikeTheReference(text: String) throws {
        let (_, db) = Self.demo
        let expected = try reference(db, text)
        if !["zzz"].contains(text) { #expect(!expected.isEmpty, "'\(text)': fixture too thin") }
        #expect(try walkForward(db, text, limit: 7) == expected, "'\(text)' forward")
        #expect(try walkBackward(db, text, limit: 7) == expected, "'\(text)' backward")
        #expect(try walkForward(db, text, limit: 1) == expected, "'\(text)' forward a row at a time")
        let total = try db.customerCount(search: text, cap: 50)
        #expect(total == (expected.count > 50 && !text.isEmpty ? QueueTotal(count: 50, isExact: false) : QueueTotal(count: expected.count)),
                "'\(text)' count")
    }

    @Test func pageEdges() throws {
        let (_, db) = Self.demo
        let all = try reference(db, "")
        let first = try db.customersPage(search: "", request: .first, limit: 5)
        #expect(first.rows.map(\.id) == Array(all.prefix(5)) && first.hasMoreAfter && !first.hasMoreBefore)
        // After the last row: nothing, with rows before; before the second: the first only.
        let last = try db.customersPage(search: "", request: .last, limit: 1)
        let past = try db.customersPage(search: "", request: .after(last.rows[0]), limit: 5)
        #expect(past.rows.isEmpty && !past.hasMoreAfter && past.hasMoreBefore)
        let head = try db.customersPage(search: "", request: .before(first.rows[1]), limit: 5)
        #expect(head.rows == [first.rows[0]] && head.hasMoreAfter && !head.hasMoreBefore)
        #expect(try db.customerCount(search: "") == QueueTotal(count: all.count))
    }
}
