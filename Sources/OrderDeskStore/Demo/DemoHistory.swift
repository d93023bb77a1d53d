import GRDB
import OrderDeskCore

/// The demo's order trails, written the way the store writes them (`AppDatabase.apply`):
///
/// - every order's `create` row;
/// - for an order booked in the last `windowDays` (the reports' thirteen months and some room), every move
///   from draft to its current state through the workflow's transitions: `move` rows for the state, the
///   reason code (set on entering held, not done, cancelled or rejected, cleared on leaving), the install
///   date, the bill start date and the submission date, each move's note as an `order_notes` row and a
///   `note` row; now and then a detour (pending or held before the work starts, a missed install and a
///   new date). The first move is on `submitted_on`, the move to installed on `install_on` in working
///   hours, the last move at `state_since`. Mostly the owner moves the order; sometimes a colleague or a
///   supervisor;
/// - for older orders, the thin trail of earlier demos: now and then the move into the current state;
/// - the notes written outside a move.
///
/// Deterministic for the seed, from a stream of its own (the orders themselves do not change with it).
/// The planned moves live in buffers reused from order to order, so the 1,000,000-order build allocates
/// nothing per move but the dates' text.
struct DemoHistory {
    /// Orders booked this many days before the demo's day or later have their whole trail.
    static let windowDays = 425

    /// An order as the builder drew it.
    struct Order {
        var id: Int64
        var state: OrderState
        var owner: Int64?
        var creator: Int64
        var createdAt: Int64
        var submitted: Day?
        var install: Day?
        var billStart: Day?
        var stateSince: Int64
        var reason: String?
    }

    /// What the order's row records of its trail.
    struct Outcome {
        var createdAt: Int64
        var version: Int64
        var updatedBy: Int64
        var updatedAt: Int64
    }

    let now: Int64
    let managers: [Int64]
    let supervisors: [Int64]
    var random: SeededRandom
    private var audit: RawStatement
    private var notes: RawStatement

    // The current order's moves, one entry a move (buffers reused from order to order).
    private var targets: [OrderState] = []
    /// The preferred instant (0: between its neighbours), then the instant written.
    private var at: [Int64] = []
    private var actors: [Int64] = []
    private var reasons: [String?] = []
    /// The install date a move to scheduled sets (a day ordinal; 0 for other moves).
    private var installs: [Int] = []
    private var moveNotes: [String?] = []

    init(db: Database, seed: UInt64, now: Int64, managers: [Int64], supervisors: [Int64]) throws {
        self.now = now; self.managers = managers; self.supervisors = supervisors
        random = SeededRandom(seed: seed ^ 0x0415_7041_0007)
        audit = try RawStatement(db, sql: """
            INSERT INTO audit_log(at, actor_id, entity, entity_id, action, field, old_value, new_value)
            VALUES (?, ?, 'order', ?, ?, ?, ?, ?)
            """)
        notes = try RawStatement(db, sql: "INSERT INTO order_notes(order_id, author_id, at, text) VALUES (?, ?, ?, ?)")
        targets.reserveCapacity(16); at.reserveCapacity(16); actors.reserveCapacity(16)
        reasons.reserveCapacity(16); installs.reserveCapacity(16); moveNotes.reserveCapacity(16)
    }

    // MARK: - Planning

    /// Plans the moves of `order` from draft to its state (none for a draft). The creation instant comes
    /// back earlier than drawn in the rare case the moves need the room.
    mutating func plan(_ order: Order) -> Outcome {
        targets.removeAll(keepingCapacity: true); at.removeAll(keepingCapacity: true)
        actors.removeAll(keepingCapacity: true); reasons.removeAll(keepingCapacity: true)
        installs.removeAll(keepingCapacity: true); moveNotes.removeAll(keepingCapacity: true)
        guard order.state != .draft, let submitted = order.submitted else {
            return Outcome(createdAt: order.createdAt, version: 1, updatedBy: order.creator, updatedAt: order.createdAt)
        }
        let state = order.state
        let install = order.install ?? Day(unixSeconds: order.stateSince)
        add(.submitted, order, at: max(officeTime(submitted), order.createdAt + Int64(random.int(120...5_400))))
        switch state {
        case .submitted, .rejected:
            break
        case .pending, .held:
            if random.chance(0.3) { add(.inProgress, order) }
        case .inProgress:
            if random.chance(0.25) { add(random.chance(0.5) ? .pending : .held, order) }
        case .cancelled:
            switch random.int(0...9) {
            case 0...4: break
            case 5, 6: add(.inProgress, order)
            case 7: add(.pending, order)
            case 8: add(.held, order)
            default: add(.inProgress, order); add(.held, order)
            }
        case .scheduled, .notDone, .installed, .billed:
            if random.chance(0.2) { add(random.chance(0.6) ? .pending : .held, order) }
            add(.inProgress, order)
            // A missed install now and then: not done on the first date, then a new one.
            if state == .installed || state == .billed, install - submitted >= 8, random.chance(0.12) {
                let missed = Day(ordinal: random.int((submitted.ordinal + 3)...(install.ordinal - 4)))
                add(.scheduled, order, install: missed)
                add(.notDone, order, at: officeTime(missed))
            }
            if state != .scheduled { add(.scheduled, order, install: install) }
            if state == .billed { add(.installed, order, at: officeTime(install)) }
        case .draft:
            break
        }
        if state != .submitted { add(state, order, install: state == .scheduled ? install : nil, last: true) }
        // The last move is the order's state_since; the others keep their order and their day where they can.
        at[at.count - 1] = order.stateSince
        interpolateFreeMoves()
        for i in stride(from: at.count - 2, through: 0, by: -1) {
            at[i] = min(at[i], at[i + 1] - Int64(random.int(60...900)))
        }
        return Outcome(createdAt: min(order.createdAt, at[0]), version: 1 + Int64(targets.count),
                       updatedBy: actors[actors.count - 1], updatedAt: order.stateSince)
    }

    /// Appends a move into `target`; `at` 0 places it between its neighbours. The last move takes the
    /// order's reason code, the others draw one when their state needs it.
    private mutating func add(_ target: OrderState, _ order: Order, at instant: Int64 = 0, install: Day? = nil,
                              last: Bool = false) {
        targets.append(target)
        at.append(instant)
        actors.append(actor(order))
        let codes = ReasonCode.codes(for: target)
        reasons.append(codes.isEmpty ? nil : last ? order.reason : random.pick(codes).code)
        installs.append(install?.ordinal ?? 0)
        let (texts, chance) = Self.notes(for: target)
        moveNotes.append(random.chance(chance) ? random.pick(texts) : nil)
    }

    /// Mostly the owner; sometimes a colleague or a supervisor.
    private mutating func actor(_ order: Order) -> Int64 {
        let owner = order.owner ?? order.creator
        let roll = random.int(0...99)
        if roll < 85 || managers.count < 2 { return owner }
        if roll < 95 || supervisors.isEmpty { return random.pick(managers) }
        return random.pick(supervisors)
    }

    /// A time during office hours on `day`.
    private mutating func officeTime(_ day: Day) -> Int64 {
        min(now, day.unixSeconds + 8 * 3_600 + Int64(random.int(0...35_999)))
    }

    /// Free moves go on the days evenly between the fixed moves around them, at an office hour.
    private mutating func interpolateFreeMoves() {
        var previous = 0
        for next in 1..<at.count where at[next] != 0 {
            let free = next - previous - 1
            if free > 0 {
                let from = at[previous], to = max(at[previous], at[next])
                for j in 1...free {
                    let t = from + (to - from) * Int64(j) / Int64(free + 1)
                    let earliest = from + 60 * Int64(j), latest = to - 60 * Int64(free + 1 - j)
                    at[previous + j] = earliest <= latest ? min(max(officeTime(Day(unixSeconds: t)), earliest), latest) : t
                }
            }
            previous = next
        }
    }

    // MARK: - Writing

    /// The order's `create` row.
    mutating func writeCreation(orderID: Int64, at: Int64, by actor: Int64) throws {
        try log(at, actor, orderID, "create", nil, nil, nil)
    }

    /// The planned moves of the order, with their notes.
    mutating func writeMoves(_ order: Order) throws {
        var from = OrderState.draft
        var reason: String?
        var install = 0
        for i in 0..<targets.count {
            let to = targets[i], when = at[i], by = actors[i]
            try log(when, by, order.id, "move", "state", from.rawValue, to.rawValue)
            if reasons[i] != reason {
                try log(when, by, order.id, "move", "reason_code", reason, reasons[i])
                reason = reasons[i]
            }
            if to == .scheduled, installs[i] != install {
                try log(when, by, order.id, "move", "install_on", install == 0 ? nil : Day(ordinal: install).iso,
                        Day(ordinal: installs[i]).iso)
                install = installs[i]
            }
            if to == .billed { try log(when, by, order.id, "move", "bill_start_on", nil, order.billStart?.iso) }
            if to == .submitted { try log(when, by, order.id, "move", "submitted_on", nil, order.submitted?.iso) }
            if let text = moveNotes[i] { try writeNote(orderID: order.id, at: when, by: by, text: text) }
            from = to
        }
    }

    /// The move into the current state alone, from its most plausible predecessor (older orders).
    mutating func writeLastMove(orderID: Int64, at: Int64, by actor: Int64, from: OrderState, to: OrderState, reason: String?) throws {
        try log(at, actor, orderID, "move", "state", from.rawValue, to.rawValue)
        if let reason { try log(at, actor, orderID, "move", "reason_code", nil, reason) }
    }

    /// A note on the order: its row and its audit row.
    mutating func writeNote(orderID: Int64, at: Int64, by author: Int64, text: String) throws {
        notes.add(orderID); notes.add(author); notes.add(at); notes.add(text)
        try notes.insert()
        try log(at, author, orderID, "note", "note", nil, text)
    }

    private mutating func log(_ at: Int64, _ actor: Int64, _ id: Int64, _ action: String, _ field: String?, _ old: String?,
                              _ new: String?) throws {
        audit.add(at); audit.add(actor); audit.add(id); audit.add(action); audit.add(field); audit.add(old); audit.add(new)
        try audit.insert()
    }

    // MARK: - Words

    /// What an account manager writes when moving an order into `state`, and how often they do.
    static func notes(for state: OrderState) -> (texts: [String], chance: Double) {
        switch state {
        case .held: return (heldNotes, 0.35)
        case .notDone: return (notDoneNotes, 0.35)
        case .cancelled: return (cancelledNotes, 0.35)
        case .rejected: return (rejectedNotes, 0.35)
        case .pending: return (pendingNotes, 0.35)
        default: return (DemoNames.noteTexts, 0.04)
        }
    }

    static let heldNotes = [
        "Waiting on the landlord's right-of-entry before construction.",
        "Credit team asked for the last two years' statements.",
        "Equipment back-ordered; vendor promises two weeks.",
        "Town permit applied for; usually takes three weeks.",
    ]
    static let notDoneNotes = [
        "Technician found the comms room locked; customer to send a key holder.",
        "Inside wiring not ready; customer's electrician booked for next week.",
        "Customer not on site in the window; rescheduling.",
        "Router failed on site; replacement shipped.",
    ]
    static let cancelledNotes = [
        "Customer signed with a competitor; cancelling.",
        "Duplicate of an order entered the day before.",
        "Customer declined the construction charge.",
        "No facilities to the building and no plans to build.",
    ]
    static let rejectedNotes = [
        "Service address does not exist in the plant records.",
        "Order missing the signed CSA; sent back to sales.",
        "Pricing below the floor without an approval.",
        "Credit check failed; asked for a deposit.",
    ]
    static let pendingNotes = [
        "Waiting on the customer to confirm the site contact.",
        "LOA sent for signature; pending its return.",
        "Asked the customer for the demarc location.",
        "Pending the CSR from the losing carrier.",
    ]
}
