import GRDB
import OrderDeskCore

extension AppDatabase {
    /// Records a CSR or an LOA of a customer (adds one when `documentID` is nil): received on a day, or
    /// missing (nil), with a note. A received LOA needs all four of its fields (the port desk compares
    /// each); a CSR carries none, so LOA fields given with one are not stored.
    public func saveDocument(
        customerID: Int64, documentID: Int64?, kind: PortingDocumentKind, receivedOn: Day?, loa: LOADetails?,
        note: String?, expectedVersion: Int64?, actor: UserAccount, now: Int64
    ) throws -> PortingDocument {
        try writer.write { db in
            let user = try RecordWrite.actingUser(db, actor, may: "record porting documents")
            try RecordWrite.requireCustomer(db, customerID)
            var current: Row?
            if let documentID {
                current = try Row.fetchOne(
                    db, sql: CustomerRecordSQL.document + " WHERE id = ? AND customer_id = ?", arguments: [documentID, customerID])
                if current == nil { throw OrderDeskError.recordNotFound(what: "document #\(documentID)") }
            }
            let letter = kind == .loa ? loa : nil
            if kind == .loa, receivedOn != nil { try RecordWrite.requireValid(Self.loaErrors(letter ?? LOADetails())) }
            let fields: [(column: String, value: String?)] = [
                ("authorized_name", RecordWrite.optional(letter?.authorizedName)),
                ("service_address", RecordWrite.optional(letter?.serviceAddress)),
                ("zip", RecordWrite.optional(letter?.zip)),
                ("btn", RecordWrite.optional(letter?.billingTelephoneNumber)),
            ]
            let note = RecordWrite.optional(note)

            let id: Int64
            if let documentID, let current {
                id = documentID
                let oldKind: String = current["kind"]
                try RecordWrite.checkVersion(
                    db, table: "porting_documents", id: id, expected: expectedVersion, what: "document \(oldKind.uppercased())")
                var update = RecordUpdate(db: db, table: "porting_documents", entity: "document", id: id, actorID: user.id, now: now)
                update.set("kind", from: oldKind, to: kind.rawValue)
                update.set("received_on", from: current["received_on"] as String?, to: receivedOn?.iso)
                for field in fields { update.set(field.column, from: current[field.column] as String?, to: field.value) }
                update.set("note", from: current["note"] as String?, to: note)
                try update.save(action: "update")
            } else {
                try db.execute(
                    sql: """
                        INSERT INTO porting_documents(customer_id, kind, received_on, authorized_name, service_address, zip, btn,
                          note, created_at, updated_by, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [customerID, kind.rawValue, receivedOn?.iso, fields[0].value, fields[1].value, fields[2].value,
                                fields[3].value, note, now, user.id, now])
                id = db.lastInsertedRowID
                try RecordWrite.auditCreation(
                    db, entity: "document", id: id, actorID: user.id, now: now,
                    fields: [("kind", kind.rawValue), ("received_on", receivedOn?.iso)] + fields.map { ($0.column, $0.value) }
                        + [("note", note)])
            }
            guard let row = try Row.fetchOne(db, sql: CustomerRecordSQL.document + " WHERE id = ?", arguments: [id]) else {
                throw OrderDeskError.recordNotFound(what: "document #\(id)")
            }
            return try CustomerRecordSQL.document(row)
        }
    }

    /// What a received LOA lacks, field by field (named as `LOAField` names them). The fields are stored
    /// as written, not corrected: whether they match the account is the LOA check's to say.
    static func loaErrors(_ loa: LOADetails) -> [FieldError] {
        [
            FieldValidation.required(loa.authorizedName, field: LOAField.authorizedName.rawValue, label: "Authorised name", maxLength: 120),
            FieldValidation.required(loa.serviceAddress, field: LOAField.serviceAddress.rawValue, label: "Service address", maxLength: 120),
            FieldValidation.zip(loa.zip, field: LOAField.zip.rawValue),
            FieldValidation.phone(loa.billingTelephoneNumber, field: LOAField.billingTelephoneNumber.rawValue, required: true),
        ].compactMap { $0 }
    }
}
