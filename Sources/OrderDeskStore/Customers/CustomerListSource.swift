import GRDB
import OrderDeskCore

/// Where a page of the customers list comes from: every customer by list position, or the matches of a
/// search, which the full-text index hands back already in list order (its rowid is the list position,
/// see `CustomerSearchIndex`). Either way a page is one index range read from a position: no plan
/// depends on how many customers match.
struct CustomerListSource {
    let search: CustomerSearchTerms?

    /// Up to `limit` customer ids past `position` (from an end when nil), nearest first: forward means
    /// later positions; `inclusive` takes `position` itself too.
    func ids(_ db: Database, from position: Int64?, forward: Bool, inclusive: Bool = false, limit: Int) throws -> [Int64] {
        let op = (forward ? ">" : "<") + (inclusive ? "=" : "")
        let order = forward ? "ASC" : "DESC"
        var arguments = StatementArguments()
        var sql: String
        if let search {
            sql = "SELECT customer_id FROM customer_directory WHERE customer_directory MATCH ?"
            arguments += [search.ftsQuery]
            if let position { sql += " AND rowid \(op) ?"; arguments += [position] }
            sql += " ORDER BY rowid \(order) LIMIT ?"
        } else {
            sql = "SELECT id FROM customers WHERE list_position " + (position == nil ? "IS NOT NULL" : "\(op) ?")
            if let position { arguments += [position] }
            sql += " ORDER BY list_position \(order) LIMIT ?"
        }
        arguments += [limit]
        return try Int64.fetchAll(db, sql: sql, arguments: arguments)
    }

    /// The list positions around a row as the list showed it: the last position of a customer that sorts
    /// at or before it, and the first at or after it. The same position twice while the customer is
    /// still where it was shown; its neighbours' when it has since been renamed (or removed).
    static func bounds(_ db: Database, around anchor: CustomerListKey) throws -> (atOrBefore: Int64?, atOrAfter: Int64?) {
        if let row = try Row.fetchOne(db, sql: "SELECT sort_name, list_position FROM customers WHERE id = ?", arguments: [anchor.id]),
           row[0] == anchor.sortName, let position: Int64 = row[1] {
            return (position, position)
        }
        return (try CustomerSearchIndex.neighbours(db, of: anchor, before: true, limit: 1).first?.position,
                try CustomerSearchIndex.neighbours(db, of: anchor, before: false, limit: 1).first?.position)
    }
}
