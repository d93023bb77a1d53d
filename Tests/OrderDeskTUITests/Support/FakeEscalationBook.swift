import Foundation
import OrderDeskCore
@testable import OrderDeskTUI

/// The people of the status-view tests: two who handle escalations, and the sample account managers.
enum SampleEscalations {
    static let supervisor = SampleContracts.supervisor   // lee.chen
    static let director = SampleContracts.director       // rita.okafor
    static let manager = SampleOrders.manager            // dana.ruiz
    static let otherManager = SampleContracts.otherManager // sam.ortiz
    static let viewer = SampleOrders.viewer
    /// Who may own an escalation, as the store's `escalationOwners` answers.
    static let owners = [supervisor.login, director.login]
}

/// An in-memory escalation book behind an `EscalationClient`, for the status view: the store's contract
/// without SQL. The list is ordered by `EscalationSortKey` at the `asOf` asked for (breached first, then
/// severity, then age) and paged by keyset relative to the anchor's key, whether or not the anchor is
/// still listed; an account manager's filter (`involvingLogin`) keeps the escalations on orders they own or
/// that they raised. Steps and notes are checked as the store checks them: the acting user must handle
/// escalations (`forbidden`), the version must be the one seen (`recordConflict`), the status must allow
/// the step (`refused`, with the store's words), a resolution needs a note, a new owner must be a
/// supervisor or a director. Every change moves the escalation's version and the book's `changes`, which
/// the fake order book adds to its data version, so the desk's poll sees it.
///
/// The sample, in list order at `SampleOrders.now` (ten escalations, eight active):
/// 1 P1 breached open (Café Roma, dana's order, raised by the rules); 2 P2 breached acknowledged (Ñandú);
/// 3 P1 due in 42 minutes (東京寿司, raised by dana); 7 P2 due in 4h (dana's); 4 P2 due in 14h (dana's);
/// 10 P2 due in 23h (Müller & Söhne); 6 P3 acknowledged (Crème Brûlée); 5 P3 (北京烤鸭); then resolved:
/// 8 (Zoë's) and 9 (Island Logistics, dana's). `extra` adds P3 open escalations from id 101 up, for paging.
final class FakeEscalationBook: @unchecked Sendable {
    private let lock = NSRecursiveLock()
    private(set) var records: [Int64: EscalationRecord] = [:]
    private var orderOwners: [Int64: String] = [:]
    let orders: [QueueRow]
    let now: Int64
    /// Moves with every change, for the desk's data version.
    private(set) var changes: Int64 = 0
    var board: TeamBoard
    var history: EscalationHistory
    /// Every page asked for, to check that the screen fetches only what it shows.
    private(set) var fetches: [(filter: EscalationFilter, asOf: Int64, request: EscalationPageRequest, limit: Int)] = []
    /// Every count asked for.
    private(set) var counts: [EscalationFilter] = []
    /// Every step and note asked for, in order, with who asked.
    private(set) var steps: [(id: Int64, step: EscalationStep?, login: String)] = []

    init(orders: [QueueRow], now: Int64 = SampleOrders.now, extra: Int = 0, boardRows: [TeamBoardRow] = SampleBoard.rows) {
        self.orders = orders
        self.now = now
        board = TeamBoard(rows: boardRows, weekStart: TeamBoard.weekStart(now: now))
        history = EscalationHistory(lastDay: Day(unixSeconds: now), counts: [3, 4, 4, 5, 7, 6, 8, 9, 7, 6, 8, 10, 9, 8])
        let h: Int64 = 3_600
        let sample: [(Int64, Int, EscalationReason, EscalationSeverity, EscalationStatus, Int64, Int64, String, String?)] = [
            // id, order index, reason, severity, status, raised ago, due from now, owner, raised by
            (1, 0, .installDateMissed, .p1, .open, 6 * h, -2 * h, "lee.chen", nil),
            (2, 1, .billingDispute, .p2, .acknowledged, 30 * h, -1 * h, "rita.okafor", "sam.ortiz"),
            (3, 2, .customerComplaint, .p1, .open, 3 * h + 1_080, 42 * 60, "lee.chen", "dana.ruiz"),
            (4, 6, .notDoneTooLong, .p2, .open, 10 * h, 14 * h, "lee.chen", nil),
            (5, 7, .heldTooLong, .p3, .open, 48 * h, 24 * h, "rita.okafor", nil),
            (6, 5, .constructionDelay, .p3, .acknowledged, 96 * h, 5 * h, "lee.chen", "sam.ortiz"),
            (7, 12, .waitingOnCustomerTooLong, .p2, .open, 20 * h, 4 * h, "lee.chen", "dana.ruiz"),
            (8, 8, .other, .p3, .resolved, 144 * h, -100 * h, "lee.chen", "lee.chen"),
            (9, 9, .billingDispute, .p1, .resolved, 72 * h, -68 * h, "rita.okafor", "dana.ruiz"),
            (10, 3, .customerComplaint, .p2, .open, 1 * h, 23 * h, "rita.okafor", "lee.chen"),
        ]
        for (id, index, reason, severity, status, ago, due, owner, raisedBy) in sample {
            put(id: id, order: orders[index], reason: reason, severity: severity, status: status, raisedAt: now - ago,
                dueAt: now + due, owner: owner, raisedBy: raisedBy)
        }
        for n in 0..<extra {
            put(id: Int64(101 + n), order: orders[n % orders.count], reason: .other, severity: .p3, status: .open,
                raisedAt: now - Int64(200 + n) * h, dueAt: now + 30 * h, owner: "lee.chen", raisedBy: "lee.chen")
        }
        // Today's figure is what is active now.
        history.counts[history.counts.count - 1] = summary().active
    }

    private func put(id: Int64, order: QueueRow, reason: EscalationReason, severity: EscalationSeverity, status: EscalationStatus,
                     raisedAt: Int64, dueAt: Int64, owner: String?, raisedBy: String?) {
        records[id] = EscalationRecord(
            id: id, orderID: order.id, orderNumber: order.orderNumber, customerName: order.customerName, reason: reason,
            severity: severity, status: status, raisedByLogin: raisedBy, raisedAt: raisedAt, ownerLogin: owner, dueAt: dueAt,
            acknowledgedAt: status == .acknowledged ? raisedAt + 600 : nil, resolvedAt: status == .resolved ? raisedAt + 7_200 : nil,
            resolution: status == .resolved ? "Sorted with the customer." : nil, cause: nil, version: 1,
            notes: raisedBy == nil ? [EscalationNote(at: raisedAt, authorLogin: nil, text: "Raised by the rules.")] : [])
        if let login = order.ownerLogin { orderOwners[id] = login }
    }

    // MARK: The client

    func client(as user: UserAccount) -> EscalationClient {
        EscalationClient(
            summary: { [self] in summary() },
            teamBoard: { [self] in lock.lock(); defer { lock.unlock() }; return board },
            history: { [self] in lock.lock(); defer { lock.unlock() }; return history },
            page: { [self] in page($0, $1, $2, $3) },
            count: { [self] in lock.lock(); defer { lock.unlock() }; counts.append($0); return matching($0, asOf: now).count },
            detail: { [self] in try record($0) },
            forOrder: { [self] orderID in
                lock.lock(); defer { lock.unlock() }
                return records.values.filter { $0.orderID == orderID }.sorted { $0.raisedAt > $1.raisedAt }
            },
            raise: { [self] orderID, reason, severity, note in try raise(orderID, reason, severity, note, by: user) },
            step: { [self] in try step($0, $1, $2, by: user) },
            addNote: { [self] in try addNote($0, $1, by: user) },
            owners: { SampleEscalations.owners },
            runRules: { 0 })
    }

    // MARK: The list

    func row(_ id: Int64) -> EscalationRow {
        lock.lock(); defer { lock.unlock() }
        let r = records[id]!
        return EscalationRow(id: r.id, orderID: r.orderID, orderNumber: r.orderNumber, customerName: r.customerName,
                             orderOwnerLogin: orderOwners[id], reason: r.reason, severity: r.severity, status: r.status,
                             ownerLogin: r.ownerLogin, raisedByLogin: r.raisedByLogin, raisedAt: r.raisedAt, dueAt: r.dueAt,
                             version: r.version)
    }

    /// Escalations matching `filter`, in the list's order at `asOf`.
    func matching(_ filter: EscalationFilter, asOf: Int64) -> [EscalationRow] {
        lock.lock(); defer { lock.unlock() }
        return records.keys.map(row).filter { row in
            switch filter.status {
            case .active: guard row.status.isActive else { return false }
            case .open: guard row.status == .open else { return false }
            case .acknowledged: guard row.status == .acknowledged else { return false }
            case .resolved: guard row.status == .resolved else { return false }
            }
            if let severity = filter.severity, row.severity != severity { return false }
            if let owner = filter.ownerLogin, row.ownerLogin != owner { return false }
            if let reason = filter.reason, row.reason != reason { return false }
            if let login = filter.involvingLogin, row.orderOwnerLogin != login && row.raisedByLogin != login { return false }
            return true
        }.sorted { $0.sortKey(asOf: asOf) < $1.sortKey(asOf: asOf) }
    }

    func page(_ filter: EscalationFilter, _ asOf: Int64, _ request: EscalationPageRequest, _ limit: Int) -> EscalationPage {
        lock.lock(); defer { lock.unlock() }
        fetches.append((filter, asOf, request, limit))
        let all = matching(filter, asOf: asOf)
        switch request {
        case .first:
            return EscalationPage(rows: Array(all.prefix(limit)), hasMoreAfter: all.count > limit, hasMoreBefore: false)
        case .last:
            return EscalationPage(rows: Array(all.suffix(limit)), hasMoreAfter: false, hasMoreBefore: all.count > limit)
        case .after(let anchor):
            let key = anchor.sortKey(asOf: asOf)
            let start = all.firstIndex { $0.sortKey(asOf: asOf) > key } ?? all.count
            return EscalationPage(rows: Array(all[start...].prefix(limit)), hasMoreAfter: start + limit < all.count,
                                  hasMoreBefore: start > 0)
        case .before(let anchor):
            let key = anchor.sortKey(asOf: asOf)
            let end = all.firstIndex { $0.sortKey(asOf: asOf) >= key } ?? all.count
            let start = max(0, end - limit)
            return EscalationPage(rows: Array(all[start..<end]), hasMoreAfter: end < all.count, hasMoreBefore: start > 0)
        }
    }

    /// Active escalations by severity and SLA state at `now`, as the store counts them.
    func summary() -> EscalationSummary {
        let active = matching(EscalationFilter(), asOf: now)
        var bySeverity: [EscalationSeverity: Int] = [:], bySLA: [SLAState: Int] = [:]
        for row in active {
            bySeverity[row.severity, default: 0] += 1
            if let sla = row.slaState(at: now) { bySLA[sla, default: 0] += 1 }
        }
        return EscalationSummary(bySeverity: bySeverity, bySLA: bySLA)
    }

    func record(_ id: Int64) throws -> EscalationRecord {
        lock.lock(); defer { lock.unlock() }
        guard let r = records[id] else { throw OrderDeskError.recordNotFound(what: "escalation #\(id)") }
        return r
    }

    // MARK: Changes, checked as the store checks them

    func step(_ id: Int64, _ step: EscalationStep, _ expected: Int64, by user: UserAccount) throws -> EscalationRecord {
        lock.lock(); defer { lock.unlock() }
        steps.append((id, step, user.login))
        guard user.role.handlesEscalations else {
            throw OrderDeskError.forbidden(login: user.login, role: user.role, action: "handle escalations")
        }
        var r = try record(id)
        guard r.version == expected else {
            throw OrderDeskError.recordConflict(what: "escalation of order \(r.orderNumber)", changedBy: "Rita Okafor", changedAt: now - 60)
        }
        func refusal(_ past: String) -> OrderDeskError {
            .refused("The escalation of order \(r.orderNumber) is \(r.status.label), so it cannot be \(past); it can be "
                + r.status.next.map(\.label).joined(separator: " or ") + ".")
        }
        switch step {
        case .acknowledge:
            guard r.status == .open else { throw refusal("acknowledged") }
            r.status = .acknowledged; r.acknowledgedAt = now
        case .resolve(let note):
            guard r.status.isActive else { throw refusal("resolved") }
            let text = note.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { throw OrderDeskError.invalidFields([FieldError(field: "resolution", message: "Say how it was resolved.")]) }
            r.status = .resolved; r.resolvedAt = now; r.resolution = text
        case .reopen:
            guard r.status == .resolved else { throw refusal("reopened") }
            r.status = .open; r.resolvedAt = nil; r.resolution = nil; r.acknowledgedAt = nil
        case .reassign(let login):
            guard r.status.isActive else { throw refusal("reassigned") }
            guard SampleEscalations.owners.contains(login) else {
                throw OrderDeskError.refused("\(login) is not a supervisor or a director: an escalation's owner is a supervisor or a director.")
            }
            r.ownerLogin = login
        }
        r.version += 1
        records[id] = r
        changes += 1
        return r
    }

    func addNote(_ id: Int64, _ text: String, by user: UserAccount) throws -> EscalationRecord {
        lock.lock(); defer { lock.unlock() }
        steps.append((id, nil, user.login))
        guard user.role.handlesEscalations else {
            throw OrderDeskError.forbidden(login: user.login, role: user.role, action: "write on escalations")
        }
        var r = try record(id)
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw OrderDeskError.invalidFields([FieldError(field: "note", message: "Write the note first.")])
        }
        r.notes.append(EscalationNote(at: now, authorLogin: user.login, text: text))
        r.version += 1
        records[id] = r
        changes += 1
        return r
    }

    func raise(_ orderID: Int64, _ reason: EscalationReason, _ severity: EscalationSeverity, _ note: String?,
               by user: UserAccount) throws -> EscalationRecord {
        lock.lock(); defer { lock.unlock() }
        guard user.role != .viewer else { throw OrderDeskError.forbidden(login: user.login, role: user.role, action: "raise escalations") }
        guard let order = orders.first(where: { $0.id == orderID }) else { throw OrderDeskError.recordNotFound(what: "order #\(orderID)") }
        let id = (records.keys.max() ?? 0) + 1
        put(id: id, order: order, reason: reason, severity: severity, status: .open, raisedAt: now,
            dueAt: SLAPolicy.defaults.due(raisedAt: now, severity: severity), owner: "lee.chen", raisedBy: user.login)
        if let note { records[id]!.notes.append(EscalationNote(at: now, authorLogin: user.login, text: note)) }
        changes += 1
        return records[id]!
    }

    // MARK: Someone in another terminal

    /// Another supervisor changes an escalation (its version moves).
    func externalChange(_ id: Int64, _ change: (inout EscalationRecord) -> Void) {
        lock.lock(); defer { lock.unlock() }
        guard var r = records[id] else { return }
        change(&r)
        r.version += 1
        records[id] = r
        changes += 1
    }

    /// The rules, in another desk, raise an escalation now.
    @discardableResult
    func externalRaise(orderIndex: Int, severity: EscalationSeverity, dueIn: Int64) -> Int64 {
        lock.lock(); defer { lock.unlock() }
        let id = (records.keys.max() ?? 0) + 1
        put(id: id, order: orders[orderIndex], reason: .notDoneTooLong, severity: severity, status: .open, raisedAt: now,
            dueAt: now + dueIn, owner: "rita.okafor", raisedBy: nil)
        changes += 1
        return id
    }
}

/// The sample team board: six account managers, accented and CJK names among them, so it scrolls at 80×24.
enum SampleBoard {
    static func row(_ id: Int64, _ login: String, _ name: String, open: Int, notDone: Int, aging: (Int, Int, Int, Int),
                    installs: Int, mrr: Int64) -> TeamBoardRow {
        TeamBoardRow(id: id, login: login, name: name, openOrders: open, notDone: notDone,
                     aging: AgingBuckets(upTo7: aging.0, upTo14: aging.1, upTo30: aging.2, over30: aging.3),
                     installsThisWeek: installs, mrrBookedThisWeek: Money(cents: mrr))
    }

    static let rows: [TeamBoardRow] = [
        row(7, "dana.ruiz", "Dana Ruiz", open: 14, notDone: 2, aging: (8, 3, 2, 1), installs: 3, mrr: 421_550),
        row(21, "jose.nunez", "José Núñez", open: 9, notDone: 0, aging: (7, 1, 1, 0), installs: 4, mrr: 1_234_025),
        row(22, "priya.raman", "Priya Raman", open: 5, notDone: 1, aging: (3, 1, 1, 0), installs: 1, mrr: 29_900),
        row(8, "sam.ortiz", "Sam Ortiz", open: 11, notDone: 1, aging: (6, 2, 2, 1), installs: 2, mrr: 198_000),
        row(23, "wang.xiaoming", "王小明 Wang Xiaoming", open: 7, notDone: 3, aging: (2, 1, 2, 2), installs: 0, mrr: 0),
        row(24, "zoe.angstrom", "Zoë Ångström", open: 12, notDone: 0, aging: (10, 2, 0, 0), installs: 5, mrr: 85_000),
    ]
}
