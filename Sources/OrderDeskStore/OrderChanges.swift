import GRDB
import OrderDeskCore

extension AppDatabase {
    /// One transaction: role check, version check, workflow check, update, audit rows. Returns the updated row.
    public func apply(
        _ change: OrderChange, toOrder id: Int64, expectedVersion: Int64, actor: UserAccount, now: Int64
    ) throws -> QueueRow {
        try writer.write { db in
            // The role stored in the database decides, whatever the caller holds in memory.
            guard let user = try Self.fetchUser(db, id: actor.id) else {
                throw OrderDeskError.unknownUser(login: actor.login)
            }
            guard user.role.canChangeOrders else {
                throw OrderDeskError.forbidden(login: user.login, role: user.role, action: "change orders")
            }
            guard let current = try Row.fetchOne(
                db,
                sql: """
                    SELECT o.order_number, o.state, o.version, o.owner_id, o.owner_login, o.location_id,
                           o.reason_code, o.install_on, o.bill_start_on, o.submitted_on, o.updated_at,
                           u.name AS updated_by_name, u.login AS updated_by_login
                    FROM orders o LEFT JOIN users u ON u.id = o.updated_by WHERE o.id = ?
                    """,
                arguments: [id])
            else { throw OrderDeskError.orderNotFound(String(id)) }

            let number: String = current["order_number"]
            let version: Int64 = current["version"]
            guard version == expectedVersion else {
                let who: String = current["updated_by_name"] ?? current["updated_by_login"] ?? "another user"
                throw OrderDeskError.conflict(orderNumber: number, changedBy: who, changedAt: current["updated_at"])
            }

            var changes = RecordUpdate(db: db, table: "orders", entity: "order", id: id, actorID: user.id, now: now)
            switch change {
            case .take:
                let oldLogin: String? = current["owner_login"]
                // Taking an order one already owns changes nothing, so it writes nothing.
                if oldLogin != user.login {
                    changes.setAlways("owner_id", user.id, audit: nil)
                    changes.setAlways("owner_login", user.login, audit: ("owner", oldLogin, user.login))
                    try changes.save(action: "take", always: true)
                }
            case let .move(target, input):
                let stateRaw: String = current["state"]
                guard let state = OrderState(rawValue: stateRaw) else {
                    throw StoreError.corruptValue(column: "orders.state", value: stateRaw)
                }
                let locationID: Int64? = current["location_id"]
                let pricedLines = try Int.fetchOne(
                    db,
                    sql: "SELECT count(*) FROM order_lines l JOIN products p ON p.id = l.product_id WHERE l.order_id = ?",
                    arguments: [id]) ?? 0
                let context = TransitionContext(hasLocation: locationID != nil, pricedLineCount: pricedLines)
                try Workflow.validate(from: state, to: target, input: input, context: context)

                changes.setAlways("state", target.rawValue, audit: ("state", state.rawValue, target.rawValue))
                changes.setAlways("state_since", now, audit: nil)
                // A reason explains the current state only; moving on clears it (the log keeps it).
                let needsReason = Workflow.requirements(for: target).contains(.reasonCode)
                let reason = needsReason ? input.reasonCode?.trimmingCharacters(in: .whitespaces) : nil
                let oldReason: String? = current["reason_code"]
                if reason != oldReason {
                    changes.setAlways("reason_code", reason, audit: ("reason_code", oldReason, reason))
                }
                let oldInstall: String? = current["install_on"]
                if let install = input.installDate?.iso, install != oldInstall {
                    changes.setAlways("install_on", install, audit: ("install_on", oldInstall, install))
                }
                let oldBillStart: String? = current["bill_start_on"]
                if let billStart = input.billStartDate?.iso, billStart != oldBillStart {
                    changes.setAlways("bill_start_on", billStart, audit: ("bill_start_on", oldBillStart, billStart))
                }
                let oldSubmitted: String? = current["submitted_on"]
                if target == .submitted, oldSubmitted == nil {
                    let today = Day(unixSeconds: now).iso
                    changes.setAlways("submitted_on", today, audit: ("submitted_on", nil, today))
                }
                try changes.save(action: "move", always: true)
                if let note = input.note?.trimmingCharacters(in: .whitespacesAndNewlines), !note.isEmpty {
                    try Self.insertNote(db, orderID: id, authorID: user.id, text: note, now: now)
                }
            case let .addNote(text):
                let note = text.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !note.isEmpty else {
                    throw OrderDeskError.invalidInput(field: "note", value: text, expected: "some text")
                }
                // A note is part of what others see, so it takes a version like any other change.
                try changes.save(action: "note", always: true)
                try Self.insertNote(db, orderID: id, authorID: user.id, text: note, now: now)
            }
            guard let row = try Row.fetchOne(db, sql: QueueSQL.select + " WHERE o.id = ?", arguments: [id]) else {
                throw OrderDeskError.orderNotFound(number)
            }
            return try QueueRow.decode(row)
        }
    }

    static func insertNote(_ db: Database, orderID: Int64, authorID: Int64, text: String, now: Int64) throws {
        try db.execute(
            sql: "INSERT INTO order_notes(order_id, author_id, at, text) VALUES (?, ?, ?, ?)",
            arguments: [orderID, authorID, now, text])
        try Audit.append(db, at: now, actorID: authorID, entity: "order", entityID: orderID, action: "note",
                         field: "note", old: nil, new: text)
    }
}
