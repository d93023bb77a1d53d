import GRDB
import OrderDeskCore

extension AppDatabase {
    /// Adds a contact to a customer (`contactID` nil) or saves one (with the version the person saw).
    public func saveContact(
        customerID: Int64, contactID: Int64?, edit: ContactEdit, expectedVersion: Int64?, actor: UserAccount, now: Int64
    ) throws -> Contact {
        try writer.write { db in
            let user = try RecordWrite.actingUser(db, actor, may: "change contacts")
            try RecordWrite.requireCustomer(db, customerID)
            var current: Row?
            if let contactID {
                // A removed contact is gone for the screen: saving it again would bring it back unseen.
                current = try Row.fetchOne(
                    db, sql: CustomerRecordSQL.contact + " WHERE id = ? AND customer_id = ? AND removed_at IS NULL",
                    arguments: [contactID, customerID])
                if current == nil { throw OrderDeskError.recordNotFound(what: "contact #\(contactID)") }
            }
            try RecordWrite.requireValid(edit.validate())
            let edit = edit.normalized
            let phone = RecordWrite.optional(edit.phone), email = RecordWrite.optional(edit.email)

            let id: Int64
            if let contactID, let current {
                id = contactID
                let oldName: String = current["name"]
                try RecordWrite.checkVersion(db, table: "contacts", id: id, expected: expectedVersion, what: "contact \(oldName)")
                var update = RecordUpdate(db: db, table: "contacts", entity: "contact", id: id, actorID: user.id, now: now)
                update.set("name", from: oldName, to: edit.name)
                update.set("role", from: current["role"] as String, to: edit.role.rawValue)
                update.set("phone", from: current["phone"] as String?, to: phone)
                update.set("email", from: current["email"] as String?, to: email)
                try update.save(action: "update")
            } else {
                try db.execute(
                    sql: """
                        INSERT INTO contacts(customer_id, name, role, phone, email, created_at, updated_by, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [customerID, edit.name, edit.role.rawValue, phone, email, now, user.id, now])
                id = db.lastInsertedRowID
                try RecordWrite.auditCreation(
                    db, entity: "contact", id: id, actorID: user.id, now: now,
                    fields: [("name", edit.name), ("role", edit.role.rawValue), ("phone", phone), ("email", email)])
            }
            guard let row = try Row.fetchOne(db, sql: CustomerRecordSQL.contact + " WHERE id = ?", arguments: [id]) else {
                throw OrderDeskError.recordNotFound(what: "contact #\(id)")
            }
            return try CustomerRecordSQL.contact(row)
        }
    }

    /// Removes a contact from the screen (audited). The row stays, marked removed, so the timeline and
    /// the audit log still name the person.
    public func removeContact(id: Int64, expectedVersion: Int64, actor: UserAccount, now: Int64) throws {
        try writer.write { db in
            let user = try RecordWrite.actingUser(db, actor, may: "change contacts")
            guard let current = try Row.fetchOne(
                db, sql: CustomerRecordSQL.contact + " WHERE id = ? AND removed_at IS NULL", arguments: [id])
            else { throw OrderDeskError.recordNotFound(what: "contact #\(id)") }
            let name: String = current["name"]
            try RecordWrite.checkVersion(db, table: "contacts", id: id, expected: expectedVersion, what: "contact \(name)")
            var update = RecordUpdate(db: db, table: "contacts", entity: "contact", id: id, actorID: user.id, now: now)
            update.setAlways("removed_at", now, audit: ("contact", name, nil))
            try update.save(action: "remove")
        }
    }
}
