import GRDB
import OrderDeskCore

extension AppDatabase {
    /// Saves the customer's own fields (one transaction): role, fields, owner, version, then the update,
    /// one audit row per changed field, and the copies of the name that orders and the search keep.
    /// Returns the saved header.
    public func updateCustomer(
        id: Int64, edit: CustomerEdit, expectedVersion: Int64, actor: UserAccount, now: Int64
    ) throws -> CustomerHeader {
        try writer.write { db in
            let user = try RecordWrite.actingUser(db, actor, may: "change customers")
            guard let current = try Row.fetchOne(
                db,
                sql: """
                    SELECT c.name, c.account_number, c.segment, c.channel, c.phone, c.owner_id, u.login AS owner_login
                    FROM customers c LEFT JOIN users u ON u.id = c.owner_id WHERE c.id = ?
                    """,
                arguments: [id])
            else { throw OrderDeskError.recordNotFound(what: "customer #\(id)") }
            let oldName: String = current["name"]
            try RecordWrite.requireValid(edit.validate())
            let edit = edit.normalized
            var ownerID: Int64? = current["owner_id"]
            let oldOwnerLogin: String? = current["owner_login"]
            if edit.ownerLogin.isEmpty {
                ownerID = nil
            } else if edit.ownerLogin != oldOwnerLogin {
                // Only a new owner is checked: an owner whose role has changed since does not block
                // saving the customer's other fields.
                let owner = try Self.fetchUser(db, login: edit.ownerLogin)
                guard let owner, owner.role == .accountManager || owner.role == .supervisor else {
                    throw OrderDeskError.invalidFields([FieldError(
                        field: "owner",
                        message: "'\(edit.ownerLogin)' is not an account manager or supervisor: give one's login, or leave it empty for no owner.")])
                }
                ownerID = owner.id
            }
            try RecordWrite.checkVersion(db, table: "customers", id: id, expected: expectedVersion, what: "customer \(oldName)")

            var update = RecordUpdate(db: db, table: "customers", entity: "customer", id: id, actorID: user.id, now: now)
            update.set("name", from: oldName, to: edit.name)
            update.set("segment", from: current["segment"] as String, to: edit.segment)
            update.set("channel", from: current["channel"] as String, to: edit.channel.rawValue)
            update.set("phone", from: current["phone"] as String?, to: edit.phone)
            if current["owner_id"] as Int64? != ownerID {
                update.setAlways("owner_id", ownerID, audit: ("owner", oldOwnerLogin, ownerID == nil ? nil : edit.ownerLogin))
            }
            try update.save(action: "update")

            if edit.name != oldName {
                // The queue sorts and searches orders by these copies (no join on a million rows); the orders
                // themselves did not change, so their versions stay and nobody editing one gets a conflict.
                let account: String = current["account_number"]
                try db.execute(
                    sql: "UPDATE orders SET customer_name = ?, customer_key = ? WHERE customer_id = ?",
                    arguments: [edit.name, NameMatch.key(name: edit.name, account: account), id])
            }
            if !update.isEmpty { try CustomerSearchIndex.refresh(db, customerID: id) }
            guard let header = try CustomerRecordSQL.header(db, id: id) else {
                throw OrderDeskError.recordNotFound(what: "customer #\(id)")
            }
            return header
        }
    }

    /// Writes a note on the customer's timeline (audited like an order's note). The customer's version
    /// is left alone: a note changes none of its fields, and someone editing them should not get a conflict.
    public func addCustomerNote(customerID: Int64, text: String, actor: UserAccount, now: Int64) throws {
        try writer.write { db in
            let user = try RecordWrite.actingUser(db, actor, may: "write customer notes")
            try RecordWrite.requireCustomer(db, customerID)
            let note = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !note.isEmpty else {
                throw OrderDeskError.invalidFields([FieldError(field: "note", message: "Write the note first: it is empty.")])
            }
            try db.execute(
                sql: "INSERT INTO customer_notes(customer_id, author_id, at, text) VALUES (?, ?, ?, ?)",
                arguments: [customerID, user.id, now, note])
            try Audit.append(db, at: now, actorID: user.id, entity: "customer", entityID: customerID, action: "note",
                             field: "note", old: nil, new: note)
        }
    }
}
