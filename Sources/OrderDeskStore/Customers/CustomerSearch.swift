import GRDB
import OrderDeskCore

extension AppDatabase {
    /// One page of the customers list matching `search` (name, account number with or without its
    /// leading zeros, phone, address words; empty for all), sorted by folded name then id, by keyset.
    public func customersPage(search: String, request: CustomerPageRequest, limit: Int) throws -> CustomerPage {
        let limit = max(1, limit)
        let terms = CustomerSearchTerms(search)
        let sparseLimit = CustomerListPlan.sparseLimit
        return try writer.read { db in
            let plan = try CustomerListPlan.make(db, search: terms, sparseLimit: sparseLimit)
            let keys: [CustomerListKey]
            let hasMoreAfter: Bool, hasMoreBefore: Bool
            switch request {
            case .first:
                let found = try plan.fetch(db, nil, nil, forward: true, limit: limit + 1)
                keys = Array(found.prefix(limit))
                hasMoreAfter = found.count > limit; hasMoreBefore = false
            case .last:
                let found = try plan.fetch(db, nil, nil, forward: false, limit: limit + 1)
                keys = Array(found.prefix(limit).reversed())
                hasMoreAfter = false; hasMoreBefore = found.count > limit
            case let .after(row):
                let anchor = CustomerListKey(row)
                let found = try plan.fetch(db, .after, anchor, forward: true, limit: limit + 1)
                keys = Array(found.prefix(limit))
                // The anchor may have left the search since it was shown, so ask rather than assume.
                hasMoreAfter = found.count > limit; hasMoreBefore = try plan.exists(db, .beforeOrSame, anchor)
            case let .before(row):
                let anchor = CustomerListKey(row)
                let found = try plan.fetch(db, .before, anchor, forward: false, limit: limit + 1)
                keys = Array(found.prefix(limit).reversed())
                hasMoreAfter = try plan.exists(db, .afterOrSame, anchor); hasMoreBefore = found.count > limit
            }
            let rows = try CustomerTotalsSQL.summaries(db, ids: keys.map(\.id))
            return CustomerPage(rows: rows, hasMoreAfter: hasMoreAfter, hasMoreBefore: hasMoreBefore)
        }
    }

    /// How many customers match `search`: exact up to `cap`, past it a lower bound (`isExact: false`), so a
    /// keystroke of a broad search never waits for a count of most of the table. Every customer is
    /// counted exactly (one pass over a small index).
    public func customerCount(search: String, cap: Int = 10_000) throws -> QueueTotal {
        let terms = CustomerSearchTerms(search)
        let sparseLimit = CustomerListPlan.sparseLimit
        return try writer.read { db in
            guard let terms else {
                return QueueTotal(count: try Int.fetchOne(db, sql: "SELECT count(*) FROM customers") ?? 0)
            }
            // The paging plan's matches when it has them (residual words already tested); otherwise every
            // word in the full-text index, counted no further than the cap.
            if case let .matches(keys) = try CustomerListPlan.make(db, search: terms, sparseLimit: min(sparseLimit, cap)) {
                return QueueTotal(count: keys.count)
            }
            let counted = try Int.fetchOne(
                db, sql: "SELECT count(*) FROM (SELECT 1 FROM customer_directory WHERE customer_directory MATCH ? LIMIT ?)",
                arguments: [terms.ftsQuery(allWords: true), cap + 1]) ?? 0
            return counted > cap ? QueueTotal(count: cap, isExact: false) : QueueTotal(count: counted)
        }
    }
}
