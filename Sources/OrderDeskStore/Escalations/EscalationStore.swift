import GRDB
import OrderDeskCore

extension AppDatabase {
    /// Raises an escalation on an order (anyone but a viewer). Its due time follows the severity's SLA;
    /// its owner is `ownerLogin` (a supervisor or a director) or, when nil, the supervisor with the fewest
    /// open escalations. A first note is written when given.
    public func raiseEscalation(orderID: Int64, reason: EscalationReason, severity: EscalationSeverity, note: String?,
                                ownerLogin: String? = nil, actor: UserAccount, now: Int64) throws -> EscalationRecord {
        try writer.write { db in
            let user = try RecordWrite.actingUser(db, actor, may: "raise escalations")
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM orders WHERE id = ?", arguments: [orderID]) != nil else {
                throw OrderDeskError.recordNotFound(what: "order #\(orderID)")
            }
            let owner = try EscalationSQL.owner(db, login: ownerLogin)
            let due = try Self.slaPolicy(db).due(raisedAt: now, severity: severity)
            try db.execute(sql: """
                INSERT INTO escalations(order_id, reason, severity, status, raised_by, raised_at, owner_id, due_at,
                                        updated_by, updated_at)
                VALUES (?, ?, ?, 'open', ?, ?, ?, ?, ?, ?)
                """, arguments: [orderID, reason.rawValue, severity.rawValue, user.id, now, owner, due, user.id, now])
            let id = db.lastInsertedRowID
            try Audit.append(db, at: now, actorID: user.id, entity: "escalation", entityID: id, action: "raise",
                             field: "status", old: nil, new: "open")
            if let note, !note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                try EscalationSQL.addNote(db, escalationID: id, text: note, authorID: user.id, now: now)
            }
            return try EscalationSQL.record(db, id: id)
        }
    }

    /// A supervisor's step (acknowledge, resolve, reopen, reassign), with the version the person saw.
    /// Account managers and viewers are refused (`OrderDeskError.forbidden`), whatever the UI offers.
    public func stepEscalation(id: Int64, _ step: EscalationStep, expectedVersion: Int64, actor: UserAccount,
                               now: Int64) throws -> EscalationRecord {
        try writer.write { db in
            let user = try EscalationSQL.supervisor(db, actor, may: "handle escalations")
            let current = try EscalationSQL.record(db, id: id)
            try RecordWrite.checkVersion(db, table: "escalations", id: id, expected: expectedVersion,
                                         what: "escalation of order \(current.orderNumber)")
            let target: EscalationStatus
            switch step {
            case .acknowledge:
                guard current.status == .open else { throw EscalationSQL.refusal(current, "acknowledged") }
                target = .acknowledged
                try db.execute(sql: "UPDATE escalations SET status = 'acknowledged', acknowledged_by = ?, acknowledged_at = ? WHERE id = ?",
                               arguments: [user.id, now, id])
            case .resolve(let note):
                guard current.status.isActive else { throw EscalationSQL.refusal(current, "resolved") }
                let text = note.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !text.isEmpty else {
                    throw OrderDeskError.invalidFields([FieldError(field: "resolution", message: "Say how it was resolved.")])
                }
                target = .resolved
                try db.execute(sql: "UPDATE escalations SET status = 'resolved', resolved_by = ?, resolved_at = ?, resolution = ? WHERE id = ?",
                               arguments: [user.id, now, text, id])
            case .reopen:
                guard current.status == .resolved else { throw EscalationSQL.refusal(current, "reopened") }
                target = .open
                try db.execute(sql: """
                    UPDATE escalations SET status = 'open', resolved_by = NULL, resolved_at = NULL, resolution = NULL,
                      acknowledged_by = NULL, acknowledged_at = NULL WHERE id = ?
                    """, arguments: [id])
            case .reassign(let login):
                guard current.status.isActive else { throw EscalationSQL.refusal(current, "reassigned") }
                let owner = try EscalationSQL.owner(db, login: login)
                target = current.status
                try db.execute(sql: "UPDATE escalations SET owner_id = ? WHERE id = ?", arguments: [owner, id])
                try Audit.append(db, at: now, actorID: user.id, entity: "escalation", entityID: id, action: "reassign",
                                 field: "owner", old: current.ownerLogin, new: login)
            }
            try db.execute(sql: "UPDATE escalations SET version = version + 1, updated_by = ?, updated_at = ? WHERE id = ?",
                           arguments: [user.id, now, id])
            if target != current.status {
                try Audit.append(db, at: now, actorID: user.id, entity: "escalation", entityID: id,
                                 action: target == .open ? "reopen" : target == .acknowledged ? "acknowledge" : "resolve",
                                 field: "status", old: current.status.rawValue, new: target.rawValue)
            }
            return try EscalationSQL.record(db, id: id)
        }
    }

    /// Adds a note to an escalation's thread (supervisors and directors; an account manager reads them).
    public func addEscalationNote(id: Int64, text: String, actor: UserAccount, now: Int64) throws -> EscalationRecord {
        try writer.write { db in
            let user = try EscalationSQL.supervisor(db, actor, may: "write on escalations")
            _ = try EscalationSQL.record(db, id: id)
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw OrderDeskError.invalidFields([FieldError(field: "note", message: "Write the note first.")])
            }
            try EscalationSQL.addNote(db, escalationID: id, text: text, authorID: user.id, now: now)
            // A note moves the version too, so the status view marks the row as changed.
            try db.execute(sql: "UPDATE escalations SET version = version + 1, updated_by = ?, updated_at = ? WHERE id = ?",
                           arguments: [user.id, now, id])
            return try EscalationSQL.record(db, id: id)
        }
    }

    /// One escalation with its notes.
    public func escalation(id: Int64) throws -> EscalationRecord {
        try writer.read { db in try EscalationSQL.record(db, id: id) }
    }

    /// An order's escalations, newest first.
    public func escalations(orderID: Int64) throws -> [EscalationRecord] {
        try writer.read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM escalations WHERE order_id = ? ORDER BY raised_at DESC, id DESC",
                               arguments: [orderID]).map { try EscalationSQL.record(db, id: $0) }
        }
    }

    /// Runs the automatic rules over the orders stuck in not_done, held, pending or scheduled and raises one
    /// escalation for each cause not raised before; returns how many it raised. `policy` defaults to the
    /// settings' (`autoEscalationPolicy()`); due times follow the settings' SLAs. Safe to run from several
    /// desks and from cron at once: a cause is unique per order in the table. When every cause is already
    /// raised (the usual case) it only reads, and takes no write lock.
    @discardableResult
    public func runAutoEscalations(now: Int64, policy: AutoEscalationPolicy? = nil) throws -> Int {
        let pending = try writer.read { db in
            try !EscalationSQL.unraisedStuckOrders(db, now: now, policy: policy ?? Self.autoEscalationPolicy(db)).isEmpty
        }
        guard pending else { return 0 }
        return try writer.write { db in
            let policy = try policy ?? Self.autoEscalationPolicy(db)
            let sla = try Self.slaPolicy(db)
            var raised = 0
            for facts in try EscalationSQL.unraisedStuckOrders(db, now: now, policy: policy) {
                guard let finding = AutoEscalation.finding(for: facts, now: now, policy: policy) else { continue }
                // The query skips causes already raised (by the cause as SQL spells it); this checks the cause
                // as the rules spell it before the owner is chosen, and the insert still ignores a cause another
                // desk raised meanwhile.
                let known = try Bool.fetchOne(db, sql: "SELECT 1 FROM escalations WHERE order_id = ? AND cause = ?",
                                              arguments: [finding.orderID, finding.cause]) ?? false
                if known { continue }
                let owner = try EscalationSQL.owner(db, login: nil)
                try db.execute(sql: """
                    INSERT INTO escalations(order_id, reason, severity, status, raised_by, raised_at, owner_id, due_at, cause,
                                            updated_at)
                    VALUES (?, ?, ?, 'open', NULL, ?, ?, ?, ?, ?)
                    ON CONFLICT (order_id, cause) WHERE cause IS NOT NULL DO NOTHING
                    """, arguments: [finding.orderID, finding.rule.reason.rawValue, finding.severity.rawValue, now, owner,
                                     sla.due(raisedAt: now, severity: finding.severity), finding.cause, now])
                guard db.changesCount > 0 else { continue }
                let id = db.lastInsertedRowID
                try Audit.append(db, at: now, actorID: nil, entity: "escalation", entityID: id, action: "raise",
                                 field: "status", old: nil, new: "open")
                try EscalationSQL.addNote(db, escalationID: id, text: "Raised by the rules: " + finding.note + ".",
                                          authorID: nil, now: now)
                raised += 1
            }
            return raised
        }
    }
}

/// The escalations' SQL, shared by the writes and the reads.
enum EscalationSQL {
    /// The acting user, who must be a supervisor or a director (as stored).
    static func supervisor(_ db: Database, _ actor: UserAccount, may action: String) throws -> UserAccount {
        guard let user = try AppDatabase.fetchUser(db, id: actor.id) else { throw OrderDeskError.unknownUser(login: actor.login) }
        guard user.role.handlesEscalations else {
            throw OrderDeskError.forbidden(login: user.login, role: user.role, action: action)
        }
        return user
    }

    /// The owner's id: the named supervisor or director, or the supervisor with the fewest active escalations.
    static func owner(_ db: Database, login: String?) throws -> Int64? {
        if let login {
            guard let user = try AppDatabase.fetchUser(db, login: login) else { throw OrderDeskError.unknownUser(login: login) }
            guard user.role.handlesEscalations else {
                throw OrderDeskError.refused("\(login) is a \(user.role.rawValue): an escalation's owner is a supervisor or a director.")
            }
            return user.id
        }
        return try Int64.fetchOne(db, sql: """
            SELECT u.id FROM users u
            WHERE u.role = 'supervisor'
            ORDER BY (SELECT count(*) FROM escalations e WHERE e.owner_id = u.id AND e.status != 'resolved'), u.login
            LIMIT 1
            """)
    }

    /// The cause `AutoEscalation.finding` gives an order's current stuck episode, as SQL over `orders`
    /// (`not_done@1764400000`, `install_date_missed@1764400000@2026-05-27`). `stuckOrderCauseMatchesTheRules`
    /// holds the two spellings together; if they ever drift, more orders reach the exact check, none fewer.
    static let stuckCauseSQL = """
        CASE o.state WHEN 'scheduled' THEN 'install_date_missed@' || o.state_since || '@' || o.install_on
        ELSE o.state || '@' || o.state_since END
        """

    /// The orders a rule applies to at `now` whose current cause has no escalation yet: one range of
    /// `orders_stuck` a rule, and one lookup of `escalations_cause` per stuck order.
    static func unraisedStuckOrders(_ db: Database, now: Int64, policy: AutoEscalationPolicy) throws -> [StuckOrderFacts] {
        let ranges: [(state: OrderState, column: String, below: any DatabaseValueConvertible)] = [
            (.notDone, "state_since", now - Int64(policy.notDoneDays) * 86_400),
            (.held, "state_since", now - Int64(policy.heldDays) * 86_400),
            (.pending, "state_since", now - Int64(policy.pendingDays) * 86_400),
            (.scheduled, "install_on", Day(unixSeconds: now).iso),
        ]
        let sql = ranges.map { range in
            """
            SELECT o.id, o.state, o.state_since, o.install_on FROM orders o INDEXED BY orders_stuck
            WHERE \(Migrations.stuckOrderSQL) AND o.state = ? AND o.\(range.column) < ?
              AND NOT EXISTS (SELECT 1 FROM escalations e WHERE e.order_id = o.id AND e.cause = \(stuckCauseSQL))
            """
        }.joined(separator: " UNION ALL ")
        return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(ranges.flatMap { [$0.state.rawValue as any DatabaseValueConvertible, $0.below] })).compactMap { row in
            guard let state = OrderState(rawValue: row[1]) else { return nil }
            return StuckOrderFacts(orderID: row[0], state: state, stateSince: row[2],
                                   installOn: (row[3] as String?).flatMap { Day(iso: $0) })
        }
    }

    static func addNote(_ db: Database, escalationID: Int64, text: String, authorID: Int64?, now: Int64) throws {
        try db.execute(sql: "INSERT INTO escalation_notes(escalation_id, author_id, at, text) VALUES (?, ?, ?, ?)",
                       arguments: [escalationID, authorID, now, text.trimmingCharacters(in: .whitespacesAndNewlines)])
        try Audit.append(db, at: now, actorID: authorID, entity: "escalation", entityID: escalationID, action: "note",
                         field: nil, old: nil, new: text)
    }

    static func refusal(_ record: EscalationRecord, _ pastTense: String) -> OrderDeskError {
        let allowed = record.status.next.map(\.label).joined(separator: " or ")
        return .refused("The escalation of order \(record.orderNumber) is \(record.status.label), so it cannot be \(pastTense); it can be \(allowed).")
    }

    static func record(_ db: Database, id: Int64) throws -> EscalationRecord {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT e.*, o.order_number, o.customer_name, r.login AS raised_login, w.login AS owner_login
            FROM escalations e JOIN orders o ON o.id = e.order_id
            LEFT JOIN users r ON r.id = e.raised_by LEFT JOIN users w ON w.id = e.owner_id
            WHERE e.id = ?
            """, arguments: [id]) else { throw OrderDeskError.recordNotFound(what: "escalation #\(id)") }
        func decode<T: RawRepresentable>(_ type: T.Type, _ column: String) throws -> T where T.RawValue == String {
            let raw: String = row[column]
            guard let value = T(rawValue: raw) else { throw StoreError.corruptValue(column: "escalations.\(column)", value: raw) }
            return value
        }
        let notes = try Row.fetchAll(db, sql: """
            SELECT n.at, n.text, u.login FROM escalation_notes n LEFT JOIN users u ON u.id = n.author_id
            WHERE n.escalation_id = ? ORDER BY n.at, n.id
            """, arguments: [id]).map { EscalationNote(at: $0["at"], authorLogin: $0["login"], text: $0["text"]) }
        return EscalationRecord(
            id: row["id"], orderID: row["order_id"], orderNumber: row["order_number"], customerName: row["customer_name"],
            reason: try decode(EscalationReason.self, "reason"), severity: try decode(EscalationSeverity.self, "severity"),
            status: try decode(EscalationStatus.self, "status"), raisedByLogin: row["raised_login"], raisedAt: row["raised_at"],
            ownerLogin: row["owner_login"], dueAt: row["due_at"], acknowledgedAt: row["acknowledged_at"],
            resolvedAt: row["resolved_at"], resolution: row["resolution"], cause: row["cause"], version: row["version"],
            notes: notes)
    }
}
