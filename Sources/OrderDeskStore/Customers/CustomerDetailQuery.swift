import GRDB
import OrderDeskCore

extension AppDatabase {
    /// Everything the customer screen shows, read in one transaction.
    /// Throws `OrderDeskError.recordNotFound(what: "customer #12")`.
    public func customerDetail(id: Int64) throws -> CustomerDetail {
        try writer.read { db in
            guard let header = try CustomerRecordSQL.header(db, id: id) else {
                throw OrderDeskError.recordNotFound(what: "customer #\(id)")
            }
            let services = try ServiceInPlace.lines(db, customerID: id)
            let locations = try Row.fetchAll(
                db, sql: CustomerRecordSQL.location + " WHERE l.customer_id = ? ORDER BY l.id", arguments: [id]
            ).map { row in
                try CustomerRecordSQL.location(row, services: (services[row["id"]] ?? []).map(\.product.name))
            }
            let orders = try Row.fetchAll(
                db, sql: QueueSQL.select + " WHERE o.customer_id = ? ORDER BY o.booked_on DESC, o.id DESC", arguments: [id]
            ).map(QueueRow.decode)
            // Contracts without dates yet (drafts) first, then the latest start first.
            let contracts = try Row.fetchAll(
                db, sql: CustomerRecordSQL.contract + " WHERE customer_id = ? ORDER BY start_on IS NOT NULL, start_on DESC, id DESC",
                arguments: [id]
            ).map(CustomerRecordSQL.contract)
            let contacts = try Row.fetchAll(
                db,
                sql: CustomerRecordSQL.contact + """
                     WHERE customer_id = ? AND removed_at IS NULL
                    ORDER BY CASE role WHEN 'billing' THEN 0 WHEN 'technical' THEN 1 WHEN 'signer' THEN 2 ELSE 3 END, name, id
                    """,
                arguments: [id]
            ).map(CustomerRecordSQL.contact)
            let documents = try Row.fetchAll(
                db, sql: CustomerRecordSQL.document + " WHERE customer_id = ? ORDER BY kind, id", arguments: [id]
            ).map(CustomerRecordSQL.document)
            return CustomerDetail(
                header: header, locations: locations, orders: orders, contracts: contracts, contacts: contacts,
                documents: documents, timeline: try CustomerTimeline.entries(db, customerID: id))
        }
    }

    /// The customer an order belongs to. Throws `OrderDeskError.orderNotFound`.
    public func customerID(ofOrder orderID: Int64) throws -> Int64 {
        try writer.read { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT customer_id FROM orders WHERE id = ?", arguments: [orderID]) else {
                throw OrderDeskError.orderNotFound(String(orderID))
            }
            return id
        }
    }
}
