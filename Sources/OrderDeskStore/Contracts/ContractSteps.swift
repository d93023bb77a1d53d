import GRDB
import OrderDeskCore

/// The lifecycle's steps, each one transaction: the actor's role as stored, the version the person saw,
/// the lifecycle's check (`ContractLifecycle.check`), what the step itself needs (a comment, a reason),
/// then the update with a version bump and its audit rows (the status change last, so the history,
/// newest first, shows it above the comment or route it came with).
enum ContractSteps {
    static func step(_ db: Database, id: Int64, _ step: ContractStep, expectedVersion: Int64, actor: UserAccount, now: Int64) throws {
        guard let user = try AppDatabase.fetchUser(db, id: actor.id) else { throw OrderDeskError.unknownUser(login: actor.login) }
        guard let row = try Row.fetchOne(db, sql: ContractSQL.detailSelect + " WHERE c.id = ?", arguments: [id]) else {
            throw OrderDeskError.recordNotFound(what: ContractSQL.what(ContractSQL.number(id)))
        }
        let number: String = row["number"]
        try RecordWrite.checkVersion(db, table: "contracts", id: id, expected: expectedVersion, what: ContractSQL.what(number))
        let status = try ContractSQL.decode(ContractStatus.self, row["status"], column: "contracts.status")
        var startOn: Day?
        if case let .activate(given) = step { startOn = given }
        try ContractLifecycle.check(step.action, try ContractChanges.facts(row, status: status, startOn: startOn), by: user)
        guard let target = ContractLifecycle.target(of: step.action, from: status) else {
            throw OrderDeskError.refused("\(number) is \(status.label).")  // check() refuses first; kept for the compiler
        }
        var write = StepWrite(db: db, id: id, actorID: user.id, now: now, action: step.action.rawValue)
        let today = Day(unixSeconds: now)

        switch step {
        case .submit:
            let terms = try ContractSQL.terms(row, lines: try ContractSQL.lines(db, contractID: id))
            // The parent may have ended since the draft was saved (an addendum amends an active contract only).
            try RecordWrite.requireValid(terms.validate() + ContractChanges.referenceErrors(db, terms, contractID: id))
            let route = ApprovalRouting.assess(terms, policy: try AppDatabase.contractPolicy(db)).route
            let next: ContractStatus = route.level == .none ? .approved : .pendingApproval
            write.set("submitted_by", user.id)
            write.set("submitted_at", now)
            write.set("required_level", route.level.rawValue)
            write.set("needs_comment", route.needsComment)
            write.set("route_summary", route.summary)
            if next == .approved {
                // No one decides a contract no rule sends anywhere: an earlier rejection no longer stands.
                clearDecision(&write)
            }
            write.audit("route", nil, route.summary)
            write.status(from: status, to: next)
        case .withdraw:
            clearSubmission(&write)
            // An approval is for the terms as submitted: withdrawn, it no longer stands. A rejection stays
            // on the draft, so the submitter still reads why.
            if row["decision"] as String? == "approved" { clearDecision(&write) }
            write.status(from: status, to: target)
        case let .approve(comment):
            let comment = RecordWrite.optional(comment)
            if row["needs_comment"] as Bool && comment == nil {
                throw OrderDeskError.refused(
                    "\(number) has a negative NPV: a director approves it only with a comment. Write why it is worth signing, then approve.")
            }
            write.set("decision", "approved")
            write.set("decided_by", user.id)
            write.set("decided_at", now)
            write.set("decision_comment", comment)
            if let comment { write.audit("comment", nil, comment) }
            write.status(from: status, to: target)
        case let .reject(comment):
            guard let comment = RecordWrite.optional(comment) else {
                let who = (row["submitted_by_login"] as String?) ?? "the submitter"
                throw OrderDeskError.refused("Write a comment to reject \(number): it tells \(who) what to change.")
            }
            clearSubmission(&write)
            write.set("decision", "rejected")
            write.set("decided_by", user.id)
            write.set("decided_at", now)
            write.set("decision_comment", comment)
            write.audit("comment", nil, comment)
            write.status(from: status, to: target)
        case .send:
            write.set("sent_on", today.iso)
            write.audit("sent_on", nil, today.iso)
            write.status(from: status, to: target)
        case let .activate(given):
            let oldStart = try QueueRow.day(row["start_on"], column: "contracts.start_on")
            guard let start = given ?? oldStart else {
                throw OrderDeskError.refused("\(number) has no start date: give the day service starts to activate it.")
            }
            let terms = row["term_months"] as Int
            let end = ContractSummary.endDay(start: start, months: terms)
            if start != oldStart {
                write.set("start_on", start.iso)
                write.audit("start_on", oldStart?.iso, start.iso)
            }
            write.set("end_on", end.iso)
            write.status(from: status, to: target)
        case let .terminate(on, reason):
            guard let reason = RecordWrite.optional(reason) else {
                throw OrderDeskError.refused("Give the reason \(number) ends early (the customer closed the site, moved to a competitor…).")
            }
            if let start = try QueueRow.day(row["start_on"], column: "contracts.start_on"), on < start {
                throw OrderDeskError.refused("\(number) started on \(start.iso): it cannot end before that (\(on.iso)).")
            }
            write.set("terminated_on", on.iso)
            write.audit("reason", nil, reason)
            write.audit("terminated_on", nil, on.iso)
            write.status(from: status, to: target)
        }
        try write.save()
    }

    /// Closes active contracts whose term ended before `today`, each audited as the actor's `expire`.
    static func expire(_ db: Database, today: Day, actor: UserAccount, now: Int64) throws -> Int {
        let user = try RecordWrite.actingUser(db, actor, may: "expire contracts")
        let due = try Row.fetchAll(
            db, sql: "SELECT id, number, start_on FROM contracts WHERE status = 'active' AND end_on < ? ORDER BY id",
            arguments: [today.iso])
        for row in due {
            let facts = ContractFacts(number: row["number"], status: .active, submittedBy: nil, requiredLevel: .none,
                                      startOn: try QueueRow.day(row["start_on"], column: "contracts.start_on"))
            try ContractLifecycle.check(.expire, facts, by: user)
            var write = StepWrite(db: db, id: row["id"], actorID: user.id, now: now, action: ContractAction.expire.rawValue)
            write.status(from: .active, to: .expired)
            try write.save()
        }
        return due.count
    }

    private static func clearSubmission(_ write: inout StepWrite) {
        write.set("submitted_by", nil)
        write.set("submitted_at", nil)
        write.set("required_level", ApprovalLevel.none.rawValue)
        write.set("needs_comment", false)
        write.set("route_summary", nil)
    }

    private static func clearDecision(_ write: inout StepWrite) {
        write.set("decision", nil)
        write.set("decided_by", nil)
        write.set("decided_at", nil)
        write.set("decision_comment", nil)
    }
}

/// The columns and audit rows of one step: written together with a version bump and who/when.
private struct StepWrite {
    let db: Database
    let id: Int64
    let actorID: Int64
    let now: Int64
    /// The audit action: the step's name.
    let action: String
    private var assignments: [String] = []
    private var arguments = StatementArguments()
    private var audits: [(field: String, old: String?, new: String?)] = []

    init(db: Database, id: Int64, actorID: Int64, now: Int64, action: String) {
        self.db = db; self.id = id; self.actorID = actorID; self.now = now; self.action = action
    }

    /// `column` is a fixed name from this file, never input.
    mutating func set(_ column: String, _ value: (any DatabaseValueConvertible)?) {
        assignments.append(column + " = ?")
        arguments += [value]
    }

    mutating func audit(_ field: String, _ old: String?, _ new: String?) { audits.append((field, old, new)) }

    mutating func status(from old: ContractStatus, to new: ContractStatus) {
        set("status", new.rawValue)
        audit("status", old.rawValue, new.rawValue)
    }

    func save() throws {
        var args = arguments
        args += [actorID, now, id]
        try db.execute(
            sql: "UPDATE contracts SET " + (assignments + ["version = version + 1", "updated_by = ?", "updated_at = ?"]).joined(separator: ", ")
                + " WHERE id = ?",
            arguments: args)
        for audit in audits {
            try Audit.append(db, at: now, actorID: actorID, entity: "contract", entityID: id, action: action,
                             field: audit.field, old: audit.old, new: audit.new)
        }
    }
}
