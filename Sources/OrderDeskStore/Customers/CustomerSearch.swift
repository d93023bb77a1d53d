import GRDB
import OrderDeskCore

extension AppDatabase {
    /// One page of the customers list matching `search` (name, account number with or without its
    /// leading zeros, phone, address words; empty for all), sorted by folded name then id, by keyset on
    /// the list position (see `CustomerListSource`).
    public func customersPage(search: String, request: CustomerPageRequest, limit: Int) throws -> CustomerPage {
        let limit = max(1, limit)
        let source = CustomerListSource(search: CustomerSearchTerms(search))
        return try writer.read { db in
            let ids: [Int64]
            let hasMoreAfter: Bool, hasMoreBefore: Bool
            switch request {
            case .first:
                let found = try source.ids(db, from: nil, forward: true, limit: limit + 1)
                ids = Array(found.prefix(limit))
                hasMoreAfter = found.count > limit; hasMoreBefore = false
            case .last:
                let found = try source.ids(db, from: nil, forward: false, limit: limit + 1)
                ids = Array(found.prefix(limit).reversed())
                hasMoreAfter = false; hasMoreBefore = found.count > limit
            case let .after(row):
                let bound = try CustomerListSource.bounds(db, around: CustomerListKey(row)).atOrBefore
                let found = try source.ids(db, from: bound, forward: true, limit: limit + 1)
                ids = Array(found.prefix(limit))
                // The anchor may have left the search since it was shown, so ask rather than assume.
                hasMoreAfter = found.count > limit
                hasMoreBefore = try bound != nil && !source.ids(db, from: bound, forward: false, inclusive: true, limit: 1).isEmpty
            case let .before(row):
                let bound = try CustomerListSource.bounds(db, around: CustomerListKey(row)).atOrAfter
                let found = try source.ids(db, from: bound, forward: false, limit: limit + 1)
                ids = Array(found.prefix(limit).reversed())
                hasMoreAfter = try bound != nil && !source.ids(db, from: bound, forward: true, inclusive: true, limit: 1).isEmpty
                hasMoreBefore = found.count > limit
            }
            let rows = try CustomerTotalsSQL.summaries(db, ids: ids)
            return CustomerPage(rows: rows, hasMoreAfter: hasMoreAfter, hasMoreBefore: hasMoreBefore)
        }
    }

    /// How many customers match `search`: exact up to `cap`, past it a lower bound (`isExact: false`), so a
    /// keystroke of a broad search never waits for a count of most of the table. Every customer is
    /// counted exactly (one pass over a small index).
    public func customerCount(search: String, cap: Int = 10_000) throws -> QueueTotal {
        let terms = CustomerSearchTerms(search)
        return try writer.read { db in
            guard let terms else {
                return QueueTotal(count: try Int.fetchOne(db, sql: "SELECT count(*) FROM customers") ?? 0)
            }
            let counted = try Int.fetchOne(
                db, sql: "SELECT count(*) FROM (SELECT 1 FROM customer_directory WHERE customer_directory MATCH ? LIMIT ?)",
                arguments: [terms.ftsQuery, cap + 1]) ?? 0
            return counted > cap ? QueueTotal(count: cap, isExact: false) : QueueTotal(count: counted)
        }
    }
}
