import GRDB
import OrderDeskCore

extension AppDatabase {
    /// The service in place at a location, one line per product, to prefill a change or disconnect:
    /// the lines of its installed and billed orders, less those of its installed and billed disconnects
    /// and of the installed moves that took service elsewhere, quantities and MRR summed (NRC 0: a one-time charge is not part of what runs there). Products whose
    /// quantity comes to zero or less are left out. By family, then name.
    public func serviceLines(locationID: Int64) throws -> [DraftLine] {
        try writer.read { db in
            guard let customerID = try Int64.fetchOne(
                db, sql: "SELECT customer_id FROM locations WHERE id = ?", arguments: [locationID])
            else { throw OrderDeskError.recordNotFound(what: "location #\(locationID)") }
            return try ServiceInPlace.lines(db, customerID: customerID, locationID: locationID)[locationID] ?? []
        }
    }
}

/// What runs at a customer's locations, from its orders.
enum ServiceInPlace {
    /// The in-place lines of each location of a customer (or of one of them), by family then name.
    /// An installed or billed order adds its lines where it runs, a disconnect takes them away, and a move
    /// takes them from `location_id` to `new_location_id` (a move recorded without its destination counts
    /// where it was booked). Orders are found by customer (`orders_customer_totals`): there is no index by location.
    static func lines(_ db: Database, customerID: Int64, locationID: Int64? = nil) throws -> [Int64: [DraftLine]] {
        // Each line's effect on each location it touches, then summed per location and product.
        var sql = """
            SELECT e.location_id, \(CustomerRecordSQL.productColumns),
                   sum(e.quantity) AS net_quantity, sum(e.mrr_cents) AS net_mrr
            FROM (
              SELECT COALESCE(o.new_location_id, o.location_id) AS location_id, l.product_id,
                     CASE WHEN o.type = 'disconnect' THEN -l.quantity ELSE l.quantity END AS quantity,
                     CASE WHEN o.type = 'disconnect' THEN -l.mrr_cents ELSE l.mrr_cents END AS mrr_cents
              FROM orders o JOIN order_lines l ON l.order_id = o.id
              WHERE o.customer_id = ?1 AND o.location_id IS NOT NULL AND o.state IN ('installed', 'billed')
              UNION ALL
              SELECT o.location_id, l.product_id, -l.quantity, -l.mrr_cents
              FROM orders o JOIN order_lines l ON l.order_id = o.id
              WHERE o.customer_id = ?1 AND o.type = 'move' AND o.new_location_id IS NOT NULL
                AND o.state IN ('installed', 'billed')
            ) e
            JOIN products p ON p.id = e.product_id
            """
        var arguments: StatementArguments = [customerID]
        if let locationID {
            sql += " WHERE e.location_id = ?2"
            arguments += [locationID]
        }
        // Aliases unlike any column name: in HAVING, SQLite reads a bare `quantity` as a column.
        sql += " GROUP BY e.location_id, p.id HAVING net_quantity > 0 ORDER BY e.location_id, p.family, p.name"
        var result: [Int64: [DraftLine]] = [:]
        for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
            let product = CustomerRecordSQL.product(row, from: 1)
            // A discount given on the disconnect can leave MRR below zero with units still in place.
            let mrr: Int64 = max(0, row["net_mrr"])
            result[row[0], default: []].append(
                DraftLine(product: product, quantity: row["net_quantity"], mrr: Money(cents: mrr), nrc: .zero))
        }
        return result
    }
}
