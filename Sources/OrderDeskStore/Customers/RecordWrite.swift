import GRDB
import OrderDeskCore

/// The steps every write of the customer screen takes, in this order, inside its one transaction:
/// the actor's role from the users table, the record's existence, the fields (the caller's), the
/// version the person saw, then the write with one audit row per changed field.
enum RecordWrite {
    /// The actor as the database knows them; a viewer (or a role changed since login) is refused.
    static func actingUser(_ db: Database, _ actor: UserAccount, may action: String) throws -> UserAccount {
        // The role stored in the database decides, whatever the caller holds in memory.
        guard let user = try AppDatabase.fetchUser(db, id: actor.id) else {
            throw OrderDeskError.unknownUser(login: actor.login)
        }
        guard user.role.canChangeOrders else {
            throw OrderDeskError.forbidden(login: user.login, role: user.role, action: action)
        }
        return user
    }

    /// Throws `.recordNotFound` when the customer does not exist.
    static func requireCustomer(_ db: Database, _ customerID: Int64) throws {
        guard try Int.fetchOne(db, sql: "SELECT 1 FROM customers WHERE id = ?", arguments: [customerID]) != nil else {
            throw OrderDeskError.recordNotFound(what: "customer #\(customerID)")
        }
    }

    /// Throws `.invalidFields` when the form's checks found anything.
    static func requireValid(_ errors: [FieldError]) throws {
        if !errors.isEmpty { throw OrderDeskError.invalidFields(errors) }
    }

    /// The optimistic lock: the row's version must be the one the person loaded, else the conflict names
    /// who saved it since and when. `table` is a fixed name from this module; `what` names the record for people.
    static func checkVersion(_ db: Database, table: String, id: Int64, expected: Int64?, what: String) throws {
        guard let row = try Row.fetchOne(
            db,
            sql: """
                SELECT t.version, t.updated_at, u.name, u.login FROM \(table) t LEFT JOIN users u ON u.id = t.updated_by
                WHERE t.id = ?
                """,
            arguments: [id])
        else { throw OrderDeskError.recordNotFound(what: what) }
        let version: Int64 = row[0]
        guard let expected else {
            // A form that edits a record always carries the version it loaded; without one nothing is safe to overwrite.
            throw OrderDeskError.invalidInput(field: "version", value: "none", expected: "the version of the \(what) as loaded")
        }
        guard version == expected else {
            let who: String = row[2] ?? row[3] ?? "another user"
            throw OrderDeskError.recordConflict(what: what, changedBy: who, changedAt: row[1])
        }
    }

    /// Trimmed text, or nil when blank (optional columns store NULL, not "").
    static func optional(_ text: String?) -> String? {
        guard let text else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}

/// The columns one save sets on a record (an order, a customer, a location, a contact, a document), with
/// one audit row per changed field, a version bump and who/when. `set` skips a column that keeps its value.
struct RecordUpdate {
    let db: Database
    /// A fixed table and audit entity name from this module, never user input.
    let table: String
    let entity: String
    let id: Int64
    let actorID: Int64
    let now: Int64
    private var assignments: [String] = []
    private var arguments = StatementArguments()
    private var audits: [(field: String, old: String?, new: String?)] = []

    init(db: Database, table: String, entity: String, id: Int64, actorID: Int64, now: Int64) {
        self.db = db; self.table = table; self.entity = entity; self.id = id; self.actorID = actorID; self.now = now
    }

    var isEmpty: Bool { assignments.isEmpty }

    /// Sets `column` when `new` differs from `old`, audited as `field` (the column's name when nil);
    /// `shown` writes the values as people read them in the log (a login for an owner id, a label).
    mutating func set<V: DatabaseValueConvertible & Equatable>(
        _ column: String, from old: V?, to new: V?, field: String? = nil, shown: (V?) -> String? = { $0.map { "\($0)" } }
    ) {
        guard old != new else { return }
        setAlways(column, new, audit: (field ?? column, shown(old), shown(new)))
    }

    /// Sets `column` whatever it holds; `audit` nil writes no audit row (a column that another audited one explains).
    mutating func setAlways(_ column: String, _ value: (any DatabaseValueConvertible)?, audit: (String, String?, String?)?) {
        assignments.append("\(column) = ?")
        arguments += [value]
        if let audit { audits.append((audit.0, audit.1, audit.2)) }
    }

    /// Writes the columns with a version bump and who/when, and the audit rows. Does nothing when nothing
    /// changed (unless `always`), so saving an untouched form leaves no trace and no new version.
    func save(action: String, always: Bool = false) throws {
        guard !isEmpty || always else { return }
        let sql = "UPDATE \(table) SET "
            + (assignments + ["version = version + 1", "updated_by = ?", "updated_at = ?"]).joined(separator: ", ")
            + " WHERE id = ?"
        var args = arguments
        args += [actorID, now, id]
        try db.execute(sql: sql, arguments: args)
        for audit in audits {
            try Audit.append(db, at: now, actorID: actorID, entity: entity, entityID: id, action: action,
                             field: audit.field, old: audit.old, new: audit.new)
        }
    }
}

extension RecordWrite {
    /// The audit rows of a new record: action `create`, one row per field that has a value.
    static func auditCreation(
        _ db: Database, entity: String, id: Int64, actorID: Int64, now: Int64, fields: [(String, String?)]
    ) throws {
        for (field, value) in fields where value != nil {
            try Audit.append(db, at: now, actorID: actorID, entity: entity, entityID: id, action: "create",
                             field: field, old: nil, new: value)
        }
    }
}
