import GRDB
import OrderDeskCore

/// The per-customer figures the list and the header show, as SQL over a customer's orders
/// (found through `orders_customer`: a few orders a customer, so a page of 50 reads a few hundred rows).
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

    /// The list's row for each of `ids`, in the order of `ids` (missing ones are left out).
    static func summaries(_ db: Database, ids: [Int64]) throws -> [CustomerSummary] {
        guard !ids.isEmpty else { return [] }
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT c.id, c.name, c.account_number, c.phone, c.channel,
                       \(place) AS place, \(openOrders) AS open_orders, \(totalMRR) AS mrr
                FROM customers c WHERE c.id IN (SELECT value FROM json_each(?))
                """,
            arguments: [CustomerListPlan.jsonArray(ids)])
        var byID: [Int64: CustomerSummary] = [:]
        for row in rows {
            let raw: String = row["channel"]
            guard let channel = Channel(rawValue: raw) else {
                throw StoreError.corruptValue(column: "customers.channel", value: raw)
            }
            let summary = CustomerSummary(
                id: row["id"], name: row["name"], accountNumber: row["account_number"], phone: row["phone"],
                place: row["place"], channel: channel, openOrders: row["open_orders"], totalMRR: Money(cents: row["mrr"]))
            byID[summary.id] = summary
        }
        return ids.compactMap { byID[$0] }
    }
}
