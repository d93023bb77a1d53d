import GRDB
import OrderDeskCore

extension AppDatabase {
    /// Everything the order detail screen shows, read in one transaction. Throws OrderDeskError.orderNotFound.
    public func orderDetail(id: Int64) throws -> OrderDetail {
        try writer.read { db in
            guard let row = try Row.fetchOne(db, sql: QueueSQL.select + " WHERE o.id = ?", arguments: [id]) else {
                throw OrderDeskError.orderNotFound(String(id))
            }
            let queueRow = try QueueRow.decode(row)
            guard let extra = try Row.fetchOne(
                db,
                sql: """
                    SELECT owner.name AS owner_name, c.phone, c.segment,
                           l.id AS location_id, l.street, l.city, l.state_code, l.zip,
                           n.id AS new_id, n.street AS new_street, n.city AS new_city, n.state_code AS new_state,
                           n.zip AS new_zip,
                           o.term_months, o.submitted_on, o.bill_start_on, o.reason_code,
                           editor.login AS updated_by, o.updated_at
                    FROM orders o
                    JOIN customers c ON c.id = o.customer_id
                    LEFT JOIN locations l ON l.id = o.location_id
                    LEFT JOIN locations n ON n.id = o.new_location_id
                    LEFT JOIN users owner ON owner.id = o.owner_id
                    LEFT JOIN users editor ON editor.id = o.updated_by
                    WHERE o.id = ?
                    """,
                arguments: [id])
            else { throw OrderDeskError.orderNotFound(queueRow.orderNumber) }

            var location: ServiceLocation?
            if let locationID: Int64 = extra["location_id"] {
                location = ServiceLocation(
                    id: locationID, street: extra["street"], city: extra["city"], stateCode: extra["state_code"],
                    zip: extra["zip"])
            }
            var newLocation: ServiceLocation?
            if let id: Int64 = extra["new_id"] {
                newLocation = ServiceLocation(id: id, street: extra["new_street"], city: extra["new_city"],
                                              stateCode: extra["new_state"], zip: extra["new_zip"])
            }
            let lines = try Row.fetchAll(
                db,
                sql: """
                    SELECT p.code, p.name, l.quantity, l.mrr_cents, l.nrc_cents
                    FROM order_lines l JOIN products p ON p.id = l.product_id WHERE l.order_id = ? ORDER BY l.id
                    """,
                arguments: [id]
            ).map { OrderLine(productCode: $0[0], productName: $0[1], quantity: $0[2],
                              mrr: Money(cents: $0[3]), nrc: Money(cents: $0[4])) }
            let notes = try Row.fetchAll(
                db,
                sql: """
                    SELECT COALESCE(u.name, u.login, 'unknown'), n.at, n.text
                    FROM order_notes n LEFT JOIN users u ON u.id = n.author_id WHERE n.order_id = ? ORDER BY n.at, n.id
                    """,
                arguments: [id]
            ).map { OrderNote(author: $0[0], at: $0[1], text: $0[2]) }
            let history = try Row.fetchAll(
                db,
                sql: """
                    SELECT a.at, COALESCE(u.name, u.login, 'system'), a.action, a.field, a.old_value, a.new_value
                    FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
                    WHERE a.entity = 'order' AND a.entity_id = ? ORDER BY a.at DESC, a.id DESC
                    """,
                arguments: [id]
            ).map { AuditEntry(at: $0[0], actor: $0[1], action: $0[2], field: $0[3], oldValue: $0[4], newValue: $0[5]) }

            return OrderDetail(
                row: queueRow, ownerName: extra["owner_name"], customerPhone: extra["phone"], segment: extra["segment"],
                location: location, lines: lines, termMonths: extra["term_months"],
                submittedOn: try QueueRow.day(extra["submitted_on"], column: "orders.submitted_on"),
                billStartOn: try QueueRow.day(extra["bill_start_on"], column: "orders.bill_start_on"),
                reasonCode: extra["reason_code"], notes: notes, history: history,
                updatedBy: extra["updated_by"], updatedAt: extra["updated_at"], newLocation: newLocation)
        }
    }

    /// The id of an order by its number; accepts "00451234", "451234", "IDA-00451234". nil when there is none.
    public func orderID(number: String) throws -> Int64? {
        guard let normalized = Self.normalizedOrderNumber(number) else { return nil }
        return try writer.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM orders WHERE order_number = ?", arguments: [normalized])
        }
    }

    /// Eight digits with leading zeros, from an order number as people and the IDA export write it.
    static func normalizedOrderNumber(_ text: String) -> String? {
        var s = Substring(text.trimmingCharacters(in: .whitespaces))
        if s.uppercased().hasPrefix("IDA") { s = s.dropFirst(3).drop(while: { $0 == "-" || $0 == " " }) }
        guard (1...8).contains(s.count), s.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return String(repeating: "0", count: 8 - s.count) + s
    }
}
