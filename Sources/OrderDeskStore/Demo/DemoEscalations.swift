import GRDB
import OrderDeskCore

/// The demo's escalations, written the way the store writes them (rows, note threads, audit trail):
///
/// - one automatic escalation for the current cause of every order the rules would escalate at the demo's
///   `now`, raised when the rule first applied (so running the rules right after the build raises nothing),
///   most of them resolved long ago, the recent ones still open or acknowledged;
/// - manual ones raised by account managers on about 2% of the open orders over the last 20 days, with notes;
/// - four fixed cases on the demo's first customers, whatever the seed (README): a breached P1 on Café Roma
///   LLC, a P1 due within the hour on Ñandú Imports, an on-time P2 owned by the director on Crème Brûlée
///   Bakery, and a reopened P3 on Müller & Söhne GmbH.
///
/// Deterministic for the seed, from a stream of its own (the rest of the demo does not change with it).
struct DemoEscalations {
    /// An order the builder picked: stuck (the rules' finding at `now`) or chosen for a manual escalation.
    struct Candidate {
        let orderID: Int64
        let ownerID: Int64?
        let createdAt: Int64
        let facts: StuckOrderFacts
        let finding: AutoEscalationFinding?
        let manual: Bool
    }

    let db: Database
    let now: Int64
    let managers: [Int64]
    let supervisors: [Int64]
    let directors: [Int64]
    var random: SeededRandom
    var logins: [Int64: String] = [:]

    init(db: Database, seed: UInt64, now: Int64, managers: [Int64], supervisors: [Int64], directors: [Int64]) {
        self.db = db; self.now = now; self.managers = managers; self.supervisors = supervisors; self.directors = directors
        random = SeededRandom(seed: seed ^ 0xE5CA_1A7E_0006)
    }

    /// One escalation to write: its row, then its steps and notes in time order.
    struct Planned {
        var orderID: Int64
        var reason: EscalationReason
        var severity: EscalationSeverity
        var raisedBy: Int64?
        var raisedAt: Int64
        var owner: Int64
        var cause: String?
        var events: [Event] = []
    }

    enum Event {
        case note(at: Int64, by: Int64?, text: String)
        case acknowledge(at: Int64, by: Int64)
        case resolve(at: Int64, by: Int64, text: String)
        case reopen(at: Int64, by: Int64)
        case reassign(at: Int64, by: Int64, to: Int64)

        var at: Int64 {
            switch self {
            case .note(let at, _, _), .acknowledge(let at, _), .resolve(let at, _, _), .reopen(let at, _), .reassign(let at, _, _): return at
            }
        }
    }

    mutating func build(_ candidates: [Candidate]) throws {
        for row in try Row.fetchAll(db, sql: "SELECT id, login FROM users") { logins[row[0]] = row[1] }
        guard !supervisors.isEmpty else { return }
        var planned: [Planned] = []
        for candidate in candidates {
            if let finding = candidate.finding { planned.append(automatic(candidate, finding)) }
            if candidate.manual, let escalation = manual(candidate) { planned.append(escalation) }
        }
        planned += try fixedCases()
        planned.sort { ($0.raisedAt, $0.orderID) < ($1.raisedAt, $1.orderID) }
        try write(planned)
    }

    // MARK: - Planning

    mutating func owner(severity: EscalationSeverity) -> Int64 {
        if !directors.isEmpty, random.chance(severity == .p1 ? 0.3 : 0.08) { return random.pick(directors) }
        return random.pick(supervisors)
    }

    /// Steps after the raise by the escalation's age: recent ones open or acknowledged, old ones resolved,
    /// a few reopened.
    mutating func lifecycle(_ e: inout Planned, sla: Int64) {
        let age = now - e.raisedAt
        let day: Int64 = 86_400
        let (acknowledge, resolve): (Double, Double) =
            age < day ? (0.4, 0.0) : age < 3 * day ? (0.6, 0.4) : age < 14 * day ? (0.9, 0.8) : (1.0, 0.97)
        guard age > 1_200, random.chance(acknowledge) else { return }
        let handler = e.owner
        let ackAt = min(now - 60, e.raisedAt + Int64(random.int(600...min(8 * 3_600, max(600, Int(age / 2))))))
        e.events.append(.acknowledge(at: ackAt, by: handler))
        if random.chance(0.4) {
            e.events.append(.note(at: ackAt + 60, by: handler, text: random.pick(Self.supervisorNotes)))
        }
        guard random.chance(resolve / acknowledge) else { return }
        let longest = max(3_600, min(Int(now - ackAt) - 120, Int(sla) * 2))
        let resolvedAt = ackAt + 120 + Int64(random.int(0...longest))
        guard resolvedAt < now else { return }
        e.events.append(.resolve(at: resolvedAt, by: handler, text: random.pick(Self.resolutions)))
        // Now and then the problem comes back.
        if now - resolvedAt < 10 * day, now - resolvedAt > 1_200, random.chance(0.05) {
            let reopenedAt = resolvedAt + Int64(random.int(600...Int(max(600, (now - resolvedAt) / 2))))
            e.events.append(.reopen(at: reopenedAt, by: handler))
            e.events.append(.note(at: reopenedAt, by: handler, text: "Reopened: the customer called again."))
        }
    }

    mutating func automatic(_ candidate: Candidate, _ finding: AutoEscalationFinding) -> Planned {
        let facts = candidate.facts
        // The first moment the rule applied, then the next run of the rules within a few hours.
        let firstApplied: Int64
        switch finding.rule {
        case .installDateMissed: firstApplied = (facts.installOn ?? Day(unixSeconds: now)).adding(days: 1).unixSeconds
        case .notDone, .held, .pending:
            let days = finding.rule == .notDone ? AutoEscalationPolicy.defaults.notDoneDays
                : finding.rule == .held ? AutoEscalationPolicy.defaults.heldDays : AutoEscalationPolicy.defaults.pendingDays
            firstApplied = facts.stateSince + Int64(days) * 86_400 + 1
        }
        let raisedAt = min(now, firstApplied + Int64(random.int(0...4 * 3_600)))
        var e = Planned(orderID: candidate.orderID, reason: finding.rule.reason, severity: finding.severity, raisedBy: nil,
                        raisedAt: raisedAt, owner: owner(severity: finding.severity), cause: finding.cause)
        let note = AutoEscalation.finding(for: facts, now: raisedAt)?.note ?? finding.note
        e.events.append(.note(at: raisedAt, by: nil, text: "Raised by the rules: " + note + "."))
        lifecycle(&e, sla: SLAPolicy.defaults.due(raisedAt: raisedAt, severity: e.severity) - raisedAt)
        return e
    }

    static let manualReasons: [EscalationReason] = [
        .customerComplaint, .billingDispute, .constructionDelay, .other, .installDateMissed, .notDoneTooLong,
    ]

    mutating func manual(_ candidate: Candidate) -> Planned? {
        let earliest = max(candidate.createdAt, now - 20 * 86_400)
        guard earliest < now, !managers.isEmpty else { return nil }
        // Recent ones more often than old ones.
        let span = Int(now - earliest)
        let raisedAt = now - Int64(min(random.int(0...span), random.int(0...span)))
        let reason = Self.manualReasons[random.weighted([35, 25, 20, 10, 5, 5])]
        let severity = EscalationSeverity.allCases[random.weighted([15, 45, 40])]
        let raiser = candidate.ownerID ?? random.pick(managers)
        var e = Planned(orderID: candidate.orderID, reason: reason, severity: severity, raisedBy: raiser, raisedAt: raisedAt,
                        owner: owner(severity: severity))
        e.events.append(.note(at: raisedAt, by: raiser, text: random.pick(Self.raiseNotes[reason] ?? Self.raiseNotes[.other]!)))
        lifecycle(&e, sla: SLAPolicy.defaults.due(raisedAt: raisedAt, severity: severity) - raisedAt)
        // Now and then the supervisor who picked it up hands it to a colleague.
        if random.chance(0.05), e.events.count > 1, case .acknowledge(let at, let by) = e.events[1], e.owner != supervisors[0] {
            e.events.insert(.reassign(at: at + 30, by: by, to: supervisors[0]), at: 2)
        }
        return e
    }

    /// The README's cases, on the first customers' first open order past draft (another open order in a tiny demo).
    mutating func fixedCases() throws -> [Planned] {
        func order(customer: Int64) throws -> (Int64, Int64?)? {
            let open = "state NOT IN ('draft', 'billed', 'cancelled', 'rejected')"
            let row = try Row.fetchOne(db, sql: "SELECT id, owner_id FROM orders WHERE customer_id = ? AND \(open) ORDER BY id LIMIT 1",
                                       arguments: [customer])
                ?? Row.fetchOne(db, sql: "SELECT id, owner_id FROM orders WHERE \(open) ORDER BY id LIMIT 1 OFFSET ?",
                                arguments: [customer - 1])
                ?? Row.fetchOne(db, sql: "SELECT id, owner_id FROM orders WHERE \(open) ORDER BY id LIMIT 1")
            return row.map { ($0[0], $0[1]) }
        }
        func user(_ login: String, or fallback: Int64) throws -> Int64 {
            try Int64.fetchOne(db, sql: "SELECT id FROM users WHERE login = ?", arguments: [login]) ?? fallback
        }
        let renee = try user("renee.dubois", or: supervisors[0])
        let victor = try user("victor.okafor", or: supervisors.last!)
        let nadia = try user("nadia.haddad", or: directors.first ?? supervisors[0])
        let dana = try user("dana.ruiz", or: managers.first ?? renee)
        var cases: [Planned] = []
        let hour: Int64 = 3_600
        if let (id, owner) = try order(customer: 1) {
            // Breached: a P1 due 4 hours after it was raised, 6 hours ago.
            let raiser = owner ?? dana
            var e = Planned(orderID: id, reason: .customerComplaint, severity: .p1, raisedBy: raiser, raisedAt: now - 6 * hour, owner: renee)
            e.events = [
                .note(at: now - 6 * hour, by: raiser, text: "Customer says the crew left the install half done and the office has no internet."),
                .acknowledge(at: now - 5 * hour, by: renee),
                .note(at: now - 5 * hour + 120, by: renee, text: "Dispatch promised a truck by noon; chasing them."),
                .note(at: now - 2 * hour, by: renee, text: "No truck yet. Escalated to the field operations manager."),
            ]
            cases.append(e)
        }
        if let (id, owner) = try order(customer: 2) {
            // Due within the hour: a P1 raised 3 hours 20 minutes ago.
            let raiser = owner ?? dana
            var e = Planned(orderID: id, reason: .billingDispute, severity: .p1, raisedBy: raiser, raisedAt: now - 3 * hour - 1_200, owner: victor)
            e.events = [.note(at: e.raisedAt, by: raiser, text: "Customer was billed twice for the install and threatens to cancel.")]
            cases.append(e)
        }
        if let (id, owner) = try order(customer: 3) {
            // On time: a P2 raised an hour ago, owned by the director.
            let raiser = owner ?? dana
            var e = Planned(orderID: id, reason: .constructionDelay, severity: .p2, raisedBy: raiser, raisedAt: now - hour, owner: nadia)
            e.events = [.note(at: e.raisedAt, by: raiser, text: "The landlord has not signed the right-of-entry; construction cannot start.")]
            cases.append(e)
        }
        if let (id, owner) = try order(customer: 4) {
            // Reopened: resolved two days ago, back yesterday.
            let raiser = owner ?? dana
            var e = Planned(orderID: id, reason: .other, severity: .p3, raisedBy: raiser, raisedAt: now - 72 * hour, owner: victor)
            e.events = [
                .note(at: e.raisedAt, by: raiser, text: "Customer wants the order split across their two sites."),
                .acknowledge(at: now - 70 * hour, by: victor),
                .resolve(at: now - 48 * hour, by: victor, text: "Split agreed with the customer; second order to follow."),
                .reopen(at: now - 24 * hour, by: victor),
                .note(at: now - 24 * hour, by: victor, text: "Reopened: the second order was never entered."),
            ]
            cases.append(e)
        }
        return cases
    }

    // MARK: - Writing

    mutating func write(_ planned: [Planned]) throws {
        var escalations = try RawStatement(db, sql: """
            INSERT INTO escalations(id, order_id, reason, severity, status, raised_by, raised_at, owner_id, due_at,
              acknowledged_by, acknowledged_at, resolved_by, resolved_at, resolution, cause, version, updated_by, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var notes = try RawStatement(db, sql: "INSERT INTO escalation_notes(escalation_id, author_id, at, text) VALUES (?, ?, ?, ?)")
        var audit = try RawStatement(db, sql: """
            INSERT INTO audit_log(at, actor_id, entity, entity_id, action, field, old_value, new_value)
            VALUES (?, ?, 'escalation', ?, ?, ?, ?, ?)
            """)
        func log(_ at: Int64, _ actor: Int64?, _ id: Int64, _ action: String, _ field: String?, _ old: String?, _ new: String?) throws {
            audit.add(at); audit.add(actor); audit.add(id); audit.add(action); audit.add(field); audit.add(old); audit.add(new)
            try audit.insert()
        }
        for (index, e) in planned.enumerated() {
            let id = Int64(index + 1)
            var status = EscalationStatus.open
            var owner = e.owner
            var acknowledged: (Int64, Int64)?, resolved: (Int64, Int64, String)?
            var version: Int64 = 1
            var updated: (Int64?, Int64) = (e.raisedBy, e.raisedAt)
            try log(e.raisedAt, e.raisedBy, id, "raise", "status", nil, "open")
            var pendingNotes: [(Int64, Int64?, String)] = []
            for (n, event) in e.events.enumerated() {
                switch event {
                case .note(let at, let by, let text):
                    pendingNotes.append((at, by, text))
                    try log(at, by, id, "note", nil, nil, text)
                    // The raise's own note does not move the version; later notes do (as the store's).
                    if n > 0 { version += 1; updated = (by, at) }
                    continue
                case .acknowledge(let at, let by):
                    try log(at, by, id, "acknowledge", "status", status.rawValue, "acknowledged")
                    status = .acknowledged; acknowledged = (by, at)
                case .resolve(let at, let by, let text):
                    try log(at, by, id, "resolve", "status", status.rawValue, "resolved")
                    status = .resolved; resolved = (by, at, text)
                case .reopen(let at, let by):
                    try log(at, by, id, "reopen", "status", status.rawValue, "open")
                    status = .open; resolved = nil; acknowledged = nil
                case .reassign(let at, let by, let to):
                    try log(at, by, id, "reassign", "owner", logins[owner], logins[to])
                    owner = to
                }
                version += 1
                updated = (event.byUser, event.at)
            }
            escalations.add(id); escalations.add(e.orderID); escalations.add(e.reason.rawValue); escalations.add(e.severity.rawValue)
            escalations.add(status.rawValue); escalations.add(e.raisedBy); escalations.add(e.raisedAt); escalations.add(owner)
            escalations.add(SLAPolicy.defaults.due(raisedAt: e.raisedAt, severity: e.severity))
            escalations.add(acknowledged?.0); escalations.add(acknowledged?.1)
            escalations.add(resolved?.0); escalations.add(resolved?.1); escalations.add(resolved?.2)
            escalations.add(e.cause); escalations.add(version); escalations.add(updated.0); escalations.add(updated.1)
            try escalations.insert()
            for (at, by, text) in pendingNotes {
                notes.add(id); notes.add(by); notes.add(at); notes.add(text)
                try notes.insert()
            }
        }
    }

    // MARK: - Words

    static let raiseNotes: [EscalationReason: [String]] = [
        .customerComplaint: [
            "Customer called twice about the install; wants a manager to call back today.",
            "Owner is unhappy with the delays and mentions switching providers.",
            "Customer says nobody turned up in the install window.",
        ],
        .billingDispute: [
            "Customer disputes the NRC on the first invoice; it was waived in the quote.",
            "First bill shows the list price instead of the contract price.",
            "Customer was billed before the service was installed.",
        ],
        .constructionDelay: [
            "Permit still pending with the town; construction crew on hold.",
            "Conduit blocked at the street; the contractor needs a new route.",
            "Landlord will not allow core drilling until the lease is renewed.",
        ],
        .other: [
            "Customer wants the install moved to a weekend; needs approval for overtime.",
            "Order entered under the wrong location; needs a supervisor to untangle it.",
        ],
        .installDateMissed: ["Technician did not show; customer took the day off for it."],
        .notDoneTooLong: ["Stuck in not done since the last visit; nobody has rescheduled it."],
    ]

    static let supervisorNotes = [
        "Called the customer and apologised; follow-up set for tomorrow.",
        "Asked field operations for the earliest slot.",
        "Billing is checking the invoice against the contract.",
        "Waiting on the town for the permit; chased the clerk.",
    ]

    static let resolutions = [
        "Customer confirmed a new install date.",
        "Technician re-dispatched; install booked.",
        "Credit approved and applied to the next invoice.",
        "Permit received; construction resumes this week.",
        "Customer asked to wait until their move; follow-up set, nothing more to do now.",
        "Reviewed with the account manager; the order is progressing.",
    ]
}

extension DemoEscalations.Event {
    /// Who took the step.
    var byUser: Int64? {
        switch self {
        case .note(_, let by, _): return by
        case .acknowledge(_, let by), .resolve(_, let by, _), .reopen(_, let by), .reassign(_, let by, _): return by
        }
    }
}
