import GRDB
import OrderDeskCore

extension AppDatabase {
    /// Saves a move, add, change or disconnect order as a draft (one transaction) and returns its queue row.
    /// The order takes the next free order number, the customer's channel and copies of its name, and is
    /// owned by the actor when they are an account manager, else by the customer's owner. Submitting it
    /// later runs the workflow's checks like any other order.
    public func createMACOrder(_ draft: MACOrderDraft, actor: UserAccount, now: Int64) throws -> QueueRow {
        try writer.write { db in
            let user = try RecordWrite.actingUser(db, actor, may: "create orders")
            guard let customer = try Row.fetchOne(
                db,
                sql: """
                    SELECT c.name, c.account_number, c.channel, c.owner_id, u.login AS owner_login
                    FROM customers c LEFT JOIN users u ON u.id = c.owner_id WHERE c.id = ?
                    """,
                arguments: [draft.customerID])
            else { throw OrderDeskError.recordNotFound(what: "customer #\(draft.customerID)") }
            try RecordWrite.requireValid(draft.validate())

            var errors: [FieldError] = []
            for (field, id) in [("location", draft.locationID), ("new_location", draft.newLocationID)] {
                guard let id else { continue }
                let owner = try Int64.fetchOne(db, sql: "SELECT customer_id FROM locations WHERE id = ?", arguments: [id])
                if owner != draft.customerID {
                    errors.append(FieldError(field: field, message: "Location #\(id) is not one of this customer's locations: pick one of theirs."))
                }
            }
            let productIDs = Set(draft.lines.map(\.product.id))
            let known = try Int.fetchOne(
                db, sql: "SELECT count(*) FROM products WHERE id IN (SELECT value FROM json_each(?))",
                arguments: [CustomerTotalsSQL.jsonArray(productIDs.sorted())]) ?? 0
            if known != productIDs.count {
                errors.append(FieldError(field: "lines", message: "A line's product is no longer in the price book: pick it again."))
            }
            try RecordWrite.requireValid(errors)

            // Order numbers are 8 digits; the next after the highest is free (the unique index finds it at once).
            let highest = try String.fetchOne(db, sql: "SELECT max(order_number) FROM orders").flatMap { Int($0) } ?? 0
            guard highest < 99_999_999 else {
                throw OrderDeskError.invalidInput(field: "order number", value: String(highest), expected: "a free 8-digit number")
            }
            let number = zeroPadded(highest + 1, width: 8)
            let ownerID: Int64?, ownerLogin: String?
            if user.role == .accountManager {
                ownerID = user.id; ownerLogin = user.login
            } else {
                ownerID = customer["owner_id"]; ownerLogin = customer["owner_login"]
            }
            let name: String = customer["name"], account: String = customer["account_number"]
            try db.execute(
                sql: """
                    INSERT INTO orders(order_number, customer_id, location_id, new_location_id, customer_name, customer_key,
                      type, state, channel, owner_id, owner_login, mrr_cents, nrc_cents, term_months, booked_on, state_since,
                      updated_by, updated_at, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [number, draft.customerID, draft.locationID, draft.newLocationID, name,
                            NameMatch.key(name: name, account: account), draft.type.orderType.rawValue,
                            customer["channel"] as String, ownerID, ownerLogin, draft.totalMRR.cents, draft.totalNRC.cents,
                            draft.termMonths, Day(unixSeconds: now).iso, now, user.id, now, now])
            let orderID = db.lastInsertedRowID
            for line in draft.lines {
                try db.execute(
                    sql: "INSERT INTO order_lines(order_id, product_id, quantity, mrr_cents, nrc_cents) VALUES (?, ?, ?, ?, ?)",
                    arguments: [orderID, line.product.id, line.quantity, line.mrr.cents, line.nrc.cents])
            }
            try Audit.append(db, at: now, actorID: user.id, entity: "order", entityID: orderID, action: "create",
                             field: nil, old: nil, new: nil)
            guard let row = try Row.fetchOne(db, sql: QueueSQL.select + " WHERE o.id = ?", arguments: [orderID]) else {
                throw OrderDeskError.orderNotFound(number)
            }
            return try QueueRow.decode(row)
        }
    }
}
