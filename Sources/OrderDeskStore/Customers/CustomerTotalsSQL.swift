import GRDB
import OrderDeskCore

/// The per-customer figures the list and the header show, as SQL over a customer's orders
/// (on the entries of `orders_customer_totals`, without reading the orders themselves).
enum CustomerTotalsSQL {
    /// Open orders: not billed, cancelled or rejected (`OrderState.isOpen`).
    static let openOrders = """
        (SELECT count(*) FROM orders o WHERE o.customer_id = c.id
           AND o.state NOT IN ('billed', 'cancelled', 'rejected'))
        """

    /// MRR in service: installed or billed orders of every type but disconnect, less installed or billed
    /// disconnects (which stop what an earlier order started), never below zero.
    static let totalMRR = """
        (SELECT max(0, COALESCE(sum(CASE WHEN o.type = 'disconnect' THEN -o.mrr_cents ELSE o.mrr_cents END), 0))
           FROM orders o WHERE o.customer_id = c.id AND o.state IN ('installed', 'billed'))
        """

    /// "City, ST" of the customer's first location.
    static let place = """
        (SELECT l.city || ', ' || l.state_code FROM locations l WHERE l.customer_id = c.id ORDER BY l.id LIMIT 1)
        """

    /// The list's row for each of `ids`, in the order of `ids` (missing ones are left out). One pass over
    /// each customer's orders gives both figures (the list's cost is these order rows, read at random).
    static func summaries(_ db: Database, ids: [Int64]) throws -> [CustomerSummary] {
        guard !ids.isEmpty else { return [] }
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT c.id, c.name, c.account_number, c.phone, c.channel, \(place) AS place,
                       count(o.id) FILTER (WHERE o.state NOT IN ('billed', 'cancelled', 'rejected')) AS open_orders,
                       max(0, COALESCE(sum(CASE WHEN o.type = 'disconnect' THEN -o.mrr_cents ELSE o.mrr_cents END)
                                         FILTER (WHERE o.state IN ('installed', 'billed')), 0)) AS mrr
                FROM customers c LEFT JOIN orders o ON o.customer_id = c.id
                WHERE c.id IN (SELECT value FROM json_each(?))
                GROUP BY c.id
                """,
            arguments: [jsonArray(ids)])
        var byID: [Int64: CustomerSummary] = [:]
        for row in rows {
            let summary = CustomerSummary(
                id: row["id"], name: row["name"], accountNumber: row["account_number"], phone: row["phone"],
                place: row["place"], channel: try CustomerRecordSQL.decode(Channel.self, row["channel"], column: "customers.channel"),
                openOrders: row["open_orders"], totalMRR: Money(cents: row["mrr"]))
            byID[summary.id] = summary
        }
        return ids.compactMap { byID[$0] }
    }

    /// `[1,2,3]`, for `IN (SELECT value FROM json_each(?))`: one bound argument whatever the count,
    /// so the statement is the same for every page.
    static func jsonArray(_ ids: [Int64]) -> String { "[" + ids.map(String.init).joined(separator: ",") + "]" }
}
